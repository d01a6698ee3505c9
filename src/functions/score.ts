import { Assessor } from "../rules/assessment/assess";
import { AreaAssessment, IndicatorResult, Reading } from "../rules/assessment/assessment";
import { logicToText } from "../rules/ruleset/criterion-logic-codec";
import { criterionReason, logicSummary } from "../rules/assessment/criterion-reason";
import { CellValue, columnLetter } from "../rules/reading/cell";
import { canonicalColumns, ColumnMatch, recognizeHeaders } from "../rules/reading/columns";
import { formatCondition, formatNumber, formatValue, UNIT_LABEL } from "../rules/format";
import { InputError, Problem, problem } from "../rules/message";
import {
  Criterion,
  findCriterion,
  findIndicator,
  Indicator,
  Ruleset,
  thresholdFor,
  ThresholdValue,
  ThresholdVariant,
} from "../rules/ruleset/ruleset";
import { fromSavedMapping, readAreaRow } from "../rules/reading/sheet-table";

/**
 * The custom functions without Excel: plain arrays in (as Excel passes them: rows of numbers, text,
 * booleans, "" for blanks, null for an omitted argument, error values), plain values out. Faults the user
 * can act on are thrown as InputError; functions.ts turns them into #VALUE! with the message.
 */

/** What the functions read from the add-in's shared state. */
export interface FormulaContext {
  ruleset: Ruleset;
  /** The ruleset's Assessor, kept with it in the add-in's state. */
  assessor: Assessor;
  /** The column mapping the pane saved, if any (a SavedMapping; checked here). */
  mapping?: unknown;
  /** Faults loading the workbook's settings, shown beside results. */
  problems?: Problem[];
}

export type Table = CellValue[][];

/** How many assessed rows and header layouts each ruleset keeps. */
export const RESULT_CACHE_SIZE = 10_000;
export const LAYOUT_CACHE_SIZE = 256;

/**
 * A size-bounded map that keeps what was used recently: two generations, the older dropped whole when the
 * newer fills half the bound; a hit in the older one moves the entry forward. (Refreshing entries of one
 * big Map by delete + set makes V8 rehash it: tens of microseconds per hit at 10,000 entries.)
 */
