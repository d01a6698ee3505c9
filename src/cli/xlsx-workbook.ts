import type ExcelJS from "exceljs";
import { columnLetter } from "../rules/cell";
import { HIGHLIGHT_FILL } from "../rules/analysis";
import { Problem } from "../rules/message";
import { ChartSpec, Highlight, SheetData, SheetHighlights, SheetOutput, Workbook } from "../rules/workbook";

/**
 * The Workbook interface over an exceljs workbook held in memory: what the command line writes its
 * report with (it reads workbooks with src/xlsx). Nothing here touches the file system; the caller
 * saves.
 */
export class XlsxWorkbook implements Workbook {
  readonly workbook: ExcelJS.Workbook;
  /** Settings live for the session only: exceljs cannot read or write Office add-in settings. */
  private readonly settings = new Map<string, string>();
  /** A streaming writer (a report) writes each row once and cannot read back. */
  private readonly streaming: boolean;
  private readonly streamed: string[] = [];

  /** `streaming`: the workbook is exceljs's streaming WorkbookWriter (rows are committed as written). */
  constructor(workbook: ExcelJS.Workbook, options: { streaming?: boolean } = {}) {
    this.workbook = workbook;
    this.streaming = options.streaming === true;
  }

  async sheetNames(): Promise<string[]> {
    return this.streaming ? [...this.streamed] : this.workbook.worksheets.map((ws) => ws.name);
  }

  async activeSheetName(): Promise<string | undefined> {
    if (this.streaming) return undefined;
    const tab = this.workbook.views?.[0]?.activeTab;
    return tab === undefined ? undefined : this.workbook.worksheets[tab]?.name;
  }

  /** The command line reads workbooks with src/xlsx (what Excel saved); this one only writes. */
  async readSheet(name: string): Promise<SheetData> {
    throw new Error(`The report writer does not read sheets (${name})`);
  }

  async writeSheets(sheets: SheetOutput[]): Promise<void> {
    for (const s of sheets) {
      if (this.streaming) {
        if (this.streamed.includes(s.name)) throw new Error(`Sheet ${s.name} is already written`);
        this.streamed.push(s.name);
      } else {
        const old = this.workbook.getWorksheet(s.name);
        if (old) this.workbook.removeWorksheet(old.id);
      }
      writeSheet(this.workbook, s, this.streaming);
    }
  }

  async setHighlights(sheets: SheetHighlights[]): Promise<Problem[]> {
    for (const { sheet, highlights } of sheets) {
      const ws = this.sheet(sheet);
      removeOwnFormats(ws);
      highlights.forEach((h: Highlight, k) => {
        ws.addConditionalFormatting({
          // Excel's sqref separates the blocks of one format with spaces.
          ref: h.range.split(",").join(" "),
          rules: [
            {
              type: "expression",
              priority: k + 1,
              formulae: [h.formula.replace(/^=/, "")],
              style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(h.fill) } } },
            },
          ],
        });
      });
    }
    return [];
  }

  async clearHighlights(sheets: string[]): Promise<number> {
    let removed = 0;
    for (const sheet of sheets) removed += removeOwnFormats(this.sheet(sheet));
    return removed;
  }

  async loadSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`No sheet ${name}`);
    return ws;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

const WARNING = { fill: argb(HIGHLIGHT_FILL.missing), font: "FF9C0006" };
const HEADER_FILL = "FFD9E1F2";

/**
 * One of the add-in's sheets: bold, frozen headings; widths; the provisional note on a warning fill.
 * Row by row, each finished before the next, so a streaming writer can commit it at once.
 */
function writeSheet(wb: ExcelJS.Workbook, s: SheetOutput, streaming: boolean): void {
  const headerRows = s.headerRows ?? 0;
  const ws = wb.addWorksheet(s.name, {
    views: headerRows > 0 ? [{ state: "frozen", ySplit: headerRows, xSplit: 0 }] : [],
  });
  const width = Math.max(1, ...s.rows.map((r) => r.length));
  s.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const [c, fmt] of Object.entries(s.columnFormats ?? {})) ws.getColumn(Number(c) + 1).numFmt = fmt;
  const warnings = new Set(s.warningRows ?? []);
  const chartNote = s.chart ? chartHowTo(s.chart) : undefined;
  // exceljs gives every new cell its own style object and, writing it, renders that object to XML to
  // find its style id; plain cells share one object per column instead, which it recognises at once.
  const plain = Array.from({ length: width }, (_, c) => {
    const numFmt = s.columnFormats?.[c];
    return numFmt ? { numFmt } : {};
  });
  s.rows.forEach((values, r) => {
    const row = ws.addRow(values.map((v) => (v === undefined ? null : v)));
    // Only rows styled no further below: exceljs's styling setters write into the cell's style object.
    const styled = r < headerRows || r === s.tableHeaderRow || warnings.has(r);
    if (!styled) row.eachCell((cell, c) => (cell.style = plain[c - 1] ?? {}));
    if (r < headerRows) row.font = { bold: true, size: r === 0 ? 13 : 11 };
    if (r === s.tableHeaderRow) {
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.font = { bold: true };
        cell.alignment = { wrapText: true, vertical: "middle" };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.border = { bottom: { style: "thin" } };
      }
    }
    if (warnings.has(r)) {
      for (let c = 1; c <= width; c++) {
        row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: WARNING.fill } };
      }
      row.getCell(1).font = { bold: true, color: { argb: WARNING.font } };
    }
    if (chartNote && r === chartNote.row) row.getCell(chartNote.column + 1).note = chartNote.text;
    if (streaming) row.commit();
  });
  if (streaming) ws.commit();
}

/** exceljs cannot draw charts: the chart's data is on the sheet; a note says how to draw it in Excel. */
function chartHowTo(chart: ChartSpec): { row: number; column: number; text: string } {
  const first = `${columnLetter(chart.categoryColumn)}${chart.headerRow + 1}`;
  const last = `${columnLetter(Math.max(...chart.valueColumns))}${chart.lastRow + 1}`;
  return {
    row: chart.headerRow,
    column: chart.categoryColumn,
    text: `Biểu đồ: chọn ${first}:${last} rồi Chèn › Biểu đồ cột.\nChart: select ${first}:${last}, then Insert › Column chart.`,
  };
}

const OWN_FILLS = new Set(Object.values(HIGHLIGHT_FILL).map(argb));

type FormatRule = { style?: { fill?: { bgColor?: { argb?: string } } } };

/** Conditional formats whose fill is one of the add-in's: removed; the user's own are kept. */
function removeOwnFormats(ws: ExcelJS.Worksheet): number {
  const list =
    (ws as unknown as { conditionalFormattings?: Array<{ rules: FormatRule[] }> }).conditionalFormattings ?? [];
  const own = (f: { rules: FormatRule[] }) => f.rules.some((r) => OWN_FILLS.has(r.style?.fill?.bgColor?.argb ?? ""));
  const removed = list.filter(own).length;
  if (removed > 0) ws.removeConditionalFormatting((f: { rules: FormatRule[] }) => !own(f));
  return removed;
}
