import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../src/rules/reading/cell";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { sampleSheet } from "../src/cli/sample/sheet";
import { SAMPLE_SEED, SAMPLE_YEAR } from "../src/cli/sample/command";
import { findDistrict } from "../src/cli/sample/places";
import { builtCli, readBack, runNtm, tempDir } from "./support/workbooks";

const SHIPPED = path.join(__dirname, "..", "samples", "huyen-thanh-ba-2019.xlsx");

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("sample");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const only = (sheets: Map<string, CellValue[][]>): CellValue[][] => [...sheets.values()][0];

describe("ntm sample", () => {
  test("the same seed writes the same workbook; the shipped sample is the default one", async () => {
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    const run = runNtm(bin, ["sample", "--out", a]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Đã ghi tệp mẫu: .*huyện Thanh Ba: 150 khu dân cư/);
    expect(runNtm(bin, ["sample", "--out", b, "--seed", String(SAMPLE_SEED)]).status).toBe(0);
    const first = only((await readBack(a)).sheets);
    expect(only((await readBack(b)).sheets)).toEqual(first);
    // samples/ holds exactly what `ntm sample` makes (regenerate with: ntm sample --out samples/… --force).
    expect(only((await readBack(SHIPPED)).sheets)).toEqual(first);
    // Another seed, another workbook; an existing file is not replaced without --force.
    expect(runNtm(bin, ["sample", "--out", b, "--seed", "5"]).status).toBe(6);
    expect(runNtm(bin, ["sample", "--out", b, "--seed", "5", "--force"]).status).toBe(0);
    expect(only((await readBack(b)).sheets)).not.toEqual(first);
  });

  test("looks like a district's workbook: titles, merged two-row header, numbering, communes as sections, a total", async () => {
    const { workbook, sheets } = await readBack(SHIPPED);
    const ws = workbook.worksheets[0];
    const rows = only(sheets);
    const texts = rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(
      expect.arrayContaining([
        "UBND HUYỆN THANH BA",
        "Huyện: Thanh Ba",
        "TT",
        "Khu dân cư",
        "1. Giao thông",
        "(1)",
        "I",
        "Tổng cộng",
      ])
    );
    expect(texts.some((t) => t.startsWith("BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT"))).toBe(true);
    const header = rows.findIndex((r) => r[0] === "TT");
    // The criterion spans its indicators; fixed columns span both header rows.
    const merges = (
      ws as unknown as {
        _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
      }
    )._merges;
    const spans = Object.values(merges).map((m) => m.model);
    const giaoThong = rows[header].indexOf("1. Giao thông") + 1;
    expect(spans).toContainEqual({ top: header + 1, left: giaoThong, bottom: header + 1, right: giaoThong + 2 });
    expect(spans).toContainEqual({ top: header + 1, left: 1, bottom: header + 2, right: 1 });
    expect(rows[header + 2][0]).toBe("(1)");
    expect(
      rows.filter((r) => typeof r[1] === "string" && /^(Xã|Thị trấn) /.test(r[1]) && /^[IVXL]+$/.test(String(r[0])))
    ).toHaveLength(14);
  });

  test("values typed the ways people type them", async () => {
    const { workbook, sheets } = await readBack(SHIPPED);
    const ws = workbook.worksheets[0];
    const values = only(sheets).flat();
    const strings = values.filter((v): v is string => typeof v === "string");
    expect(values.some((v) => typeof v === "number" && v > 50 && v <= 100)).toBe(true); // 85
    expect(strings.some((s) => /^\d+(,\d)?%$/.test(s))).toBe(true); // "85%"
    expect(strings.some((s) => /^\d+,\d$/.test(s))).toBe(true); // "85,5"
    expect(strings.some((s) => /^\d{2}\.\d{3}\.\d{3}$/.test(s))).toBe(true); // "38.500.000"
    expect(strings.some((s) => /^\d+(,\d)? triệu$/.test(s))).toBe(true); // "36 triệu"
    for (const word of ["Đạt", "Chưa đạt", "Không đạt", "Có", "Không", "x", "#N/A"]) expect(strings).toContain(word);
    let percentFormatted = 0;
    ws.eachRow((row) =>
      row.eachCell(
        (cell) =>
          void (typeof cell.value === "number" && cell.value <= 1 && /%/.test(cell.numFmt ?? "") && percentFormatted++)
      )
    );
    expect(percentFormatted).toBeGreaterThan(0); // 0.85 shown as 85%
  });

  test("results spread like Phú Thọ around 2019: a few at 13/13, many one to three short", () => {
    for (const name of ["Thanh Ba", "Tân Sơn", "Việt Trì"]) {
      const sheet = sampleSheet(embeddedRuleset(), {
        district: findDistrict(name)!,
        areas: 150,
        layout: "indicators",
        seed: SAMPLE_SEED,
        year: SAMPLE_YEAR,
      });
      const short = sheet.areas.map((a) => a.notMet.length);
      const complete = short.filter((n) => n === 0).length;
      expect(complete).toBeGreaterThanOrEqual(3);
      expect(complete).toBeLessThanOrEqual(25);
      expect(short.filter((n) => n >= 1 && n <= 3).length).toBeGreaterThan(150 / 2);
      expect(new Set(sheet.areas.map((a) => a.commune)).size).toBeGreaterThanOrEqual(10);
    }
  });

  test("a status-layout sample of another district goes through analyse", () => {
    const file = path.join(dir, "tam-nong.xlsx");
    const run = runNtm(bin, [
      "sample",
      "--district",
      "huyện Tam Nông",
      "--layout",
      "status",
      "--areas",
      "80",
      "--out",
      file,
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(runNtm(bin, ["analyse", file, "--json"]).stdout) as {
      files: Array<{ tables: Array<{ district: string; layout: string; areas: unknown[] }> }>;
    };
    expect(json.files[0].tables[0]).toMatchObject({ district: "Tam Nông", layout: "status" });
    expect(json.files[0].tables[0].areas).toHaveLength(80);
  });

  test("help, version and an unknown district", () => {
    const help = runNtm(bin, []);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("ntm analyse");
    expect(runNtm(bin, ["help", "sample"]).stdout).toMatch(/^Cách dùng: ntm sample/);
    const version = runNtm(bin, ["--version"]);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version
    );
    const bad = runNtm(bin, ["sample", "--district", "Hà Nội", "--out", path.join(dir, "x.xlsx")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Lỗi: --district: Không có huyện "Hà Nội"/);
    expect(bad.stderr).toMatch(/Error: --district: "Hà Nội" is not a Phú Thọ district/);
  });
});
