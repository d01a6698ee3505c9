import { CellValue, Grid, MergedRange } from "./reading/cell";
import { Problem } from "./message";
import type { PrintSetup } from "./report/print-setup";

/**
 * The small interface the analysis needs from a workbook. Office.js implements it for the task pane
 * (src/taskpane/excel-workbook.ts); the command line reads files with src/xlsx into MemoryWorkbook
 * below (which tests use too) and writes its report through exceljs (src/documents/xlsx-workbook.ts).
 * Every method is one batch: an implementation must not make a round trip per row or per cell.
 */
export interface Workbook {
  /** Sheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /** The sheet the user is looking at, where the host knows it. */
  activeSheetName(): Promise<string | undefined>;
  /** Values (from A1 to the end of the used range), number formats, merged blocks, hidden rows. */
  readSheet(name: string): Promise<SheetData>;
  /**
   * Create or replace the add-in's own sheets, all in one batch. Never called with the name of a sheet
   * the add-in does not own (see `chooseSheetNames`).
   */
  writeSheets(sheets: SheetOutput[]): Promise<void>;
  /**
   * Replace the add-in's conditional formats on user sheets (removes the add-in's earlier ones only), every
   * sheet in the one batch. A sheet that cannot take them (protected) is left as it is and returned as a
   * problem located at the sheet's name; the others are highlighted.
   */
  setHighlights(sheets: SheetHighlights[]): Promise<Problem[]>;
  /** Remove only the add-in's own conditional formats from these sheets; returns how many were removed. */
  clearHighlights(sheets: string[]): Promise<number>;
  /** Settings stored inside the workbook (the column mapping, the owned sheet names, a ruleset). */
  loadSetting(key: string): Promise<string | undefined>;
  saveSetting(key: string, value: string): Promise<void>;
}

export interface SheetData {
  name: string;
  /** Row 0 is sheet row 1, column 0 is column A. */
  values: Grid;
  /** Same shape as `values` where the host provides them ("0%", "#,##0"). */
  numberFormats?: string[][];
  merges?: MergedRange[];
  /** Zero-based indexes of hidden (or filtered-out) rows. */
  hiddenRows?: number[];
  protected?: boolean;
  /**
   * Cells (A1 addresses) holding a formula the file saved no result for: a file written by a program
   * that does not calculate and never saved in Excel. Their values read as "" (blank, never met) and
   * the analysis warns. Only a file reader sets it: Office.js always has Excel's results.
   */
  formulasWithoutResult?: string[];
}

/** A sheet the add-in writes: plain values from A1, with presentation hints hosts apply in one go. */
export interface SheetOutput {
  name: string;
  rows: CellValue[][];
  /** How many top rows are headings (bold, frozen). */
  headerRows?: number;
  /** Row index (zero-based) of the table header within `rows`, if not 0. */
  tableHeaderRow?: number;
  columnWidths?: number[];
  /** Number formats per column index, e.g. { 3: "0.0" }. */
  columnFormats?: Record<number, string>;
  /** Rows (zero-based) to show as a warning (e.g. the provisional-thresholds note). */
  warningRows?: number[];
  chart?: ChartSpec;
  /** How the sheet prints; `writeOwnSheets` sets it on every sheet (see printSetupOf). */
  print?: PrintSetup;
}

