import ExcelJS from "exceljs";
import { HIGHLIGHT_FILL } from "../src/rules/analysis";
import { SHEET_NAMES } from "../src/rules/workbook";
import { XlsxWorkbook } from "../src/cli/xlsx-workbook";

/** Save and reload with exceljs, to see what was written. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

describe("the exceljs workbook the command line writes its report with", () => {
  test("writes the add-in's sheets with bold frozen headings, widths and the provisional note on a warning fill", async () => {
    const x = new XlsxWorkbook(new ExcelJS.Workbook());
    await x.writeSheets([
      {
        name: SHEET_NAMES.distribution,
        rows: [
          ["PHÂN BỐ"],
          ["Bộ tiêu chí"],
          ["⚠ NGƯỠNG TẠM TÍNH: …"],
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
        chart: {
          title: "Phân bố",
          headerRow: 4,
          firstRow: 5,
          lastRow: 6,
          categoryColumn: 0,
          valueColumns: [1],
          kind: "column",
        },
      },
    ]);
    const ws = (await roundTrip(x.workbook)).getWorksheet(SHEET_NAMES.distribution)!;
    expect(ws.getCell("A6").value).toBe("13/13");
    expect(ws.getCell("B7").value).toBe(9);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.getCell("A5").font?.bold).toBe(true);
    // Plain rows share one style per column: the column's format, none of the headings' bold.
    expect(ws.getCell("B6").numFmt).toBe("0");
    expect(ws.getCell("A7").font?.bold).toBeFalsy();
    expect(ws.getCell("A7").numFmt ?? "General").toBe("General");
    expect(ws.getColumn(1).width).toBe(18);
    const fill = ws.getCell("B3").fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FFFFF2CC");
    // exceljs cannot draw charts: the data is there, and a note says how to make the chart.
    expect(String(ws.getCell("A5").note)).toMatch(/A5:B7/);
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
    expect(formats[1].rules[0].formulae).toEqual(["AND(ISNUMBER(F10),F10<70)"]);
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
