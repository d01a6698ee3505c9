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

import type { ExcelRun } from "../../../src/taskpane/excel-workbook";
import { Batch } from "./batch";
import { DoubleError } from "./double-error";
import { DoubleHost, DoubleSheet, DoubleState, newSheet, SheetSeed } from "./sheets";
import { RequestContext } from "./workbook";

export { DoubleError } from "./double-error";
export { parseRect, rectAddress } from "./addresses";
export type { Rect } from "./addresses";
export type {
  Cell,
  DoubleChart,
  DoubleConditionalFormat,
  DoublePageLayout,
  DoubleSheet,
  DoubleState,
  SheetSeed,
} from "./sheets";

/** The double: `run` stands for Excel.run; `state` is the workbook to seed and to check. */
export class ExcelDouble implements DoubleHost {
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
