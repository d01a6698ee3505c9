import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../src/rules/reading/cell";
import { rulesetToDocument, embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { argb, SHEET_COLOURS } from "../src/rules/palette";
import { SHEET_NAMES } from "../src/rules/workbook";
import { SampleSheet } from "../src/cli/sample/sheet";
import {
  builtCli,
  district,
  districtSheet,
  readBack,
  runNtm,
  sha1,
  tempDir,
  writeDistrict,
  writeWorkbook,
} from "./support/workbooks";

interface JsonArea {
  row: number;
  commune: string;
  name: string;
  met: number;
  total: number;
  meetsAll: boolean;
  notMet: string[];
  missing: string[];
}
interface JsonTable {
  sheet: string;
  range: string;
  orientation: "rows" | "columns";
  district: string | null;
  layout: string;
  areas: JsonArea[];
  problems: Array<{ code: string; where: string; message: { vi: string; en: string } }>;
  notes: Array<{ code: string; where: string; message: { vi: string; en: string } }>;
}
interface JsonFile {
  file: string;
  tables: JsonTable[];
  skippedSheets: Array<{ sheet: string; reason: string; message: { vi: string; en: string } }>;
}
interface JsonDoc {
  ruleset: { id: string; title: string; provisional: boolean; note: string };
  year?: number;
  report?: string;
  files: JsonFile[];
}

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("analyse");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

function analyseJson(args: string[]): JsonDoc {
  const run = runNtm(bin, ["analyse", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as JsonDoc;
}

/** Every area comes out as the sheet was built to say: same row, commune, name and criteria missed. */
function expectTruth(areas: JsonArea[], sheet: SampleSheet): void {
  expect(areas.map((a) => [a.row, a.commune, a.name, a.notMet])).toEqual(
    sheet.areas.map((a) => [a.row, a.commune, a.name, a.notMet])
  );
}

/** The table of a report sheet: header row (found by its first cell) and the rows under it. */
function table(rows: CellValue[][], firstHeader: string): { header: string[]; body: CellValue[][] } {
  const at = rows.findIndex((r) => r[0] === firstHeader);
  expect(at).toBeGreaterThanOrEqual(0);
  return {
    header: rows[at].map(String),
    body: rows.slice(at + 1).filter((r) => r.some((v) => v !== null && v !== "")),
  };
}

describe("ntm analyse on one district workbook", () => {
  test("indicator values under two merged header rows: report, summary and --json agree with the sheet", async () => {
    const input = file("huyen-thanh-ba.xlsx");
    const sheet = await writeDistrict(input, { areas: 60, seed: 11 });
    const before = sha1(input);
    const out = file("bao-cao-thanh-ba.xlsx");

    const run = runNtm(bin, ["analyse", input, "--out", out, "--year", "2019"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/NGƯỠNG TẠM TÍNH/);
    const line = run.stdout.split("\n").find((l) => l.startsWith("Thanh Ba"));
    const complete = sheet.areas.filter((a) => a.notMet.length === 0).length;
    const short = (n: number) => sheet.areas.filter((a) => a.notMet.length === n).length;
    expect(line?.split(/\s+/).slice(2, 7)).toEqual(
      [60, complete, short(1), short(2), 60 - complete - short(1) - short(2)].map(String)
    );
    expect(run.stdout).toContain(`Đã ghi báo cáo: ${out}`);
    // The sample carries #N/A cells: they are warned about, on stderr.
    expect(run.stderr).toMatch(/Cảnh báo \/ Warning: .*#N\/A/s);

    const json = analyseJson([input, "--year", "2019"]);
    expect(json.ruleset).toMatchObject({ id: embeddedRuleset().id, provisional: true });
    expect(json.ruleset.note).toMatch(/^⚠ NGƯỠNG TẠM TÍNH/);
    expect(json.year).toBe(2019);
    expect(json.report).toBeUndefined();
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(input);
    expect(json.files[0].tables[0]).toMatchObject({
      sheet: "Tổng hợp KDC",
      district: "Thanh Ba",
      layout: "indicators",
    });
    expectTruth(json.files[0].tables[0].areas, sheet);
    expect(json.files[0].tables[0].problems.every((p) => p.code === "unreadable-value")).toBe(true);

    const { workbook, sheets } = await readBack(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        SHEET_NAMES.areas,
        SHEET_NAMES.criteria,
        SHEET_NAMES.communes,
        SHEET_NAMES.distribution,
        SHEET_NAMES.ruleset,
      ])
    );
    expect(workbook.getWorksheet(SHEET_NAMES.province)).toBeUndefined();
    const areasRows = sheets.get(SHEET_NAMES.areas)!;
    // The provisional note, on its warning fill, on every result sheet.
    expect(String(areasRows[2][0])).toMatch(/TẠM TÍNH/);
    for (const name of [SHEET_NAMES.areas, SHEET_NAMES.criteria, SHEET_NAMES.communes, SHEET_NAMES.distribution]) {
      expect(String(sheets.get(name)![2][0])).toMatch(/TẠM TÍNH/);
    }
    const areasSheet = workbook.getWorksheet(SHEET_NAMES.areas)!;
    expect(areasSheet.views[0]).toMatchObject({ state: "frozen" });
    expect((areasSheet.getCell("A3").fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(
      argb(SHEET_COLOURS.warningFill)
    );
    // exceljs draws no charts: the distribution's chart is a picture beside its data.
    const distSheet = workbook.getWorksheet(SHEET_NAMES.distribution)!;
    expect(distSheet.getImages()).toHaveLength(1);
    const { header, body } = table(areasRows, "TT");
    expect(body).toHaveLength(60);
    const col = (h: string) => header.indexOf(h);
    const byRow = new Map(json.files[0].tables[0].areas.map((a) => [a.row, a]));
    for (const r of body) {
      const a = byRow.get(Number(r[col("Dòng trên trang gốc")]))!;
      expect(r[col("Khu dân cư")]).toBe(a.name);
      expect(r[col("Số tiêu chí đạt")]).toBe(a.met);
      expect(r[col("Tiêu chí chưa đạt")] ?? "").toBe(a.notMet.join(", "));
    }
    // The distribution's counts add up to the areas.
    const dist = table(sheets.get(SHEET_NAMES.distribution)!, "Số tiêu chí đạt").body;
    expect(dist.reduce((s, r) => s + Number(r[1]), 0)).toBe(60);
    expect(dist.find((r) => r[0] === "13/13")?.[1]).toBe(complete);
    // Per commune: every commune of the sheet, and the total.
    const communes = table(sheets.get(SHEET_NAMES.communes)!, "Xã").body;
    expect(communes.map((r) => r[0])).toEqual([...sheet.communes, "Tổng cộng"]);
    expect(communes[communes.length - 1][1]).toBe(60);

    expect(sha1(input)).toBe(before);
  });

  test("one Đạt/Chưa đạt per criterion, one header row, no title rows, commune on every row", async () => {
    const input = file("tam-nong-danh-gia.xlsx");
    const sheet = await writeDistrict(input, {
      district: district("Tam Nông"),
      layout: "status",
      headerRows: 1,
      titles: false,
      sections: false,
      criterionStyle: "words",
      numbering: "plain",
      seed: 12,
    });
    const json = analyseJson([input]);
    expect(json.files[0].tables[0].layout).toBe("status");
    // No "Huyện: …" title: no district (never the file's name).
    expect(json.files[0].tables[0].district).toBeNull();
    expectTruth(json.files[0].tables[0].areas, sheet);
    const run = runNtm(bin, ["analyse", input, "--out", file("tam-nong-bao-cao.xlsx")]);
    expect(run.status).toBe(0);
    // No district named anywhere: the summary goes by commune, the file is only the source.
    expect(run.stdout).toMatch(/^Xã\s+Số khu/m);
    expect(run.stdout).not.toMatch(/^tam-nong-danh-gia\s/m);
    for (const commune of new Set(sheet.areas.map((a) => a.commune))) {
      const n = sheet.areas.filter((a) => a.commune === commune).length;
      expect(run.stdout).toMatch(new RegExp(`^${commune}\\s+${n}\\s`, "m"));
    }
    expect(run.stdout).toMatch(/^Toàn tỉnh\s+40\s/m);
  });

  test("three header rows, no merged cells, income in triệu đồng, subtotal rows after each commune", async () => {
    const input = file("lam-thao.xlsx");
    const sheet = await writeDistrict(input, {
      district: district("Lâm Thao"),
      headerRows: 3,
      merges: false,
      incomeUnit: "million",
      subtotals: true,
      criterionStyle: "tc",
      numbering: "none",
      seed: 13,
    });
    const json = analyseJson([input]);
    expect(json.files[0].tables[0].district).toBe("Lâm Thao");
    expectTruth(json.files[0].tables[0].areas, sheet);
  });

  test("--lang en: an English report and summary; sheet names stay as the pane writes them", async () => {
    const input = file("doan-hung.xlsx");
    await writeDistrict(input, { district: district("Đoan Hùng"), areas: 20, seed: 14 });
    const out = file("doan-hung-en.xlsx");
    const run = runNtm(bin, ["analyse", input, "-o", out, "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/PROVISIONAL THRESHOLDS/);
    expect(run.stdout).toMatch(/^District\s+Areas\s+Meet all/m);
    expect(run.stdout).toContain(`Report written: ${out}`);
    const { sheets } = await readBack(out);
    const rows = sheets.get(SHEET_NAMES.areas)!;
    expect(String(rows[2][0])).toMatch(/PROVISIONAL THRESHOLDS/);
    expect(table(rows, "No.").header).toContain("Criteria not met");
  });

  test("every sheet with a table is read, a notes sheet passed over with the reason; --sheet narrows; the default report goes beside the input", async () => {
    const input = file("ba-trang.xlsx");
    const notes = {
      name: "Ghi chú",
      rows: [["Số liệu do các xã báo cáo, tổng hợp ngày 25/11/2019"], ["Người tổng hợp", "Nguyễn Văn An"]],
    };
    const first = districtSheet({ areas: 12, seed: 15, sheetName: "Thanh Ba" });
    const second = districtSheet({
      district: district("Tam Nông"),
      layout: "status",
      areas: 9,
      seed: 16,
      sheetName: "Tam Nông",
    });
    await writeWorkbook(input, [notes, first, second]);
    const json = analyseJson([input]);
    expect(json.files[0].tables.map((t) => t.sheet)).toEqual(["Thanh Ba", "Tam Nông"]);
    expectTruth(json.files[0].tables[0].areas, first);
    expectTruth(json.files[0].tables[1].areas, second);
    expect(json.files[0].skippedSheets).toEqual([
      {
        sheet: "Ghi chú",
        reason: "instructions",
        message: expect.objectContaining({ vi: expect.stringMatching(/ghi chú/) }),
      },
    ]);
    const chosen = analyseJson([input, "--sheet", "Tam Nông"]);
    expect(chosen.files[0].tables.map((t) => t.sheet)).toEqual(["Tam Nông"]);
    expectTruth(chosen.files[0].tables[0].areas, second);
    const both = analyseJson([input, "--sheet", "Tam Nông", "--sheet", "Thanh Ba"]);
    expect(both.files[0].tables.map((t) => t.sheet)).toEqual(["Tam Nông", "Thanh Ba"]);
    const run = runNtm(bin, ["analyse", input]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Bảng đã đọc:/);
    expect(run.stdout).toMatch(/› Ghi chú: bỏ qua \(trang bìa, hướng dẫn hoặc ghi chú\)/);
    expect(fs.existsSync(file("ba-trang-bao-cao.xlsx"))).toBe(true);
  });

  test("--ruleset: a corrected threshold (JSON) or a corrected criteria sheet (.xlsx) changes the results", async () => {
    const input = file("thanh-thuy.xlsx");
    const sheet = await writeDistrict(input, { district: district("Thanh Thủy"), areas: 50, seed: 16 });
    // An officer relaxes the poverty threshold to 100%: no area misses TC07 for its value any more.
    const doc = rulesetToDocument(embeddedRuleset()) as {
      criteria: Array<{ id: string; indicators: Array<{ threshold: unknown }> }>;
    };
    doc.criteria.find((c) => c.id === "TC07")!.indicators[0].threshold = 100;
    const rulesetFile = file("bo-tieu-chi.json");
    fs.writeFileSync(rulesetFile, JSON.stringify(doc, null, 2));
    const relaxed = analyseJson([input, "--ruleset", rulesetFile]);
    const embedded = analyseJson([input]);
    const missTC07 = (d: JsonDoc) => d.files[0].tables[0].areas.filter((a) => a.notMet.includes("TC07")).length;
    expect(missTC07(embedded)).toBe(sheet.areas.filter((a) => a.notMet.includes("TC07")).length);
    expect(missTC07(embedded)).toBeGreaterThan(0);
    const blankTC07 = relaxed.files[0].tables[0].areas.filter((a) => a.missing.includes("TC07.1")).length;
    expect(missTC07(relaxed)).toBeLessThanOrEqual(blankTC07);

    // The report's own criteria sheet, read back as the ruleset, gives the same results as the embedded one.
    const report = file("thanh-thuy-bao-cao.xlsx");
    expect(runNtm(bin, ["analyse", input, "--out", report]).status).toBe(0);
    const fromSheet = analyseJson([input, "--ruleset", report]);
    expect(fromSheet.files[0].tables[0].areas).toEqual(embedded.files[0].tables[0].areas);
  });
});
