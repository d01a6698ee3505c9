import { InputError, Problem } from "../src/rules/message";
import { msg } from "../src/rules/message";
import { AreaPlan, PlannedCriterion, RoadmapPlan } from "../src/rules/roadmap/plan-shapes";
import { planArea, plannedCriterionText, stepsText } from "../src/rules/roadmap/area-plan";
import { planRoadmap } from "../src/rules/roadmap/plan";
import {
  checkEffortTable,
  defaultEffortTable,
  effortTableFromDocument,
  effortTableToDocument,
  supportSource,
} from "../src/rules/roadmap/roadmap-effort";
import { roadmapSettingsFromDocument } from "../src/rules/roadmap-settings";
import { assessSpecs, failCriteria, ruleset } from "./roadmap-fixtures";

/** The problems of the InputError `run` throws; fails the test when it throws nothing else. */
function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

const names = (plan: RoadmapPlan, year: number) =>
  plan.years.find((y) => y.year === year)!.communes.flatMap((c) => c.areas.map((a) => `${a.commune}/${a.name}`));

describe("planRoadmap: a hand-checked district", () => {
  // Xã An: A1 (TC13 low), A2 (TC01 high), A3 (TC11 low + TC12 medium), A4 (TC02 + TC06 high), A5 at 13/13.
  // Xã Bình: B1 (TC10 low, shortfall share 0.5), B2 (TC11 low, share 0.75, can mobilise).
  const specs = [
    { commune: "Xã An", name: "A1", row: 5, values: failCriteria(["TC13"]) },
    { commune: "Xã An", name: "A2", row: 6, values: failCriteria(["TC01"]) },
    { commune: "Xã An", name: "A3", row: 7, values: failCriteria(["TC11", "TC12"]) },
    { commune: "Xã An", name: "A4", row: 8, values: failCriteria(["TC06", "TC02"]) },
    { commune: "Xã An", name: "A5", row: 9 },
    { commune: "Xã Bình", name: "B1", row: 10, values: failCriteria(["TC10"]) },
    { commune: "Xã Bình", name: "B2", row: 11, canMobilise: true, values: failCriteria(["TC11"]) },
  ];
  let plan: RoadmapPlan;
  beforeAll(async () => {
    plan = planRoadmap(ruleset, await assessSpecs(specs), {
      startYear: 2021,
      targetYear: 2022,
      target: 7,
      rewardPerArea: 10_000_000,
    });
  });

  it("puts areas with fewer and smaller gaps first, at most 3 per commune a year", () => {
    expect(names(plan, 2021)).toEqual(["Xã An/A1", "Xã An/A2", "Xã An/A3", "Xã Bình/B2", "Xã Bình/B1"]);
    expect(names(plan, 2022)).toEqual(["Xã An/A4"]);
    expect(plan.deferred).toEqual([]);
  });

  it("defines the gap as (criteria, effort, normalised shortfall)", () => {
    const all = plan.years.flatMap((y) => y.communes.flatMap((c) => c.areas));
    const gap = (n: string) => all.find((a) => a.name === n)!.gap;
    expect(gap("A1")).toEqual({ criteria: 1, effort: 1, shortfall: 1 });
    expect(gap("B1")).toEqual({ criteria: 1, effort: 1, shortfall: 0.5 });
    expect(gap("B2")).toEqual({ criteria: 1, effort: 1, shortfall: 0.75 });
    expect(gap("A3").criteria).toBe(2);
    expect(gap("A3").effort).toBe(3);
    expect(gap("A4").effort).toBe(6);
  });

  it("lists each area's criteria low effort first, with their shortfalls", () => {
    const a3 = plan.years[0].communes[0].areas[2];
    expect(a3.steps.map((s) => [s.criterionId, s.effort])).toEqual([
      ["TC11", "low"],
      ["TC12", "medium"],
    ]);
    expect(plannedCriterionText(a3.steps[0]).vi).toBe("TC11 Văn hóa (TC11.1 chưa đạt; TC11.2 còn thiếu 35%)");
    expect(plannedCriterionText(a3.steps[0]).en).toBe("TC11 Culture (TC11.1 not yet; TC11.2 short by 35%)");
    expect(a3.steps[0].gaps.map((g) => g.shortfall)).toEqual([undefined, 35]);
    const a4 = plan.years[1].communes[0].areas[0];
    expect(a4.steps.map((s) => s.criterionId)).toEqual(["TC02", "TC06"]);
  });

  it("counts areas at 13/13 from the start and never plans them", () => {
    expect(plan.alreadyMeeting).toBe(1);
    expect(plan.years.map((y) => y.cumulative)).toEqual([6, 7]);
    expect(plan.years.map((y) => y.targetPath)).toEqual([4, 7]);
    expect(plan.outcome).toMatchObject({ target: 7, reached: 7, missing: 0, yearReached: 2022 });
  });

  it("splits completions into state-support candidates and community mobilisation, with rewards", () => {
    const y = plan.years[0];
    expect(y.stateSupport.map((t) => [t.criterionId, t.count])).toEqual([
      ["TC10", 1],
      ["TC11", 2],
      ["TC13", 1],
    ]);
    expect(y.community.map((t) => [t.criterionId, t.count])).toEqual([
      ["TC01", 1],
      ["TC12", 1],
    ]);
    expect(y.completions).toBe(6);
    expect(plan.years.map((t) => t.rewardSpending)).toEqual([50_000_000, 10_000_000]);
    expect(plan.years[1].stateSupport.map((t) => t.criterionId)).toEqual(["TC02"]);
    expect(plan.years[1].community.map((t) => t.criterionId)).toEqual(["TC06"]);
  });

  it("states its rules, vi and en", () => {
    expect(plan.rules.length).toBeGreaterThanOrEqual(7);
    expect(plan.rules[3].vi).toContain("2–3 khu");
    expect(plan.rules[1].en).toContain("number of criteria not met");
    expect(plan.rules.some((r) => r.vi.includes("10.000.000 đồng"))).toBe(true);
  });

  it("gives the same plan whatever the order of the rows", async () => {
    const again = planRoadmap(ruleset, await assessSpecs([...specs].reverse()), {
      startYear: 2021,
      targetYear: 2022,
      target: 7,
      rewardPerArea: 10_000_000,
    });
    expect(again).toEqual(plan);
  });
});

