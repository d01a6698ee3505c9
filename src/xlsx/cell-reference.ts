import { EXCEL_COLUMNS, EXCEL_ROWS } from "./limits";

/**
 * A cell reference as Excel writes it in sheet XML ("D7", "XFD1048576"), zero-based; undefined when it
 * is not one or lies outside Excel's grid. Read character by character: it is done for every cell.
 */
export function parseCellReference(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || i > 3 || i === ref.length) return undefined;
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57 || (k === i && c === 48)) return undefined;
    row = row * 10 + c - 48;
    if (row > EXCEL_ROWS) return undefined;
  }
  if (col > EXCEL_COLUMNS) return undefined;
  return { row: row - 1, col: col - 1 };
}
