/**
 * A test double of the part of the Excel JavaScript object model the pane uses (Excel.run, RequestContext,
 * worksheets, Range, RangeAreas, conditionalFormats, charts, page layout, settings), over an in-memory workbook.
 *
 * It keeps Office.js's batch semantics, so code that works here has the same round-trip shape in Excel:
 * operations queue until context.sync(); properties read before load() + sync() throw; *OrNullObject
 * results say isNullObject after a sync; a failing operation rejects the sync and drops the rest of the
 * batch; protected sheets refuse writes (AccessDenied). Every sync is counted.
 *
 * Used by jest and the bench (new ExcelDouble(sheets).run stands for Excel.run) and, bundled for the
 * browser, by the end-to-end test (installed as window.Excel before the pane's bundles run).
 */

import type { ExcelRun } from "../excel-workbook";
import { columnLetter } from "../../rules/cell";

export type Cell = string | number | boolean;

export interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

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

export class DoubleError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

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

const splitAddress = (address: string): string[] =>
  address
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

const quoteSheet = (name: string): string => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** What Excel stores for a value written through `values`: a leading apostrophe makes text and is not kept. */
function stored(v: unknown): Cell {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.startsWith("'") ? v.slice(1) : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * A seed as the rectangular grid Excel has: every row as wide as the widest, "" and "General" where the
 * seed has no cell (short rows, holes, missing rows). Writes keep the grid rectangular (see Range.write).
 */
function newSheet(seed: SheetSeed): DoubleSheet {
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
function copyBlock<T>(grid: T[][], r: Rect, blank: T): T[][] {
  const out: T[][] = new Array(r.rows);
  for (let i = 0; i < r.rows; i++) {
    const source = grid[r.top + i];
    const row: T[] = new Array(r.columns);
    for (let j = 0; j < r.columns; j++) row[j] = source?.[r.left + j] ?? blank;
    out[i] = row;
  }
  return out;
}

function usedRect(sheet: DoubleSheet): Rect {
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

// ---------------------------------------------------------------------------------------------
// Batch and load semantics

class Batch {
  private queue: Array<() => void> = [];
  constructor(readonly excel: ExcelDouble) {}
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  get pending(): number {
    return this.queue.length;
  }
  async sync(): Promise<void> {
    this.excel.state.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
    await Promise.resolve();
  }
}

/** Properties become readable after load() and a sync; reading earlier throws, as in Office.js. */
class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly batch: Batch) {}

  load(what?: string | string[] | { select?: string }): this {
    const text =
      what === undefined
        ? ""
        : typeof what === "string"
          ? what
          : Array.isArray(what)
            ? what.join(",")
            : (what.select ?? "");
    const keys = text
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k !== "");
    this.batch.enqueue(() => {
      for (const key of keys) this.loaded.set(key, this.read(key));
    });
    return this;
  }

  /** The value of a property now (at sync time). */
  protected read(key: string): unknown {
    throw new DoubleError("PropertyNotFound", `${this.constructor.name} has no property ${key}`);
  }

  protected prop<T>(key: string): T {
    if (!this.loaded.has(key)) {
      throw new DoubleError(
        "PropertyNotLoaded",
        `The property '${key}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(key) as T;
  }

  protected setLoaded(key: string, value: unknown): void {
    this.loaded.set(key, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A *OrNullObject result: isNullObject is known after the next sync. */
class NullableObject extends ClientObject {
  constructor(batch: Batch, exists: () => boolean) {
    super(batch);
    batch.enqueue(() => this.setLoaded("isNullObject", !exists()));
  }
  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }
}

// ---------------------------------------------------------------------------------------------
// Object model

class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(private readonly batch: Batch) {
    this.workbook = new WorkbookProxy(batch);
    this.application = {
      suspendApiCalculationUntilNextSync: () => batch.enqueue(() => batch.excel.state.calculationSuspensions++),
    };
  }
  sync(): Promise<void> {
    return this.batch.sync();
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  constructor(batch: Batch) {
    this.worksheets = new WorksheetCollection(batch);
    this.settings = new SettingCollection(batch);
  }
}

class WorksheetCollection extends ClientObject {
  private get state(): DoubleState {
    return this.batch.excel.state;
  }
  protected override read(key: string): unknown {
    const sub = key.replace(/^items\//, "");
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    return this.state.sheets.map((s) => {
      const w = new Worksheet(this.batch, () => s);
      w.loadNow(sub === "items" ? "name" : sub);
      return w;
    });
  }
  get items(): Worksheet[] {
    const all = [...this.itemsLoaded()];
    return all;
  }
  private itemsLoaded(): Worksheet[] {
    // Several "items/x" loads share one list of items: merge their loaded properties.
    const lists = Object.entries(this.toJSON())
      .filter(([k]) => k === "items" || k.startsWith("items/"))
      .map(([, v]) => v as Worksheet[]);
    if (lists.length === 0) return this.prop<Worksheet[]>("items");
    return lists[0].map((w, k) => {
      for (const other of lists.slice(1)) w.absorb(other[k]);
      return w;
    });
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.batch, () => this.batch.excel.sheet(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(
      this.batch,
      () => this.batch.excel.sheet(name),
      () => this.batch.excel.findSheet(name) !== undefined
    );
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.batch, () => this.batch.excel.sheet(this.state.active));
  }
  add(name: string): Worksheet {
    this.batch.enqueue(() => {
      if (this.batch.excel.findSheet(name)) throw new DoubleError("ItemAlreadyExists", `A sheet named ${name} exists`);
      this.state.sheets.push(newSheet({ name, values: [] }));
    });
    return new Worksheet(this.batch, () => this.batch.excel.sheet(name));
  }
}

class Worksheet extends ClientObject {
  readonly protection: ClientObject;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly charts: ChartCollection;
  readonly pageLayout: PageLayout;
  private nullable?: () => boolean;

  constructor(
    batch: Batch,
    readonly resolve: () => DoubleSheet,
    exists?: () => boolean
  ) {
    super(batch);
    if (exists) {
      this.nullable = exists;
      batch.enqueue(() => this.setLoaded("isNullObject", !exists()));
    }
    const protection = new (class extends ClientObject {
      protected override read(key: string): unknown {
        if (key === "protected") return resolve().protected;
        return super.read(key);
      }
      get protected(): boolean {
        return this.prop<boolean>("protected");
      }
    })(batch);
    this.protection = protection;
    this.freezePanes = {
      freezeRows: (count: number) => batch.enqueue(() => (resolve().frozenRows = count)),
      unfreeze: () => batch.enqueue(() => (resolve().frozenRows = 0)),
    };
    this.charts = new ChartCollection(batch, resolve);
    this.pageLayout = new PageLayout(batch, resolve);
  }

  /** Load at once (items of a collection being loaded at sync time). */
  loadNow(keys: string): void {
    for (const k of keys.split(",").map((x) => x.trim())) this.setLoaded(k, this.read(k));
  }
  absorb(other: Worksheet): void {
    for (const [k, v] of Object.entries(other.toJSON())) this.setLoaded(k, v);
  }

  protected override read(key: string): unknown {
    const s = this.resolve();
    if (key === "name") return s.name;
    if (key === "position") return this.batch.excel.state.sheets.indexOf(s);
    if (key === "tabColor") return s.tabColor;
    return super.read(key);
  }

  get isNullObject(): boolean {
    return this.nullable ? this.prop<boolean>("isNullObject") : false;
  }
  get name(): string {
    return this.prop<string>("name");
  }
  set tabColor(color: string) {
    this.batch.enqueue(() => {
      this.resolve().tabColor = color;
    });
  }
  get tabColor(): string {
    return this.prop<string>("tabColor");
  }

  activate(): void {
    this.batch.enqueue(() => {
      this.batch.excel.state.active = this.resolve().name;
    });
  }

  getUsedRange(valuesOnly?: boolean): Range {
    void valuesOnly;
    // Resolved once, when Excel first meets the range (at sync), as a proxy's address is.
    let rect: Rect | undefined;
    return new Range(this.batch, this.resolve, () => (rect ??= usedRect(this.resolve())));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const rect = { top: startRow, left: startColumn, rows: rowCount, columns: columnCount };
    return new Range(this.batch, this.resolve, () => rect);
  }
  getRange(address?: string): Range {
    const rect = address ? parseRect(address) : { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };
    return new Range(this.batch, this.resolve, () => rect);
  }
  getRanges(address: string): RangeAreas {
    const parts = splitAddress(address);
    if (parts.length > 40)
      throw new DoubleError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    // Parsed when Excel first meets the range (at sync), as a proxy's address is.
    let rects: Rect[] | undefined;
    return new RangeAreas(this.batch, this.resolve, () => (rects ??= parts.map(parseRect)));
  }
}

class Range extends ClientObject {
  readonly format: RangeFormat;
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly rect: () => Rect
  ) {
    super(batch);
    this.format = new RangeFormat(batch, sheet, rect);
  }

  protected override read(key: string): unknown {
    const s = this.sheet();
    const r = this.rect();
    switch (key) {
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.columns;
      case "address":
        return `${quoteSheet(s.name)}!${rectAddress(r)}`;
      case "values":
        return copyBlock(s.values, r, "");
      case "numberFormat":
        return copyBlock(s.numberFormats, r, "General");
      default:
        return super.read(key);
    }
  }

  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): Cell[][] {
    return this.prop("values");
  }
  set values(grid: Cell[][]) {
    this.write("values", grid, (s, r, i, j, v) => {
      (s.values[r.top + i] ??= [])[r.left + j] = stored(v);
      (s.numberFormats[r.top + i] ??= [])[r.left + j] ??= "General";
    });
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(grid: string[][]) {
    this.write("numberFormat", grid, (s, r, i, j, v) => {
      (s.numberFormats[r.top + i] ??= [])[r.left + j] = String(v);
    });
  }

  /** A whole-array write, checked against the range's shape as Excel does. */
  private write(
    what: string,
    grid: unknown[][],
    set: (s: DoubleSheet, r: Rect, i: number, j: number, v: unknown) => void
  ): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      const r = this.rect();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      if (
        !Array.isArray(grid) ||
        grid.length !== r.rows ||
        grid.some((row) => !Array.isArray(row) || row.length !== r.columns)
      ) {
        throw new DoubleError("InvalidArgument", `The ${what} array does not match the size of ${rectAddress(r)}`);
      }
      this.batch.excel.state.rangeWrites++;
      let before = 0;
      for (const row of s.values) if (row.length > before) before = row.length;
      const rowsBefore = Math.min(s.values.length, s.numberFormats.length);
      for (let i = 0; i < grid.length; i++) {
        const row = grid[i];
        for (let j = 0; j < row.length; j++) set(s, r, i, j, row[j]);
      }
      // Pad rows to the sheet's width so the grid stays rectangular: every row when the write widened the
      // sheet, else the rows it wrote or added (the others already are).
      const width = Math.max(before, r.left + r.columns);
      const from = width > before ? 0 : Math.min(r.top, rowsBefore);
      for (let i = from; i < Math.max(s.values.length, s.numberFormats.length); i++) {
        const row = (s.values[i] ??= []);
        const formats = (s.numberFormats[i] ??= []);
        for (let j = 0; j < width; j++) {
          if (row[j] === undefined) row[j] = "";
          if (formats[j] === undefined) formats[j] = "General";
        }
      }
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    const areas = () => this.sheet().merges.filter((m) => intersects(m, this.rect()));
    return new RangeAreas(this.batch, this.sheet, areas, () => areas().length > 0);
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreas {
    if (cellType !== "Visible") throw new DoubleError("NotImplemented", `Special cells ${cellType}`);
    const areas = (): Rect[] => {
      const r = this.rect();
      const hidden = this.sheet().hiddenRows;
      const blocks: Rect[] = [];
      for (let row = r.top; row < r.top + r.rows; row++) {
        if (hidden.has(row)) continue;
        const last = blocks[blocks.length - 1];
        if (last && last.top + last.rows === row) last.rows++;
        else blocks.push({ top: row, left: r.left, rows: 1, columns: r.columns });
      }
      return blocks;
    };
    return new RangeAreas(this.batch, this.sheet, areas, () => areas().length > 0);
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.batch, this.sheet, () => [this.rect()]);
  }

  clear(applyTo?: string): void {
    void applyTo;
    this.batch.enqueue(() => {
      const s = this.sheet();
      const r = this.rect();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      for (let i = r.top; i < Math.min(s.values.length, r.top + r.rows); i++) {
        for (let j = r.left; j < Math.min(s.values[i].length, r.left + r.columns); j++) {
          s.values[i][j] = "";
          s.numberFormats[i][j] = "General";
        }
      }
      s.merges = s.merges.filter((m) => !intersects(m, r));
      s.conditionalFormats = s.conditionalFormats.filter(
        (cf) =>
          !splitAddress(cf.ranges)
            .map(parseRect)
            .some((x) => intersects(x, r))
      );
      s.formatLog.push({ address: rectAddress(r), property: "clear", value: applyTo ?? "All" });
    });
  }

  select(): void {
    this.batch.enqueue(() => {
      this.batch.excel.state.selection = { sheet: this.sheet().name, address: rectAddress(this.rect()) };
    });
  }

  /** Merge the range into one block; a block overlapping another is refused, as in Excel. */
  merge(across?: boolean): void {
    if (across) throw new DoubleError("NotImplemented", "merge(across) is not modelled");
    this.batch.enqueue(() => {
      const s = this.sheet();
      const r = this.rect();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      if (s.merges.some((m) => intersects(m, r)))
        throw new DoubleError("InvalidOperation", `Cannot merge ${rectAddress(r)} over another merged block`);
      s.merges.push({ ...r });
    });
  }

  unmerge(): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      const r = this.rect();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.merges = s.merges.filter((m) => !intersects(m, r));
    });
  }
}

/** format, format.font, format.fill: every assignment is one logged range operation. */
class RangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  constructor(
    private readonly batch: Batch,
    private readonly sheet: () => DoubleSheet,
    private readonly rect: () => Rect
  ) {
    this.font = this.recorder("font.", ["bold", "color", "size", "italic"]);
    this.fill = this.recorder("fill.", ["color"]);
  }
  private log(property: string, value: unknown): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      const r = this.rect();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.formatLog.push({ address: rectAddress(r), property, value });
      if (property === "columnWidth")
        for (let c = r.left; c < r.left + r.columns; c++) s.columnWidths.set(c, Number(value));
    });
  }
  private recorder(prefix: string, names: string[]): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    for (const name of names) {
      Object.defineProperty(target, name, {
        set: (v: unknown) => {
          this.log(prefix + name, v);
        },
        get: () => {
          throw new DoubleError("PropertyNotLoaded", `${prefix}${name} is write-only in this double`);
        },
      });
    }
    return target;
  }
  set columnWidth(v: number) {
    this.log("columnWidth", v);
  }
  set wrapText(v: boolean) {
    this.log("wrapText", v);
  }
  set verticalAlignment(v: string) {
    this.log("verticalAlignment", v);
  }
  set horizontalAlignment(v: string) {
    this.log("horizontalAlignment", v);
  }
  set rowHeight(v: number) {
    this.log("rowHeight", v);
  }
  autofitRows(): void {
    this.log("autofitRows", true);
  }
}

class RangeAreas extends ClientObject {
  private readonly nullable?: () => boolean;
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly areas: () => Rect[],
    exists?: () => boolean
  ) {
    super(batch);
    if (exists) {
      this.nullable = exists;
      batch.enqueue(() => this.setLoaded("isNullObject", !exists()));
    }
  }
  protected override read(key: string): unknown {
    if (key === "address") {
      if (this.nullable && !this.nullable()) return null;
      const name = quoteSheet(this.sheet().name);
      return this.areas()
        .map((a) => `${name}!${rectAddress(a)}`)
        .join(",");
    }
    if (key === "areaCount") return this.areas().length;
    return super.read(key);
  }
  get isNullObject(): boolean {
    return this.nullable ? this.prop<boolean>("isNullObject") : false;
  }
  get address(): string {
    return this.prop("address");
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.batch, this.sheet, this.areas);
  }
}

class ConditionalFormatCollection extends ClientObject {
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly areas: () => Rect[]
  ) {
    super(batch);
  }
  protected override read(key: string): unknown {
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    const areas = this.areas();
    const s = this.sheet();
    const sub = key === "items" ? "id,type" : key.replace(/^items\//, "");
    return s.conditionalFormats
      .filter((cf) =>
        splitAddress(cf.ranges)
          .map(parseRect)
          .some((r) => areas.some((a) => intersects(a, r)))
      )
      .map((cf) => {
        const proxy = new ConditionalFormat(this.batch, this.sheet, cf.id);
        proxy.loadNow(sub);
        return proxy;
      });
  }
  get items(): ConditionalFormat[] {
    const lists = Object.entries(this.toJSON())
      .filter(([k]) => k === "items" || k.startsWith("items/"))
      .map(([, v]) => v as ConditionalFormat[]);
    if (lists.length === 0) return this.prop<ConditionalFormat[]>("items");
    return lists[0].map((cf, k) => {
      for (const other of lists.slice(1)) cf.absorb(other[k]);
      return cf;
    });
  }
  add(type: string): ConditionalFormat {
    const id = this.batch.excel.nextId();
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.conditionalFormats.unshift({
        id,
        type,
        ranges: this.areas().map(rectAddress).join(","),
        formula: "",
        fill: "",
      });
    });
    return new ConditionalFormat(this.batch, this.sheet, id);
  }
}

/** custom.rule (formula) and custom.format.fill (color) of a conditional format. */
class ConditionalFormatPart extends ClientObject {
  constructor(
    batch: Batch,
    private readonly find: () => DoubleConditionalFormat,
    private readonly key: "formula" | "fill",
    private readonly property: "formula" | "color"
  ) {
    super(batch);
  }
  protected override read(k: string): unknown {
    if (k === this.property) return this.find()[this.key];
    return super.read(k);
  }
  private write(v: string): void {
    this.batch.enqueue(() => {
      this.find()[this.key] = v;
    });
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.write(v);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.write(v);
  }
}

class ConditionalFormat extends ClientObject {
  readonly custom: { rule: ConditionalFormatPart; format: { fill: ConditionalFormatPart } };
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly id: string
  ) {
    super(batch);
    const find = (): DoubleConditionalFormat => {
      const cf = sheet().conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new DoubleError("ItemNotFound", `No conditional format ${id}`);
      return cf;
    };
    this.custom = {
      rule: new ConditionalFormatPart(batch, find, "formula", "formula"),
      format: { fill: new ConditionalFormatPart(batch, find, "fill", "color") },
    };
    this.find = find;
  }
  private readonly find: () => DoubleConditionalFormat;
  protected override read(key: string): unknown {
    if (key === "id") return this.id;
    if (key === "type") return this.find().type;
    return super.read(key);
  }
  loadNow(keys: string): void {
    for (const k of keys.split(",").map((x) => x.trim())) this.setLoaded(k, this.read(k));
  }
  absorb(other: ConditionalFormat): void {
    for (const [k, v] of Object.entries(other.toJSON())) this.setLoaded(k, v);
  }
  get type(): string {
    return this.prop("type");
  }
  getRanges(): RangeAreas {
    return new RangeAreas(this.batch, this.sheet, () => splitAddress(this.find().ranges).map(parseRect));
  }
  delete(): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      this.find();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x.id !== this.id);
    });
  }
}

/** Worksheet.pageLayout: the setters the add-in uses, applied at sync; a protected sheet refuses them. */
class PageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly batch: Batch,
    private readonly sheet: () => DoubleSheet
  ) {
    const set = this.set.bind(this);
    this.headersFooters = {
      defaultForAllPages: Object.defineProperty({} as { centerFooter: string }, "centerFooter", {
        set: (v: string) => {
          set("centerFooter", v);
        },
      }),
    };
  }
  private set<K extends keyof DoublePageLayout>(key: K, value: DoublePageLayout[K]): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.pageLayout[key] = value;
    });
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  set orientation(v: string) {
    this.set("orientation", v);
  }
  set zoom(v: DoublePageLayout["zoom"]) {
    this.set("zoom", { ...v });
  }
  setPrintTitleRows(address: string): void {
    // Excel wants whole rows: "$5:$5".
    if (!/^\$?\d+:\$?\d+$/.test(address)) throw new DoubleError("InvalidArgument", `Not whole rows: ${address}`);
    this.set("printTitleRows", address);
  }
}

class ChartCollection extends ClientObject {
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet
  ) {
    super(batch);
  }
  protected override read(key: string): unknown {
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    return this.sheet().charts.map((c) => new Chart(this.batch, this.sheet, c.name));
  }
  get items(): Chart[] {
    const list = Object.entries(this.toJSON()).find(([k]) => k === "items" || k.startsWith("items/"));
    return list ? (list[1] as Chart[]) : this.prop<Chart[]>("items");
  }
  add(type: string, source: Range, seriesBy?: string): Chart {
    const name = `Chart ${this.batch.excel.nextId()}`;
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.charts.push({
        name,
        type,
        source: rectAddress(source.rect()),
        seriesBy: seriesBy ?? "Auto",
        title: "",
        legendVisible: true,
      });
    });
    return new Chart(this.batch, this.sheet, name);
  }
}

class Chart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly chartName: string
  ) {
    super(batch);
    const find = () => {
      const c = sheet().charts.find((x) => x.name === chartName);
      if (!c) throw new DoubleError("ItemNotFound", `No chart ${chartName}`);
      return c;
    };
    this.title = Object.defineProperty({} as { text: string }, "text", {
      set: (v: string) => {
        batch.enqueue(() => (find().title = v));
      },
    });
    this.legend = Object.defineProperty({} as { visible: boolean }, "visible", {
      set: (v: boolean) => {
        batch.enqueue(() => (find().legendVisible = v));
      },
    });
    this.axes = {
      categoryAxis: Object.defineProperty({} as { reversePlotOrder: boolean }, "reversePlotOrder", {
        set: (v: boolean) => {
          batch.enqueue(() => (find().reversePlotOrder = v));
        },
      }),
    };
    this.findChart = find;
  }
  private readonly findChart: () => DoubleChart;
  protected override read(key: string): unknown {
    if (key === "name") return this.chartName;
    return super.read(key);
  }
  setPosition(start: string, end?: string): void {
    this.batch.enqueue(() => (this.findChart().position = [start, end ?? start]));
  }
  delete(): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      s.charts = s.charts.filter((c) => c.name !== this.chartName);
    });
  }
}

class SettingCollection {
  constructor(private readonly batch: Batch) {}
  add(key: string, value: unknown): void {
    this.batch.enqueue(() => this.batch.excel.state.settings.set(key, JSON.parse(JSON.stringify(value))));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.batch, key);
  }
}

class Setting extends NullableObject {
  constructor(
    batch: Batch,
    readonly key: string
  ) {
    super(batch, () => batch.excel.state.settings.has(key));
  }
  protected override read(k: string): unknown {
    if (k === "value") return this.batch.excel.state.settings.get(this.key) ?? null;
    if (k === "key") return this.key;
    return super.read(k);
  }
  get value(): unknown {
    return this.prop<unknown>("value");
  }
}

// ---------------------------------------------------------------------------------------------

/** The double: `run` stands for Excel.run; `state` is the workbook to seed and to check. */
export class ExcelDouble {
  readonly state: DoubleState;
  private ids = 0;

  constructor(seeds: SheetSeed[], settings: Record<string, unknown> = {}) {
    this.state = {
      sheets: seeds.map(newSheet),
      active: seeds[0]?.name ?? "Sheet1",
      settings: new Map(Object.entries(settings)),
      syncs: 0,
      runs: 0,
      calculationSuspensions: 0,
      rangeWrites: 0,
    };
    if (this.state.sheets.length === 0) this.state.sheets.push(newSheet({ name: "Sheet1", values: [] }));
  }

  /** Excel.run: the batch, then a final sync of whatever is still queued. */
  run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.state.runs++;
    const b = new Batch(this);
    // The double covers only what the pane uses of the object model: hence the cast.
    const result = await batch(new RequestContext(b) as unknown as Excel.RequestContext);
    if (b.pending > 0) await b.sync();
    return result;
  };

  nextId(): string {
    this.ids++;
    return `{00000000-0001-0000-0000-${String(this.ids).padStart(12, "0")}}`;
  }

  findSheet(name: string): DoubleSheet | undefined {
    const key = name.toLocaleLowerCase("vi");
    return this.state.sheets.find((s) => s.name.toLocaleLowerCase("vi") === key);
  }

  sheet(name: string): DoubleSheet {
    const s = this.findSheet(name);
    if (!s) throw new DoubleError("ItemNotFound", `The requested resource doesn't exist: sheet ${name}`);
    return s;
  }

  /** A plain-JSON view of the workbook, for assertions across the browser boundary. */
  snapshot(): {
    sheets: Array<
      Omit<DoubleSheet, "hiddenRows" | "columnWidths"> & { hiddenRows: number[]; columnWidths: Record<number, number> }
    >;
    active: string;
    settings: Record<string, unknown>;
    selection?: { sheet: string; address: string };
    syncs: number;
    runs: number;
    calculationSuspensions: number;
  } {
    return JSON.parse(
      JSON.stringify({
        sheets: this.state.sheets.map((s) => ({
          ...s,
          hiddenRows: [...s.hiddenRows],
          columnWidths: Object.fromEntries(s.columnWidths),
        })),
        active: this.state.active,
        settings: Object.fromEntries(this.state.settings),
        selection: this.state.selection,
        syncs: this.state.syncs,
        runs: this.state.runs,
        calculationSuspensions: this.state.calculationSuspensions,
      })
    );
  }
}
