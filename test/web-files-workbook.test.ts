/**
 * The web page's workbook: the files a user picks, read-only, and a report to download. Through the pane's own
 * actions (as the page runs them) two sample files give the report `ntm analyse a.xlsx b.xlsx` writes, sheet for
 * sheet and cell for cell; the add-in's sheets of a file brought along (last year's report) are read as the
 * workbook's own: a corrected criteria sheet, last year's roadmap.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { ResvgRasterizer } from "../src/cli/resvg-rasterizer";
import { resetAddinState } from "../src/functions/addin-state";
import { InputError } from "../src/rules/message";
import { SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions, PaneActions } from "../src/taskpane/actions";
import { FileSaver } from "../src/taskpane/file-saver";
import { FilesWorkbook, PickedFile } from "../src/web/files-workbook";
import { readXlsx } from "../src/xlsx/read-workbook";
import { builtCli, runNtm, tempDir } from "./support/workbooks";

const SAMPLES = path.resolve(__dirname, "../samples");
const DISTRICT = "huyen-thanh-ba-2019.xlsx";
const COMMUNES = "cac-xa-doan-hung-2019.xlsx";

let dir: string;
let bin: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("web-host");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetAddinState());

const picked = (name: string, bytes: Uint8Array = new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)))) => ({
  name,
  snapshot: readXlsx(bytes, { fileName: name }),
});

/** The page's workbook and actions, with what it handed the user; charts drawn as the command line draws them. */
function page(files: PickedFile[]) {
  const saved: Array<{ name: string; bytes: Uint8Array; type: string }> = [];
  const workbook = new FilesWorkbook(files);
  const saver: FileSaver = { available: true, save: (name, bytes, type) => saved.push({ name, bytes, type }) };
  return { workbook, actions: createPaneActions(workbook, { rasterizer: new ResvgRasterizer(), saver }), saved };
}

/** What the pane does on opening, then "Phân tích": every table found, analysed with the defaults. */
async function analysed(actions: PaneActions) {
  const { ruleset } = await actions.loadRuleset();
  const found = await actions.detect(ruleset);
  const tables = found.tables.map((t) => ({ sheet: t.sheet, layout: t.layout, detected: true }));
  const report = await actions.analyse({ tables, skipped: found.skipped, ruleset, language: "vi", highlight: true });
  return { ruleset, found, report };
}

/** Every sheet of an .xlsx as the reader gives it: name, values, number formats. */
const sheetsOf = (bytes: Uint8Array) =>
  readXlsx(bytes).sheets.map((s) => ({ name: s.name, values: s.values, formats: s.numberFormats }));

/** The sheets holding a picture (a chart): each sheet part with a drawing, by its sheet's name. */
function pictures(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]);
  const rels = text("xl/_rels/workbook.xml.rels");
  const names = [...text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)];
  return names
    .filter(([, , id]) => {
      const target = new RegExp(`Id="${id}"[^>]*Target="/?(?:xl/)?([^"]*)"`).exec(rels)?.[1] ?? "";
      const sheetRels = files[`xl/${target.replace("worksheets/", "worksheets/_rels/")}.rels`];
      return sheetRels !== undefined && strFromU8(sheetRels).includes("/drawing");
    })
    .map(([, name]) => name)
    .concat(
      Object.keys(files)
        .filter((f) => /^xl\/media\/.*\.png$/.test(f))
        .map(() => "png")
    );
}

/** `ntm analyse FILES --out OUT` as a user runs it; the report's bytes. */
function cliReport(files: string[], out: string): Uint8Array {
  const run = runNtm(bin, ["analyse", ...files, "--out", out, "--force"]);
  expect(run.stderr).not.toMatch(/Lỗi/);
  expect(run.status).toBe(0);
  return new Uint8Array(fs.readFileSync(out));
}

