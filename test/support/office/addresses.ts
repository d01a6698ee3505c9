import { columnLetter } from "../../../src/rules/reading/cell";
import { DoubleError } from "./double-error";

/** A1 addresses as the double's object model takes and gives them, over zero-based rectangles. */

export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.rows === 1 && r.columns === 1) return a;
  return `${a}:${columnLetter(r.left + r.columns - 1)}${r.top + r.rows}`;
}

/** "B3:D5", "3:3", "B:B", "A1" → rectangle; whole rows and columns span the sheet. */
export function parseRect(text: string): Rect {
  const area = text.replace(/^.*!/, "").replace(/\$/g, "").trim();
  const m = /^([A-Z]{0,3})(\d*)(?::([A-Z]{0,3})(\d*))?$/i.exec(area);
  if (!m || (m[1] === "" && m[2] === "")) throw new DoubleError("InvalidArgument", `Bad address ${text}`);
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const top = r1 ? Number(r1) - 1 : 0;
  const bottom = r2 ? Number(r2) - 1 : r1 ? Number(r1) - 1 : MAX_ROWS - 1;
  const left = c1 ? letterIndex(c1) : 0;
  const right = c2 ? letterIndex(c2) : c1 ? letterIndex(c1) : MAX_COLUMNS - 1;
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

export const splitAddress = (address: string): string[] =>
  address
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

export function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

export const quoteSheet = (name: string): string =>
  /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