describe("planRoadmap: priority details", () => {
  it("puts areas able to mobilise first among areas equal on criteria and effort only", async () => {
    const plan = planRoadmap(
      ruleset,
      await assessSpecs([
        { commune: "X", name: "small gap", values: failCriteria(["TC10"], 0.1) },
        { commune: "X", name: "mobilises", canMobilise: true, values: failCriteria(["TC11"], 1) },
        { commune: "X", name: "mobilises, more effort", canMobilise: true, values: failCriteria(["TC12"], 0.1) },
      ]),
      { startYear: 2021, targetYear: 2021, perCommune: { min: 1, max: 1 } }
    );
    expect(names(plan, 2021)).toEqual(["X/mobilises"]);
    expect(plan.deferred.map((d) => d.area.name)).toEqual(["small gap", "mobilises, more effort"]);
  });

  it("reports a value above a ceiling as too high", async () => {
    const [a] = await assessSpecs([{ commune: "X", name: "K", values: { "TC07.1": 15 } }]);
    const p = planArea(a, ruleset);
    expect(plannedCriterionText(p.steps[0]).vi).toBe("TC07 Hộ nghèo (TC07.1 cần giảm 3%)");
    expect(p.steps[0].share).toBe(0.25);
    expect(p.steps[0].source).toBe("state-support");
  });

  it("treats a missing value as a whole gap and says so in the notes", async () => {
    const plan = planRoadmap(
      ruleset,
      await assessSpecs([{ commune: "X", name: "K", row: 12, values: { "TC10.1": null } }]),
      { startYear: 2021, targetYear: 2021 }
    );
    const step = plan.years[0].communes[0].areas[0].steps[0];
    expect(plannedCriterionText(step).vi).toBe("TC10 Y tế (thiếu số liệu)");
    expect(step.share).toBe(1);
    expect(plan.notes.map((n) => [n.code, n.where])).toEqual([["roadmap-missing-data", "dòng / rows 12"]]);
  });

  it("warns about two rows for the same area", async () => {
    const plan = planRoadmap(
      ruleset,
      await assessSpecs([
        { commune: "Xã Hà", name: "Khu 1", row: 4, values: failCriteria(["TC13"]) },
        { commune: "xã hà", name: "khu  1", row: 9, values: failCriteria(["TC13"]) },
      ]),
      { startYear: 2021, targetYear: 2021 }
    );
    expect(plan.notes.map((n) => [n.code, n.where])).toEqual([["roadmap-duplicate-area", "dòng / rows 4, 9"]]);
  });
});

