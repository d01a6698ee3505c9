import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { summariseDistrict, uncoveredCriteria } from "../src/rules/report/district-summary";
import { communesSheet } from "../src/rules/report/communes-sheet";
import { criteriaSheet } from "../src/rules/report/criteria-sheet";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { withOverride } from "../src/rules/reading/sheet-table";
import { MemoryWorkbook } from "../src/rules/workbook";
import { sampleDistrict } from "./support/sample-district";

const rs = embeddedRuleset();

describe("the pane's district summary", () => {
  test("says what the result sheets say: the totals of the commune sheet, the per-criterion counts", async () => {
    const [analysis] = (await analyseWorkbook(new MemoryWorkbook([sampleDistrict({ areas: 60 })]), { ruleset: rs }))
      .tables;
    const s = summariseDistrict(analysis.assessments, rs);
    const communes = communesSheet([analysis], rs);
    const total = communes.rows[communes.rows.length - 1];
    expect([s.areas, s.meetsAll, s.short1, s.short2, s.short3]).toEqual(total.slice(1, 6));
    const criteria = criteriaSheet([analysis], rs);
    const byId = new Map(criteria.rows.map((r) => [r[0], r]));
    for (const h of s.holdingBack) {
      expect(byId.get(h.criterionId)?.[3]).toBe(h.failing);
      expect(byId.get(h.criterionId)?.[6]).toBe(h.onlyGap);
      expect(byId.get(h.criterionId)?.[5]).toBe(h.noData);
    }
    // Each indicator's row: areas where it is unmet (or unreadable), areas where it has no value.
    const results = analysis.assessments.map((a) => a.criteria.flatMap((c) => c.indicators));
    for (const i of rs.indicators) {
      const statuses = results.map((list) => list.find((r) => r.indicatorId === i.id)?.status);
      expect(byId.get(i.id)?.[3]).toBe(statuses.filter((x) => x === "unmet" || x === "unreadable").length);
      expect(byId.get(i.id)?.[5]).toBe(statuses.filter((x) => x === "missing").length);
    }
    expect(rs.indicators.some((i) => Number(byId.get(i.id)?.[3]) > 0)).toBe(true);
    const failing = s.holdingBack.map((h) => h.failing);
    expect(failing).toEqual([...failing].sort((a, b) => b - a));
    expect(s.close.map((a) => a.notMet.length)).toEqual([...s.close.map((a) => a.notMet.length)].sort());
    expect(s.close.every((a) => a.notMet.length === 1 || a.notMet.length === 2)).toBe(true);
    expect(s.close.length).toBe(s.short1 + s.short2);
  });

  test("no areas: all zero, nothing close, nothing holding back", () => {
    expect(summariseDistrict([], rs)).toEqual({
      areas: 0,
      meetsAll: 0,
      short1: 0,
      short2: 0,
      short3: 0,
      close: [],
      holdingBack: [],
    });
  });

  test("criteria with no column at all are named, so the user can map one", async () => {
    const [analysis] = (await analyseWorkbook(new MemoryWorkbook([sampleDistrict({ areas: 12 })]), { ruleset: rs }))
      .tables;
    expect(uncoveredCriteria(analysis.layout, rs)).toEqual([]);
    const roads = analysis.layout.columns.filter(
      (c) => c.role.kind === "indicator" && c.role.indicatorId.startsWith("TC01.")
    );
    const without = roads.reduce((layout, c) => withOverride(layout, c.column, null, rs), analysis.layout);
    expect(uncoveredCriteria(without, rs)).toEqual(["TC01"]);
    const status = withOverride(without, roads[0].column, { kind: "criterion", criterionId: "TC01" }, rs);
    expect(uncoveredCriteria(status, rs)).toEqual([]);
  });
});
