import { CellValue, cellAddress, Grid } from "../rules/reading/cell";
import { InputError, Problem } from "../rules/message";
import { isOwnFormula, markedFormula } from "../rules/own-formats";
import { SHEET_COLOURS } from "../rules/palette";
import { PrintSetup } from "../rules/report/print-setup";
import { ChartSpec, SheetData, SheetHighlights, SheetOutput, Workbook } from "../rules/workbook";
import { chunkAreas, hiddenRowsFrom, parseAreas, rebaseFormula } from "./a1";
import { errorProblem, hostProblem } from "./strings";

/* global Excel, Office */

/** Excel.run, injectable so tests, the bench and the e2e test run the same code on the Excel double (test/support/office/). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Cells read per round trip. Excel on the web caps a response at 5 MB; values plus number formats of
 * 250,000 cells (5,000 areas × 50 columns) stay under it, so every sheet we claim to handle is read in
 * two syncs; a larger one costs one more sync per block.
 */
export const CELLS_PER_SYNC = 250_000;

/** Excel column widths are in points; the core gives them in characters. */
const POINTS_PER_CHARACTER = 6;

/**
 * Strings Excel would turn into something else (a formula, a number, a date: "1/13" is 13 January)
 * keep a quote prefix, as when a user types an apostrophe first.
 */
