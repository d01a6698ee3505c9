/**
 * The Assessor's speed techniques (one engine per criterion, condition and rule results remembered and
 * assembled, results shared between areas, starting afresh at its bound: see criterion-memory.ts) against
 * plain json-rules-engine runs: a fresh Engine of all the ruleset's rules per area, no memory. And the
 * engine's verdicts against the logic evaluated by hand, so that "at least N of" spelled as any-of-all means
 * what it says.
 */
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { Assessor } from "../src/rules/assessment/assess";
import { AreaInput, LogicOutcome, Reading } from "../src/rules/assessment/assessment";
import { Logic } from "../src/rules/ruleset/criterion-logic";
import { engineRules, readVerdict } from "../src/rules/assessment/criterion-rule";
import { Indicator, Ruleset, thresholdFor } from "../src/rules/ruleset/ruleset";
import { rulesetFromDocument } from "../src/rules/ruleset/ruleset-document";
import { areasArb, rulesetDocArb } from "./support/random-rulesets";

const factValue = (r: Reading | undefined) => (r?.kind === "number" || r?.kind === "boolean" ? r.value : undefined);

/** One area, the plain way: a fresh engine of every rule, its facts, one run; each rule's result read back. */
async function plainRun(rs: Ruleset, area: AreaInput, year: number | undefined) {
  const engine = new Engine(engineRules(rs, { year, group: area.group }), { allowUndefinedFacts: true });
  const facts = Object.fromEntries(rs.indicators.map((i) => [i.id, factValue(area.indicators[i.id])]));
  const { results, failureResults } = await engine.run(facts);
  const all = [...results, ...failureResults];
  return rs.criteria.map((c) => {
    const result = all.find((r) => r.name === c.id);
    if (!result) throw new Error(`no result for ${c.id}`);
    return readVerdict(c, result);
  });
}

/** The logic evaluated by hand: a blank never meets; numbers compare, yes/no match exactly. */
function byHand(logic: Logic, met: (id: string) => boolean): boolean {
  const held = logic.items.filter((item) => (typeof item === "string" ? met(item) : byHand(item, met))).length;
  return logic.kind === "all" ? held === logic.items.length : logic.kind === "any" ? held >= 1 : held >= logic.count;
}

function meetsByHand(
  i: Indicator,
  r: Reading | undefined,
  year: number | undefined,
  group: string | undefined
): boolean {
  const v = factValue(r);
  const t = thresholdFor(i, { year, group });
  if (v === undefined) return false;
  if (i.operator === "==") return v === t;
  if (typeof v !== "number" || typeof t !== "number") return false;
  return i.operator === ">=" ? v >= t : i.operator === "<=" ? v <= t : i.operator === ">" ? v > t : v < t;
}

/** Held/need of every block, for comparing outcomes. */
const shape = (o: LogicOutcome): unknown => [
  o.kind,
  o.need,
  o.held,
  o.met,
  o.items.map((i) => ("indicatorId" in i ? [i.indicatorId, i.met] : shape(i))),
];

const caseArb = rulesetDocArb.chain((doc) => {
  const rs = rulesetFromDocument(doc);
  return fc.record({
    doc: fc.constant(doc),
    areas: areasArb(
      rs.indicators.map((i) => i.id),
      rs.criteria.map((c) => c.id)
    ),
    year: fc.option(fc.integer({ min: 2017, max: 2023 }), { nil: undefined }),
    memory: fc.constantFrom(5, 50, 200_000),
    split: fc.nat(),
  });
});

test("the Assessor gives, area by area, what a fresh engine of all the rules gives, and what the logic says", async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ doc, areas, year, memory, split }) => {
      const rs = rulesetFromDocument(doc);
      const assessor = new Assessor(rs, { memory });
      // A batch, then the rest one by one, then all again: memory used, outgrown and started afresh.
      const cut = split % (areas.length + 1);
      const first = await assessor.assessAll(areas.slice(0, cut), { year });
      const rest = [];
      for (const a of areas.slice(cut)) rest.push(await assessor.assess(a, { year }));
      const again = await assessor.assessAll(areas, { year });
      for (const [k, area] of areas.entries()) {
        const plain = await plainRun(rs, area, year);
        for (const got of [[...first, ...rest][k], again[k]]) {
          expect(got.area).toBe(area);
          rs.criteria.forEach((c, ci) => {
            const r = got.criteria[ci];
            const verdict = plain[ci];
            const hand = byHand(c.logic, (id) =>
              meetsByHand(
                c.indicators.find((i) => i.id === id)!,
                area.indicators[id],
                year,
                area.group
              )
            );
            expect(verdict.met).toBe(hand);
            r.indicators.forEach((ir, j) => {
              expect(ir.met).toBe(verdict.indicators[j].met);
              expect(ir.threshold).toBe(thresholdFor(c.indicators[j], { year, group: area.group }));
              if (ir.status === "unmet") expect(ir.shortfall).toBe(verdict.indicators[j].shortfall);
            });
            if (r.basis === "indicators") {
              expect(r.met).toBe(verdict.met);
              expect(shape(r.logic!)).toEqual(shape(verdict.logic));
            } else {
              const declared = area.criteria[c.id];
              expect(r.met).toBe(declared?.kind === "boolean" && declared.value);
            }
          });
          expect(got.metCount).toBe(got.criteria.filter((c) => c.met).length);
        }
      }
    }),
    { numRuns: 60 }
  );
});
