import { Engine, Fact } from "json-rules-engine";
import { CriterionResult, IndicatorResult, LogicOutcome, Reading } from "./assessment";
import { criterionRule, CriterionVerdict, readVerdict } from "./criterion-rule";
import { Criterion, ThresholdValue } from "../ruleset/ruleset";

/*
 * Speed, in one place: what an Assessor remembers of a criterion, for one set of thresholds in force.
 *
 * 1. Each criterion's rule sits in an Engine of its own: an engine run evaluates every rule it holds, so
 *    one engine of all the rules would re-evaluate a dozen criteria whenever one has something new.
 * 2. The engine's results are remembered at the grain they depend on. A condition's result depends only
 *    on its fact's value (and the threshold written in), and the rule's result, with how each of its
 *    blocks came out, only on its conditions' results (json-rules-engine evaluates every condition of a
 *    block: they share one priority). So a verdict is assembled from what earlier runs said of each value
 *    and of that pattern of condition results; a criterion's rule runs, on one area's own facts, only when
 *    a value or a pattern is new. A district of thousands of areas repeats the same values per indicator
 *    (100%, 95%, "Đạt"): a few hundred runs instead of one per area and criterion.
 * 3. A criterion's result (its verdict with the area's readings) is shared, frozen, between areas whose
 *    readings are the same objects (within one analysis, readings of a repeated cell value are: see
 *    ReadingMemory): a district builds each distinct result once, and an area whose result is known gets
 *    it at once (`known`), without the promise an engine run needs.
 *
 * The Assessor bounds all of it together (MEMORY_LIMIT). test/assess-memo.test.ts checks every result
 * against a fresh engine of all the rules run on each area, over random rulesets and areas.
 */

type FactValue = number | boolean | undefined;

/** The value a reading gives the engine: only a readable number or yes/no; blank and unreadable: none. */
export function factValue(r: Reading): FactValue {
  return r.kind === "number" || r.kind === "boolean" ? r.value : undefined;
}

/** A criterion's result shared between areas, with the ids it adds to an area's "missing" list. */
export interface SharedResult {
  result: CriterionResult;
  missing: string[];
}

/** A trie of Maps: one level per key part, looked up without building a key. */
type Trie = Map<unknown, unknown>;

/** The results trie's key for "no status column": apart from a blank status cell, whose result keeps it. */
const NO_STATUS = Object.freeze({});

const NO_CACHE = { cache: false };

export class CriterionMemory {
  private readonly engine: Engine;
  /** Per indicator of the criterion: its condition's result by fact value. */
  private readonly conditions: Array<Map<FactValue, { met: boolean; shortfall?: number }>>;
  /** The rule's result by the pattern of its conditions' results ("101"). */
  private readonly outcomes = new Map<string, { met: boolean; logic: LogicOutcome }>();
  /** Shared results by declared status (or NO_STATUS), then readings. */
  private readonly results: Trie = new Map();
  /** Entries held, for the Assessor's bound. */
  size = 0;
  /** Rule runs so far. */
  runs = 0;

  constructor(
    private readonly criterion: Criterion,
    private readonly thresholds: Record<string, ThresholdValue>
  ) {
    // A blank or unreadable value is an undefined fact (see criterion-rule): allowed, never met.
    this.engine = new Engine([criterionRule(criterion, thresholds)], { allowUndefinedFacts: true });
    this.conditions = criterion.indicators.map(() => new Map());
  }

  /**
   * The result already shared for this declared status and these readings (in the criterion's indicators'
   * order), if any: the common case, answered without waiting.
   */
  known(declared: Reading | undefined, readings: Reading[]): SharedResult | undefined {
    let node = this.results.get(declared ?? NO_STATUS) as Trie | undefined;
    for (let k = 0; node && k < readings.length - 1; k++) node = node.get(readings[k]) as Trie | undefined;
    return node?.get(readings[readings.length - 1]) as SharedResult | undefined;
  }

