import { Rect } from "./addresses";

/**
 * The double's in-memory workbook: its sheets as plain data, the seeds tests start from, and what every proxy
 * reads and writes at sync time.
 */

export type Cell = string | number | boolean;

export interface DoubleConditionalFormat {
  id: string;
  type: string;
  /** Areas without the sheet name, "F9:F20,F22:F40". */
  ranges: string;
  formula: string;
  fill: string;
}

export interface DoubleChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position?: [string, string];
  /** The category axis's reversePlotOrder, when set. */
  reversePlotOrder?: boolean;
}

/** What the add-in set of a sheet's page layout (ExcelApi 1.9). */
export interface DoublePageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** The address given to setPrintTitleRows ("$5:$5"). */
  printTitleRows?: string;
  centerFooter?: string;
}

export interface DoubleSheet {
  name: string;
  values: Cell[][];
  numberFormats: string[][];
  merges: Rect[];
  hiddenRows: Set<number>;
  protected: boolean;
  conditionalFormats: DoubleConditionalFormat[];
  charts: DoubleChart[];
  pageLayout: DoublePageLayout;
  frozenRows: number;
  columnWidths: Map<number, number>;
  tabColor: string;
  /** Format writes as they were made: one entry per range operation, to check "per column, not per cell". */
  formatLog: Array<{ address: string; property: string; value: unknown }>;
}

export interface SheetSeed {
  name: string;
  values: unknown[][];
  numberFormats?: string[][];
  merges?: Array<{ top: number; left: number; bottom: number; right: number }>;
  hiddenRows?: number[];
  protected?: boolean;
  conditionalFormats?: Array<Omit<DoubleConditionalFormat, "id">>;
}

export interface DoubleState {
  sheets: DoubleSheet[];
  active: string;
  settings: Map<string, unknown>;
  selection?: { sheet: string; address: string };
  syncs: number;
  runs: number;
  calculationSuspensions: number;
  /** Values and format writes, in cells, to check that large writes are whole arrays. */
  rangeWrites: number;
}

/** What the object model's proxies need of the double: the workbook and its lookups. */
export interface DoubleHost {
  readonly state: DoubleState;
  nextId(): string;
  findSheet(name: string): DoubleSheet | undefined;
  sheet(name: string): DoubleSheet;
}

/** What Excel stores for a value written through `values`: a leading apostrophe makes text and is not kept. */
export function stored(v: unknown): Cell {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.startsWith("'") ? v.slice(1) : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A seed as the rectangular grid Excel has: every row as wide as the widest, "" and "General" where the
 * seed has no cell (short rows, holes, missing rows). Writes keep the grid rectangular (see Range.write).
 */
export function newSheet(seed: SheetSeed): DoubleSheet {
  const height = Math.max(seed.values.length, seed.numberFormats?.length ?? 0);
  let width = 0;
  for (let r = 0; r < height; r++)
    width = Math.max(width, seed.values[r]?.length ?? 0, seed.numberFormats?.[r]?.length ?? 0);
  const values: Cell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Cell[] = new Array(width);
    const formats: string[] = new Array(width);
    for (let c = 0; c < width; c++) {
      row[c] = stored(seed.values[r]?.[c]);
      formats[c] = seed.numberFormats?.[r]?.[c] ?? "General";
    }
    values.push(row);
    numberFormats.push(formats);
  }
  return {
    name: seed.name,
    values,
    numberFormats,
    merges: (seed.merges ?? []).map((m) => ({
      top: m.top,
      left: m.left,
      rows: m.bottom - m.top + 1,
      columns: m.right - m.left + 1,
    })),
    hiddenRows: new Set(seed.hiddenRows ?? []),
    protected: seed.protected ?? false,
    conditionalFormats: (seed.conditionalFormats ?? []).map((cf, k) => ({ ...cf, id: `{user-${k + 1}}` })),
    charts: [],
    pageLayout: {},
    frozenRows: 0,
    columnWidths: new Map(),
    tabColor: "",
    formatLog: [],
  };
}

/** A copy of a rectangle of a grid, `blank` where the grid has no cell. */
export function copyBlock<T>(grid: T[][], r: Rect, blank: T): T[][] {
  const out: T[][] = new Array(r.rows);
  for (let i = 0; i < r.rows; i++) {
    const source = grid[r.top + i];
    const row: T[] = new Array(r.columns);
    for (let j = 0; j < r.columns; j++) row[j] = source?.[r.left + j] ?? blank;
    out[i] = row;
  }
  return out;
}

export function usedRect(sheet: DoubleSheet): Rect {
  let bottom = -1;
  let right = -1;
  let top = Infinity;
  let left = Infinity;
  const values = sheet.values;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      if (row[c] === "") continue;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
      if (r < top) top = r;
      if (c < left) left = c;
    }
  }
  if (bottom < 0) return { top: 0, left: 0, rows: 1, columns: 1 };
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}
