import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../src/documents/xlsx-workbook";
import { HIGHLIGHT_MARKER, isOwnFormula, markedFormula } from "../src/rules/own-formats";
import { HIGHLIGHT_FILL } from "../src/rules/palette";
import { Highlight } from "../src/rules/workbook";
import { ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { DoubleConditionalFormat, ExcelDouble } from "./support/office/excel-double";

/**
 * One mark for the add-in's conditional formats in every host: a sheet highlighted in the pane (Office.js) and
 * saved by Excel is cleaned by the command line and the web page (exceljs), and the other way round; the user's
 * own formats, even in the add-in's colours, are kept both ways.
 */

const SHEET = "Tổng hợp";

const highlights: Highlight[] = [
  { range: "F10:F20,F22:F30", formula: "=AND(ISNUMBER(F10),F10<0.7)", fill: HIGHLIGHT_FILL.unmet, label: "TC01.1" },
  { range: "F10:F20,F22:F30", formula: "=LEN(TRIM(F10))=0", fill: HIGHLIGHT_FILL.missing, label: "TC01.1:missing" },
];

/** The user's own formats: one in the add-in's "missing" colour, one with a look-alike ISTEXT. */
const userFormats: Array<Omit<DoubleConditionalFormat, "id">> = [
  { type: "Custom", ranges: "G10:G30", formula: "=LEN(TRIM(G10))=0", fill: HIGHLIGHT_FILL.missing },
  { type: "Custom", ranges: "H10:H30", formula: '=AND(H10<1,ISTEXT("KDC"))', fill: "#C6EFCE" },
];

type XlsxFormat = { ref: string; rules: Array<{ type: string; formulae?: string[]; style?: unknown }> };
const formatsOf = (ws: ExcelJS.Worksheet): XlsxFormat[] =>
  (ws as unknown as { conditionalFormattings?: XlsxFormat[] }).conditionalFormattings ?? [];

/** A workbook as Excel saves it and the command line or the web page opens it: through a real .xlsx file. */
async function saved(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const opened = new ExcelJS.Workbook();
  await opened.xlsx.load(await wb.xlsx.writeBuffer());
  return opened;
}

/** The pane's sheet written to an .xlsx as Excel writes a custom rule: sqref with spaces, formula without "=". */
function asXlsx(formats: DoubleConditionalFormat[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("F10").value = 0.5;
  formats.forEach((f, k) =>
    ws.addConditionalFormatting({
      ref: f.ranges.split(",").join(" "),
      rules: [
        {
          type: "expression",
          priority: k + 1,
          formulae: [f.formula.replace(/^=/, "")],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${f.fill.slice(1)}` } } },
        },
      ],
    })
  );
  return wb;
}

/** An .xlsx sheet's formats as Excel opens them in the pane: "=" before the formula, blocks separated by commas. */
function asDoubleSeeds(ws: ExcelJS.Worksheet): Array<Omit<DoubleConditionalFormat, "id">> {
  return formatsOf(ws).map((f) => {
    const rule = f.rules[0];
    const fill = (rule.style as { fill?: { bgColor?: { argb?: string } } } | undefined)?.fill?.bgColor?.argb ?? "";
    return {
      type: "Custom",
      ranges: f.ref.split(/\s+/).join(","),
      formula: `=${rule.formulae?.[0] ?? ""}`,
      fill: `#${fill.slice(2)}`,
    };
  });
}

describe("the add-in's conditional formats carry one mark in every host", () => {
  test("the mark is recognised with or without '=', in any case and spacing; a look-alike is not", () => {
    expect(markedFormula("=F10<1")).toBe(`=AND(F10<1,${HIGHLIGHT_MARKER})`);
    expect(isOwnFormula(markedFormula("=F10<1"))).toBe(true);
    expect(isOwnFormula(markedFormula("=F10<1").slice(1).toLowerCase())).toBe(true);
    expect(isOwnFormula('AND(F10<1, ISTEXT( "NTM-KDC" ))')).toBe(true);
    expect(isOwnFormula('AND(F10<1,ISTEXT("KDC"))')).toBe(false);
    expect(isOwnFormula(null)).toBe(false);
  });

  test("highlighted in the pane, saved by Excel: the command line clears the add-in's formats and keeps the user's", async () => {
    const double = new ExcelDouble([{ name: SHEET, values: [[1]], conditionalFormats: userFormats }]);
    expect(await new ExcelWorkbook(double.run).setHighlights([{ sheet: SHEET, highlights }])).toEqual([]);
    const paneFormats = double.sheet(SHEET).conditionalFormats;
    const ours = paneFormats.length - userFormats.length;
    expect(ours).toBe(2);

    const opened = await saved(asXlsx(paneFormats));
    expect(await new XlsxWorkbook(opened).clearHighlights([SHEET])).toBe(ours);
    const left = formatsOf((await saved(opened)).getWorksheet(SHEET) as ExcelJS.Worksheet);
    expect(left.map((f) => [f.ref, f.rules[0].formulae?.[0]])).toEqual([
      ["G10:G30", "LEN(TRIM(G10))=0"],
      ["H10:H30", 'AND(H10<1,ISTEXT("KDC"))'],
    ]);
  });

  test("highlighted by the command line, opened in Excel: the pane clears the add-in's formats and keeps the user's", async () => {
    const wb = asXlsx(userFormats.map((f, k) => ({ ...f, id: `{user-${k}}` })));
    expect(await new XlsxWorkbook(wb).setHighlights([{ sheet: SHEET, highlights }])).toEqual([]);
    const opened = (await saved(wb)).getWorksheet(SHEET) as ExcelJS.Worksheet;
    const seeds = asDoubleSeeds(opened);
    expect(seeds).toHaveLength(userFormats.length + 2);

    const double = new ExcelDouble([{ name: SHEET, values: [[1]], conditionalFormats: seeds }]);
    expect(await new ExcelWorkbook(double.run).clearHighlights([SHEET])).toBe(2);
    expect(
      double.sheet(SHEET).conditionalFormats.map(({ ranges, formula, fill }) => ({ ranges, formula, fill }))
    ).toEqual(userFormats.map(({ ranges, formula, fill }) => ({ ranges, formula, fill })));
  });
});