describe("planRoadmap: limits and infeasible targets", () => {
  it("says by how much the per-commune cap misses the target", async () => {
    const specs = [1, 2, 3, 4, 5].map((n) => ({
      commune: "Xã C",
      name: `K${n}`,
      row: n,
      values: failCriteria(["TC13"]),
    }));
    const plan = planRoadmap(ruleset, await assessSpecs(specs), { startYear: 2021, targetYear: 2021, target: 5 });
    expect(plan.years[0].planned).toBe(3);
    expect(plan.outcome).toMatchObject({ target: 5, reached: 3, missing: 2 });
    expect(plan.outcome!.message.vi).toBe(
      "Không đạt mục tiêu: dự kiến 3/5 khu đạt chuẩn đến năm 2021, còn thiếu 2 khu. Mức tối đa 3 khu/xã/năm chỉ cho phép 3 khu đến năm 2021."
    );
    expect(plan.outcome!.message.en).toContain("2 short");
    expect(plan.deferred.map((d) => d.area.name)).toEqual(["K4", "K5"]);
    expect(plan.deferred[0].reason.vi).toBe("Xã đã đủ 3 khu mỗi năm đến 2021; để sau năm 2021.");
  });

  it("says when the target exceeds the areas there are", async () => {
    const plan = planRoadmap(ruleset, await assessSpecs([{ commune: "X", name: "K" }]), {
      startYear: 2021,
      targetYear: 2025,
      target: 10,
    });
    expect(plan.outcome).toMatchObject({ reached: 1, missing: 9 });
    expect(plan.outcome!.message.vi).toContain("Mục tiêu lớn hơn số khu dân cư (1).");
  });

  it("keeps to a yearly number of completions and names communes left below the minimum", async () => {
    const specs = [
      { commune: "Xã 1", name: "a1", values: failCriteria(["TC13"]) },
      { commune: "Xã 1", name: "a2", values: failCriteria(["TC13"]) },
      { commune: "Xã 2", name: "b1", values: failCriteria(["TC11"]) },
      { commune: "Xã 2", name: "b2", values: failCriteria(["TC11"]) },
    ];
    const plan = planRoadmap(ruleset, await assessSpecs(specs), {
      startYear: 2021,
      targetYear: 2021,
      target: 4,
      capacity: { completionsPerYear: 2 },
    });
    expect(names(plan, 2021)).toEqual(["Xã 2/b1", "Xã 2/b2"]);
    expect(plan.years[0].belowAim).toEqual([{ district: undefined, commune: "Xã 1", planned: 0 }]);
    expect(plan.outcome!.missing).toBe(2);
    expect(plan.outcome!.message.vi).toContain(
      "Giới hạn năng lực, ngân sách hằng năm chỉ cho phép 2 khu (mức 3 khu/xã/năm cho phép 4)."
    );
    expect(plan.deferred[0].reason.vi).toContain("đã dành cho khu ưu tiên hơn");
  });

  it("defers an area needing more completions than a whole year allows", async () => {
    const plan = planRoadmap(
      ruleset,
      await assessSpecs([{ commune: "X", name: "K", values: failCriteria(["TC01", "TC02", "TC03"]) }]),
      {
        startYear: 2021,
        targetYear: 2023,
        capacity: { completionsPerYear: 2 },
      }
    );
    expect(plan.deferred[0].reason.en).toBe("Needs 3 criterion completions, more than a year's capacity (2).");
  });

  it("spends a yearly budget on direct support and rewards", async () => {
    const effort = effortTableFromDocument(
      {
        criteria: {
          TC13: { effort: "low", funding: "community", support_cost: 100_000_000 },
          TC11: { effort: "low", funding: "community", support_cost: 10_000_000 },
        },
      },
      "test",
      defaultEffortTable()
    );
    const specs = [
      { commune: "Xã D", name: "X1", values: failCriteria(["TC13"]) },
      { commune: "Xã D", name: "X2", values: failCriteria(["TC13"]) },
      { commune: "Xã D", name: "X3", values: failCriteria(["TC11"]) },
    ];
    const plan = planRoadmap(ruleset, await assessSpecs(specs), {
      startYear: 2021,
      targetYear: 2022,
      effort,
      rewardPerArea: 20_000_000,
      capacity: { budgetPerYear: 150_000_000 },
    });
    expect(names(plan, 2021)).toEqual(["Xã D/X3", "Xã D/X1"]);
    expect(names(plan, 2022)).toEqual(["Xã D/X2"]);
    expect(plan.years.map((y) => [y.supportSpending, y.rewardSpending])).toEqual([
      [110_000_000, 40_000_000],
      [100_000_000, 20_000_000],
    ]);
    expect(plan.notes).toEqual([]);
  });

  it("defers an area costing more than a year's budget, and notes criteria without a cost", async () => {
    const plan = planRoadmap(
      ruleset,
      await assessSpecs([{ commune: "X", name: "K", values: failCriteria(["TC13"]) }]),
      {
        startYear: 2021,
        targetYear: 2021,
        rewardPerArea: 30_000_000,
        capacity: { budgetPerYear: 20_000_000 },
      }
    );
    expect(plan.deferred[0].reason.vi).toBe("Cần 30.000.000 đồng, nhiều hơn ngân sách một năm (20.000.000 đồng).");
    expect(plan.notes.map((n) => n.code)).toEqual(["roadmap-no-cost"]);
    expect(plan.notes[0].where).toContain("TC13");
  });

  it("sets no minimum for communes already at the commune standard", async () => {
    const specs = [
      { commune: "Xã E", name: "e1", values: failCriteria(["TC13"]) },
      { commune: "Xã F", name: "f1", values: failCriteria(["TC13", "TC11"]) },
      { commune: "Xã F", name: "f2", values: failCriteria(["TC13", "TC11"]) },
    ];
    const assessments = await assessSpecs(specs);
    const options = { startYear: 2021, targetYear: 2021, capacity: { completionsPerYear: 4 } };
    expect(names(planRoadmap(ruleset, assessments, options), 2021)).toEqual(["Xã E/e1", "Xã F/f1"]);
    const plan = planRoadmap(ruleset, assessments, { ...options, communesMeetingStandard: [{ commune: "xa e" }] });
    expect(names(plan, 2021)).toEqual(["Xã F/f1", "Xã F/f2"]);
    expect(plan.years[0].communes.every((c) => !c.meetsCommuneStandard)).toBe(true);
    expect(plan.years[0].belowAim).toEqual([]);
    expect(plan.deferred.map((d) => d.area.name)).toEqual(["e1"]);
  });

  it("notes a commune at the standard that has no areas", async () => {
    const plan = planRoadmap(ruleset, await assessSpecs([{ commune: "X", name: "K" }]), {
      startYear: 2021,
      targetYear: 2021,
      communesMeetingStandard: [{ commune: "Xã Không Có" }],
    });
    expect(plan.notes.map((n) => n.code)).toEqual(["roadmap-unknown-commune"]);
  });
});

