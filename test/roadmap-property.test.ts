import fc from "fast-check";
import { AreaAssessment } from "../src/rules/assessment/assessment";
import { AreaPlan, RoadmapOptions, RoadmapPlan } from "../src/rules/roadmap/plan-shapes";
import { planRoadmap } from "../src/rules/roadmap/plan";
import { defaultEffortTable, effortTableFromDocument } from "../src/rules/roadmap/roadmap-effort";
import { AreaSpec, assessSpecs, failing, ruleset } from "./roadmap-fixtures";

/**
 * Random districts: up to 3 communes (so caps bind), each area failing a few criteria (one indicator of
 * each, by a random severity) or single indicators.
 */
const areaArb = fc.record({
  commune: fc.integer({ min: 0, max: 2 }),
  fails: fc.array(
    fc.record({
      // Low-effort criteria (TC10, TC11, TC13) drawn often, so that effort and count orders disagree.
      criterion: fc.oneof(fc.constantFrom(9, 10, 12), fc.integer({ min: 0, max: ruleset.criteria.length - 1 })),
      pick: fc.nat(),
      severity: fc.double({ min: 0.05, max: 1, noNaN: true }),
    }),
    { maxLength: 5 }
  ),
  canMobilise: fc.boolean(),
});

const districtArb = fc.array(areaArb, { maxLength: 30 }).map((areas) =>
  areas.map((a, n): AreaSpec => {
    const values: Record<string, number | boolean> = {};
    for (const f of a.fails) {
      const indicators = ruleset.criteria[f.criterion].indicators;
      const i = indicators[f.pick % indicators.length];
      values[i.id] = failing(i, f.severity);
    }
    return { commune: `Xã ${a.commune}`, name: `Khu ${n}`, row: n + 2, canMobilise: a.canMobilise, values };
  })
);

const optionsArb = fc
  .record({
    years: fc.integer({ min: 1, max: 4 }),
    min: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 2 }),
    target: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    completions: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    standardCommune: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  })
  .map((o): RoadmapOptions => ({
    startYear: 2021,
    targetYear: 2021 + o.years - 1,
    perCommune: { min: o.min, max: Math.max(1, o.min + o.extra) },
    target: o.target,
    capacity: o.completions === undefined ? undefined : { completionsPerYear: o.completions },
    communesMeetingStandard: o.standardCommune === undefined ? undefined : [{ commune: `Xã ${o.standardCommune}` }],
    rewardPerArea: 5_000_000,
  }));

/** Planned year of every planned area; deferred areas get Infinity. */
function yearsOf(plan: RoadmapPlan): Map<AreaPlan, number> {
  const out = new Map<AreaPlan, number>();
  for (const y of plan.years) for (const c of y.communes) for (const a of c.areas) out.set(a, y.year);
  for (const d of plan.deferred) out.set(d.area, Infinity);
  return out;
}

const runs = { numRuns: 80 };

async function check(
  specs: AreaSpec[],
  options: RoadmapOptions,
  assert: (plan: RoadmapPlan, assessments: AreaAssessment[]) => void
) {
  const assessments = await assessSpecs(specs);
  assert(planRoadmap(ruleset, assessments, options), assessments);
}

describe("roadmap properties over random districts", () => {
  it("never exceeds the per-commune cap or the yearly capacity", async () => {
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, (specs, options) =>
        check(specs, options, (plan) => {
          for (const y of plan.years) {
            for (const c of y.communes) expect(c.areas.length).toBeLessThanOrEqual(options.perCommune!.max);
            const communes = y.communes.map((c) => c.commune);
            expect(new Set(communes).size).toBe(communes.length);
            if (options.capacity?.completionsPerYear !== undefined)
              expect(y.completions).toBeLessThanOrEqual(options.capacity.completionsPerYear);
          }
        })
      ),
      runs
    );
  });

  it("never schedules an area before one with strictly fewer gaps in the same commune", async () => {
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, (specs, options) =>
        check(specs, options, (plan) => {
          const year = yearsOf(plan);
          for (const [x, yx] of year) {
            for (const [y, yy] of year) {
              if (x.communeKey === y.communeKey && x.gap.criteria < y.gap.criteria) expect(yx).toBeLessThanOrEqual(yy);
            }
          }
        })
      ),
      runs
    );
  });

  it("under a budget, passes over an area with fewer gaps only for one that costs less", async () => {
    const effort = effortTableFromDocument(
      {
        criteria: Object.fromEntries(
          ruleset.criteria.map((c, i) => [
            c.id,
            {
              effort: i % 3 === 0 ? "low" : "high",
              funding: i % 2 ? "state" : "community",
              support_cost: (i + 1) * 10,
            },
          ])
        ),
      },
      "test",
      defaultEffortTable()
    );
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, fc.integer({ min: 0, max: 400 }), (specs, options, budget) =>
        check(specs, { ...options, effort, rewardPerArea: 5, capacity: { budgetPerYear: budget } }, (plan) => {
          const year = yearsOf(plan);
          for (const y of plan.years) expect(y.supportSpending + y.rewardSpending).toBeLessThanOrEqual(budget);
          for (const [x, yx] of year) {
            for (const [y, yy] of year) {
              if (x.communeKey === y.communeKey && x.gap.criteria < y.gap.criteria && yx > yy) {
                expect(x.supportCost).toBeGreaterThan(y.supportCost);
              }
            }
          }
        })
      ),
      runs
    );
  });

  it("plans every area not at the standard exactly once and never one that is", async () => {
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, (specs, options) =>
        check(specs, options, (plan, assessments) => {
          const planned = [...yearsOf(plan).keys()].map((a) => a.name).sort();
          const expected = assessments
            .filter((a) => !a.meetsAll)
            .map((a) => a.area.name)
            .sort();
          expect(planned).toEqual(expected);
          expect(plan.alreadyMeeting).toBe(assessments.length - expected.length);
          let cumulative = plan.alreadyMeeting;
          for (const y of plan.years) {
            cumulative += y.planned;
            expect(y.cumulative).toBe(cumulative);
            expect(y.communes.every((c) => c.areas.every((a) => a.steps.length > 0))).toBe(true);
          }
        })
      ),
      runs
    );
  });

  it("leaves a commune below the minimum only under a capacity limit", async () => {
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, (specs, options) =>
        check(specs, { ...options, capacity: undefined }, (plan) => {
          for (const y of plan.years) expect(y.belowAim).toEqual([]);
        })
      ),
      runs
    );
  });

  it("gives the same plan for the same areas in any row order", async () => {
    await fc.assert(
      fc.asyncProperty(districtArb, optionsArb, fc.integer({ min: 0, max: 29 }), async (specs, options, k) => {
        const shuffled = [...specs.slice(k), ...specs.slice(0, k)].reverse();
        const [a, b] = await Promise.all([assessSpecs(specs), assessSpecs(shuffled)]);
        expect(planRoadmap(ruleset, b, options)).toEqual(planRoadmap(ruleset, a, options));
      }),
      runs
    );
  });
});
