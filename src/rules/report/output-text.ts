import { CellValue } from "../reading/cell";
import { SheetOutput } from "../workbook";

/** The most characters an Excel cell holds (Office.js refuses more, a file with more is repaired). */
export const EXCEL_CELL_CHARACTERS = 32_767;

/** Characters XML 1.0 cannot carry (controls other than tab and line ends, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const CUT_NOTE =
  " … [đã cắt bớt: một ô Excel chứa tối đa 32.767 ký tự / cut: an Excel cell holds at most 32,767 characters]";

/** A text without the characters XML 1.0 cannot carry (a Word document's text too). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** A text as an Excel cell can hold it: characters XML cannot carry removed, cut at Excel's limit with a note. */
export function writableText(text: string): string {
  let out = xmlText(text);
  if (out.length > EXCEL_CELL_CHARACTERS) {
    let end = EXCEL_CELL_CHARACTERS - CUT_NOTE.length;
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(out[end - 1])) end--;
    out = out.slice(0, end) + CUT_NOTE;
  }
  return out;
}

const needsWork = (v: CellValue): v is string =>
  typeof v === "string" && (v.length > EXCEL_CELL_CHARACTERS || v.search(NOT_XML) >= 0);

/**
 * A sheet as every host can write it: texts made writable (see writableText). Names, titles and the
 * rest are the add-in's own; cell texts carry what was read from users' files (names, raw values).
 * The sheet is returned as is when nothing needs to change.
 */
export function writableSheet(sheet: SheetOutput): SheetOutput {
  if (!sheet.rows.some((row) => row.some(needsWork))) return sheet;
  return {
    ...sheet,
    rows: sheet.rows.map((row) => (row.some(needsWork) ? row.map((v) => (needsWork(v) ? writableText(v) : v)) : row)),
  };
}
