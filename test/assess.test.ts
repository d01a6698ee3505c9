import { Assessor } from "../src/rules/assessment/assess";
import { criterionReason } from "../src/rules/assessment/criterion-reason";
import { engineRules } from "../src/rules/assessment/criterion-rule";
import { AreaAssessment, AreaInput, Reading } from "../src/rules/assessment/assessment";
import { embeddedRuleset, parseRulesetJson, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { Indicator, thresholdFor } from "../src/rules/ruleset/ruleset";
import { passingArea, randomArea, seededRandom } from "./support/areas";

const rs = embeddedRuleset();

/** A value just on the failing or passing side of the threshold, by operator and unit. */
function nudge(i: Indicator, direction: "below" | "above"): Reading {
  const t = thresholdFor(i);
  if (typeof t === "boolean") {
    const v = direction === "below" ? !t : t;
    return { kind: "boolean", value: v, raw: v };
  }
  const step = i.unit === "count" ? 1 : i.unit === "vnd_per_person_year" ? 1000 : 0.1;
  const value = direction === "below" ? t - step : t + step;
  return { kind: "number", value: Math.max(0, value), raw: value };
}

function withIndicator(id: string, reading: Reading): AreaInput {
  const area = passingArea(rs);
  area.indicators[id] = reading;
  return area;
}

describe("every indicator at, just below and just above its threshold", () => {
  test("an area at every threshold meets all 13", async () => {
    const a = await new Assessor(rs).assess(passingArea(rs));
    expect(a.metCount).toBe(13);
    expect(a.meetsAll).toBe(true);
    expect(a.notMet).toEqual([]);
    expect(a.missing).toEqual([]);
  });

  test.each(rs.indicators.map((i) => [i.id, i] as const))("%s", async (_id, i) => {
    const assessor = new Assessor(rs);
    const at = await assessor.assess(passingArea(rs));
    const atResult = at.criteria
      .find((c) => c.criterionId === i.criterionId)!
      .indicators.find((r) => r.indicatorId === i.id)!;
    expect(atResult).toMatchObject({ status: "met", met: true, threshold: thresholdFor(i) });

    // Which side fails depends on the operator: >= fails below, <= fails above, == fails on either side.
    const failing: Array<"below" | "above"> =
      i.operator === ">=" ? ["below"] : i.operator === "<=" ? ["above"] : i.unit === "boolean" ? ["below"] : ["above"];
    const passing: Array<"below" | "above"> =
      i.operator === ">=" ? ["above"] : i.operator === "<=" ? (thresholdFor(i) === 0 ? [] : ["below"]) : [];
    for (const side of failing) {
      const a = await assessor.assess(withIndicator(i.id, nudge(i, side)));
      const c = a.criteria.find((x) => x.criterionId === i.criterionId)!;
      const r = c.indicators.find((x) => x.indicatorId === i.id)!;
      expect(r.status).toBe("unmet");
      expect(c.met).toBe(false);
      expect(a.notMet).toEqual([i.criterionId]);
      expect(a.metCount).toBe(12);
      if (i.unit !== "boolean") {
        const step = i.unit === "count" ? 1 : i.unit === "vnd_per_person_year" ? 1000 : 0.1;
        expect(r.shortfall).toBeCloseTo(step, 6);
        expect(criterionReason(c).vi).toContain(i.id);
        expect(criterionReason(c).vi).toMatch(/còn thiếu/);
      } else {
        expect(r.shortfall).toBeUndefined();
      }
    }
    for (const side of passing) {
      const a = await assessor.assess(withIndicator(i.id, nudge(i, side)));
      expect(a.meetsAll).toBe(true);
    }
  });
});

describe("missing and unreadable values are never met", () => {
  test("a blank indicator fails its criterion and is listed as missing", async () => {
    const a = await new Assessor(rs).assess(withIndicator("TC02.1", { kind: "missing", raw: "" }));
    expect(a.notMet).toEqual(["TC02"]);
    expect(a.missing).toEqual(["TC02.1"]);
    expect(a.criteria[1].indicators[0].status).toBe("missing");
    expect(criterionReason(a.criteria[1]).vi).toMatch(/số liệu/);
  });
  test("an unreadable value keeps its raw text in the explanation", async () => {
    const a = await new Assessor(rs).assess(
      withIndicator("TC07.1", { kind: "unreadable", raw: "#N/A", reason: { vi: "lỗi", en: "error" } })
    );
    expect(a.notMet).toEqual(["TC07"]);
    expect(a.criteria[6].indicators[0].status).toBe("unreadable");
    expect(criterionReason(a.criteria[6]).vi).toContain("#N/A");
  });
  test("an empty area meets nothing", async () => {
    const a = await new Assessor(rs).assess({ commune: "X", name: "Y", indicators: {}, criteria: {} });
    expect(a.metCount).toBe(0);
    expect(a.missing).toHaveLength(22);
    expect(a.criteria.every((c) => c.basis === "none")).toBe(true);
  });
});

describe("a declared Đạt/Chưa đạt status per criterion", () => {
  const declared = (values: boolean[]): AreaInput => ({
    commune: "Xã Hà Thạch",
    name: "Khu 3",
    indicators: {},
    criteria: Object.fromEntries(
      rs.criteria.map((c, k) => [
        c.id,
        { kind: "boolean", value: values[k], raw: values[k] ? "Đạt" : "Chưa đạt" } as Reading,
      ])
    ),
  });
  test("decides the criterion when the sheet has no indicator values", async () => {
    const values = rs.criteria.map((_, k) => k !== 1 && k !== 6);
    const a = await new Assessor(rs).assess(declared(values));
    expect(a.metCount).toBe(11);
    expect(a.notMet).toEqual(["TC02", "TC07"]);
    expect(a.criteria[0].basis).toBe("declared");
    expect(criterionReason(a.criteria[1]).vi).toContain("Chưa đạt");
  });
  test("indicator values take precedence over a declared status", async () => {
    const area = declared(rs.criteria.map(() => true));
    area.indicators["TC02.1"] = { kind: "number", value: 50, raw: 50 };
    const a = await new Assessor(rs).assess(area);
    expect(a.notMet).toEqual(["TC02"]);
    expect(a.criteria[1].basis).toBe("indicators");
  });
});

describe("thresholds by year and group reach the engine", () => {
  const doc = JSON.parse(JSON.stringify(rulesetToDocument(rs)));
  doc.criteria[5].indicators[0].thresholds = [
    { value: 29000000, to_year: 2018 },
    { value: 30000000, group: "Xã ĐBKK" },
  ];
  const custom = parseRulesetJson(JSON.stringify(doc));
  const area = passingArea(custom);
  area.indicators["TC06.1"] = { kind: "number", value: 31000000, raw: 31000000 };
  test.each([
    [{ year: 2018 }, undefined, true],
    [{ year: 2020 }, undefined, false],
    [{ year: 2020 }, "dbkk", true],
  ])("%p group=%p → meets %p", async (ctx, group, meets) => {
    const a = await new Assessor(custom).assess({ ...area, group }, ctx);
    expect(a.meetsAll).toBe(meets);
  });
  test("an engine per distinct set of thresholds in force, not per call", async () => {
    const assessor = new Assessor(custom);
    for (const year of [2017, 2018, 2019, 2020, 2021]) await assessor.assess(area, { year });
    await assessor.assess({ ...area, group: "dbkk" }, { year: 2020 });
    expect(assessor.engineCount).toBe(3);
  });
  test("one batch of mixed groups: each area judged by the engines of its own thresholds", async () => {
    const assessor = new Assessor(custom);
    const [plain, poor, plainAgain] = await assessor.assessAll(
      [area, { ...area, group: "dbkk" }, { ...area, name: "Khu khác" }],
      { year: 2020 }
    );
    expect([plain.meetsAll, poor.meetsAll, plainAgain.meetsAll]).toEqual([false, true, false]);
    expect(assessor.engineCount).toBe(2);
  });
});

describe("the engine rules", () => {
  test("one rule per criterion: its indicators' conditions with json-rules-engine's own operators, thresholds in force written in", () => {
    const rules = engineRules(rs, { year: 2020 });
    expect(rules.map((r) => r.name)).toEqual(rs.criteria.map((c) => c.id));
    expect(rules[0]).toEqual({
      name: "TC01",
      conditions: {
        all: [
          { fact: "TC01.1", operator: "greaterThanInclusive", value: 70 },
          { fact: "TC01.2", operator: "greaterThanInclusive", value: 80 },
          { fact: "TC01.3", operator: "greaterThanInclusive", value: 70 },
        ],
      },
      event: { type: "criterion-met", params: { criterionId: "TC01" } },
    });
    const facts = rules.flatMap((r) =>
      (r.conditions as unknown as { all: Array<{ fact: string }> }).all.map((c) => c.fact)
    );
    expect(facts).toEqual(rs.indicators.map((i) => i.id));
    const operators = new Set(
      rules.flatMap((r) => (r.conditions as unknown as { all: Array<{ operator: string }> }).all.map((c) => c.operator))
    );
    expect([...operators].sort()).toEqual(["equal", "greaterThanInclusive", "lessThanInclusive"]);
  });
  test("one set of engines per ruleset, reused across years and groups while thresholds are the same", async () => {
    const assessor = new Assessor(rs);
    await assessor.assess(passingArea(rs), { year: 2019 });
    await assessor.assess(passingArea(rs), { year: 2020, group: "dbkk" });
    await assessor.assess(passingArea(rs));
    expect(assessor.engineCount).toBe(1);
  });
});

describe("many assessments at the same time", () => {
  test("500 concurrent runs on one engine give exactly the one-by-one answers", async () => {
    const random = seededRandom(42);
    const areas = Array.from({ length: 500 }, (_, k) => randomArea(rs, random, k));
    const sequential = new Assessor(rs);
    const expected: AreaAssessment[] = [];
    for (const a of areas) expected.push(await sequential.assess(a, { year: 2020 }));
    const shared = new Assessor(rs);
    const concurrent = await Promise.all(areas.map((a) => shared.assess(a, { year: 2020 })));
    const summary = (x: AreaAssessment) => [x.area.name, x.metCount, x.notMet.join(","), x.missing.join(",")];
    expect(concurrent.map(summary)).toEqual(expected.map(summary));
    expect(concurrent.map((x) => x.criteria.map((c) => criterionReason(c).vi))).toEqual(
      expected.map((x) => x.criteria.map((c) => criterionReason(c).vi))
    );
    // The sample is varied enough for the comparison to mean something.
    expect(new Set(expected.map((x) => x.metCount)).size).toBeGreaterThan(4);
  });
});

describe("a tuple seen before", () => {
  const verdicts = (x: AreaAssessment) =>
    x.criteria.map((c) => [c.met, c.basis, c.indicators.map((i) => [i.status, i.shortfall])]);
  const valueOf = (r: Reading | undefined) => (r?.kind === "number" || r?.kind === "boolean" ? r.value : undefined);
  /** Distinct tuples of each criterion's values among some areas: the runs the engine needs for them. */
  const tuples = (areas: AreaInput[]) =>
    rs.criteria.reduce(
      (n, c) =>
        n +
        new Set(areas.map((a) => JSON.stringify(c.indicators.map((i) => valueOf(a.indicators[i.id]) ?? null)))).size,
      0
    );

  test("gives the verdicts of a fresh engine, and the engine runs only for what it has not seen", async () => {
    const random = seededRandom(7);
    const distinct = Array.from({ length: 120 }, (_, k) => randomArea(rs, random, k));
    // Every input twice, the copy under another name and row, with its own raw text.
    const copies = distinct.map((a, k) => ({
      ...a,
      name: `Bản sao ${k}`,
      row: 500 + k,
      indicators: Object.fromEntries(
        Object.entries(a.indicators).map(([id, r]) => [id, r.kind === "number" ? { ...r, raw: `${r.value}` } : r])
      ),
    }));
    const assessor = new Assessor(rs);
    const all = await assessor.assessAll([...distinct, ...copies], { year: 2020 });
    const fresh: AreaAssessment[] = [];
    for (const a of [...distinct, ...copies]) fresh.push(await new Assessor(rs).assess(a, { year: 2020 }));
    expect(all.map(verdicts)).toEqual(fresh.map(verdicts));
    // A rule runs only for an area bringing its criterion a value (or a pattern of met conditions) not
    // seen before: fewer runs than distinct tuples, at least one per distinct value of any indicator.
    const runs = assessor.engineRuns;
    expect(runs).toBeLessThan(tuples(distinct));
    const mostValues = Math.max(
      ...rs.indicators.map((i) => new Set(distinct.map((a) => valueOf(a.indicators[i.id]))).size)
    );
    expect(runs).toBeGreaterThanOrEqual(mostValues);
    // A second analysis of the same areas asks the engine nothing new.
    await assessor.assessAll(distinct, { year: 2020 });
    expect(assessor.engineRuns).toBe(runs);
    // Each assessment keeps its own area and readings.
    expect(all[120].area.name).toBe("Bản sao 0");
    const copied = all[120].criteria[0].indicators[0].reading;
    if (copied.kind === "number") expect(copied.raw).toBe(`${copied.value}`);
  });

  test("past its bound the Assessor starts afresh between batches: every verdict still right, judged again", async () => {
    const random = seededRandom(3);
    const areas = Array.from({ length: 60 }, (_, k) => randomArea(rs, random, k));
    const small = new Assessor(rs, { memory: 20 });
    const got = await small.assessAll(areas);
    const expected = await new Assessor(rs).assessAll(areas);
    expect(got.map(verdicts)).toEqual(expected.map(verdicts));
    // Forgotten verdicts are judged again when needed, never guessed.
    const again = await small.assessAll(areas.slice(0, 10));
    expect(again.map(verdicts)).toEqual(expected.slice(0, 10).map(verdicts));
    expect(small.engineRuns).toBeGreaterThan(tuples(areas));
  });

  test("a sheet of Đạt/Chưa đạt only runs each criterion once; 1 and TRUE are different inputs", async () => {
    const assessor = new Assessor(rs);
    const declared = (k: number): AreaInput => ({
      commune: "Xã Tiên Kiên",
      name: `Khu ${k}`,
      indicators: {},
      criteria: Object.fromEntries(
        rs.criteria.map((c, n) => [c.id, { kind: "boolean", value: (k + n) % 3 > 0, raw: "Đạt" }])
      ),
    });
    const out = await assessor.assessAll(Array.from({ length: 50 }, (_, k) => declared(k)));
    expect(assessor.engineRuns).toBe(rs.criteria.length);
    expect(new Set(out.map((a) => a.metCount)).size).toBeGreaterThan(1);
    const bool = rs.indicators.find((i) => i.unit === "boolean")!;
    const asNumber: AreaInput = { ...passingArea(rs), indicators: { [bool.id]: { kind: "number", value: 1, raw: 1 } } };
    const asBool: AreaInput = {
      ...passingArea(rs),
      indicators: { [bool.id]: { kind: "boolean", value: true, raw: true } },
    };
    const [n, b] = await assessor.assessAll([asNumber, asBool]);
    const status = (a: AreaAssessment) =>
      a.criteria.flatMap((c) => c.indicators).find((i) => i.indicatorId === bool.id)?.status;
    expect(status(n)).toBe("unmet");
    expect(status(b)).toBe("met");
    // Two new tuples of the yes/no indicator's criterion (the rest: blanks, judged already).
    expect(assessor.engineRuns).toBe(rs.criteria.length + 2);
  });
});
