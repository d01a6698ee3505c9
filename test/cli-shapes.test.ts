import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../src/rules/reading/cell";
import { sampleBook } from "../src/cli/sample/shapes";
import { SAMPLE_SEED, SAMPLE_YEAR } from "../src/cli/sample/command";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { SHEET_NAMES } from "../src/rules/workbook";
import { builtCli, district, readBack, runNtm, tempDir } from "./support/workbooks";

/** Every shape ntm sample makes, analysed by ntm analyse as a process: what a user at the command line gets. */

interface JsonArea {
  row?: number;
  column?: number;
  district?: string;
  commune: string;
  name: string;
  notMet: string[];
}
interface JsonDoc {
  files: Array<{
    file: string;
    tables: Array<{
      sheet: string;
      orientation: string;
      district: string | null;
      areas: JsonArea[];
      notes: Array<{ code: string }>;
    }>;
    skippedSheets: Array<{ sheet: string; reason: string }>;
  }>;
}

const SAMPLES = path.join(__dirname, "..", "samples");

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("shapes");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function analyseJson(args: string[]): JsonDoc {
  const run = runNtm(bin, ["analyse", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as JsonDoc;
}

const sheetsOf = async (file: string): Promise<Map<string, CellValue[][]>> => (await readBack(file)).sheets;

describe("ntm sample --shape, then ntm analyse", () => {
  test("one sheet per commune after a cover: every sheet read, each area as made, no district", async () => {
    const file = path.join(dir, "cac-xa.xlsx");
    const made = runNtm(bin, [
      "sample",
      "--shape",
      "communes",
      "--district",
      "Đoan Hùng",
      "--areas",
      "40",
      "--seed",
      "3",
      "--out",
      file,
    ]);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/mỗi xã một trang, sau trang hướng dẫn/);
    const book = sampleBook(embeddedRuleset(), {
      shape: "communes",
      district: district("Đoan Hùng"),
      areas: 40,
      layout: "indicators",
      seed: 3,
      year: SAMPLE_YEAR,
    });
    const json = analyseJson([file]);
    const [f] = json.files;
    expect(f.tables.map((t) => t.sheet)).toEqual(book.sheets.map((s) => s.name));
    expect(f.skippedSheets).toEqual([expect.objectContaining({ sheet: "Hướng dẫn", reason: "instructions" })]);
    expect(f.tables.flatMap((t) => t.areas.map((a) => [t.sheet, a.commune, a.name, a.row, a.notMet]))).toEqual(
      book.areas.map((a) => [a.sheet, a.sheet, a.name, a.row, a.notMet])
    );
    expect(f.tables.every((t) => t.district === null && t.areas.every((a) => a.district === undefined))).toBe(true);
    // The summary goes by commune; nowhere is the file's name taken for a district.
    const run = runNtm(bin, ["analyse", file, "--out", path.join(dir, "cac-xa-bao-cao.xlsx")]);
    expect(run.stdout).toMatch(/^Xã\s+Số khu/m);
    expect(run.stdout).not.toMatch(/^cac-xa/m);
    const report = await sheetsOf(path.join(dir, "cac-xa-bao-cao.xlsx"));
    const read = report.get(SHEET_NAMES.sources)!;
    expect(read.filter((r) => r[0] === "cac-xa.xlsx").map((r) => r[1])).toEqual([
      ...book.sheets.map((s) => s.name),
      "Hướng dẫn",
    ]);
  });

  test("a commune's own workbook and its sideways form: the same areas, read by row and by column", () => {
    const own = path.join(dir, "xa.xlsx");
    const sideways = path.join(dir, "xa-ngang.xlsx");
    const common = ["--commune", "Thanh Thủy", "--areas", "11", "--seed", "8"];
    expect(runNtm(bin, ["sample", "--shape", "commune", ...common, "--out", own]).status).toBe(0);
    expect(runNtm(bin, ["sample", "--shape", "sideways", ...common, "--out", sideways]).status).toBe(0);
    const [a, b] = analyseJson([own, sideways]).files.map((f) => f.tables[0]);
    expect(a.orientation).toBe("rows");
    expect(b.orientation).toBe("columns");
    expect(b.notes.map((n) => n.code)).toContain("sideways");
    const strip = (x: JsonArea) => [x.commune, x.name, x.notMet];
    expect(b.areas.map(strip)).toEqual(a.areas.map(strip));
    expect(a.areas.every((x) => x.commune === "Xã Thanh Thủy" && x.row !== undefined)).toBe(true);
    expect(b.areas.map((x) => x.column)).toEqual(a.areas.map((_, k) => 4 + k));
  });

  test("a table that cannot be trusted either way round: refused in both languages, exit 4, no report", () => {
    const file = path.join(dir, "mau-danh-gia.xlsx");
    const report = path.join(dir, "mau-danh-gia-bao-cao.xlsx");
    // A per-area evaluation form (one row per indicator) is not a table of areas: it is refused, not misread.
    const rs = embeddedRuleset();
    const rows: CellValue[][] = [
      ["TT", "Tên tiêu chí", "Nội dung chỉ tiêu", "Chỉ tiêu quy định", "Kết quả thực hiện", "Tự đánh giá"],
    ];
    rs.criteria.forEach((c, k) =>
      c.indicators.forEach((i, n) =>
        rows.push([n === 0 ? k + 1 : null, n === 0 ? c.nameVi : null, i.nameVi, null, 85, "Đạt"])
      )
    );
    const ExcelJS = require("exceljs") as typeof import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Khu 3");
    rows.forEach((r) => ws.addRow(r));
    return wb.xlsx.writeFile(file).then(() => {
      const run = runNtm(bin, ["analyse", file, "--out", report]);
      expect(run.status).toBe(4);
      expect(run.stderr).toMatch(/^Lỗi: .*mau-danh-gia\.xlsx › Khu 3![A-Z]+1:F\d+: .*xoay ngang/m);
      expect(run.stderr).toMatch(/^Error: .*turned sideways/m);
      expect(run.stdout).toBe("");
      expect(fs.existsSync(report)).toBe(false);
    });
  });

  test("the bundled samples are what ntm sample makes, and the demo reads all three", async () => {
    const cases: Array<[string, string[]]> = [
      ["cac-xa-doan-hung-2019.xlsx", ["--shape", "communes", "--district", "Đoan Hùng", "--areas", "45"]],
      ["xa-thanh-thuy-ngang-2019.xlsx", ["--shape", "sideways", "--commune", "Thanh Thủy"]],
    ];
    for (const [name, args] of cases) {
      const out = path.join(dir, name);
      const run = runNtm(bin, ["sample", ...args, "--seed", String(SAMPLE_SEED), "--out", out]);
      expect(run.status).toBe(0);
      // The default file name is the bundled one's.
      const fresh = fs.mkdtempSync(path.join(dir, "default-"));
      expect(runNtm(bin, ["sample", ...args], { cwd: fresh }).stdout).toContain(`Đã ghi tệp mẫu: ${name}`);
      expect(await sheetsOf(path.join(SAMPLES, name))).toEqual(await sheetsOf(out));
    }
    const demo = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).scripts.demo as string;
    const files = demo.match(/samples\/[^\s]+\.xlsx/g) ?? [];
    expect(files).toEqual([
      "samples/huyen-thanh-ba-2019.xlsx",
      "samples/cac-xa-doan-hung-2019.xlsx",
      "samples/xa-thanh-thuy-ngang-2019.xlsx",
    ]);
    const json = analyseJson(files.map((f) => path.join(__dirname, "..", f)));
    expect(json.files.map((f) => f.tables.length)).toEqual([1, 4, 1]);
  });
});
