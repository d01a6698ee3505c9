import ExcelJS from "exceljs";
import { HIGHLIGHT_MARKER } from "../src/rules/own-formats";
import { argb, HIGHLIGHT_FILL, SHEET_COLOURS } from "../src/rules/palette";
import { printSetupOf } from "../src/rules/report/print-setup";
import { ChartSpec, SHEET_NAMES, SheetOutput } from "../src/rules/workbook";
import { PassThrough } from "stream";
import { XlsxWorkbook } from "../src/documents/xlsx-workbook";
import { finishReport } from "../src/cli/xlsx-pictures";

/** The smallest PNG: one white pixel. */
const ONE_PIXEL_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==",
    "base64"
  )
);

/** Save and reload, as the command line does with every file it reads or writes. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

describe("the exceljs workbook the command line writes its report with", () => {
  test("writes the add-in's sheets with bold frozen headings, widths, the provisional note on a warning fill, the chart's picture and the print setup", async () => {
    const chart: ChartSpec = {
      title: "Phân bố",
      headerRow: 4,
      firstRow: 5,
      lastRow: 6,
      categoryColumn: 0,
      valueColumns: [1],
      kind: "column",
    };
    const sheet: SheetOutput = {
      name: SHEET_NAMES.distribution,
      rows: [
        ["PHÂN BỐ"],
        ["Bộ tiêu chí"],
        ["⚠ NGƯỠNG TẠM TÍNH: bộ tiêu chí tạm dựng lại, chưa đối chiếu với phụ lục chính thức"],
        [],
        ["Số tiêu chí đạt", "Số khu dân cư"],
        ["13/13", 4],
        ["12/13", 9],
      ],
      headerRows: 5,
      tableHeaderRow: 4,
      warningRows: [2],
      columnWidths: [18, 16],
      columnFormats: { 1: "0" },
      chart,
    };
    const picture = { png: ONE_PIXEL_PNG, width: 605, height: 340, title: "Phân bố" };
    // As the command line writes a report: the streaming writer, then the pictures.
    const chunks: Buffer[] = [];
    const stream = new PassThrough().on("data", (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      zip: { store: true },
      useStyles: true,
      useSharedStrings: false,
    });
    const x = new XlsxWorkbook(writer as unknown as ExcelJS.Workbook, {
      streaming: true,
      pictures: new Map([[chart, picture]]),
    });
    await x.writeSheets([
      { ...sheet, print: printSetupOf(sheet) },
      { name: "Khác", rows: [["x"]] },
    ]);
    await writer.commit();
    expect(x.placedPictures).toEqual([{ part: "xl/worksheets/sheet1.xml", picture, column: 3, row: 4 }]);
    const saved = new ExcelJS.Workbook();
    const finished = finishReport(Buffer.concat(chunks), x.placedPictures);
    // Compressed once the pictures are in: far smaller than the stored stream.
    expect(finished.length).toBeLessThan(Buffer.concat(chunks).length);
    await saved.xlsx.load(finished as unknown as ArrayBuffer);
    const ws = saved.getWorksheet(SHEET_NAMES.distribution)!;
    expect(ws.getCell("A6").value).toBe("13/13");
    expect(ws.getCell("B7").value).toBe(9);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.getCell("A5").font?.bold).toBe(true);
    // Plain rows share one style per column: the column's format, none of the headings' bold; text wraps.
    expect(ws.getCell("B6").numFmt).toBe("0");
    expect(ws.getCell("A7").font?.bold).toBeFalsy();
    expect(ws.getCell("A7").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws.getColumn(1).width).toBe(18);
    // The pane's colours (one palette): the warning in Excel's "Neutral" style, the table's header, the tab.
    const fill = ws.getCell("B3").fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(argb(SHEET_COLOURS.warningFill));
    expect(fill.fgColor?.argb).toBe("FFFFEB9C");
    expect(ws.getCell("A3").font?.color?.argb).toBe(argb(SHEET_COLOURS.warningText));
    expect((ws.getCell("A5").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(SHEET_COLOURS.tableHeader));
    expect(ws.properties.tabColor).toEqual({ argb: argb(SHEET_COLOURS.tab) });
    // The note is wider than column A: spread over the table's two columns, wrapped, as high as its lines.
    const banner = printSetupOf(sheet).banners.find((b) => b.row === 2)!;
    expect(banner.lines).toBeGreaterThan(1);
    expect(ws.getCell("B3").isMerged).toBe(true);
    expect(ws.getCell("A3").alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(3).height).toBe(banner.lines * banner.lineHeight);
    // The chart as a picture, two columns right of its block, at its header row, the PNG as given.
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    expect(images[0].range.tl).toMatchObject({ nativeCol: 3, nativeRow: 4 });
    const media = saved.getImage(Number(images[0].imageId)) as { buffer?: Buffer; extension?: string };
    expect(media.extension).toBe("png");
    expect(Buffer.from(media.buffer!)).toEqual(Buffer.from(ONE_PIXEL_PNG));
    expect(saved.getWorksheet("Khác")!.getImages()).toHaveLength(0);
    // Printing: A4 portrait (the table is narrow), one page wide, the table header on every page, page numbers.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe("5:5");
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
  });

  test("an in-memory workbook (the web page's) draws the chart's picture itself, where finishReport puts it", async () => {
    const chart: ChartSpec = {
      title: "Phân bố",
      headerRow: 1,
      firstRow: 2,
      lastRow: 3,
      categoryColumn: 0,
      valueColumns: [1],
      kind: "column",
    };
    const picture = { png: ONE_PIXEL_PNG, width: 605, height: 340, title: "Phân bố" };
    const wb = new ExcelJS.Workbook();
    const x = new XlsxWorkbook(wb, { pictures: new Map([[chart, picture]]) });
    await x.writeSheets([
      { name: "Khác", rows: [["x"]] },
      {
        name: SHEET_NAMES.distribution,
        rows: [["PHÂN BỐ"], ["Số tiêu chí đạt", "Số khu dân cư"], ["13/13", 4], ["12/13", 9]],
        chart,
      },
    ]);
    expect(x.placedPictures).toEqual([]);
    const saved = await roundTrip(wb);
    const images = saved.getWorksheet(SHEET_NAMES.distribution)!.getImages();
    expect(images).toHaveLength(1);
    expect(images[0].range.tl).toMatchObject({ nativeCol: 3, nativeRow: 1 });
    expect((images[0].range as unknown as { ext: object }).ext).toMatchObject({ width: 605, height: 340 });
    const media = saved.getImage(Number(images[0].imageId)) as { buffer?: Buffer; extension?: string };
    expect(Buffer.from(media.buffer!)).toEqual(Buffer.from(ONE_PIXEL_PNG));
    expect(saved.getWorksheet("Khác")!.getImages()).toHaveLength(0);
  });

  test("a chart without its picture is refused rather than left out", async () => {
    const x = new XlsxWorkbook(new ExcelJS.Workbook());
    const chart: ChartSpec = {
      title: "t",
      headerRow: 0,
      firstRow: 1,
      lastRow: 1,
      categoryColumn: 0,
      valueColumns: [1],
      kind: "column",
    };
    await expect(
      x.writeSheets([
        {
          name: "NTM - Phân bố",
          rows: [
            ["a", "b"],
            ["x", 1],
          ],
          chart,
        },
      ])
    ).rejects.toThrow(/picture/);
  });

  test("highlights are real conditional formats; clearing removes only the add-in's own", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tổng hợp");
    ws.getCell("F10").value = 65;
    ws.addConditionalFormatting({
      ref: "A1:A5",
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: ["A1>0"],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00FF00" } } },
        },
      ],
    });
    const x = new XlsxWorkbook(wb);
    await x.setHighlights([
      {
        sheet: "Tổng hợp",
        highlights: [
          {
            range: "F10:F20,F22:F30",
            formula: "=AND(ISNUMBER(F10),F10<70)",
            fill: HIGHLIGHT_FILL.unmet,
            label: "TC01.1",
          },
          {
            range: "F10:F20,F22:F30",
            formula: "=LEN(TRIM(F10))=0",
            fill: HIGHLIGHT_FILL.missing,
            label: "TC01.1:missing",
          },
        ],
      },
    ]);
    const saved = (await roundTrip(wb)).getWorksheet("Tổng hợp")!;
    const formats = (
      saved as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }
    ).conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual(["A1:A5", "F10:F20 F22:F30", "F10:F20 F22:F30"]);
    expect(formats[1].rules[0].formulae).toEqual([`AND(AND(ISNUMBER(F10),F10<70),${HIGHLIGHT_MARKER})`]);
    // Setting again replaces the add-in's formats; clearing leaves the user's one.
    await x.setHighlights([
      {
        sheet: "Tổng hợp",
        highlights: [{ range: "F10:F20", formula: "=F10<70", fill: HIGHLIGHT_FILL.unmet, label: "TC01.1" }],
      },
    ]);
    expect(await x.clearHighlights(["Tổng hợp"])).toBe(1);
    expect(await x.clearHighlights(["Tổng hợp"])).toBe(0);
  });
});
