import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../src/rules/reading/cell";
import { SHEET_NAMES } from "../src/rules/workbook";
import { SampleSheet } from "../src/cli/sample/sheet";
import { builtCli, district, readBack, runNtm, sha1, tempDir, writeDistrict } from "./support/workbooks";

interface JsonDoc {
  files: Array<{
    file: string;
    tables: Array<{ district: string | null; areas: Array<{ row: number; commune: string; notMet: string[] }> }>;
  }>;
}

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("province");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tallyOf = (areas: SampleSheet["areas"]) => {
  const short = (n: number) => areas.filter((a) => a.notMet.length === n).length;
  return [areas.length, short(0), short(1), short(2), areas.length - short(0) - short(1) - short(2)];
};
const tally = (sheet: SampleSheet) => tallyOf(sheet.areas);

describe("ntm analyse on several district workbooks", () => {
  test("one file per district: the province roll-up by district, and by commune where a file names no district", async () => {
    const files = {
      thanhBa: path.join(dir, "thanh-ba.xlsx"),
      tamNong: path.join(dir, "tam-nong.xlsx"),
      yenLap: path.join(dir, "yen-lap-khong-tieu-de.xlsx"),
    };
    const sheets = {
      thanhBa: await writeDistrict(files.thanhBa, { district: district("Thanh Ba"), areas: 45, seed: 21 }),
      tamNong: await writeDistrict(files.tamNong, {
        district: district("Tam Nông"),
        layout: "status",
        areas: 30,
        seed: 22,
      }),
      // No title rows: no district is named, so its areas go under their communes (never the file's name).
      yenLap: await writeDistrict(files.yenLap, {
        district: district("Yên Lập"),
        areas: 25,
        seed: 23,
        titles: false,
        headerRows: 3,
      }),
    };
    const before = Object.values(files).map(sha1);
    const out = path.join(dir, "toan-tinh.xlsx");

    const run = runNtm(bin, ["analyse", files.thanhBa, files.tamNong, files.yenLap, "--out", out]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    const counts = (label: string) =>
      lines
        .find((l) => l.startsWith(label))
        ?.slice(label.length)
        .trim()
        .split(/\s+/)
        .slice(0, 5)
        .map(Number);
    expect(counts("Thanh Ba")).toEqual(tally(sheets.thanhBa));
    expect(counts("Tam Nông")).toEqual(tally(sheets.tamNong));
    expect(lines.some((l) => l.startsWith("yen-lap"))).toBe(false);
    const yenLapCommunes = [...new Set(sheets.yenLap.areas.map((a) => a.commune))];
    const communeTally = (c: string) => tallyOf(sheets.yenLap.areas.filter((a) => a.commune === c));
    for (const c of yenLapCommunes) expect(counts(c)).toEqual(communeTally(c));
    expect(run.stdout).toMatch(/^Huyện \/ xã\s+Số khu/m);
    const all = Object.values(sheets).map(tally);
    expect(counts("Toàn tỉnh")).toEqual(all[0].map((_, k) => all.reduce((s, t) => s + t[k], 0)));

    const { sheets: report } = await readBack(out);
    const province = report.get(SHEET_NAMES.province)!;
    expect(String(province[2][0])).toMatch(/TẠM TÍNH/);
    expect(String(province[0][0])).toMatch(/THEO HUYỆN .* VÀ THEO XÃ/);
    const at = province.findIndex((r) => r[0] === "Huyện / xã");
    const units = 2 + yenLapCommunes.length;
    const rows = new Map<string, CellValue[]>(province.slice(at + 1, at + 2 + units).map((r) => [String(r[0]), r]));
    expect(rows.get("Thanh Ba")?.slice(1, 6)).toEqual(tally(sheets.thanhBa));
    expect(rows.get("Tam Nông")?.slice(1, 6)).toEqual(tally(sheets.tamNong));
    for (const c of yenLapCommunes) expect(rows.get(c)?.slice(1, 6)).toEqual(communeTally(c));
    expect(rows.get("Toàn tỉnh")?.[1]).toBe(100);
    // The areas sheet names each area's district where a workbook names one, and none elsewhere.
    const areas = report.get(SHEET_NAMES.areas)!;
    const header = areas.findIndex((r) => r[0] === "TT");
    expect(areas[header][1]).toBe("Huyện");
    expect(new Set(areas.slice(header + 1).map((r) => r[1] ?? ""))).toEqual(new Set(["Thanh Ba", "Tam Nông", ""]));

    const json = JSON.parse(runNtm(bin, ["analyse", ...Object.values(files), "--json"]).stdout) as JsonDoc;
    expect(json.files.map((f) => f.tables[0].district)).toEqual(["Thanh Ba", "Tam Nông", null]);
    json.files.forEach((f, k) => {
      const sheet = Object.values(sheets)[k];
      expect(f.tables[0].areas.map((a) => [a.row, a.notMet])).toEqual(sheet.areas.map((a) => [a.row, a.notMet]));
    });
    // Areas not meeting each criterion, per district or commune (in file order) and for the province.
    const byCriterion = province.findIndex((r) => /^SỐ KHU CHƯA ĐẠT/.test(String(r[0])));
    expect(byCriterion).toBeGreaterThan(at);
    const criterionRows = province.slice(byCriterion + 2).filter((r) => /^TC\d+$/.test(String(r[0])));
    expect(criterionRows).toHaveLength(13);
    const [thanhBa, tamNong, yenLap] = json.files.map((f) => f.tables[0].areas);
    const groups = [thanhBa, tamNong, ...yenLapCommunes.map((c) => yenLap.filter((a) => a.commune === c))];
    for (const row of criterionRows) {
      const expected = groups.map((g) => g.filter((a) => a.notMet.includes(String(row[0]))).length);
      // The sheet is read as Excel has it: rows as wide as the widest, blank cells "".
      expect(row.slice(2, 3 + expected.length)).toEqual([...expected, expected.reduce((x, y) => x + y, 0)]);
      expect(row.slice(3 + expected.length).every((v) => v === "")).toBe(true);
    }
    expect(Object.values(files).map(sha1)).toEqual(before);
  });

  test("the same file named twice is read once", async () => {
    const input = path.join(dir, "phu-ninh.xlsx");
    await writeDistrict(input, { district: district("Phù Ninh"), areas: 15, seed: 24 });
    const json = JSON.parse(runNtm(bin, ["analyse", input, input, "--json"]).stdout) as JsonDoc;
    expect(json.files).toHaveLength(1);
  });
});
