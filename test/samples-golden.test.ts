/**
 * The shipped ruleset says nothing but "all" for every criterion, so the move to one rule per criterion
 * changes no result: every area of the three samples assesses exactly as it did with the one flat rule.
 * test/golden/samples-assessed.json was written by this summary on main at 7a36c62, before the change;
 * it is the "before" and is not regenerated.
 */
import * as fs from "fs";
import * as path from "path";
import { snapshotFile, snapshotWorkbook } from "../src/cli/read-files";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { gapText } from "../src/rules/report/gap-text";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";

const SAMPLES = ["cac-xa-doan-hung-2019.xlsx", "huyen-thanh-ba-2019.xlsx", "xa-thanh-thuy-ngang-2019.xlsx"];

/** Every area of a sample: where, its count, criteria not met, values missing, each verdict and indicator status, the gap text. */
async function summary(file: string): Promise<unknown[]> {
  const rs = embeddedRuleset();
  const workbook = snapshotWorkbook(snapshotFile(path.join(__dirname, "..", "samples", file)));
  const analysis = await analyseWorkbook(workbook, { ruleset: rs });
  return analysis.tables.flatMap((t) =>
    t.assessments.map((a) => [
      t.sheet,
      a.area.row ?? `col ${a.area.column}`,
      a.area.name,
      a.metCount,
      a.notMet.join(","),
      a.missing.join(","),
      a.criteria
        .map(
          (c) =>
            `${c.criterionId}:${c.met ? 1 : 0}:${c.basis}:${c.indicators.map((i) => `${i.status}${i.shortfall ?? ""}`).join("/")}`
        )
        .join(" "),
      gapText(a, rs, "vi"),
    ])
  );
}

const before = JSON.parse(fs.readFileSync(path.join(__dirname, "golden", "samples-assessed.json"), "utf8")) as Record<
  string,
  unknown[]
>;

test.each(SAMPLES)("%s: every area as before", async (file) => {
  const now = await summary(file);
  expect(now.length).toBe(before[file].length);
  expect(now).toEqual(before[file]);
});

test("the samples are varied enough for the comparison to mean something", () => {
  const areas = Object.values(before).flat() as Array<[string, number, string, number]>;
  expect(areas.length).toBeGreaterThan(200);
  expect(new Set(areas.map((a) => a[3])).size).toBeGreaterThan(5);
});
