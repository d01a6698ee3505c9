import { CellValue, isExcelError } from "../cell";
import { readYesNo } from "../values";

/* What a row's cells look like: text, blank, data. */

/** Runs of whitespace (or the odd spaces Excel users paste) that cellText turns into one space. */
const LOOSE_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u202f\u200b\u2028\u2029\u1680\u2000-\u200a\u205f\u3000\ufeff]/;

export const cellText = (v: CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  // Most cells hold tidy text: only trimming to do.
  if (!LOOSE_SPACE.test(v)) return v.trim();
  return v.replace(/[\s\u00a0\u202f\u200b]+/g, " ").trim();
};

/** A cell text that is only a number ("12", "1.234,5", "95%"): not a label. */
export const PLAIN_NUMBER = /^[-+−]?\d[\d.,\s]*%?$/;

/**
 * Whether a number cell's text would be a label, i.e. not match PLAIN_NUMBER: only NaN, ±Infinity and the
 * exponent forms String() gives below 1e-6 and from 1e21 ("1e-7", "1e+21").
 */
export const numberIsLabel = (v: number): boolean =>
  !Number.isFinite(v) || (v !== 0 && (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e21));

/** A skipped row's filled cells, for the note saying why it was skipped. */
export const filledText = (row: CellValue[]): string =>
  row
    .map(cellText)
    .filter((t) => t !== "")
    .join(" ");

export const isBlankRow = (row: CellValue[] | undefined): boolean => !row || row.every((v) => cellText(v) === "");

/** Values, yes/no words or plain numbers: a data row, not a header row. */
export function looksLikeData(row: CellValue[]): boolean {
  const numbers = row.filter((v) => typeof v === "number");
  // Bare criterion numbers under "Tiêu chí" (1, 2, …, 13) are still header.
  if (numbers.length >= 3 && row.every((v) => cellText(v) === "" || typeof v === "number")) {
    const ns = numbers as number[];
    if (ns.every((n, k) => k === 0 || n === ns[k - 1] + 1)) return false;
  }
  return row.some((v) => {
    if (typeof v === "number" || typeof v === "boolean") return true;
    const t = cellText(v);
    if (t === "") return false;
    if (isExcelError(t)) return true;
    if (PLAIN_NUMBER.test(t)) return true;
    return readYesNo(t) !== undefined;
  });
}
