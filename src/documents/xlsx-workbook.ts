import type ExcelJS from "exceljs";
import { Problem } from "../rules/message";
import { isOwnFormula, markedFormula } from "../rules/own-formats";
import { argb, SHEET_COLOURS } from "../rules/palette";
import { PrintSetup, rowHeight, wrappedLines } from "../rules/report/print-setup";
import { ChartSpec, Highlight, SheetData, SheetHighlights, SheetOutput, Workbook } from "../rules/workbook";
import type { ChartPicture } from "../documents/chart-picture";
import type { PlacedPicture } from "../cli/xlsx-pictures";

/**
 * The Workbook interface over an exceljs workbook held in memory: what the command line (through exceljs's
 * streaming writer) and the web page (its in-memory workbook, in the browser) write the report with; both read
 * workbooks with src/xlsx. Nothing here touches the file system; the caller saves.
 */
export class XlsxWorkbook implements Workbook {
  readonly workbook: ExcelJS.Workbook;
  /** Settings live for the session only: exceljs cannot read or write Office add-in settings. */
  private readonly settings = new Map<string, string>();
  /** A streaming writer (a report) writes each row once and cannot read back. */
  private readonly streaming: boolean;
  private readonly streamed: string[] = [];
  /** The report's charts as pictures (exceljs draws no charts), by the chart of each sheet. */
  private readonly pictures: ReadonlyMap<ChartSpec, ChartPicture>;
  /**
   * A streaming writer's pictures, to be added once the workbook is saved (finishReport): exceljs streams no
   * pictures. An in-memory workbook draws them itself, in the same place.
   */
  readonly placedPictures: PlacedPicture[] = [];