describe("planRoadmap: faulty options", () => {
  it("names every faulty option in vi and en at once", () => {
    const problems = problemsOf(() =>
      planRoadmap(ruleset, [], {
        startYear: 2025,
        targetYear: 2021,
        perCommune: { min: 3, max: 2 },
        target: -1,
        capacity: { budgetPerYear: Number.NaN },
      })
    );
    expect(problems.map((p) => p.code)).toEqual([
      "roadmap-years",
      "roadmap-per-commune",
      "roadmap-number",
      "roadmap-money",
    ]);
    expect(problems[0].where).toBe("Năm mục tiêu / target year");
    expect(problems[0].message.vi).toContain("trước năm bắt đầu");
    expect(problems[0].message.en).toContain("before the start year");
  });

  it("rejects a year that is not a whole number", () => {
    expect(() => planRoadmap(ruleset, [], { startYear: 2021.5, targetYear: 2025 })).toThrow(/Năm bắt đầu không hợp lệ/);
  });

  it("plans an empty district without fault", () => {
    const plan = planRoadmap(ruleset, [], { startYear: 2021, targetYear: 2022, target: 0 });
    expect(plan.years.map((y) => y.planned)).toEqual([0, 0]);
    expect(plan.outcome!.missing).toBe(0);
  });
});

