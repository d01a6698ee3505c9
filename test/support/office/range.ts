import { intersects, parseRect, quoteSheet, Rect, rectAddress, splitAddress } from "./addresses";
import { Batch, ClientObject } from "./batch";
import { ConditionalFormatCollection } from "./conditional-formats";
import { DoubleError } from "./double-error";
import { RangeAreas } from "./range-areas";
import { Cell, copyBlock, DoubleSheet, stored } from "./sheets";

/**
 * Text Excel does not keep as written, as when typed: a leading =, +, - or @ starts a formula; digits with
 * separators (.,:/%() and spaces) become a number, date, time or percentage. Excel changes such text
 * silently; the double refuses it, so that a test fails where a user's text would change.
 */
const retyped = (text: string): boolean =>
  /^[=+\-@]/.test(text) || (/^[\d\s.,:/%()]+$/.test(text) && text.trim() !== "");

/** A rectangular range: values and number formats as whole arrays, merges, visible cells, clearing, selection. */

export class Range extends ClientObject {
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
      if (typeof v === "string" && retyped(v)) {
        throw new DoubleError(
          "InvalidArgument",
          `Excel would read "${v}" (${rectAddress({ top: r.top + i, left: r.left + j, rows: 1, columns: 1 })}) as a formula, number or date: text needs a leading apostrophe`
        );
      }
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
