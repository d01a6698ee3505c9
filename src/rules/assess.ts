import { Engine, Fact } from "json-rules-engine";
import { AreaAssessment, AreaInput, CriterionResult, IndicatorResult, Reading } from "./assessment";
import { criterionRule, CriterionVerdict, readVerdict, thresholdsInForce } from "./criterion-rule";
import { AssessmentContext, Criterion, Ruleset, ThresholdValue } from "./ruleset";
import { BLANK_READING } from "./values";

/*
 * Speed, in one place.
 *
 * A criterion's verdict depends only on its own indicators' values and on the thresholds in force (the
 * year and the area's group). So an Assessor remembers the engine's verdict per criterion, set of
 * thresholds and tuple of its indicators' values, and runs a criterion's rule only for a tuple it has not
 * seen: a district of thousands of areas repeats the same tuples ("Đạt", 100%, 95%…) and the engine
 * judges each once. Each run has the facts of one area's criterion; areas are never merged.
 *
 * Each criterion's rule sits in an Engine of its own, compiled once per set of thresholds in force (with
 * today's data, one set): an engine run evaluates every rule it holds, so one engine of all the rules
 * would re-evaluate a dozen criteria already known whenever one has a new tuple.
 *
 * A criterion's result (its verdict with the area's readings) is shared, frozen, between areas whose
 * readings are the same objects (readings of a repeated cell value are, see readValue): a district builds
 * each distinct result once. Both memories are tries of Maps, looked up value by value without building a
 * key.
 *
 * One bound: MEMORY_LIMIT verdicts and shared results together; past it, checked before each batch, the
 * Assessor starts afresh, so a long-lived add-in runtime stays flat whatever it is given. Nothing is kept
 * anywhere else: a caller that wants verdicts remembered between analyses keeps its Assessor (the
 * functions' add-in state does; the pane and the command line make one per analysis). test/assess-memo
 * checks every verdict against a fresh engine run per area, over random rulesets and areas.
 */

/** Verdicts and shared results an Assessor remembers before starting afresh. */
export const MEMORY_LIMIT = 200_000;

/** A trie of Maps: one level per key part. */
type Trie = Map<unknown, unknown>;

/** The engines of one set of thresholds in force, and what they have judged. */
interface Compiled {
  thresholds: Record<string, ThresholdValue>;
  /** Per criterion, in ruleset order, an engine holding that criterion's one rule. */
  engines: Engine[];
  /** Per criterion: verdicts by its fact values. */
  verdicts: Trie[];
  /** Per criterion: results by the declared status (or NO_STATUS), then the readings, as objects. */
  results: Trie[];
}

type FactValue = number | boolean | undefined;

/** The value a reading gives the engine: only a readable number or yes/no; blank and unreadable: none. */
function factValue(r: Reading): FactValue {
  return r.kind === "number" || r.kind === "boolean" ? r.value : undefined;
}

/** The results trie's key for "no status column": apart from a blank status cell, whose result keeps it. */
const NO_STATUS = Object.freeze({});

const NO_CACHE = { cache: false };

/** The node under `key` of a trie, made if missing. */
function child(trie: Trie, key: unknown): Trie {
  let next = trie.get(key) as Trie | undefined;
  if (!next) trie.set(key, (next = new Map()));
  return next;
}

/**
 * Assesses areas against one ruleset. Runs are queued: json-rules-engine keeps run status on the Engine,
 * so overlapping runs can skip rules; queuing costs no throughput (the work is synchronous JavaScript)
 * and makes any number of concurrent callers (Excel recalculating many cells) safe.
 */
export class Assessor {
  readonly ruleset: Ruleset;
  private readonly compiledSets = new Map<string, Compiled>();
  private queue: Promise<unknown> = Promise.resolve();
  private runs = 0;
  /** Verdicts and shared results held (see MEMORY_LIMIT). */
  private remembered = 0;
  private readonly limit: number;

  /** `memory`: how much to remember (MEMORY_LIMIT; smaller only in tests). */
  constructor(ruleset: Ruleset, options: { memory?: number } = {}) {
    this.ruleset = ruleset;
    this.limit = options.memory ?? MEMORY_LIMIT;
  }

  /** Thresholds in force for a year and group. */
  thresholds(context: AssessmentContext): Record<string, ThresholdValue> {
    return this.compiled(context).thresholds;
  }

  /** How many times a criterion's rule actually ran (once per new tuple of its values, see above). */
  get engineRuns(): number {
    return this.runs;
  }

  /** How many sets of engines this ruleset needed so far (one per distinct set of thresholds in force). */
  get engineCount(): number {
    return this.compiledSets.size;
  }

  private compiled(context: AssessmentContext): Compiled {
    const thresholds = thresholdsInForce(this.ruleset, context);
    const signature = JSON.stringify(thresholds);
    let c = this.compiledSets.get(signature);
    if (!c) {
      const { criteria } = this.ruleset;
      c = {
        thresholds,
        engines: criteria.map(
          // A blank or unreadable value is an undefined fact (see criterion-rule): allowed, never met.
          (criterion) => new Engine([criterionRule(criterion, thresholds)], { allowUndefinedFacts: true })
        ),
        verdicts: criteria.map(() => new Map()),
        results: criteria.map(() => new Map()),
      };
      this.compiledSets.set(signature, c);
    }
    return c;
  }