describe("effort table", () => {
  it("covers exactly the shipped ruleset's criteria", () => {
    expect(checkEffortTable(defaultEffortTable(), ruleset)).toEqual([]);
  });

  it("ships culture and security as low effort, roads and the cultural house as high", () => {
    const t = defaultEffortTable().criteria;
    expect([t.TC11.effort, t.TC13.effort, t.TC01.effort, t.TC04.effort]).toEqual(["low", "low", "high", "high"]);
    expect(supportSource(t.TC02)).toBe("state-support");
    expect(supportSource(t.TC01)).toBe("community");
    expect(t.TC01.why.vi).not.toBe("");
  });

  it("round-trips through its file format", () => {
    const t = defaultEffortTable();
    expect(effortTableFromDocument(effortTableToDocument(t))).toEqual(t);
  });

  it("names each faulty field", () => {
    const problems = problemsOf(() =>
      effortTableFromDocument(
        { criteria: { TC01: { effort: "huge", funding: "bank", support_cost: -1 } } },
        "effort.json"
      )
    );
    expect(problems.map((p) => p.where)).toEqual([
      "effort.json › TC01 › effort",
      "effort.json › TC01 › funding",
      "effort.json › TC01 › support_cost",
    ]);
    expect(problemsOf(() => effortTableFromDocument([], "effort.json")).map((p) => p.code)).toEqual([
      "effort-document",
    ]);
  });

  it("overrides only the criteria a document lists", () => {
    const t = effortTableFromDocument(
      { criteria: { TC13: { effort: "high", funding: "state" } } },
      "x",
      defaultEffortTable()
    );
    expect(t.criteria.TC13.effort).toBe("high");
    expect(t.criteria.TC11).toEqual(defaultEffortTable().criteria.TC11);
  });

  it("reports criteria missing from a table and falls back to medium, state", async () => {
    const t = effortTableFromDocument({ criteria: { TC99: { effort: "low", funding: "community" } } });
    expect(checkEffortTable(t, ruleset).map((p) => p.code)).toEqual([
      ...Array(13).fill("effort-missing"),
      "effort-unknown",
    ]);
    const [a] = await assessSpecs([{ commune: "X", name: "K", values: failCriteria(["TC13"]) }]);
    const step = planArea(a, ruleset, t).steps[0];
    expect([step.effort, step.funding, step.source]).toEqual(["medium", "state", "state-support"]);
  });

  it("keys named __proto__ or constructor are unknown criteria, not the table's own properties", () => {
    const doc = JSON.parse(
      '{"criteria": {"__proto__": {"effort": "low", "funding": "state"}, "constructor": {"effort": "high", "funding": "community"}}}'
    ) as unknown;
    const t = effortTableFromDocument(doc, "x", defaultEffortTable());
    expect(Object.keys(t.criteria)).toEqual(expect.arrayContaining(["__proto__", "constructor", "TC01"]));
    expect(t.criteria.TC01).toEqual(defaultEffortTable().criteria.TC01);
    expect(checkEffortTable(t, ruleset).map((p) => [p.code, p.where])).toEqual([
      ["effort-unknown", "__proto__"],
      ["effort-unknown", "constructor"],
    ]);
    expect(effortTableToDocument(t).criteria).toHaveProperty(["constructor", "effort"], "high");
  });
});