function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return v;
  // A formula-like or number-like text stays text (\s is what trim() removes, so no trim is needed).
  if (/^[=+\-@']/.test(v) || (/^[\d\s.,:/%()]+$/.test(v) && v.trim() !== "")) return `'${v}`;
  return v;
}

/**
 * The Workbook of the core on Office.js. Every method is one Excel.run with a fixed number of
 * context.sync() calls, whatever the number of rows: whole 2-D arrays, formats per column, no per-row
 * or per-cell round trips.
 */
export class ExcelWorkbook implements Workbook {
  /**
   * `supports`: whether the host implements an API requirement set (Office's isSetSupported); page
   * layout needs ExcelApi 1.9, which Excel 2016 and 2019 perpetual lack.
   */
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly supports: (set: string, version: string) => boolean = officeSupports
  ) {}

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  activeSheetName(): Promise<string | undefined> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
  }

  /** Two syncs: the used range's extent and protection, then values, formats, merges and visible rows. */
  readSheet(name: string): Promise<SheetData> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
      const protection = sheet.protection.load("protected");
      await context.sync();
      const rows = used.rowIndex + used.rowCount;
      const columns = used.columnIndex + used.columnCount;
      const whole = sheet.getRangeByIndexes(0, 0, rows, columns);
      const merged = whole.getMergedAreasOrNullObject().load("address");
      const visible = whole.getSpecialCellsOrNullObject("Visible").load("address");
      const step = Math.max(1, Math.floor(CELLS_PER_SYNC / columns));
      const values: Grid = [];
      const numberFormats: string[][] = [];
      for (let top = 0; top < rows; top += step) {
        const block = sheet.getRangeByIndexes(top, 0, Math.min(step, rows - top), columns).load("values,numberFormat");
        // One block up to 250,000 cells (every sheet we claim): a single sync; larger sheets, one per block.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const r of block.values as CellValue[][]) values.push(r);
        for (const r of block.numberFormat as string[][]) numberFormats.push(r);
      }
      const data: SheetData = {
        name,
        values,
        numberFormats,
        merges: merged.isNullObject
          ? []
          : parseAreas(merged.address).filter((m) => m.bottom > m.top || m.right > m.left),
        hiddenRows: visible.isNullObject ? hiddenRowsFrom([], rows) : hiddenRowsFrom(parseAreas(visible.address), rows),
        protected: protection.protected,
      };
      return data;
    });
  }

  /**
   * All the add-in's sheets in one batch: existing ones (owned, per the core) are cleared and refilled so
   * that references to them survive; new ones are added. Values as whole arrays, formats per column.
   */
  writeSheets(outputs: SheetOutput[]): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const key = (n: string) => n.toLocaleLowerCase("vi");
      const existing = new Map(sheets.items.map((s) => [key(s.name), s]));
      const targets = outputs.map((spec) => ({ spec, sheet: existing.get(key(spec.name)) }));
      const charts = targets.filter((t) => t.sheet).map((t) => (t.sheet as Excel.Worksheet).charts.load("items/name"));
      if (charts.length > 0) await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      for (const chartList of charts) for (const chart of chartList.items) chart.delete();
      const filled: Array<{ sheet: Excel.Worksheet; spec: SheetOutput }> = [];
      for (const { spec, sheet } of targets) {
        let target: Excel.Worksheet;
        if (sheet) {
          target = sheet;
          target.freezePanes.unfreeze();
          const used = target.getUsedRange(false);
          // The last run's merged titles first: values cannot be written into part of a merged block.
          used.unmerge();
          used.clear("All");
        } else {
          target = sheets.add(spec.name);
        }
        fillSheet(target, spec);
        if (spec.print) keepWithinTable(target, spec.print);
        filled.push({ sheet: target, spec });
      }
      // Print layouts after every sheet's values: a host that refuses one still gets all the data.
      if (this.supports("ExcelApi", "1.9")) {
        for (const { sheet, spec } of filled) if (spec.print) setPrintLayout(sheet, spec.print);
      }
      await context.sync();
    });
  }

  /**
   * Replace the add-in's conditional formats on user sheets, all in one batch. Its own are recognised by
   * the marker in their formula (rules/own-formats.ts); the user's formats are never touched. A
   * protected sheet is left as it is and returned as a located problem. Two or three syncs, however many
   * sheets and rows.
   */
  async setHighlights(sheets: SheetHighlights[]): Promise<Problem[]> {
    try {
      return await this.highlight(sheets);
    } catch (e) {
      // Whatever else Excel refuses leaves the result sheets written: said, not thrown.
      return [errorProblem(e, sheets.map((s) => s.sheet).join(", "))];
    }
  }

  private highlight(sheets: SheetHighlights[]): Promise<Problem[]> {
    return this.run(async (context) => {
      const found = await this.findOwnFormats(
        context,
        sheets.map((s) => s.sheet)
      );
      const problems: Problem[] = [];
      sheets.forEach(({ sheet: name, highlights }, k) => {
        const { sheet, ours, isProtected } = found[k];
        if (isProtected) {
          problems.push(hostProblem("sheetProtected", name));
          return;
        }
        for (const cf of ours) cf.delete();
        // A column's "unmet" and "missing" formats cover the same range: chunk it once.
        const chunked = new Map<string, ReturnType<typeof chunkAreas>>();
        for (const h of highlights) {
          let chunks = chunked.get(h.range);
          if (!chunks) chunked.set(h.range, (chunks = chunkAreas(h.range)));
          const origin = chunks[0]?.topLeft;
          for (const chunk of chunks) {
            const cf = sheet.getRanges(chunk.address).conditionalFormats.add("Custom");
            cf.custom.rule.formula = markedFormula(rebaseFormula(h.formula, origin, chunk.topLeft));
            cf.custom.format.fill.color = h.fill;
          }
        }
      });
      await context.sync();
      return problems;
    });
  }

  /** Remove the add-in's formats from these sheets (protected ones are refused before anything changes). */
  clearHighlights(sheetNames: string[]): Promise<number> {
    return this.run(async (context) => {
      const found = await this.findOwnFormats(context, sheetNames);
      const locked = sheetNames.filter((_, k) => found[k].isProtected);
      if (locked.length > 0) throw new InputError(locked.map((n) => hostProblem("sheetProtected", n)));
      let removed = 0;
      for (const { ours } of found) {
        for (const cf of ours) cf.delete();
        removed += ours.length;
      }
      await context.sync();
      return removed;
    });
  }

  loadSetting(key: string): Promise<string | undefined> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key).load("value");
      await context.sync();
      if (setting.isNullObject) return undefined;
      const value: unknown = setting.value;
      if (value === null || value === undefined) return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    });
  }

  saveSetting(key: string, value: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /** Show an area on the user's sheet: activate the sheet, select its row ("12:12") or column ("E:E"). One sync. */
  selectLine(sheetName: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  /** One or two syncs for every sheet at once: protection and conditional formats, then the custom ones' formulas. */
  private async findOwnFormats(
    context: Excel.RequestContext,
    sheetNames: string[]
  ): Promise<Array<{ sheet: Excel.Worksheet; ours: Excel.ConditionalFormat[]; isProtected: boolean }>> {
    const loaded = sheetNames.map((name) => {
      const sheet = context.workbook.worksheets.getItem(name);
      return {
        sheet,
        protection: sheet.protection.load("protected"),
        formats: sheet.getRange().conditionalFormats.load("items/type"),
      };
    });
    await context.sync();
    const custom = loaded.map((l) =>
      l.protection.protected ? [] : l.formats.items.filter((cf) => cf.type === "Custom")
    );
    const rules = custom.map((list) => list.map((cf) => ({ cf, rule: cf.custom.rule.load("formula") })));
    if (rules.some((list) => list.length > 0)) await context.sync();
    return loaded.map((l, k) => ({
      sheet: l.sheet,
      isProtected: l.protection.protected,
      ours: rules[k].filter((r) => isOwnFormula(r.rule.formula)).map((r) => r.cf),
    }));
  }
}

/** Queue one output sheet's values and presentation: a constant number of range operations per sheet. */
function fillSheet(sheet: Excel.Worksheet, spec: SheetOutput): void {
  const height = spec.rows.length;
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  sheet.tabColor = SHEET_COLOURS.tab;
  if (height > 0) {
    const grid: Array<Array<string | number | boolean>> = new Array(height);
    for (let r = 0; r < height; r++) {
      const source = spec.rows[r];
      const row: Array<string | number | boolean> = new Array(width);
      for (let c = 0; c < width; c++) row[c] = toExcelValue(source[c]);
      grid[r] = row;
    }
    sheet.getRangeByIndexes(0, 0, height, width).values = grid;
    sheet.getRangeByIndexes(0, 0, 1, 1).format.font.size = 13;
  }
  const headerRows = Math.min(spec.headerRows ?? 0, height);
  if (headerRows > 0) {
    sheet.getRangeByIndexes(0, 0, headerRows, width).format.font.bold = true;
    sheet.freezePanes.freezeRows(headerRows);
  }
  if (spec.tableHeaderRow !== undefined && spec.tableHeaderRow < height) {
    const header = sheet.getRangeByIndexes(spec.tableHeaderRow, 0, 1, width);
    header.format.fill.color = SHEET_COLOURS.tableHeader;
    header.format.wrapText = true;
    header.format.verticalAlignment = "Center";
  }
  for (const w of spec.warningRows ?? []) {
    if (w >= height) continue;
    const row = sheet.getRangeByIndexes(w, 0, 1, width);
    row.format.fill.color = SHEET_COLOURS.warningFill;
    row.format.font.color = SHEET_COLOURS.warningText;
  }
  (spec.columnWidths ?? []).forEach((chars, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = chars * POINTS_PER_CHARACTER;
  });
  const firstData = (spec.tableHeaderRow ?? headerRows - 1) + 1;
  const dataRows = height - firstData;
  for (const [column, format] of Object.entries(spec.columnFormats ?? {})) {
    if (dataRows <= 0) break;
    sheet.getRangeByIndexes(firstData, Number(column), dataRows, 1).numberFormat = Array.from(
      { length: dataRows },
      () => [format]
    );
  }
  if (spec.chart) addChart(sheet, spec.chart);
}

const CHART_TYPE: Record<ChartSpec["kind"], "ColumnClustered" | "BarClustered" | "Line"> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
};

/** A chart over the spec's block (category column through the last value column), placed to its right. */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const columns = [spec.categoryColumn, ...spec.valueColumns];
  const left = Math.min(...columns);
  const right = Math.max(...columns);
  const source = sheet.getRangeByIndexes(spec.headerRow, left, spec.lastRow - spec.headerRow + 1, right - left + 1);
  const chart = sheet.charts.add(CHART_TYPE[spec.kind], source, "Columns");
  chart.title.text = spec.title;
  if (spec.valueColumns.length === 1) chart.legend.visible = false;
  // Excel draws a bar chart's first category at the bottom: reversed, the largest bar is on top, as listed.
  if (spec.kind === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
  chart.setPosition(cellAddress(spec.headerRow, right + 2), cellAddress(spec.headerRow + 18, right + 10));
}

/**
 * What keeps the print within the table's width (ExcelApi 1.2): body text wraps in its column and rows
 * fit it; each lone long text is merged across the table's columns, wrapped, as high as its lines.
 */
function keepWithinTable(sheet: Excel.Worksheet, print: PrintSetup): void {
  if (print.wrapRows) {
    const { first, last } = print.wrapRows;
    const body = sheet.getRangeByIndexes(first, 0, last - first + 1, print.columns);
    body.format.wrapText = true;
    body.format.verticalAlignment = "Top";
    body.format.autofitRows();
  }
  for (const b of print.banners) {
    const row = sheet.getRangeByIndexes(b.row, 0, 1, print.columns);
    row.merge(false);
    row.format.wrapText = true;
    row.format.verticalAlignment = "Top";
    row.format.rowHeight = b.lines * b.lineHeight;
  }
}

/** The core's print setup on the sheet's page layout (ExcelApi 1.9): queued, no sync of its own. */
function setPrintLayout(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // Zero pages tall: as many as the rows need (Excel's "automatic").
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

/** Office's own answer; false outside Office (the double in a browser, tests), where there is nothing to set. */
function officeSupports(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
}