  /** The criterion's result for a declared status and readings not `known` yet, made and remembered now. */
  async newResult(declared: Reading | undefined, readings: Reading[]): Promise<SharedResult> {
    let node = this.results;
    const keys = [declared ?? NO_STATUS, ...readings];
    for (let k = 0; k < keys.length - 1; k++) {
      let next = node.get(keys[k]) as Trie | undefined;
      if (!next) node.set(keys[k], (next = new Map()));
      node = next;
    }
    const shared = sharedResult(this.criterion, readings, declared, await this.verdict(readings), this.thresholds);
    node.set(keys[keys.length - 1], shared);
    this.size++;
    return shared;
  }

  /** The engine's verdict on these readings' values: assembled from earlier runs, or run now. */
  private async verdict(readings: Reading[]): Promise<CriterionVerdict> {
    const values = readings.map(factValue);
    const leaves = values.map((v, j) => this.conditions[j].get(v));
    if (leaves.every((l) => l !== undefined)) {
      const known = this.outcomes.get(leaves.map((l) => (l?.met ? "1" : "0")).join(""));
      if (known) return { met: known.met, logic: known.logic, indicators: leaves as CriterionVerdict["indicators"] };
    }
    const verdict = await this.run(values);
    verdict.indicators.forEach((leaf, j) => {
      if (!this.conditions[j].has(values[j])) {
        this.conditions[j].set(values[j], leaf);
        this.size++;
      }
    });
    const pattern = verdict.indicators.map((l) => (l.met ? "1" : "0")).join("");
    if (!this.outcomes.has(pattern)) {
      this.outcomes.set(pattern, { met: verdict.met, logic: verdict.logic });
      this.size++;
    }
    return verdict;
  }

  /** Run the criterion's rule on one area's facts, and read the engine's result. */
  private async run(values: FactValue[]): Promise<CriterionVerdict> {
    const facts: Record<string, Fact> = {};
    // Constant facts with caching off: the engine would otherwise hash every value for a cache it never
    // needs (a constant is returned as is).
    this.criterion.indicators.forEach((i, k) => (facts[i.id] = new Fact(i.id, values[k], NO_CACHE)));
    const { results, failureResults } = await this.engine.run(facts);
    this.runs++;
    const result = results[0] ?? failureResults[0];
    if (!result) throw new Error(`The engine returned no result for ${this.criterion.id}.`);
    return readVerdict(this.criterion, result);
  }
}

function sharedResult(
  c: Criterion,
  readings: Reading[],
  declared: Reading | undefined,
  verdict: CriterionVerdict,
  thresholds: Record<string, ThresholdValue>
): SharedResult {
  const indicators = c.indicators.map((i, j): IndicatorResult => {
    const reading = readings[j];
    const leaf = verdict.indicators[j];
    const status =
      reading.kind === "missing"
        ? "missing"
        : reading.kind === "unreadable"
          ? "unreadable"
          : leaf.met
            ? "met"
            : "unmet";
    return Object.freeze({
      indicatorId: i.id,
      criterionId: c.id,
      reading,
      unit: i.unit,
      operator: i.operator,
      threshold: thresholds[i.id],
      status,
      met: leaf.met,
      shortfall: status === "unmet" ? leaf.shortfall : undefined,
    });
  });
  const result = Object.freeze(criterionResult(c.id, indicators, declared, verdict));
  const missing: string[] = [];
  if (result.basis === "indicators") {
    for (const r of indicators) if (r.status === "missing" || r.status === "unreadable") missing.push(r.indicatorId);
  } else if (result.basis === "declared") {
    if (declared?.kind === "unreadable") missing.push(c.id);
  } else for (const i of c.indicators) missing.push(i.id);
  return { result, missing };
}

/**
 * Indicator values, where the sheet has any for a criterion, decide it through the engine; a sheet that
 * records only "Đạt/Chưa đạt" for a criterion is taken at its word.
 */
function criterionResult(
  criterionId: string,
  indicators: IndicatorResult[],
  declared: Reading | undefined,
  verdict: CriterionVerdict
): CriterionResult {
  if (indicators.some((r) => r.reading.kind !== "missing")) {
    return { criterionId, met: verdict.met, basis: "indicators", indicators, declared, logic: verdict.logic };
  }
  if (declared !== undefined && declared.kind !== "missing") {
    return { criterionId, met: declared.kind === "boolean" && declared.value, basis: "declared", indicators, declared };
  }
  return { criterionId, met: false, basis: "none", indicators, declared };
}
