/**
 * Several files held as one workbook (the web page's roll-up): each sheet named as Excel names a sheet of another
 * workbook, "[file]sheet". One analysis of that workbook reads every file as the command line reads each one
 * (`ntm analyse a.xlsx b.xlsx`): the same tables, communes (also those taken from a sheet's name), sheets passed
 * over, and the same report, sheet for sheet and cell for cell.
 */
import * as fs from "fs";
import * as path from "path";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { readingSummary } from "../src/rules/analysis/reading-notes";
import { WorkbookAnalysis } from "../src/rules/analysis/analysis-shapes";
import { buildReport } from "../src/rules/report/build-report";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { fileAndSheet, MemoryWorkbook, sheetOfFile } from "../src/rules/workbook";
import { readXlsx } from "../src/xlsx/read-workbook";

const SAMPLES = path.resolve(__dirname, "../samples");
const FILES = ["huyen-thanh-ba-2019.xlsx", "cac-xa-doan-hung-2019.xlsx", "xa-thanh-thuy-ngang-2019.xlsx"];
const ruleset = embeddedRuleset();

const snapshot = (file: string) =>
  readXlsx(new Uint8Array(fs.readFileSync(path.join(SAMPLES, file))), { fileName: file });

/** What `ntm analyse` does with several files: each analysed alone, named by its file. */
async function eachFileAlone(): Promise<Array<{ file: string; analysis: WorkbookAnalysis }>> {
  const out: Array<{ file: string; analysis: WorkbookAnalysis }> = [];
  for (const file of FILES) {
    const analysis = await analyseWorkbook(new MemoryWorkbook(snapshot(file).sheets), { ruleset, source: file });
    out.push({ file, analysis });
  }
  return out;
}

/** Every sheet of every file in one workbook, each named "[file]sheet". */
function allFilesAsOne(): MemoryWorkbook {
  return new MemoryWorkbook(
    FILES.flatMap((file) => snapshot(file).sheets.map((s) => ({ ...s, name: sheetOfFile(file, s.name) })))
  );
}

describe("a sheet of one of several files", () => {
  test("is named as Excel names a sheet of another workbook, and read back", () => {
    expect(sheetOfFile("huyen.xlsx", "Tổng hợp KDC")).toBe("[huyen.xlsx]Tổng hợp KDC");
    expect(fileAndSheet("[huyen.xlsx]Tổng hợp KDC")).toEqual({ file: "huyen.xlsx", sheet: "Tổng hợp KDC" });
    // A file name may hold brackets; a sheet name may not.
    expect(fileAndSheet(sheetOfFile("bản [2] cuối.xlsx", "Xã A"))).toEqual({
      file: "bản [2] cuối.xlsx",
      sheet: "Xã A",
    });
    expect(fileAndSheet("Tổng hợp KDC")).toEqual({ sheet: "Tổng hợp KDC" });
    expect(fileAndSheet("NTM - Theo xã (2)")).toEqual({ sheet: "NTM - Theo xã (2)" });
  });
});

describe("several files held as one workbook", () => {
  test("every table is read as the command line reads each file: sources, sheets, communes, areas", async () => {
    const alone = await eachFileAlone();
    const one = await analyseWorkbook(allFilesAsOne(), { ruleset });
    const expected = alone.flatMap(({ file, analysis }) =>
      analysis.tables.map((t) => ({
        source: file,
        sheet: sheetOfFile(file, t.sheet),
        range: t.range,
        areas: t.assessments.map((a) => [a.area.commune, a.area.name, a.area.row, a.area.column, a.metCount]),
      }))
    );
    const got = one.tables.map((t) => ({
      source: t.source,
      sheet: t.sheet,
      range: t.range,
      areas: t.assessments.map((a) => [a.area.commune, a.area.name, a.area.row, a.area.column, a.metCount]),
    }));
    expect(got).toEqual(expected);
    // The communes of the per-commune workbook come from its sheets' own names.
    const doanHung = one.tables.filter((t) => t.source === "cac-xa-doan-hung-2019.xlsx");
    expect(doanHung.length).toBeGreaterThan(1);
    for (const t of doanHung) expect(t.layout.commune).toBe(fileAndSheet(t.sheet).sheet);
    // Its instructions sheet is passed over for what its own name says.
    expect(one.skippedSheets.map((s) => [s.sheet, s.reason])).toEqual(
      alone.flatMap(({ file, analysis }) => analysis.skippedSheets.map((s) => [sheetOfFile(file, s.sheet), s.reason]))
    );
    expect(one.skippedSheets.some((s) => s.reason === "instructions")).toBe(true);
  });

  test("the report is the command line's, sheet for sheet and cell for cell", async () => {
    const alone = await eachFileAlone();
    const reading = alone.map(({ file, analysis }) => readingSummary(analysis, file));
    const cli = buildReport(
      alone.flatMap(({ analysis }) => analysis.tables),
      ruleset,
      "vi",
      {},
      undefined,
      { reading: { tables: reading.flatMap((r) => r.tables), skipped: reading.flatMap((r) => r.skipped) } }
    );
    const one = await analyseWorkbook(allFilesAsOne(), { ruleset });
    const page = buildReport(one.tables, ruleset, "vi", {}, undefined, { reading: readingSummary(one) });
    expect(page.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
    // Several files: the province roll-up, and each area's file and sheet.
    expect(page.sheets.map((s) => s.name)).toContain("NTM - Toàn tỉnh");
    for (const [k, sheet] of page.sheets.entries())
      expect([sheet.name, sheet.rows]).toEqual([sheet.name, cli.sheets[k].rows]);
    const areas = page.sheets[0].rows;
    expect(areas.some((r) => r.includes("cac-xa-doan-hung-2019.xlsx › Phú Lâm"))).toBe(true);
  });
});
