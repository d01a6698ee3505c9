import { CellValue, cellAddress, columnLetter, Grid, MergedRange } from "./cell";
import { SheetData } from "../workbook";

/**
 * Which way a table runs. "rows": one area per row, criteria across the columns (the usual district
 * roll-up). "columns": one area per column ("Khu 1", "Khu 2", …), criteria down the rows (a commune's
 * form turned sideways).
 *
 * A sideways table is read through a transposed view of its sheet: the view's rows are the sheet's
 * columns, so the one detector and the one reader serve both, and only addresses are mapped back.
 */
export type Orientation = "rows" | "columns";

export const otherOrientation = (o: Orientation): Orientation => (o === "rows" ? "columns" : "rows");

function transposeGrid<T>(grid: T[][], blank: T): T[][] {
  const height = grid.length;
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  const out: T[][] = new Array(width);
  for (let c = 0; c < width; c++) {
    const line: T[] = new Array(height);
    for (let r = 0; r < height; r++) {
      const v = grid[r][c];
      line[r] = v === undefined ? blank : v;
    }
    out[c] = line;
  }
  return out;
}

const transposeMerge = (m: MergedRange): MergedRange => ({
  top: m.left,
  left: m.top,
  bottom: m.right,
  right: m.bottom,
});

/**
 * The sheet as a table read the other way: values, number formats and merged blocks transposed. Hidden
 * rows are left out: the view's rows are the sheet's columns, whose hiding the hosts do not report, and
 * hidden areas are assessed like the others anyway.
 */
export function transposedView(sheet: SheetData): SheetData {
  const view: SheetData = { name: sheet.name, values: transposeGrid<CellValue>(sheet.values as Grid, null) };
  if (sheet.numberFormats) view.numberFormats = transposeGrid(sheet.numberFormats, "");
  if (sheet.merges) view.merges = sheet.merges.map(transposeMerge);
  if (sheet.protected !== undefined) view.protected = sheet.protected;
  return view;
}

/** The sheet as the detector and reader see it for a table of this orientation. */
export function sheetView(sheet: SheetData, orientation: Orientation): SheetData {
  return orientation === "rows" ? sheet : transposedView(sheet);
}

/** The A1 address on the real sheet of a cell of the view (zero-based view row and column). */
export function sheetAddress(orientation: Orientation, viewRow: number, viewColumn: number): string {
  return orientation === "rows" ? cellAddress(viewRow, viewColumn) : cellAddress(viewColumn, viewRow);
}

/** The A1 address on the real sheet of a block of the view (zero-based, inclusive). */
export function sheetRange(orientation: Orientation, top: number, left: number, bottom: number, right: number): string {
  const from = sheetAddress(orientation, top, left);
  const to = sheetAddress(orientation, bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** An area's whole line on its sheet, to show it: its row ("12:12"), or its column ("E:E") in a sideways table. */
export function areaLine(area: { row?: number; column?: number }): string | undefined {
  if (area.row !== undefined) return `${area.row}:${area.row}`;
  if (area.column !== undefined) {
    const letter = columnLetter(area.column - 1);
    return `${letter}:${letter}`;
  }
  return undefined;
}
