import { CellValue } from "../rules/reading/cell";
import { toCell } from "./excel-cells";

/**
 * Rows told apart cheaply: Excel passes a new array with every call, so a remembered row is found by a
 * 32-bit hash of its values, then confirmed cell by cell.
 */

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** Mix a text into a hash: its length and at most its first and last 8 characters (equality is checked anyway). */
export function mixText(h: number, text: string): number {
  const n = text.length;
  h = Math.imul(h ^ n, 0x9e3779b1);
  if (n <= 16) {
    for (let k = 0; k < n; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  } else {
    for (let k = 0; k < 8; k++) h = Math.imul(h ^ text.charCodeAt(k) ^ (text.charCodeAt(n - 1 - k) << 16), 0x01000193);
  }
  return h;
}

/**
 * A 32-bit hash of a row of cells, type-tagged (1 and "1" differ). Cheaper than a string key, which costs
 * a number-to-text conversion per cell on every call; equal rows are then confirmed with sameRow.
 */
export function rowHash(items: unknown[], seed: number): number {
  let h = Math.imul(seed ^ items.length, 0x85ebca6b);
  for (const item of items) {
    // Error and rich values hash as the cell value they stand for, as sameRow compares them.
    const v = typeof item === "object" && item !== null ? toCell(item) : item;
    if (typeof v === "number") {
      f64[0] = v;
      h = Math.imul(Math.imul(h ^ i32[0], 0x9e3779b1) ^ i32[1], 0x85ebca6b);
    } else if (typeof v === "string") h = mixText(h ^ 0x5f, v);
    else if (typeof v === "boolean") h = Math.imul(h ^ (v ? 0x3b : 0x2a), 0x9e3779b1);
    else h = Math.imul(h ^ 0x11, 0x9e3779b1);
  }
  return h | 0;
}

/** Whether a stored row (cells) holds the same values as a row as passed (items). */
export function sameRow(cells: CellValue[], items: unknown[]): boolean {
  if (cells.length !== items.length) return false;
  for (let k = 0; k < items.length; k++) {
    const v = items[k];
    const c = typeof v === "object" && v !== null ? toCell(v) : v === undefined ? null : v;
    if (c !== cells[k]) return false;
  }
  return true;
}
