import { MAX_COLUMNS, MAX_ROWS, parseRect, Rect, splitAddress } from "./addresses";
import { Batch, ClientObject } from "./batch";
import { ChartCollection } from "./charts";
import { DoubleError } from "./double-error";
import { PageLayout } from "./page-layout";
import { Range } from "./range";
import { RangeAreas } from "./range-areas";
import { DoubleSheet, usedRect } from "./sheets";

/** A worksheet: its ranges, protection, frozen panes, tab colour, charts and page layout. */

export class Worksheet extends ClientObject {
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
