import { CellValue, MergedRange } from "../cell";
import { ReadingMemory } from "../reading-memory";
import { MIN_CONFIDENCE } from "./roles";
import { HeaderPart, parseHeader } from "./header-text";
import { RulesetIndex } from "./ruleset-index";
import { matchPart } from "./header-match";

/* Header rows (merged blocks, forward-filled group labels, a numbering row) → each column's parts, top to bottom. */

/** "(1)", "1", "A", "(4)=(2)/(3)": a cell of the row that numbers the columns. */
const isColumnNumber = (v: CellValue): boolean =>
  (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1000) ||
  (typeof v === "string" && /^\(?\s*(\d{1,3}|[a-zA-Z])\s*\)?(\s*=.*)?$/.test(v.trim()));

/** Columns with text in any of the rows. */
export function filledColumns(rows: CellValue[][]): number[] {
  const cols = new Set<number>();
  for (const r of rows) r.forEach((v, c) => cellText(v) !== "" && cols.add(c));
  return [...cols].sort((a, b) => a - b);
}

/**
 * The column-numbering row under a header ("(1) (2) (3)…", "A B 1 2 …"): numbers on nearly every
 * header column, from the first one. Bare criterion numbers under a "Tiêu chí" label cover only part.
 */
export function isColumnNumberingRow(row: CellValue[] | undefined, headerColumns: number[]): boolean {
  if (!row) return false;
  // A loop, not arrays: this runs on every row of a district sheet.
  let filled = 0;
  let numbered = 0;
  let firstNumbered = -1;
  let anyDigit = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    filled++;
    if (!isColumnNumber(v)) {
      // More than one cell that is not a column number: not a numbering row.
      if (filled - numbered > 1) return false;
      continue;
    }
    numbered++;
    if (firstNumbered < 0) firstNumbered = c;
    anyDigit ||= typeof v === "number" || /\d/.test(String(v));
  }
  if (numbered < 3 || numbered < filled - 1 || !anyDigit) return false;
  if (headerColumns.length === 0) return true;
  return firstNumbered <= Math.min(...headerColumns) && numbered >= 0.7 * headerColumns.length;
}

export interface ColumnParts {
  column: number;
  parts: HeaderPart[];
  /** For each part, the cell its text comes from ("row:col"), to find a group label's columns. */
  origins: string[];
}

const BLANK_TEXT = /^[\s\u00a0\u202f\u200b]*$/;

/** cellText(v) === "", without building the text. */
const isBlankCell = (v: CellValue): boolean =>
  v === null || v === undefined || typeof v === "boolean" || (typeof v === "string" && BLANK_TEXT.test(v));

const cellText = (v: CellValue): string => {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  return String(v)
    .replace(/[\s\u00a0\u202f\u200b]+/g, " ")
    .trim();
};

export function columnParts(
  headerRows: CellValue[][],
  merges: MergedRange[] | undefined,
  memory: ReadingMemory
): ColumnParts[] {
  const height = headerRows.length;
  let width = Math.max(0, ...headerRows.map((r) => r.length));
  for (const m of merges ?? []) if (m.top < height && m.bottom >= 0) width = Math.max(width, m.right + 1);
  const text: string[][] = headerRows.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  const origin: string[][] = text.map((r, ri) => r.map((t, c) => (t ? `${ri}:${c}` : "")));
  if (merges) {
    // A merged block's text (Office gives it in the top-left cell) belongs to all its cells.
    for (const m of merges) {
      if (m.top < 0 || m.top >= height) continue;
      const t = text[m.top][m.left];
      if (!t) continue;
      for (let r = m.top; r <= Math.min(m.bottom, height - 1); r++) {
        for (let c = Math.max(0, m.left); c <= m.right && c < width; c++) {
          if (!text[r][c]) {
            text[r][c] = t;
            origin[r][c] = `${m.top}:${m.left}`;
          }
        }
      }
    }
  } else {
    // No merge info: an upper label spreads right over empty cells while the rows below name sub-columns.
    const lowerHasText = (r: number, c: number) => {
      for (let k = r + 1; k < height; k++) if (text[k][c]) return true;
      return false;
    };
    for (let r = 0; r < height - 1; r++) {
      let source = -1;
      for (let c = 0; c < width; c++) {
        if (origin[r][c] === `${r}:${c}`) source = lowerHasText(r, c) ? c : -1;
        else if (!text[r][c] && source >= 0 && lowerHasText(r, c)) {
          text[r][c] = text[r][source];
          origin[r][c] = `${r}:${source}`;
        } else source = -1;
      }
    }
  }
  const out: ColumnParts[] = [];
  for (let c = 0; c < width; c++) {
    const parts: HeaderPart[] = [];
    const origins: string[] = [];
    for (let r = 0; r < height; r++) {
      const t = text[r][c];
      if (!t) continue;
      // A vertical merge repeats the same cell: keep it once.
      if (origins.length && origins[origins.length - 1] === origin[r][c]) continue;
      if (parts.length && parts[parts.length - 1].text === t) continue;
      parts.push(parseHeader(t, memory));
      origins.push(origin[r][c]);
    }
    if (parts.length) out.push({ column: c, parts, origins });
  }
  return out;
}

/** " - ", " – ", " — " between a criterion and one of its indicators in one header cell. */
const PAIR_SEPARATOR = /\s+[-–—]\s+/g;

/**
 * "Tiêu chí 1: Giao thông - Tỷ lệ đường trục … (%)": one cell naming a criterion, then one of its
 * indicators, read as the two header rows it stands for (criterion above indicator).
 */
export function splitNamedPairs(index: RulesetIndex, col: ColumnParts): ColumnParts {
  const parts: HeaderPart[] = [];
  const origins: string[] = [];
  col.parts.forEach((part, k) => {
    for (const m of part.text.matchAll(PAIR_SEPARATOR)) {
      const left = parseHeader(part.text.slice(0, m.index).trim(), index.memory);
      const right = parseHeader(part.text.slice((m.index ?? 0) + m[0].length).trim(), index.memory);
      if (right.tokens.length === 0) continue;
      const top = matchPart(index, left)[0];
      if (!top || top.confidence < MIN_CONFIDENCE || top.target.role.kind !== "criterion") continue;
      // "TC 10 - Y tế" is the criterion's own name: split only where the right names one of its indicators.
      const named = matchPart(index, right)[0];
      if (!named || named.target.role.kind !== "indicator" || named.target.criterion !== top.target.criterion) continue;
      parts.push(left, right);
      origins.push(col.origins[k], col.origins[k]);
      return;
    }
    parts.push(part);
    origins.push(col.origins[k]);
  });
  return parts.length === col.parts.length ? col : { column: col.column, parts, origins };
}