export class BoundedCache<V, K = string> {
  private recent = new Map<K, V>();
  private older = new Map<K, V>();
  constructor(readonly limit: number) {}
  /** Entries held (an entry moved forward may be counted twice); never more than `limit`. */
  get size(): number {
    return this.recent.size + this.older.size;
  }
  get(key: K): V | undefined {
    const v = this.recent.get(key);
    if (v !== undefined) return v;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }
  set(key: K, value: V): void {
    this.recent.set(key, value);
    if (this.recent.size >= this.limit / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
  }
  delete(key: K): void {
    this.recent.delete(key);
    this.older.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Cells as Excel passes them

/**
 * One cell: Excel error objects (CustomFunctions.Error, error cell values) become their "#N/A" text, rich
 * values (entities, formatted numbers) their plain value.
 */
/** Excel.ErrorCellValue errorType → the error as a cell shows it. */
const ERROR_TYPES: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Name: "#NAME?",
  NotAvailable: "#N/A",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
    const basic = o.basicValue;
    if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
    if (o.type === "Error") return (typeof o.errorType === "string" && ERROR_TYPES[o.errorType]) || "#VALUE!";
    if (typeof o.text === "string") return o.text;
  }
  return "#VALUE!";
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function grid(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  // Excel always passes rows of arrays: copy only when something else came in.
  return v.every((row) => Array.isArray(row)) ? (v as unknown[][]) : v.map((row) => (Array.isArray(row) ? row : [row]));
}

function fault(code: string, vi: string, en: string): InputError {
  return new InputError([problem(code, "", vi, en)]);
}

/** The one row of an area, cells as Excel passed them: a 1×n range, or an n×1 column read top to bottom. */
export function rowItems(values: unknown): { items: unknown[]; vertical: boolean } {
  const g = grid(values);
  if (g.length === 1) return { items: g[0], vertical: false };
  if (g.every((r) => r.length === 1)) return { items: g.map((r) => r[0]), vertical: true };
  const width = Math.max(...g.map((r) => r.length));
  throw fault(
    "values-shape",
    `Vùng giá trị có ${g.length} hàng × ${width} cột: hãy chọn đúng một hàng (một khu dân cư).`,
    `The values range is ${g.length} rows × ${width} columns: select exactly one row (one residential area).`
  );
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** Mix a text into a hash: its length and at most its first and last 8 characters (equality is checked anyway). */
function mixText(h: number, text: string): number {
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
 * a number-to-text conversion per cell on every call; equal rows are then confirmed cell by cell.
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
function sameRow(cells: CellValue[], items: unknown[]): boolean {
  if (cells.length !== items.length) return false;
  for (let k = 0; k < items.length; k++) {
    const v = items[k];
    const c = typeof v === "object" && v !== null ? toCell(v) : v === undefined ? null : v;
    if (c !== cells[k]) return false;
  }
  return true;
}

/** Header rows as cells; transposed for a vertical row. Blank headers are refused. */
function headerRows(g: unknown[][], vertical: boolean): Table {
  const cells = g.map((r) => r.map(toCell));
  const rows = vertical ? (cells[0] ?? []).map((_, c) => cells.map((r) => r[c] ?? null)) : cells;
  if (rows.every((r) => r.every(isBlank))) {
    throw fault(
      "headers-blank",
      "Vùng tiêu đề để trống: chọn hàng tiêu đề của bảng, hoặc bỏ tham số này.",
      "The headers range is blank: select the table's header row(s), or leave the argument out."
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Which column holds what

interface Layout {
  /** Part of every cache key: results depend on it. */
  key: string;
  /** The key hashed, to start each row's hash from. */
  seed: number;
  columns: ColumnMatch[];
  /** Header layouts: the row must be exactly this wide. */
  width?: number;
  /** Header text per column (for messages). */
  headerText?: string[];
  /** Saved mapping: the row must reach this many columns from A (a sideways table's column, rows from 1). */
  reach?: number;
  /** The saved mapping is of a sideways table: values are an area's column, read from row 1. */
  sideways?: boolean;
}

const quote = (s: string, max = 40): string => `"${s.length > max ? s.slice(0, max - 1) + "…" : s}"`;

function listSome(items: string[], max = 3): { vi: string; en: string } {
  const shown = items.slice(0, max).join(", ");
  const rest = items.length - max;
  return rest > 0 ? { vi: `${shown} và ${rest} cột khác`, en: `${shown} and ${rest} more` } : { vi: shown, en: shown };
}

function layoutFromHeaders(ruleset: Ruleset, rows: Table, key: string): Layout {
  const width = Math.max(...rows.map((r) => r.length));
  const rec = recognizeHeaders(rows, ruleset);
  const headerText: string[] = Array.from({ length: width }, () => "");
  for (const c of rec.columns) headerText[c.column] = c.header;
  for (const u of rec.unmapped) headerText[u.column] = u.header;
  const problems: Problem[] = [];
  const unmapped = rec.unmapped.filter((u) => u.header.trim() !== "");
  if (unmapped.length > 0) {
    const names = listSome(unmapped.map((u) => `${u.column + 1} ${quote(u.header)}`));
    problems.push(
      problem(
        "header-unmapped",
        "",
        `Không nhận ra tiêu đề cột ${names.vi} (cột thứ mấy của vùng tiêu đề): sửa tiêu đề cho khớp tên hoặc mã chỉ tiêu (TC01.1…), bỏ cột đó khỏi cả hai vùng, hoặc ghép cột trong ngăn tác vụ.`,
        `Header column ${names.en} (position in the headers range) is not recognised: use the indicator's name or id (TC01.1…), leave that column out of both ranges, or save a column mapping in the task pane.`
      )
    );
  }
  if (!rec.columns.some((c) => c.role.kind === "indicator" || c.role.kind === "criterion")) {
    problems.push(
      problem(
        "header-no-criteria",
        "",
        "Vùng tiêu đề không có cột chỉ tiêu hay tiêu chí nào.",
        "The headers range has no indicator or criterion column."
      )
    );
  }
  if (problems.length) throw new InputError(problems);
  return { key, seed: mixText(0, key), columns: rec.columns, width, headerText };
}

function layoutFromMapping(ruleset: Ruleset, mapping: unknown, key: string): Layout {
  const layout = fromSavedMapping(mapping, ruleset);
  if ("code" in layout) {
    throw new InputError([
      problem(
        "mapping-invalid",
        layout.where,
        `${layout.message.vi} Hãy ghép lại cột trong ngăn tác vụ, hoặc truyền thêm vùng tiêu đề.`,
        `${layout.message.en} Map the columns again in the task pane, or pass the headers range.`
      ),
    ]);
  }
  const columns = layout.columns;
  const reach = columns.reduce((m, c) => Math.max(m, c.column + 1), 0);
  const out: Layout = { key, seed: mixText(0, key), columns, reach };
  if (layout.orientation === "columns") out.sideways = true;
  return out;
}

/**
 * The saved mapping for a range of values: the pane saves one per table (a list; older versions saved
 * one). A vertical range (one area's column) takes a sideways table's mapping, a row the usual one;
 * failing that, the first.
 */
function mappingFor(mapping: unknown, vertical: boolean): unknown {
  if (!Array.isArray(mapping)) return mapping;
  const wanted = vertical ? "columns" : "rows";
  const orientation = (m: unknown) =>
    typeof m === "object" && m !== null && (m as { orientation?: unknown }).orientation === "columns"
      ? "columns"
      : "rows";
  return mapping.find((m) => orientation(m) === wanted) ?? mapping[0];
}

// ---------------------------------------------------------------------------------------------
// One ruleset's formulas: header layouts and assessed rows are cached, the Assessor is shared.

interface CachedHeaders {
  vertical: boolean;
  /** The header cells as passed (before any transposing), to confirm a hash match. */
  cells: CellValue[][];
  layout: Layout | InputError;
  next?: CachedHeaders;
}

interface CachedRow {
  layout: Layout;
  cells: CellValue[];
  result: Promise<RowResult>;
  next?: CachedRow;
}

/** An assessed row, and which percent cells were taken as fractions (cells formatted as %). */
export interface RowResult {
  assessment: AreaAssessment;
  fractions: Set<string>;
}

/** Fewer percent figures than this in a row are never taken as fractions (a lone 1 may mean 1%). */
const FRACTION_EVIDENCE = 3;

export class RulesetFormulas {
  readonly ruleset: Ruleset;
  /** Header layouts by hash of the header cells: a header range is passed anew with every call. */
  private readonly headerLayouts = new BoundedCache<CachedHeaders, number>(LAYOUT_CACHE_SIZE);
  private readonly mappingLayouts = new WeakMap<object, Layout | InputError>();
  /** Assessed rows by hash; rows whose hashes collide are chained. */
  private readonly results = new BoundedCache<CachedRow, number>(RESULT_CACHE_SIZE);
  private readonly percentIndicators: Set<string>;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly canonicalLayouts = new Map<number, Layout>();

  constructor(ruleset: Ruleset) {
    this.ruleset = ruleset;
    this.percentIndicators = new Set(ruleset.indicators.filter((i) => i.unit === "percent").map((i) => i.id));
  }

  /** Cached results (for tests and benchmarks). */
  get cachedRows(): number {
    return this.results.size;
  }

  private headerLayout(headers: unknown, vertical: boolean): Layout | InputError {
    const g = grid(headers);
    let hash = vertical ? 0x2f : 0x17;
    for (const r of g) hash = rowHash(r, hash);
    const head = this.headerLayouts.get(hash);
    for (let e = head; e; e = e.next) {
      if (e.vertical === vertical && e.cells.length === g.length && e.cells.every((c, k) => sameRow(c, g[k]))) {
        return e.layout;
      }
    }
    let layout: Layout | InputError;
    try {
      const rows = headerRows(g, vertical);
      layout = layoutFromHeaders(this.ruleset, rows, "h" + JSON.stringify(rows));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      layout = e;
    }
    this.headerLayouts.set(hash, { vertical, cells: g.map((r) => r.map(toCell)), layout, next: head });
    return layout;
  }

  private layout(width: number, headers: unknown, vertical: boolean, mapping: unknown): Layout {
    let layout: Layout | InputError;
    if (headers !== null && headers !== undefined) {
      layout = this.headerLayout(headers, vertical);
    } else if (mapping !== undefined && mapping !== null && mappingFor(mapping, vertical) !== undefined) {
      const chosen = mappingFor(mapping, vertical);
      const holder = typeof chosen === "object" && chosen !== null ? chosen : { mapping: chosen };
      const cached = this.mappingLayouts.get(holder);
      if (cached) layout = cached;
      else {
        try {
          layout = layoutFromMapping(this.ruleset, chosen, "m" + JSON.stringify(chosen));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          layout = e;
        }
        this.mappingLayouts.set(holder, layout);
      }
    } else {
      const canonical = this.canonicalLayouts.get(width);
      const columns = canonical ? canonical.columns : canonicalColumns(this.ruleset, width);
      if (!columns) {
        const ni = this.ruleset.indicators.length;
        const nc = this.ruleset.criteria.length;
        throw fault(
          "no-headers",
          `Không có vùng tiêu đề và chưa lưu cách ghép cột, nên hàng phải có đúng ${ni} ô (các chỉ tiêu theo thứ tự ${this.ruleset.indicators[0]?.id}…) hoặc ${nc} ô (Đạt/Chưa đạt từng tiêu chí ${this.ruleset.criteria[0]?.id}…); hàng này có ${width} ô. Hãy truyền thêm vùng tiêu đề.`,
          `No headers range and no saved column mapping, so the row must have exactly ${ni} cells (the indicators in order) or ${nc} cells (met/not met per criterion); it has ${width}. Pass the headers range too.`
        );
      }
      layout = canonical ?? { key: "c" + width, seed: mixText(0, "c" + width), columns };
      this.canonicalLayouts.set(width, layout);
    }
    if (layout instanceof InputError) throw layout;
    this.checkWidth(width, layout);
    return layout;
  }

  private checkWidth(n: number, layout: Layout): void {
    if (layout.width !== undefined && n < layout.width) {
      const missing = listSome(
        Array.from({ length: layout.width - n }, (_, k) => {
          const text = layout.headerText?.[n + k] ?? "";
          return text ? `${n + k + 1} ${quote(text)}` : `${n + k + 1}`;
        })
      );
      throw fault(
        "row-short",
        `Hàng giá trị có ${n} ô, ít hơn ${layout.width} cột tiêu đề: thiếu cột ${missing.vi}. Hãy chọn vùng giá trị rộng bằng vùng tiêu đề.`,
        `The values row has ${n} cells, fewer than the ${layout.width} header columns: column ${missing.en} is missing. Select a values range as wide as the headers.`
      );
    }
    if (layout.width !== undefined && n > layout.width) {
      throw fault(
        "row-long",
        `Hàng giá trị có ${n} ô, nhiều hơn ${layout.width} cột tiêu đề: các ô từ ô thứ ${layout.width + 1} không có tiêu đề. Hãy chọn vùng giá trị rộng bằng vùng tiêu đề.`,
        `The values row has ${n} cells, more than the ${layout.width} header columns: cells from #${layout.width + 1} have no header. Select a values range as wide as the headers.`
      );
    }
    if (layout.reach !== undefined && n < layout.reach && layout.sideways) {
      throw fault(
        "row-short-mapping",
        `Cách ghép của bảng ngang đã lưu dùng đến dòng ${layout.reach}, nhưng vùng giá trị chỉ có ${n} ô. Hãy truyền cả cột của khu từ dòng 1 (ví dụ D1:D${layout.reach}), hoặc truyền thêm vùng tiêu đề.`,
        `The saved sideways mapping uses rows up to ${layout.reach}, but the values range has only ${n} cells. Pass the area's whole column from row 1 (e.g. D1:D${layout.reach}), or pass the headers range.`
      );
    }
    if (layout.reach !== undefined && n < layout.reach) {
      const last = columnLetter(layout.reach - 1);
      throw fault(
        "row-short-mapping",
        `Cách ghép cột đã lưu dùng đến cột ${last}, nhưng hàng giá trị chỉ có ${n} ô. Hãy truyền cả hàng từ cột A (ví dụ A5:${last}5), hoặc truyền thêm vùng tiêu đề.`,
        `The saved column mapping uses columns up to ${last}, but the values row has only ${n} cells. Pass the whole row from column A (e.g. A5:${last}5), or pass the headers range.`
      );
    }
  }

  /** Percent cells formatted as % reach custom functions as fractions (0.85): a row whose percent figures are all within 0..1 is read so. */
  private fractionFormats(cells: CellValue[], columns: ColumnMatch[]): { formats?: string[]; fractions: Set<string> } {
    const percentColumns = columns.filter(
      (c) =>
        c.role.kind === "indicator" &&
        this.percentIndicators.has(c.role.indicatorId) &&
        typeof cells[c.column] === "number"
    );
    const fractions = new Set<string>();
    if (percentColumns.length < FRACTION_EVIDENCE) return { fractions };
    if (!percentColumns.every((c) => (cells[c.column] as number) >= 0 && (cells[c.column] as number) <= 1))
      return { fractions };
    const formats: string[] = Array.from({ length: cells.length }, () => "General");
    for (const c of percentColumns) {
      formats[c.column] = "0%";
      if (c.role.kind === "indicator") fractions.add(c.role.indicatorId);
    }
    return { formats, fractions };
  }

  /** Assess one row; identical rows (same layout) share one assessment, also while it is running. */
  assessRow(values: unknown, headers: unknown, mapping: unknown, assessor: Assessor): Promise<RowResult> {
    if (assessor.ruleset !== this.ruleset) throw new Error("The Assessor given is of another ruleset.");
    const { items, vertical } = rowItems(values);
    const layout = this.layout(items.length, headers, vertical, mapping);
    const hash = rowHash(items, layout.seed);
    const head = this.results.get(hash);
    for (let e = head; e; e = e.next) {
      if ((e.layout === layout || e.layout.key === layout.key) && sameRow(e.cells, items)) return e.result;
    }
    const cells = items.map(toCell);
    // Rows are read and assessed one after another when their turn comes: a recalculation issues
    // thousands of calls at once, and building every area up front only feeds the garbage collector.
    const result = this.tail.then(() => {
      const { formats, fractions } = this.fractionFormats(cells, layout.columns);
      const area = readAreaRow(cells, layout.columns, this.ruleset, formats);
      return assessor.assess(area, {}).then((assessment) => ({ assessment, fractions }));
    });
    this.tail = result.catch(() => undefined);
    this.results.set(hash, { layout, cells, result, next: head });
    result.catch(() => this.results.delete(hash));
    return result;
  }
}

const formulas = new WeakMap<Ruleset, RulesetFormulas>();

/** The one RulesetFormulas (caches, engine) per ruleset. */
export function formulasFor(ruleset: Ruleset): RulesetFormulas {
  let f = formulas.get(ruleset);
  if (!f) {
    f = new RulesetFormulas(ruleset);
    formulas.set(ruleset, f);
  }
  return f;
}

function assessRow(ctx: FormulaContext, values: unknown, headers: unknown): Promise<RowResult> {
  return formulasFor(ctx.ruleset).assessRow(values, headers, ctx.mapping, ctx.assessor);
}

// ---------------------------------------------------------------------------------------------
// Criteria and indicators named in a formula

const criterionLabel = (c: Criterion): string => `${c.id} ${c.nameVi}`;

/** "TC7.1", "tc 07.1", 7.1, "Tỷ lệ hộ nghèo…" → the indicator. */
function indicatorByText(ruleset: Ruleset, text: string): Indicator | undefined {
  const m = /^\s*(?:tc|tieu chi|chi tieu)?\s*0*(\d{1,2})\s*[.,]\s*0*(\d{1,2})\s*$/i.exec(
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  );
  if (m) {
    const id = `TC${m[1].padStart(2, "0")}.${Number(m[2])}`;
    const byId = ruleset.indicators.find((i) => i.id === id);
    if (byId) return byId;
  }
  return findIndicator(ruleset, text);
}

function argumentText(v: unknown): string {
  const c = toCell(Array.isArray(v) ? grid(v)[0]?.[0] : v);
  return c === null || c === undefined ? "" : String(c).trim();
}

function criterionOrIndicator(ruleset: Ruleset, arg: unknown): { criterion?: Criterion; indicator?: Indicator } {
  const text = argumentText(arg);
  if (text === "") {
    throw fault("criterion-missing", 'Thiếu mã tiêu chí (ví dụ "TC07").', 'The criterion id is missing (e.g. "TC07").');
  }
  const criterion = findCriterion(ruleset, text);
  if (criterion) return { criterion };
  const indicator = indicatorByText(ruleset, text);
  if (indicator) return { indicator };
  const first = ruleset.criteria[0]?.id ?? "";
  const last = ruleset.criteria[ruleset.criteria.length - 1]?.id ?? "";
  throw fault(
    "criterion-unknown",
    `Không có tiêu chí ${quote(text)} trong bộ tiêu chí: dùng mã ${first}…${last}, tên tiêu chí, hoặc mã chỉ tiêu (ví dụ ${ruleset.indicators[0]?.id}).`,
    `There is no criterion ${quote(text)} in the ruleset: use an id ${first}…${last}, a criterion name, or an indicator id (e.g. ${ruleset.indicators[0]?.id}).`
  );
}

function indicatorArgument(ruleset: Ruleset, arg: unknown): Indicator {
  const text = argumentText(arg);
  if (text === "") {
    throw fault(
      "indicator-missing",
      'Thiếu mã chỉ tiêu (ví dụ "TC01.1").',
      'The indicator id is missing (e.g. "TC01.1").'
    );
  }
  const indicator = indicatorByText(ruleset, text);
  if (indicator) return indicator;
  const criterion = findCriterion(ruleset, text);
  if (criterion && criterion.indicators.length === 1) return criterion.indicators[0];
  if (criterion) {
    const ids = criterion.indicators.map((i) => i.id).join(", ");
    throw fault(
      "indicator-ambiguous",
      `${criterionLabel(criterion)} có ${criterion.indicators.length} chỉ tiêu (${ids}): hãy ghi mã chỉ tiêu.`,
      `${criterion.id} ${criterion.nameEn} has ${criterion.indicators.length} indicators (${ids}): give the indicator id.`
    );
  }
  throw fault(
    "indicator-unknown",
    `Không có chỉ tiêu ${quote(text)} trong bộ tiêu chí: dùng mã như ${ruleset.indicators[0]?.id} hoặc tên chỉ tiêu.`,
    `There is no indicator ${quote(text)} in the ruleset: use an id such as ${ruleset.indicators[0]?.id} or the indicator's name.`
  );
}

function yearArgument(arg: unknown): number | undefined {
  const c = toCell(arg);
  if (isBlank(c)) return undefined;
  const n = typeof c === "number" ? c : typeof c === "string" ? Number(c.trim()) : NaN;
  if (Number.isInteger(n) && n >= 1990 && n <= 2100) return n;
  throw fault(
    "year",
    `Năm không hợp lệ: ${quote(String(c))} (cần một năm như 2025).`,
    `Not a valid year: ${quote(String(c))} (use a year such as 2025).`
  );
}

// ---------------------------------------------------------------------------------------------
// The functions

/** NTM.SCORE: how many criteria the row meets. */
export function score(ctx: FormulaContext, values: unknown, headers: unknown): Promise<number> {
  return assessRow(ctx, values, headers).then((r) => r.assessment.metCount);
}

const hasNoData = (a: AreaAssessment): boolean => a.criteria.every((c) => c.basis === "none");

/** NTM.STATUS: "Đạt chuẩn", "Chưa đạt (11/13)", or "Chưa có số liệu" for a row with no values at all. */
export async function status(ctx: FormulaContext, values: unknown, headers: unknown): Promise<string> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (a.meetsAll) return "Đạt chuẩn";
  if (hasNoData(a)) return "Chưa có số liệu";
  return `Chưa đạt (${a.metCount}/${a.total})`;
}

/** A criterion not met only for want of usable values is marked so: the fix is data, not works. */
function gapLabels(ruleset: Ruleset, a: AreaAssessment): string[] {
  return a.criteria
    .filter((r) => !r.met)
    .map((r) => {
      const c = ruleset.criteria.find((x) => x.id === r.criterionId) as Criterion;
      const noData =
        r.basis === "none" ||
        (r.basis === "declared" && r.declared?.kind === "unreadable") ||
        (r.basis === "indicators" && r.indicators.every((i) => i.status !== "unmet"));
      return criterionLabel(c) + (noData ? " (thiếu số liệu)" : "");
    });
}

/** NTM.GAPS: the criteria not met as one text, "" when all are met. */
export async function gaps(ctx: FormulaContext, values: unknown, headers: unknown): Promise<string> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (hasNoData(a)) return "Chưa có số liệu";
  return gapLabels(ctx.ruleset, a).join("; ");
}

/** NTM.GAPLIST: the criteria not met, one per cell, spilling right (or down). */
export async function gapList(
  ctx: FormulaContext,
  values: unknown,
  headers: unknown,
  vertical: unknown
): Promise<Table> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  const labels = hasNoData(a) ? ["Chưa có số liệu"] : gapLabels(ctx.ruleset, a);
  if (labels.length === 0) return [[""]];
  return toCell(vertical) === true ? labels.map((l) => [l]) : [labels];
}

/** NTM.MET: whether the row meets one criterion (or one indicator). */
export async function met(
  ctx: FormulaContext,
  criterion: unknown,
  values: unknown,
  headers: unknown
): Promise<boolean> {
  const target = criterionOrIndicator(ctx.ruleset, criterion);
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (target.criterion) return a.criteria.find((c) => c.criterionId === target.criterion?.id)?.met === true;
  const id = target.indicator?.id;
  for (const c of a.criteria) {
    const r = c.indicators.find((i) => i.indicatorId === id);
    if (r) return r.met;
  }
  return false;
}

export const EXPLAIN_HEADER = ["Mã", "Chỉ tiêu", "Giá trị", "Ngưỡng", "Đạt", "Còn thiếu", "Ghi chú"];

function readingCell(r: Reading | undefined): CellValue {
  if (!r || r.kind === "missing") return "";
  if (r.kind === "number") return r.value;
  if (r.kind === "boolean") return r.value ? "Có" : "Không";
  return typeof r.raw === "string" ? r.raw : String(r.raw);
}

/** A declared status as the sheet wrote it ("Đạt", "x"); a TRUE/FALSE cell as Đạt/Chưa đạt. */
function declaredCell(r: Reading | undefined): CellValue {
  if (r?.kind !== "boolean") return readingCell(r);
  return typeof r.raw === "string" ? r.raw.trim() : r.value ? "Đạt" : "Chưa đạt";
}

function indicatorNote(r: IndicatorResult, fraction: boolean): string {
  const reading = r.reading;
  if (reading.kind === "missing") return "Thiếu số liệu";
  if (reading.kind === "unreadable") return `Không đọc được, tính như thiếu số liệu: ${reading.reason.vi}`;
  if (fraction && reading.kind === "number") {
    return `Hiểu ${formatNumber(Number(reading.raw), "vi", 4)} là ${formatNumber(reading.value, "vi")}% (ô định dạng %).`;
  }
  if (reading.kind === "number" && reading.note) return reading.note.vi;
  return "";
}

/** Rows under the table: the provisional-threshold warning and any settings fault, wherever results are shown. */
function notes(ctx: FormulaContext, width: number): Table {
  const rows: string[] = [];
  if (ctx.ruleset.provisional) rows.push(`Ngưỡng tạm tính: ${ctx.ruleset.statusNote.vi}`);
  for (const p of ctx.problems ?? []) rows.push(p.message.vi);
  return rows.map((text) => ["Lưu ý", text, ...Array.from({ length: width - 2 }, () => "")]);
}

/** NTM.EXPLAIN: per indicator the value read, the threshold in force, met, the shortfall and why. */
export async function explain(ctx: FormulaContext, values: unknown, headers: unknown): Promise<Table> {
  const { assessment: a, fractions } = await assessRow(ctx, values, headers);
  const rows: Table = [EXPLAIN_HEADER];
  for (const r of a.criteria) {
    const c = ctx.ruleset.criteria.find((x) => x.id === r.criterionId) as Criterion;
    if (r.basis === "declared") {
      rows.push([c.id, c.nameVi, declaredCell(r.declared), "Đạt", r.met, "", criterionReason(r).vi]);
      continue;
    }
    // A criterion met by one of, or by N of, its indicators: how many held, and how many more it needs.
    const summary = logicSummary(r.logic, "vi");
    if (r.logic && summary) {
      const ids = c.indicators.map((i) => i.id);
      rows.push([
        c.id,
        c.nameVi,
        `${r.logic.held}/${r.logic.items.length}`,
        logicToText(c.logic, ids),
        r.met,
        r.met ? "" : r.logic.need - r.logic.held,
        criterionReason(r).vi,
      ]);
    }
    for (const ir of r.indicators) {
      const i = c.indicators.find((x) => x.id === ir.indicatorId) as Indicator;
      rows.push([
        ir.indicatorId,
        i.nameVi,
        readingCell(ir.reading),
        formatCondition(ir.operator, ir.threshold, ir.unit, "vi"),
        ir.met,
        ir.shortfall ?? "",
        indicatorNote(ir, fractions.has(ir.indicatorId)),
      ]);
    }
  }
  return [...rows, ...notes(ctx, EXPLAIN_HEADER.length)];
}

/**
 * NTM.THRESHOLD: the threshold in force for an indicator, a year and a group ("Nhóm 2", "ĐBKK"); a group
 * the ruleset has no thresholds of its own for takes the common ones.
 */
export function threshold(ctx: FormulaContext, indicator: unknown, year: unknown, group: unknown): ThresholdValue {
  const i = indicatorArgument(ctx.ruleset, indicator);
  const g = toCell(group);
  return thresholdFor(i, { year: yearArgument(year), group: isBlank(g) ? undefined : String(g) });
}

export const CRITERIA_HEADER = [
  "Mã tiêu chí",
  "Tiêu chí",
  "Tiêu chí (tiếng Anh)",
  "Mã chỉ tiêu",
  "Chỉ tiêu",
  "Chỉ tiêu (tiếng Anh)",
  "Đơn vị",
  "Toán tử",
  "Ngưỡng",
  "Ngưỡng riêng (năm, nhóm)",
  "Đã xác minh",
  "Cách tính đạt",
];

const OPERATOR_SIGN: Record<string, string> = { ">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<" };

function variantText(i: Indicator, v: ThresholdVariant): string {
  const years =
    v.fromYear !== undefined && v.toYear !== undefined
      ? `${v.fromYear}–${v.toYear}`
      : v.fromYear !== undefined
        ? `từ ${v.fromYear}`
        : v.toYear !== undefined
          ? `đến ${v.toYear}`
          : "";
  const scope = [years, v.group !== undefined ? `nhóm "${v.group}"` : ""].filter((s) => s).join(", ");
  return `${scope}: ${formatValue(v.value, i.unit, "vi")}`;
}

/** NTM.CRITERIA: the ruleset in force as a table, one row per indicator, with its status noted. */
export function criteriaTable(ctx: FormulaContext): Table {
  const rows: Table = [CRITERIA_HEADER];
  for (const c of ctx.ruleset.criteria) {
    const logic = logicToText(
      c.logic,
      c.indicators.map((i) => i.id)
    );
    for (const i of c.indicators) {
      rows.push([
        c.id,
        c.nameVi,
        c.nameEn,
        i.id,
        i.nameVi,
        i.nameEn,
        UNIT_LABEL[i.unit].vi,
        OPERATOR_SIGN[i.operator],
        typeof i.threshold === "boolean" ? (i.threshold ? "Có" : "Không") : i.threshold,
        i.variants.map((v) => variantText(i, v)).join("; "),
        i.verified,
        logic,
      ]);
    }
  }
  const s = ctx.ruleset.source;
  const source = [s.document, s.date, s.issuer].filter((x) => x).join(", ");
  const sourceRow = source
    ? [["Nguồn", `${ctx.ruleset.title} (${source})`, ...Array.from({ length: CRITERIA_HEADER.length - 2 }, () => "")]]
    : [];
  return [...rows, ...notes(ctx, CRITERIA_HEADER.length), ...sourceRow];
}

/** The text of an Excel #VALUE! message: every fault, Vietnamese then English. */
export function errorMessage(e: InputError, limit = 480): string {
  const vi = e.problems.map((p) => p.message.vi).join(" ");
  const en = e.problems.map((p) => p.message.en).join(" ");
  const text = `${vi} / ${en}`;
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}