  /** `streaming`: the workbook is exceljs's streaming WorkbookWriter (rows are committed as written). */
  constructor(
    workbook: ExcelJS.Workbook,
    options: { streaming?: boolean; pictures?: ReadonlyMap<ChartSpec, ChartPicture> } = {}
  ) {
    this.workbook = workbook;
    this.streaming = options.streaming === true;
    this.pictures = options.pictures ?? new Map();
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

  /** The sheets, each chart as its picture (drawn now, or placed for finishReport when streaming). */
  async writeSheets(sheets: SheetOutput[]): Promise<void> {
    for (const s of sheets) {
      const picture = s.chart ? this.pictures.get(s.chart) : undefined;
      if (s.chart && !picture) throw new Error(`No picture of the chart of sheet ${s.name}`);
      if (this.streaming) {
        if (this.streamed.includes(s.name)) throw new Error(`Sheet ${s.name} is already written`);
        this.streamed.push(s.name);
      } else {
        const old = this.workbook.getWorksheet(s.name);
        if (old) this.workbook.removeWorksheet(old.id);
      }
      const id = writeSheet(this.workbook, s, this.streaming);
      if (s.chart && picture) {
        // Where the pane puts the native chart: at the block's header row, two columns right of it.
        const column = Math.max(s.chart.categoryColumn, ...s.chart.valueColumns) + 2;
        const row = s.chart.headerRow;
        if (this.streaming) this.placedPictures.push({ part: `xl/worksheets/sheet${id}.xml`, picture, column, row });
        else drawPicture(this.workbook, id, picture, column, row);
      }
    }
  }

  async setHighlights(sheets: SheetHighlights[]): Promise<Problem[]> {
    for (const { sheet, highlights } of sheets) {
      const ws = this.sheet(sheet);
      removeOwnFormats(ws);
      highlights.forEach((h: Highlight, k) => {
        // The marked condition the pane writes (rules/own-formats.ts): each host clears the other's.
        ws.addConditionalFormatting({
          // Excel's sqref separates the blocks of one format with spaces.
          ref: h.range.split(",").join(" "),
          rules: [
            {
              type: "expression",
              priority: k + 1,
              formulae: [markedFormula(h.formula).replace(/^=/, "")],
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

const TAB = { argb: argb(SHEET_COLOURS.tab) };
const WARNING = { fill: argb(SHEET_COLOURS.warningFill), font: argb(SHEET_COLOURS.warningText) };
const HEADER_FILL = argb(SHEET_COLOURS.tableHeader);

/**
 * One of the add-in's sheets: bold, frozen headings; widths; the provisional note on a warning fill; its
 * print setup. Row by row, each finished before the next, so a streaming writer can commit it at once.
 * Returns the sheet's id (its part is xl/worksheets/sheet<id>.xml).
 */
function writeSheet(wb: ExcelJS.Workbook, s: SheetOutput, streaming: boolean): number {
  const headerRows = s.headerRows ?? 0;
  const ws = wb.addWorksheet(s.name, {
    views: headerRows > 0 ? [{ state: "frozen", ySplit: headerRows, xSplit: 0 }] : [],
    properties: { tabColor: TAB },
    // Given with the sheet: a streaming writer writes the page setup's flags before the first row.
    ...(s.print ? printOptions(s.print) : {}),
  });
  const width = Math.max(1, ...s.rows.map((r) => r.length));
  s.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const [c, fmt] of Object.entries(s.columnFormats ?? {})) ws.getColumn(Number(c) + 1).numFmt = fmt;
  const warnings = new Set(s.warningRows ?? []);
  // exceljs gives every new cell its own style object and, writing it, renders that object to XML to
  // find its style id; plain cells share one object per column instead, which it recognises at once.
  // In the table's body, text wraps inside its column (see PrintSetup).
  const plainStyles = (wrap: boolean) =>
    Array.from({ length: width }, (_, c): Partial<ExcelJS.Style> => {
      const numFmt = s.columnFormats?.[c];
      return {
        ...(numFmt ? { numFmt } : {}),
        ...(wrap ? { alignment: { wrapText: true, vertical: "top" } } : {}),
      };
    });
  const plain = plainStyles(false);
  const wrapped = plainStyles(true);
  const wrapRows = s.print?.wrapRows;
  const bannerOf = new Map(s.print?.banners.map((b) => [b.row, b]));
  s.rows.forEach((values, r) => {
    const row = ws.addRow(values.map((v) => (v === undefined ? null : v)));
    // Only rows styled no further below: exceljs's styling setters write into the cell's style object.
    const styled = r < headerRows || r === s.tableHeaderRow || warnings.has(r);
    const wraps = wrapRows !== undefined && r >= wrapRows.first && r <= wrapRows.last;
    if (!styled) row.eachCell((cell, c) => (cell.style = (wraps ? wrapped : plain)[c - 1] ?? {}));
    // A lone long text wraps across its merged row (below); a style object of its own, since a plain
    // cell's is shared with its whole column.
    if (bannerOf.has(r)) {
      const alignment: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
      if (styled) row.getCell(1).alignment = alignment;
      else row.getCell(1).style = { alignment };
    }
    if (wraps) {
      const lines = wrappedLines(s, r);
      if (lines > 1) row.height = rowHeight(lines);
    }
    if (r < headerRows) row.font = { bold: true, size: r === 0 ? 13 : 11 };
    if (r === s.tableHeaderRow) {
      row.height = rowHeight(wrappedLines(s, r));
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
    const banner = bannerOf.get(r);
    if (banner && s.print) {
      // The lone long text spread over the table's columns, its row as high as its wrapped lines.
      ws.mergeCells(r + 1, 1, r + 1, s.print.columns);
      row.height = banner.lines * banner.lineHeight;
    }
    if (streaming) row.commit();
  });
  if (streaming) ws.commit();
  return ws.id;
}

/** A picture on an in-memory workbook's sheet, drawn by exceljs as finishReport draws it on a streamed one. */
function drawPicture(wb: ExcelJS.Workbook, sheetId: number, picture: ChartPicture, column: number, row: number): void {
  const ws = wb.getWorksheet(sheetId);
  if (!ws) throw new Error(`No sheet ${sheetId} to draw the chart on`);
  // exceljs takes a Buffer where Node has one and any bytes in a browser.
  const image = wb.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, {
    // Zero-based, at the cell's corner: the anchor finishReport writes.
    tl: { col: column, row },
    ext: { width: picture.width, height: picture.height },
    editAs: "oneCell",
  });
}

/** exceljs's paper size code for A4. */
const PAPER_A4 = 9;

/** The core's print setup as exceljs's sheet options: A4, orientation, fit to width, title rows, footer. */
function printOptions(print: PrintSetup): Pick<Partial<ExcelJS.AddWorksheetOptions>, "pageSetup" | "headerFooter"> {
  return {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      // Zero: as many pages tall as the rows need.
      fitToHeight: 0,
      ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    },
    // "&C": the centre part of the footer.
    headerFooter: { oddFooter: `&C${print.footer}` },
  };
}

type FormatRule = { formulae?: unknown[] };

/** Conditional formats marked as the add-in's (rules/own-formats.ts): removed; the user's own are kept. */
function removeOwnFormats(ws: ExcelJS.Worksheet): number {
  const list =
    (ws as unknown as { conditionalFormattings?: Array<{ rules: FormatRule[] }> }).conditionalFormattings ?? [];
  const own = (f: { rules: FormatRule[] }) =>
    f.rules.some((r) => (r.formulae ?? []).some((x) => typeof x === "string" && isOwnFormula(x)));
  const removed = list.filter(own).length;
  if (removed > 0) ws.removeConditionalFormatting((f: { rules: FormatRule[] }) => !own(f));
  return removed;
}
