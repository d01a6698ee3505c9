const MiB = 1024 * 1024;

/**
 * How much a workbook may ask of the reader. Each is far above what a real workbook needs (a province
 * workbook of 10,000 areas is a 1.5 MB file whose sheet inflates to 11 MB), and low enough that a
 * crafted file is refused in seconds and a few hundred MB. Listed for users in docs/cli.md ("Giới hạn").
 */
export const XLSX_LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100 * MiB,
  /** Entries in the zip directory (Excel writes a few dozen; a picture is one more). */
  entries: 10_000,
  /** One part (a worksheet, the shared strings) once inflated. */
  partBytes: 48 * MiB,
  /** All the parts read, once inflated: every sheet is read, so this bounds the time a file takes. */
  totalBytes: 96 * MiB,
  /** Items of the shared-string table. */
  sharedStrings: 1_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellText: 32_767,
  /** Merged blocks, all sheets together. */
  merges: 100_000,
  /** Cells covered by merged blocks, all sheets together. */
  mergedCells: 10_000_000,
  /** Cells of the sheets' tables together: each sheet's rows holding values times its used range's width, plus its rows. */
  tableCells: 20_000_000,
} as const;

export type XlsxLimits = Readonly<Record<keyof typeof XLSX_LIMITS, number>>;

/** What the sheets read so far have taken of the limits that hold for the whole workbook. */
export interface LimitUse {
  tableCells: number;
  merges: number;
  mergedCells: number;
}

export const noUse = (): LimitUse => ({ tableCells: 0, merges: 0, mergedCells: 0 });

/** Excel's grid: 1,048,576 rows of 16,384 columns (A to XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
