import ExcelJS from "exceljs";
import { snapshotWorkbook } from "../src/cli/read-files";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { SheetAnalysis, WorkbookAnalysis } from "../src/rules/analysis/analysis-shapes";
import { cellAddress, CellValue, isExcelError } from "../src/rules/reading/cell";
import { FORMULA_NO_RESULT } from "../src/rules/reading/formula-results";
import { areasSheet } from "../src/rules/report/areas-sheet";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { SheetData } from "../src/rules/workbook";
import { seededRandom } from "../src/rules/seeded-random";
import { ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { ExcelDouble } from "./support/office/excel-double";
import { SAMPLE_INDICATOR_COLUMNS, SampleDistrict, sampleDistrict } from "./support/sample-district";
import { readXlsx } from "../src/xlsx/read-workbook";
import { CellSpec, FORMS, handWrittenWorkbook } from "./support/cell-forms";

/**
 * The same workbook, as the pane sees it (Office.js over the Excel double, seeded with what Excel shows)
 * and as the command line reads it from a file (typed values; the same values as formulas with their
 * cached results; every hand-written cell form): the same sheet, and the same assessment of every area.
 */

const ruleset = embeddedRuleset();
const INDICATOR_COLUMNS = Object.keys(SAMPLE_INDICATOR_COLUMNS).map(Number);
const DATE_FORMAT = "dd/mm/yyyy";

/** The pane's sample district with the values that go wrong in readers: 0, FALSE, "", errors, a date, text. */
function district(): SampleDistrict {
  const sheet = sampleDistrict({ areas: 60, hideAreaRows: 2 });
  const random = seededRandom(11);
  const values = sheet.values.map((r) => r.slice());
  const formats = sheet.numberFormats!.map((r) => r.slice());
  const areaRows = sheet.areaRows.map((r) => r - 1);
  const edge: Array<[CellValue, string?]> = [
    [0],
    [false],
    [true],
    [""],
    ["#DIV/0!"],
    ["#N/A"],
    [43784, DATE_FORMAT],
    ["Đạt"],
    ["Chưa đạt"],
    [0.85, "0%"],
    ["85,5"],
    [1, "0.0"],
  ];
  for (const r of areaRows) {
    for (const c of INDICATOR_COLUMNS) {
      if (random() < 0.15) {
        const [value, format] = edge[Math.floor(random() * edge.length)];
        values[r][c] = value;
        formats[r][c] = format ?? "General";
      }
    }
  }
  // Temporary houses counted by a formula: 0 is met, not missing.
  for (const r of areaRows.slice(0, 12)) values[r][13] = 0;
  return { ...sheet, values, numberFormats: formats };
}

/** The one table both hosts must find in these single-sheet workbooks. */
function onlyTable(analysis: WorkbookAnalysis): SheetAnalysis {
  expect(analysis.tables).toHaveLength(1);
  return analysis.tables[0];
}

async function paneAnalysis(data: SheetData): Promise<{ analysis: SheetAnalysis; read: SheetData }> {
  const double = new ExcelDouble([
    {
      name: data.name,
      values: data.values,
      numberFormats: data.numberFormats,
      merges: data.merges,
      hiddenRows: data.hiddenRows,
    },
  ]);
  const workbook = new ExcelWorkbook(double.run);
  return {
    analysis: onlyTable(await analyseWorkbook(workbook, { ruleset })),
    read: await workbook.readSheet(data.name),
  };
}

async function fileAnalysis(bytes: Buffer): Promise<{ analysis: SheetAnalysis; read: SheetData }> {
  const snapshot = readXlsx(new Uint8Array(bytes));
  return {
    analysis: onlyTable(await analyseWorkbook(snapshotWorkbook(snapshot), { ruleset })),
    read: snapshot.sheets[0],
  };
}

/** The area rows of the sheet (below its header), where values are formulas in the formula version. */
const isAreaCell = (data: SheetData, r: number, c: number) =>
  r >= 8 &&
  INDICATOR_COLUMNS.includes(c) &&
  typeof data.values[r][2] === "string" &&
  /^Khu /.test(data.values[r][2] as string);

async function exceljsFile(data: SheetData, formulas: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(data.name);
  data.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const format = data.numberFormats?.[r][c] ?? "General";
      const asFormula = formulas && isAreaCell(data, r, c);
      if ((v === "" || v === null) && !asFormula) {
        // A formatted blank cell keeps its format, as in Excel.
        if (format !== "General") ws.getCell(r + 1, c + 1).numFmt = format;
        return;
      }
      const value: ExcelJS.CellValue =
        typeof v === "string" && isExcelError(v) ? ({ error: v } as ExcelJS.CellErrorValue) : (v as ExcelJS.CellValue);
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = asFormula
        ? ({ formula: `N(${cellAddress(r, c)})`, result: value ?? "" } as ExcelJS.CellFormulaValue)
        : value;
      if (format !== "General") cell.numFmt = format;
    })
  );
  for (const m of data.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of data.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function handWritten(data: SheetData, seed: number): Buffer {
  const random = seededRandom(seed);
  const cells: CellSpec[][] = data.values.map((row, r) =>
    row.map((value, c) => ({
      value,
      format: data.numberFormats?.[r][c],
      // Blank cells stay blank outside the area rows, so the used range is the same.
      form: value === "" && !isAreaCell(data, r, c) ? "typed" : FORMS[Math.floor(random() * FORMS.length)],
    }))
  );
  return handWrittenWorkbook([{ name: data.name, cells, merges: data.merges, hiddenRows: data.hiddenRows }]);
}

/** What the analysis concluded, area by area, reading by reading. */
const verdicts = (a: SheetAnalysis) => ({ assessments: a.assessments, problems: a.problems, layout: a.layout });

const sameSheet = (file: SheetData, pane: SheetData) => {
  expect(file.values).toEqual(pane.values);
  expect(file.numberFormats).toEqual(pane.numberFormats);
  expect(file.hiddenRows).toEqual(pane.hiddenRows);
  expect([...(file.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(
    [...(pane.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left)
  );
};

describe("the pane and the command line read the same workbook the same way", () => {
  let data: SheetData;
  let pane: { analysis: SheetAnalysis; read: SheetData };
  beforeAll(async () => {
    data = district();
    pane = await paneAnalysis(data);
  });

  test("the pane's reading has every kind of value the test is about", () => {
    const flat = pane.analysis.assessments.flatMap((a) =>
      a.criteria.flatMap((c) => c.indicators.map((i) => i.reading))
    );
    const raws = new Set(flat.map((r) => (typeof r.raw === "string" ? r.raw : typeof r.raw)));
    for (const raw of ["number", "boolean", "", "#DIV/0!", "Đạt"]) expect(raws).toContain(raw);
    expect(flat.some((r) => r.kind === "unreadable" && /date/.test(r.reason.en))).toBe(true);
    expect(flat.some((r) => r.kind === "number" && r.value === 0 && r.raw === 0)).toBe(true);
  });

  test("typed values in a file written by exceljs", async () => {
    const cli = await fileAnalysis(await exceljsFile(data, false));
    sameSheet(cli.read, pane.read);
    expect(verdicts(cli.analysis)).toEqual(verdicts(pane.analysis));
  });

  test('the same values as formulas with their cached results (0, FALSE, "", errors included)', async () => {
    const cli = await fileAnalysis(await exceljsFile(data, true));
    sameSheet(cli.read, pane.read);
    expect(cli.read.formulasWithoutResult).toBeUndefined();
    expect(verdicts(cli.analysis)).toEqual(verdicts(pane.analysis));
  });

  test.each([1, 2, 3])("every cell in a random hand-written form (seed %i)", async (seed) => {
    const cli = await fileAnalysis(handWritten(data, seed));
    sameSheet(cli.read, pane.read);
    expect(verdicts(cli.analysis)).toEqual(verdicts(pane.analysis));
  });
});

describe("a formula with no saved result: blank, never met, and said", () => {
  test("the cells are named in a warning the summary, the JSON and the report carry", async () => {
    const data = district();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(data.name);
    data.values.forEach((row, r) =>
      row.forEach(
        (v, c) =>
          v !== "" &&
          (ws.getCell(r + 1, c + 1).value = isExcelError(v)
            ? ({ error: v } as ExcelJS.CellErrorValue)
            : (v as ExcelJS.CellValue))
      )
    );
    for (const m of data.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    // The first area's temporary houses and road share computed by a program that does not calculate.
    const first = data.areaRows[0];
    ws.getCell(first, 14).value = { formula: "COUNTIF(X:X,0)" } as ExcelJS.CellFormulaValue;
    ws.getCell(first, 6).value = { formula: "ROUND(D6/C6*100,2)" } as ExcelJS.CellFormulaValue;
    const cli = await fileAnalysis(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(cli.read.formulasWithoutResult).toEqual([`F${first}`, `N${first}`]);
    const warning = cli.analysis.problems[0];
    expect(warning.code).toBe(FORMULA_NO_RESULT);
    expect(warning.message.vi).toBe(
      `F${first}, N${first} là công thức chưa có kết quả lưu, được đọc là ô trống (không bao giờ tính là đạt): hãy mở tệp bằng Excel và lưu lại rồi chạy lại.`
    );
    const area = cli.analysis.assessments[0];
    const reading = (id: string) => area.criteria.flatMap((c) => c.indicators).find((i) => i.indicatorId === id)!;
    expect(reading("TC05.1").status).toBe("missing");
    expect(reading("TC01.1").status).toBe("missing");
    expect(area.notMet).toEqual(expect.arrayContaining(["TC01", "TC05"]));
    const rows = areasSheet([cli.analysis], ruleset).rows.map((r) => String(r[0] ?? ""));
    expect(
      rows.some((t) => t.startsWith(`⚠ ${data.name}: F${first}, N${first} là công thức chưa có kết quả lưu`))
    ).toBe(true);
  });
});