/** A chart over a block of the sheet's own rows: columns, horizontal bars (largest first) or lines. */
export interface ChartSpec {
  title: string;
  /** Zero-based, inclusive: the category column and value columns, with their header row. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  categoryColumn: number;
  valueColumns: number[];
  kind: "column" | "bar" | "line";
}

/**
 * A conditional format the add-in owns: cells of `range` (A1 notation on the user's sheet) get `fill`
 * when `formula` (relative to the range's top-left cell, English function names, "," separators) is TRUE.
 */
export interface Highlight {
  range: string;
  formula: string;
  fill: string;
  /** Why, for the legend and tests (indicator id). */
  label: string;
}

/** The highlights of one user sheet. */
export interface SheetHighlights {
  sheet: string;
  highlights: Highlight[];
}

/**
 * A sheet of one of several files held as one workbook (the web page's roll-up of the files a user picks), named
 * as Excel names a sheet of another workbook: "[huyen-thanh-ba.xlsx]Tổng hợp KDC". Excel allows neither "[" nor
 * "]" in a sheet name, so such a name is never a sheet's own.
 */
export function sheetOfFile(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

/**
 * The file and the sheet's own name of a name made by `sheetOfFile` (the file is what lies between the first "["
 * and the last "]": a file name may hold brackets, a sheet name may not); any other name is a sheet's own.
 */
export function fileAndSheet(name: string): { file?: string; sheet: string } {
  const match = /^\[(.*)\]([^\]]*)$/s.exec(name);
  return match ? { file: match[1], sheet: match[2] } : { sheet: name };
}

/** The add-in's own sheet names (Vietnamese). */
export const SHEET_NAMES = {
  areas: "NTM - Theo khu",
  criteria: "NTM - Theo tiêu chí",
  communes: "NTM - Theo xã",
  distribution: "NTM - Phân bố",
  ruleset: "NTM - Bộ tiêu chí",
  roadmap: "NTM - Lộ trình",
  roadmapSummary: "NTM - Lộ trình tổng hợp",
  province: "NTM - Toàn tỉnh",
  sources: "NTM - Bảng đã đọc",
  progress: "NTM - Tiến độ",
  dossier: "NTM - Hồ sơ công nhận",
} as const;

export const SETTING_KEYS = {
  ownedSheets: "ntm.ownedSheets",
  mapping: "ntm.mapping",
  ruleset: "ntm.ruleset",
  /** The pane's roadmap settings: an "ntm-roadmap/1" document, as the command line's --roadmap file. */
  roadmapSettings: "ntm.roadmapSettings",
} as const;

/**
 * Pick names for the add-in's sheets: a wanted name is used when no sheet has it or the add-in owns it;
 * a user's sheet that happens to carry the name is left alone and the add-in takes "name (2)", "name (3)"…
 * Excel sheet names are case-insensitive and at most 31 characters.
 */
export function chooseSheetNames(
  wanted: string[],
  existing: string[],
  owned: string[]
): { names: Map<string, string>; renamed: Array<{ wanted: string; used: string }> } {
  const key = (s: string) => s.toLocaleLowerCase("vi");
  const taken = new Set(existing.map(key));
  const mine = new Set(owned.map(key));
  const used = new Set<string>();
  const names = new Map<string, string>();
  const renamed: Array<{ wanted: string; used: string }> = [];
  for (const w of wanted) {
    let candidate = w.slice(0, 31);
    for (let n = 2; (taken.has(key(candidate)) && !mine.has(key(candidate))) || used.has(key(candidate)); n++) {
      const suffix = ` (${n})`;
      candidate = w.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(key(candidate));
    names.set(w, candidate);
    if (candidate !== w) renamed.push({ wanted: w, used: candidate });
  }
  return { names, renamed };
}

/** A workbook held in memory: the test double, and the basis of the e2e Excel double. */
export class MemoryWorkbook implements Workbook {
  sheets = new Map<string, SheetData>();
  outputs = new Map<string, SheetOutput>();
  highlights = new Map<string, Highlight[]>();
  settings = new Map<string, string>();
  active: string | undefined;
  /** Counts calls, so tests can check the batching promise. */
  calls = { read: 0, write: 0, highlight: 0 };

  constructor(sheets: SheetData[] = []) {
    for (const s of sheets) this.sheets.set(s.name, s);
    this.active = sheets[0]?.name;
  }
  async sheetNames() {
    return [...this.sheets.keys(), ...[...this.outputs.keys()].filter((n) => !this.sheets.has(n))];
  }
  async activeSheetName() {
    return this.active;
  }
  async readSheet(name: string): Promise<SheetData> {
    this.calls.read++;
    const s = this.sheets.get(name);
    if (s) return s;
    const o = this.outputs.get(name);
    if (o) return { name, values: o.rows };
    throw new Error(`No sheet ${name}`);
  }
  async writeSheets(sheets: SheetOutput[]) {
    this.calls.write++;
    for (const s of sheets) {
      if (this.sheets.has(s.name)) throw new Error(`Refusing to overwrite the user's sheet ${s.name}`);
      this.outputs.set(s.name, s);
    }
  }
  async setHighlights(sheets: SheetHighlights[]): Promise<Problem[]> {
    this.calls.highlight++;
    for (const s of sheets) this.highlights.set(s.sheet, s.highlights);
    return [];
  }
  async clearHighlights(sheets: string[]) {
    let n = 0;
    for (const sheet of sheets) {
      n += this.highlights.get(sheet)?.length ?? 0;
      this.highlights.delete(sheet);
    }
    return n;
  }
  async loadSetting(key: string) {
    return this.settings.get(key);
  }
  async saveSetting(key: string, value: string) {
    this.settings.set(key, value);
  }
}
