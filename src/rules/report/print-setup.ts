import type { CellValue } from "../reading/cell";
import type { SheetOutput } from "../workbook";

/**
 * How one of the add-in's sheets prints, decided here once for every host: A4, fitted to one page wide
 * (as many pages tall as the rows need), the table's header row repeated on every page, "Trang 2/5" in
 * the footer; landscape when the columns are wider than a portrait page. Nothing may run past the
 * table's right edge, or the page would shrink to fit it: long texts wrap inside their column, and a
 * row of one long text (a title, the provisional note, a rule) is spread over the table's width.
 */
export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Pages across; the height is left to the rows (Excel's "fit to 1 page wide by automatic tall"). */
  pagesWide: number;
  /** Zero-based, inclusive rows printed at the top of every page. */
  repeatRows?: { first: number; last: number };
  /** The centre footer, in Excel's header/footer codes (&P page, &N pages). */
  footer: string;
  /** Columns of the table (from A). */
  columns: number;
  /** Rows whose text wraps inside its column: the table's body (zero-based, inclusive). */
  wrapRows?: { first: number; last: number };
  /** Rows of one long text, merged across the table's columns, wrapped, `lines` lines high. */
  banners: Banner[];
}

export interface Banner {
  row: number;
  lines: number;
  /** Points a line: the title row is larger. */
  lineHeight: number;
}

/** Excel's default column width, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * Characters across an A4 portrait page inside Excel's "Normal" margins (8.27 in − 2 × 0.7 in at about
 * 7 points a character): a sheet wider than this prints landscape, then is fitted to the page width.
 */
const PORTRAIT_CHARACTERS = 94;

export const PAGE_FOOTER = "Trang &P/&N";

/**
 * Column-width characters (the width of "0") a character of text takes, on average, and points a line:
 * measured on printed reports (Calibri 11 and its metric twin Carlito); more in the bold 13 pt title.
 */
const TITLE = { width: 1.3, lineHeight: 18 } as const;
const BOLD = { width: 1.1, lineHeight: 15 } as const;
const PLAIN = { width: 0.85, lineHeight: 15 } as const;

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === "";

/** The one text of a row that has nothing but a text in column A, if there is one. */
function loneText(row: CellValue[]): string | undefined {
  const first = row[0];
  if (typeof first !== "string" || first === "") return undefined;
  for (let c = 1; c < row.length; c++) if (!isBlank(row[c])) return undefined;
  return first;
}

/** The print setup of a sheet from its own shape: its column widths, header rows and lone texts. */
export function printSetupOf(sheet: SheetOutput): PrintSetup {
  let columns = 1;
  for (const row of sheet.rows) columns = Math.max(columns, row.length);
  const width = (c: number) => sheet.columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH;
  let tableWidth = 0;
  for (let c = 0; c < columns; c++) tableWidth += width(c);
  const header = sheet.tableHeaderRow;
  const headerRows = sheet.headerRows ?? 0;
  const warnings = new Set(sheet.warningRows ?? []);
  const banners: Banner[] = [];
  sheet.rows.forEach((row, r) => {
    const text = loneText(row);
    if (text === undefined || columns < 2) return;
    const font = r === 0 ? TITLE : r < headerRows || warnings.has(r) ? BOLD : PLAIN;
    if (text.length * font.width <= width(0)) return; // fits its own cell
    const capacity = Math.max(1, Math.floor((tableWidth - 1.5) / font.width));
    banners.push({ row: r, lines: wordWrappedLines(text, capacity), lineHeight: font.lineHeight });
  });
  const body = header !== undefined ? header + 1 : headerRows;
  return {
    paper: "A4",
    orientation: tableWidth > PORTRAIT_CHARACTERS ? "landscape" : "portrait",
    pagesWide: 1,
    repeatRows: header !== undefined && header < sheet.rows.length ? { first: header, last: header } : undefined,
    footer: PAGE_FOOTER,
    columns,
    wrapRows: body < sheet.rows.length ? { first: body, last: sheet.rows.length - 1 } : undefined,
    banners,
  };
}

/**
 * Lines a wrapped row of the table's body takes: its longest text over its column's width. For hosts
 * that cannot measure text (exceljs writes no row heights, and LibreOffice does not fit them on opening).
 */
export function wrappedLines(sheet: SheetOutput, row: number): number {
  const font = row === sheet.tableHeaderRow ? BOLD : PLAIN;
  let lines = 1;
  const values = sheet.rows[row] ?? [];
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (typeof v !== "string") continue;
    // About a character and a half of the column's width goes to the cell's padding.
    const width = Math.max(1, (sheet.columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH) - 1.5);
    const capacity = Math.max(1, Math.floor(width / font.width));
    // Most cells fit their column: counted without splitting them into words.
    if (v.length > capacity || v.includes("\n")) lines = Math.max(lines, wordWrappedLines(v, capacity));
  }
  return lines;
}

/** Lines a text takes wrapped at word boundaries, `capacity` characters a line, as Excel wraps it. */
function wordWrappedLines(text: string, capacity: number): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/)) {
      if (word === "") continue;
      if (used > 0 && used + 1 + word.length <= capacity) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than a line breaks where the line ends.
      used = word.length;
      while (used > capacity) {
        lines++;
        used -= capacity;
      }
    }
  }
  return Math.max(1, lines);
}

/** Points a row of `lines` wrapped lines of plain text takes: the first line has the row's padding. */
export const rowHeight = (lines: number): number => PLAIN.lineHeight + (lines - 1) * 14.3;
