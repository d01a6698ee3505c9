/**
 * A cell value as hosts hand it over: Office.js `values`, exceljs (normalised by its adapter), or a test.
 * Excel error values arrive as their text ("#N/A", "#VALUE!").
 */
export type CellValue = string | number | boolean | null | undefined;

/** A rectangular block of cell values, row-major, as read from a sheet's used range. */
export type Grid = CellValue[][];

const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

export function isExcelError(value: CellValue): value is string {
  // Every error text starts with "#": most cells are ruled out without a copy.
  return typeof value === "string" && value.includes("#") && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column → "D7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A merged block of cells, zero-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