  /** Assess one area. The area's own group, if it has one, overrides the context's. */
  assess(area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
    return this.enqueue(async () => (await this.assessNow([area], context))[0]);
  }

  /** Assess many areas as one queued task. */
  assessAll(areas: AreaInput[], context: AssessmentContext = {}): Promise<AreaAssessment[]> {
    return this.enqueue(() => this.assessNow(areas, context));
  }

  /** Runs never overlap on an engine: each waits for the one before. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async assessNow(areas: AreaInput[], context: AssessmentContext): Promise<AreaAssessment[]> {
    if (this.remembered > this.limit) {
      for (const c of this.compiledSets.values()) for (const m of [...c.verdicts, ...c.results]) m.clear();
      this.remembered = 0;
    }
    // Areas mostly share one group (none): its thresholds are looked up once.
    const byGroup = new Map<string | undefined, { context: AssessmentContext; compiled: Compiled }>();
    const out: AreaAssessment[] = [];
    for (const area of areas) {
      const group = area.group ?? context.group;
      let found = byGroup.get(group);
      if (!found) {
        const ctx: AssessmentContext = { year: context.year, group };
        byGroup.set(group, (found = { context: ctx, compiled: this.compiled(ctx) }));
      }
      out.push(await this.assessArea(area, found.context, found.compiled));
    }
    return out;
  }

  private async assessArea(area: AreaInput, context: AssessmentContext, compiled: Compiled): Promise<AreaAssessment> {
    const all = this.ruleset.criteria;
    const criteria: CriterionResult[] = new Array(all.length);
    const notMet: string[] = [];
    const missing: string[] = [];
    for (let ci = 0; ci < all.length; ci++) {
      const c = all[ci];
      const declared = area.criteria[c.id];
      // The shared result for this declared status and these readings, if there is one.
      let node = child(compiled.results[ci], declared ?? NO_STATUS);
      const readings: Reading[] = new Array(c.indicators.length);
      for (let j = 0; j < c.indicators.length; j++) {
        readings[j] = area.indicators[c.indicators[j].id] ?? BLANK_READING;
        node = j === c.indicators.length - 1 ? node : child(node, readings[j]);
      }
      const last = readings[readings.length - 1];
      let shared = node.get(last) as SharedResult | undefined;
      if (!shared) {
        const verdict = await this.verdict(compiled, ci, readings);
        shared = sharedResult(c, readings, declared, verdict, compiled.thresholds);
        node.set(last, shared);
        this.remembered++;
      }
      criteria[ci] = shared.result;
      if (!shared.result.met) notMet.push(c.id);
      for (let k = 0; k < shared.missing.length; k++) missing.push(shared.missing[k]);
    }
    return {
      area,
      year: context.year,
      criteria,
      metCount: criteria.length - notMet.length,
      total: criteria.length,
      meetsAll: notMet.length === 0,
      notMet,
      missing,
    };
  }

  /** The engine's verdict on a criterion for these readings' values: remembered, or judged now. */
  private async verdict(compiled: Compiled, ci: number, readings: Reading[]): Promise<CriterionVerdict> {
    let node = compiled.verdicts[ci];
    for (let j = 0; j < readings.length - 1; j++) node = child(node, factValue(readings[j]));
    const last = factValue(readings[readings.length - 1]);
    let verdict = node.get(last) as CriterionVerdict | undefined;
    if (!verdict) {
      verdict = await this.judge(compiled, ci, readings.map(factValue));
      node.set(last, verdict);
      this.remembered++;
    }
    return verdict;
  }

  /** Run one criterion's rule on one tuple of its values, and read the engine's result. */
  private async judge(compiled: Compiled, ci: number, values: FactValue[]): Promise<CriterionVerdict> {
    const criterion = this.ruleset.criteria[ci];
    const facts: Record<string, Fact> = {};
    // Constant facts with caching off: the engine would otherwise hash every value for a cache it never
    // needs (a constant is returned as is).
    criterion.indicators.forEach((i, k) => (facts[i.id] = new Fact(i.id, values[k], NO_CACHE)));
    const { results, failureResults } = await compiled.engines[ci].run(facts);
    this.runs++;
    const result = results[0] ?? failureResults[0];
    if (!result) throw new Error(`The engine returned no result for ${criterion.id}.`);
    return readVerdict(criterion, result);
  }
}

/** A criterion's result shared between areas, with the ids it adds to an area's "missing" list. */
interface SharedResult {
  result: CriterionResult;
  missing: string[];
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
  if (indicators.some((r) => r.reading.kind !== "missing"))
    return { criterionId, met: verdict.met, basis: "indicators", indicators, declared, logic: verdict.logic };
  if (declared !== undefined && declared.kind !== "missing") {
    return { criterionId, met: declared.kind === "boolean" && declared.value, basis: "declared", indicators, declared };
  }
  return { criterionId, met: false, basis: "none", indicators, declared };
}