describe("two files picked on the web page", () => {
  test("every table of both files is found, each sheet named with its file", async () => {
    const { actions } = page([picked(DISTRICT), picked(COMMUNES)]);
    const { found } = await analysed(actions);
    const sheets = [...new Set(found.tables.map((t) => t.sheet))];
    expect(sheets[0]).toBe(`[${DISTRICT}]Tổng hợp KDC`);
    expect(sheets.filter((s) => s.startsWith(`[${COMMUNES}]`)).length).toBeGreaterThan(1);
    expect(found.skipped.map((s) => s.sheet)).toContain(`[${COMMUNES}]Hướng dẫn`);
    // The page offers neither highlights nor rows to select; the report is a download.
    expect(actions.features).toMatchObject({ highlights: false, selectAreas: false, downloadReport: true });
  });

  test("the downloaded report is the one ntm analyse writes for the same files", async () => {
    const { actions, saved } = page([picked(DISTRICT), picked(COMMUNES)]);
    const { report } = await analysed(actions);
    expect(report.highlights).toBe(0);
    // A value that could not be read is located in its file and sheet, not by its cell alone.
    expect(report.problems.length).toBeGreaterThan(0);
    for (const p of report.problems) expect(p.where).toMatch(/^\[[^\]]+\][^!]+(![A-Z]+\d+)?$/);
    expect(await actions.downloadReport()).toEqual({ fileName: "bao-cao-ntm-tong-hop.xlsx" });
    expect(saved.map((s) => [s.name, s.type])).toEqual([
      ["bao-cao-ntm-tong-hop.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]);
    const cli = cliReport(
      [DISTRICT, COMMUNES].map((f) => path.join(SAMPLES, f)),
      path.join(dir, "cli-two.xlsx")
    );
    const ours = sheetsOf(saved[0].bytes);
    expect(ours.map((s) => s.name)).toEqual(report.outcome.written);
    expect(ours.map((s) => s.name)).toContain(SHEET_NAMES.province);
    expect(ours).toEqual(sheetsOf(cli));
    // The charts as pictures, as many, on the same sheets.
    expect(pictures(saved[0].bytes)).toEqual(pictures(cli));
    expect(pictures(cli).length).toBeGreaterThan(0);
  });

  test("one file: the report named after it, as the command line names it", async () => {
    const { actions, saved } = page([picked(DISTRICT)]);
    await analysed(actions);
    expect(await actions.downloadReport()).toEqual({ fileName: "huyen-thanh-ba-2019-bao-cao.xlsx" });
    const cli = cliReport([path.join(SAMPLES, DISTRICT)], path.join(dir, "cli-one.xlsx"));
    expect(sheetsOf(saved[0].bytes)).toEqual(sheetsOf(cli));
  });

  test("no report before an analysis; a new analysis starts the report afresh", async () => {
    const { actions, saved } = page([picked(DISTRICT), picked(COMMUNES)]);
    await expect(actions.downloadReport()).rejects.toBeInstanceOf(InputError);
    const { ruleset, found } = await analysed(actions);
    // The commune workbook left out: no province roll-up any more.
    const district = found.tables.filter((t) => t.sheet.startsWith(`[${DISTRICT}]`));
    await actions.analyse({
      tables: district.map((t) => ({ sheet: t.sheet, layout: t.layout })),
      ruleset,
      language: "vi",
      highlight: false,
    });
    await actions.downloadReport();
    const names = sheetsOf(saved[0].bytes).map((s) => s.name);
    expect(names).not.toContain(SHEET_NAMES.province);
    expect(names[0]).toBe(SHEET_NAMES.areas);
  });
});

describe("the add-in's sheets of a file brought along", () => {
  /** Last year's report of the district, its criteria sheet corrected by an officer (TC07.1 to 3%). */
  async function correctedReport(): Promise<Uint8Array> {
    const report = cliReport([path.join(SAMPLES, DISTRICT)], path.join(dir, "last-year.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.slice().buffer);
    const sheet = workbook.getWorksheet(SHEET_NAMES.ruleset);
    if (!sheet) throw new Error("no criteria sheet");
    let header = 0;
    let indicatorColumn = 0;
    let thresholdColumn = 0;
    sheet.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (cell.value === "Mã chỉ tiêu") [header, indicatorColumn] = [r, c];
        if (cell.value === "Ngưỡng") thresholdColumn = c;
      });
    });
    expect(header).toBeGreaterThan(0);
    sheet.eachRow((row, r) => {
      if (r > header && row.getCell(indicatorColumn).value === "TC07.1") row.getCell(thresholdColumn).value = "3%";
    });
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  test("are the workbook's own: a corrected criteria sheet is loaded back, last year's roadmap is reviewed", async () => {
    const lastYear = await correctedReport();
    const { workbook, actions } = page([picked(DISTRICT), picked("bao-cao-2019.xlsx", lastYear)]);
    expect(await workbook.sheetNames()).toContain(SHEET_NAMES.roadmap);
    // The report's sheets are not data: only the district's table is found.
    const { ruleset, found } = await analysed(actions);
    expect([...new Set(found.tables.map((t) => t.sheet))]).toEqual([`[${DISTRICT}]Tổng hợp KDC`]);
    const before = ruleset.indicators.find((i) => i.id === "TC07.1")?.threshold;
    const reloaded = await actions.reloadCriteria(ruleset);
    expect(before).not.toBe(3);
    expect(reloaded.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(3);
    // Last year's roadmap starts in the year it was made (the sample gives no assessment year): review a year on.
    const review = await actions.review({
      tables: found.tables.map((t) => ({ sheet: t.sheet, layout: t.layout })),
      ruleset: reloaded,
      year: new Date().getFullYear() + 1,
      language: "vi",
    });
    expect(review.due).toBeGreaterThan(0);
    expect(review.outcome.written).toContain(SHEET_NAMES.progress);
  });

  test("two files with the same own sheet: neither is read, and the page can say which", async () => {
    const lastYear = await correctedReport();
    const { workbook, actions } = page([
      picked(DISTRICT),
      picked("bao-cao-a.xlsx", lastYear),
      picked("bao-cao-b.xlsx", lastYear),
    ]);
    expect(workbook.ambiguousOwnSheets).toContainEqual({
      sheet: SHEET_NAMES.roadmap,
      files: ["bao-cao-a.xlsx", "bao-cao-b.xlsx"],
    });
    // Before any analysis of its own, the page has no roadmap of last year to review.
    const { ruleset } = await actions.loadRuleset();
    const found = await actions.detect(ruleset);
    await expect(
      actions.review({
        tables: found.tables.map((t) => ({ sheet: t.sheet, layout: t.layout })),
        ruleset,
        year: new Date().getFullYear() + 1,
        language: "vi",
      })
    ).rejects.toMatchObject({ problems: [expect.objectContaining({ code: "no-roadmap" })] });
  });
});
