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
      const json = JSON.parse(run.stdout) as { files: Array<{ areas: Array<{ met: number }> }> };
      return json.files[0].areas.reduce((s, a) => s + a.met, 0);
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

  test("the engine form: one json-rules-engine rule per criterion, thresholds written in", () => {
    const run = runNtm(bin, ["ruleset", "--format", "engine", "--year", "2020"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      rules: Array<{ name: string; conditions: { all: Array<{ fact: string; value: unknown }> } }>;
    };
    expect(doc.rules).toHaveLength(13);
    expect(doc.rules[5].conditions.all[0]).toMatchObject({ fact: "TC06.1", value: 36000000 });
  });
});