describe("the texts of planned criteria", () => {
  const step = (
    criterionId: string,
    gaps: PlannedCriterion["gaps"],
    basis: PlannedCriterion["basis"] = "indicators"
  ): PlannedCriterion => ({
    criterionId,
    name: msg(`Tên ${criterionId}`, `Name ${criterionId}`),
    effort: "medium",
    funding: "community",
    source: "community",
    basis,
    share: 0.5,
    gaps,
  });
  const poverty = step("TC07", [
    {
      indicatorId: "TC07.1",
      status: "unmet",
      unit: "percent",
      operator: "<=",
      threshold: 12,
      shortfall: 3.5,
      share: 0.3,
      direction: "lower",
    },
    {
      indicatorId: "TC07.2",
      status: "missing",
      unit: "percent",
      operator: ">=",
      threshold: 80,
      share: 1,
      direction: "raise",
    },
  ]);
  const income = step("TC06", [
    {
      indicatorId: "TC06.1",
      status: "unmet",
      unit: "vnd_per_person_year",
      operator: ">=",
      threshold: 36e6,
      shortfall: 1.5e6,
      share: 0.04,
      direction: "raise",
    },
    {
      indicatorId: "TC06.2",
      status: "unreadable",
      unit: "count",
      operator: ">=",
      threshold: 1,
      share: 1,
      direction: "raise",
    },
    {
      indicatorId: "TC06.3",
      status: "unmet",
      unit: "boolean",
      operator: "==",
      threshold: true,
      share: 1,
      direction: "raise",
    },
  ]);

  test("in Vietnamese and in English, one language per sheet", () => {
    expect(plannedCriterionText(poverty)).toEqual({
      vi: "TC07 Tên TC07 (TC07.1 cần giảm 3,5%; TC07.2 thiếu số liệu)",
      en: "TC07 Name TC07 (TC07.1 3.5% too high; TC07.2 no data)",
    });
    expect(plannedCriterionText(income)).toEqual({
      vi: "TC06 Tên TC06 (TC06.1 còn thiếu 1.500.000 đ/người/năm; TC06.2 không đọc được; TC06.3 chưa đạt)",
      en: "TC06 Name TC06 (TC06.1 short by 1,500,000 VND/person/year; TC06.2 unreadable; TC06.3 not yet)",
    });
    expect(plannedCriterionText(step("TC09", [], "declared")).en).toBe("TC09 Name TC09 (not met by recorded status)");
    expect(plannedCriterionText(step("TC09", [], "none")).vi).toBe("TC09 Tên TC09 (thiếu số liệu)");
    const area = { steps: [poverty, income] } as AreaPlan;
    expect(stepsText(area, "vi")).toBe(`1) ${plannedCriterionText(poverty).vi}; 2) ${plannedCriterionText(income).vi}`);
    expect(stepsText(area, "en")).toBe(`1) ${plannedCriterionText(poverty).en}; 2) ${plannedCriterionText(income).en}`);
  });
});

describe("the roadmap file's communes at the standard", () => {
  test("names are trimmed; an empty name is refused with its place, not matched to blank communes", () => {
    const settings = roadmapSettingsFromDocument({
      communes_meeting_standard: ["  Xã Tiên Kiên ", { district: "Thanh Ba", commune: " Xã Hà Thạch" }],
    });
    expect(settings.communesMeetingStandard).toEqual([
      { commune: "Xã Tiên Kiên" },
      { district: "Thanh Ba", commune: "Xã Hà Thạch" },
    ]);
    let error: unknown;
    try {
      roadmapSettingsFromDocument(
        { communes_meeting_standard: ["Xã Tiên Kiên", { commune: "  " }, ""] },
        "lo-trinh.json"
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const wheres = (error as InputError).problems.map((p: Problem) => p.where);
    expect(wheres).toEqual([
      "lo-trinh.json › communes_meeting_standard[1]",
      "lo-trinh.json › communes_meeting_standard[2]",
    ]);
  });
});
