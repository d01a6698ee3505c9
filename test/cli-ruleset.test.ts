import * as fs from "fs";
import * as path from "path";
import { builtCli, runNtm, tempDir } from "./support/workbooks";

let bin: string;
let dir: string;

beforeAll(() => {
  bin = builtCli();
  dir = tempDir("ruleset");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Doc {
  criteria: Array<{ id: string; indicators: Array<{ id: string; threshold: number | boolean; verified: boolean }> }>;
}

describe("ntm ruleset: correct a threshold in one place, without a code change", () => {
  test("export, edit, analyse with the corrected file", async () => {
    const out = path.join(dir, "bo-tieu-chi.json");
    const exported = runNtm(bin, ["ruleset", "--out", out]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, "utf8")) as Doc;
    expect(doc.criteria).toHaveLength(13);
    expect(doc.criteria.flatMap((c) => c.indicators).every((i) => i.verified === false)).toBe(true);

    // Not replaced without --force.
    const again = runNtm(bin, ["ruleset", "--out", out]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/--force/);

    const sample = path.join(dir, "huyen.xlsx");
    const made = runNtm(bin, ["sample", "--out", sample, "--areas", "40", "--seed", "7"]);
    expect(made.status).toBe(0);
    const metOf = (args: string[]) => {
      const run = runNtm(bin, ["analyse", sample, "--json", ...args]);
      expect(run.status).toBe(0);
      const json = JSON.parse(run.stdout) as { files: Array<{ tables: Array<{ areas: Array<{ met: number }> }> }> };
      return json.files[0].tables[0].areas.reduce((s, a) => s + a.met, 0);
    };
    const before = metOf([]);
    // Every percent threshold to 0 and every count threshold relaxed: areas can only meet more.
    for (const c of doc.criteria)
      for (const i of c.indicators) if (typeof i.threshold === "number" && i.threshold <= 100) i.threshold = 0;
    const corrected = path.join(dir, "sua.json");
    fs.writeFileSync(corrected, JSON.stringify(doc));
    const after = metOf(["--ruleset", corrected]);
    expect(after).toBeGreaterThan(before);
  });

  test("a faulty file is refused naming the indicator and field", () => {
    const bad = path.join(dir, "loi.json");
    const doc = JSON.parse(runNtm(bin, ["ruleset"]).stdout) as Doc;
    doc.criteria[6].indicators[0].threshold = 140;
    fs.writeFileSync(bad, JSON.stringify(doc));
    const run = runNtm(bin, ["ruleset", "--ruleset", bad]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("TC07.1 › threshold");
    expect(run.stderr).toMatch(/^Lỗi: /m);
    expect(run.stderr).toMatch(/^Error: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("the engine form: one json-rules-engine rule per criterion, a condition per indicator, thresholds written in", () => {
    const run = runNtm(bin, ["ruleset", "--format", "engine", "--year", "2020"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      rules: Array<{ name: string; conditions: { all: Array<{ fact: string; operator: string; value: unknown }> } }>;
    };
    expect(doc.rules.map((r) => r.name)).toEqual([
      "TC01",
      "TC02",
      "TC03",
      "TC04",
      "TC05",
      "TC06",
      "TC07",
      "TC08",
      "TC09",
      "TC10",
      "TC11",
      "TC12",
      "TC13",
    ]);
    expect(doc.rules.flatMap((r) => r.conditions.all)).toHaveLength(22);
    expect(doc.rules[5].conditions.all).toEqual([
      { fact: "TC06.1", operator: "greaterThanInclusive", value: 36000000 },
    ]);
  });
});

describe("ntm analyse --roadmap: the roadmap's settings from a file", () => {
  test("years, communes at the commune standard and effort classes reach the roadmap sheets", async () => {
    const sample = path.join(dir, "huyen-lo-trinh.xlsx");
    expect(runNtm(bin, ["sample", "--out", sample, "--areas", "60", "--seed", "3"]).status).toBe(0);
    const settings = path.join(dir, "lo-trinh.json");
    fs.writeFileSync(
      settings,
      JSON.stringify({
        start_year: 2027,
        target_year: 2029,
        per_commune: { min: 1, max: 2 },
        target: 5000,
        reward_per_area: 50000000,
        communes_meeting_standard: [],
        effort: { criteria: { TC11: { effort: "high", funding: "state" } } },
      })
    );
    const report = path.join(dir, "bao-cao-lo-trinh.xlsx");
    const run = runNtm(bin, ["analyse", sample, "--roadmap", settings, "--out", report]);
    expect(run.stderr).not.toMatch(/^Lỗi/m);
    expect(run.status).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const text = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .flat()
        .map((v) => String(v ?? ""))
        .join("\n");
    const roadmap = text("NTM - Lộ trình");
    expect(roadmap).toMatch(/\b2027\b/);
    expect(roadmap).not.toMatch(/\b2026\b/);
    // Culture (TC11) ships as low effort; the file makes it high.
    expect(roadmap).toMatch(/TC11 cao/);
    expect(roadmap).not.toMatch(/TC11 thấp/);
    // A target of 5,000 cannot be reached with 60 areas: the summary says so.
    expect(text("NTM - Lộ trình tổng hợp")).toMatch(/5\.?000/);
  });

  test("a faulty roadmap file is refused naming the field", () => {
    const bad = path.join(dir, "lo-trinh-loi.json");
    fs.writeFileSync(bad, JSON.stringify({ start_year: "năm sau", per_commune: { min: 1 } }));
    const sample = path.join(dir, "huyen-lo-trinh.xlsx");
    const run = runNtm(bin, ["analyse", sample, "--roadmap", bad, "--json"]);
    expect(run.status).toBe(5);
    expect(run.stderr).toContain("lo-trinh-loi.json › start_year");
    expect(run.stderr).toContain("lo-trinh-loi.json › per_commune");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
