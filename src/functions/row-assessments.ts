import { LRUCache } from "lru-cache";
import { Assessor } from "../rules/assessment/assess";
import { AreaAssessment } from "../rules/assessment/assessment";
import { CellValue } from "../rules/reading/cell";
import { ReadingMemory } from "../rules/reading/reading-memory";
import { canonicalColumns, ColumnMatch } from "../rules/reading/columns";
import { InputError } from "../rules/message";
import { Ruleset } from "../rules/ruleset/ruleset";
import { readAreaRow } from "../rules/reading/sheet-table";
import { grid, headerRows, rowItems, toCell } from "./excel-cells";
import { rowHash, sameRow } from "./row-hash";
import {
  canonicalLayout,
  checkRowWidth,
  layoutFromHeaders,
  layoutFromMapping,
  mappingFor,
  noHeadersFault,
  RowLayout,
} from "./row-layout";

/** How many assessed rows one ruleset's formulas remember: a district's sheet, recalculated, is answered from memory. */
export const REMEMBERED_ROWS = 10_000;
/** How many header layouts they remember: a workbook has a few tables, each passing its header range anew. */
export const REMEMBERED_LAYOUTS = 256;

/** Fewer percent figures than this in a row are never taken as fractions (a lone 1 may mean 1%). */
const FRACTION_EVIDENCE = 3;

/** An assessed row, and which percent cells were taken as fractions (cells formatted as %). */
export interface RowResult {
  assessment: AreaAssessment;
  fractions: Set<string>;
}

interface RememberedHeaders {
  vertical: boolean;
  /** The header cells as passed (before any transposing), to confirm a hash match. */
  cells: CellValue[][];
  layout: RowLayout | InputError;
  /** Another header range of the same hash. */
  next?: RememberedHeaders;
}

interface RememberedRow {
  layout: RowLayout;
  cells: CellValue[];
  result: Promise<RowResult>;
  /** Another row of the same hash. */
  next?: RememberedRow;
}

/**
 * The custom functions' memory for one ruleset, the functions host's one cache (the Assessor keeps its
 * own, in the core): Excel recalculates by calling SCORE, STATUS, GAPS… on the same rows again and again,
 * thousands at once, each with a new array. Identical rows (same values, same layout) share one
 * assessment, also while it is running; header ranges passed anew with every call are recognised once.
 * Both are bounded (REMEMBERED_ROWS, REMEMBERED_LAYOUTS, least recently used dropped first). The add-in
 * state creates one with each ruleset it puts in force (addin-state.ts), so it lives exactly as long as
 * that ruleset. Worth it: without it, 5,000 calls on 50 repeated rows ran at ~36,000 calls/s instead of
 * ~350,000–550,000 (`npm run bench functions`).
 */
export class RowAssessments {
  readonly ruleset: Ruleset;
  /** The ruleset's engines, and the verdicts they remember. */
  readonly assessor: Assessor;
  /**
   * Readings of the cell values these rows hold: one reading object per repeated value, so that the
   * Assessor shares its results between rows (see criterion-memory). Bounded by READING_MEMORY_LIMIT.
   */
  private readonly readings = new ReadingMemory();
  /** Header layouts by hash of the header cells. */
  private readonly headerLayouts = new LRUCache<number, RememberedHeaders>({ max: REMEMBERED_LAYOUTS });
  /** Layouts of saved mappings, by the mapping object (a new object when the pane saves again). */
  private readonly mappingLayouts = new WeakMap<object, RowLayout | InputError>();
  /** Rows passed alone, by width (at most two widths have a layout: indicators, or criteria). */
  private readonly canonicalLayouts = new Map<number, RowLayout>();
  /** Assessed rows by hash. */
  private readonly results: LRUCache<number, RememberedRow>;
  private readonly percentIndicators: Set<string>;
  /** The last row queued: rows are read and assessed one after another. */
  private tail: Promise<unknown> = Promise.resolve();

  /** `remember`: how many rows to remember (REMEMBERED_ROWS; smaller only in tests). */
  constructor(ruleset: Ruleset, options: { remember?: number } = {}) {
    this.ruleset = ruleset;
    this.assessor = new Assessor(ruleset);
    this.results = new LRUCache({ max: options.remember ?? REMEMBERED_ROWS });
    this.percentIndicators = new Set(ruleset.indicators.filter((i) => i.unit === "percent").map((i) => i.id));
  }

  /** Rows remembered (for tests and benchmarks). */
  get size(): number {
    return this.results.size;
  }

  /** Assess one row; identical rows (same layout) share one assessment, also while it is running. */
  assess(values: unknown, headers: unknown, mappings: readonly unknown[] = []): Promise<RowResult> {
    const { items, vertical } = rowItems(values);
    const layout = this.layout(items.length, headers, vertical, mappings);
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
      const area = readAreaRow(cells, layout.columns, this.ruleset, formats, undefined, this.readings);
      return this.assessor.assess(area, {}).then((assessment) => ({ assessment, fractions }));
    });
    this.tail = result.catch(() => undefined);
    this.results.set(hash, { layout, cells, result, next: head });
    result.catch(() => this.results.delete(hash));
    return result;
  }

  private layout(width: number, headers: unknown, vertical: boolean, mappings: readonly unknown[]): RowLayout {
    let layout: RowLayout | InputError;
    if (headers !== null && headers !== undefined) {
      layout = this.headerLayout(headers, vertical);
    } else {
      const mapping = mappingFor(mappings, vertical);
      layout = mapping !== undefined ? this.mappingLayout(mapping) : this.canonicalLayout(width);
    }
    if (layout instanceof InputError) throw layout;
    checkRowWidth(width, layout);
    return layout;
  }

  private headerLayout(headers: unknown, vertical: boolean): RowLayout | InputError {
    const g = grid(headers);
    let hash = vertical ? 0x2f : 0x17;
    for (const r of g) hash = rowHash(r, hash);
    const head = this.headerLayouts.get(hash);
    for (let e = head; e; e = e.next) {
      if (e.vertical === vertical && e.cells.length === g.length && e.cells.every((c, k) => sameRow(c, g[k]))) {
        return e.layout;
      }
    }
    const layout = faultAsValue(() => layoutFromHeaders(this.ruleset, headerRows(g, vertical)));
    this.headerLayouts.set(hash, { vertical, cells: g.map((r) => r.map(toCell)), layout, next: head });
    return layout;
  }

  private mappingLayout(chosen: unknown): RowLayout | InputError {
    const holder = typeof chosen === "object" && chosen !== null ? chosen : { mapping: chosen };
    let layout = this.mappingLayouts.get(holder);
    if (!layout) {
      layout = faultAsValue(() => layoutFromMapping(this.ruleset, chosen));
      this.mappingLayouts.set(holder, layout);
    }
    return layout;
  }

  private canonicalLayout(width: number): RowLayout {
    let layout = this.canonicalLayouts.get(width);
    if (!layout) {
      const columns = canonicalColumns(this.ruleset, width);
      if (!columns) throw noHeadersFault(this.ruleset, width);
      layout = canonicalLayout(width, columns);
      this.canonicalLayouts.set(width, layout);
    }
    return layout;
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
}

/** A layout fault is remembered like a layout: the same headers fail the same way on every call. */
function faultAsValue(make: () => RowLayout): RowLayout | InputError {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e;
  }
}
