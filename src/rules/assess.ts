import { Engine, Fact, RuleProperties } from "json-rules-engine";
import { AreaAssessment, AreaInput, CriterionResult, IndicatorResult, Reading } from "./assessment";
import { formatCondition, formatValue } from "./format";
import { Message, msg } from "./message";
import {
  AssessmentContext,
  Indicator,
  normaliseAreaType,
  Operator,
  Ruleset,
  thresholdFor,
  ThresholdValue,
} from "./ruleset";
import { BLANK_READING } from "./values";

/** json-rules-engine operator names for the ruleset's comparison operators. */
const ENGINE_OPERATOR: Record<Operator, string> = {
  ">=": "atLeast",
  "<=": "atMost",
  "==": "equals",
  ">": "above",
  "<": "below",
};

/** One indicator condition, named by its criterion. */
type Leaf = { name: string; fact: string; operator: string; value: unknown; result?: boolean };

/** The name of the engine's one rule: the area meets the standard when every indicator condition holds. */
export const ENGINE_RULE_NAME = "khu-dan-cu-dat-chuan";

/**
 * The ruleset as one json-rules-engine rule, "the area meets the standard": all of its indicator
 * conditions, in ruleset order, each named by its criterion, with the thresholds in force for one
 * assessment context (year, area type) written in. The conditions share one priority, so the engine
 * evaluates every one of them and each indicator's verdict is its condition's result; a criterion is met
 * when all of its conditions are.
 *
 * One flat rule, not a rule or a nested block per criterion: on every run the engine deep-clones each
 * rule's conditions, emits an event per rule and chains promises per block — with thirteen rules that was
 * over a third of an assessment, with nested blocks still 40% more than this.
 */
export function toEngineRules(ruleset: Ruleset, thresholds: Record<string, ThresholdValue>): RuleProperties[] {
  const all: Leaf[] = ruleset.criteria.flatMap((c) =>
    c.indicators.map((i) => ({
      name: c.id,
      fact: i.id,
      operator: ENGINE_OPERATOR[i.operator],
      value: thresholds[i.id],
    }))
  );
  return [{ name: ENGINE_RULE_NAME, conditions: { all }, event: { type: "area-meets-standard" } }];
}

const isNum = (v: unknown): v is number => typeof v === "number";

const NO_CACHE = { cache: false };

function createEngine(rules: RuleProperties[]): Engine {
  // A blank or unreadable cell is an undefined fact: its condition fails, and the explanation says why.
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  engine.addOperator("atLeast", (a: unknown, b: unknown) => isNum(a) && isNum(b) && a >= b);
  engine.addOperator("atMost", (a: unknown, b: unknown) => isNum(a) && isNum(b) && a <= b);
  engine.addOperator("above", (a: unknown, b: unknown) => isNum(a) && isNum(b) && a > b);
  engine.addOperator("below", (a: unknown, b: unknown) => isNum(a) && isNum(b) && a < b);
  engine.addOperator("equals", (a: unknown, b: unknown) => a !== undefined && a !== null && a === b);
  return engine;
}

/** The value a reading contributes to the engine: only readable numbers/booleans, nothing else. */
function factValue(r: Reading | undefined): number | boolean | undefined {
  if (!r) return undefined;
  if (r.kind === "number" || r.kind === "boolean") return r.value;
  return undefined;
}

const hasValue = (r: Reading | undefined): boolean => r !== undefined && r.kind !== "missing";

function shortfall(operator: Operator, value: unknown, threshold: ThresholdValue): number | undefined {
  if (!isNum(value) || !isNum(threshold)) return undefined;
  const gap =
    operator === ">=" || operator === ">"
      ? threshold - value
      : operator === "<=" || operator === "<"
        ? value - threshold
        : Math.abs(value - threshold);
  return Math.round(Math.max(gap, 0) * 1e9) / 1e9;
}

interface Compiled {
  thresholds: Record<string, ThresholdValue>;
  engine: Engine;
  /**
   * The engine's verdict on each indicator value it has judged, per indicator (in ruleset order). Every
   * condition compares one fact with a constant, so a value's verdict does not depend on the other facts.
   */
  known: Array<Map<FactValue, boolean>>;
  /** How many verdicts `known` holds. */
  knownCount: number;
  /** Results shared between areas (see explain): per indicator by reading, per criterion by a trie. */
  indicatorResults: Array<Map<Reading, IndicatorResult>>;
  criterionResults: Array<Map<unknown, unknown>>;
  sharedCount: number;
}

/**
 * Verdicts remembered per engine. A district repeats the same few hundred values per indicator ("Đạt",
 * 100%, 95.5%…) over thousands of areas: the engine judges each value once.
 */
const KNOWN_LIMIT = 100_000;

type FactValue = number | boolean | undefined;

type FactValues = FactValue[];

/** One area to assess: its facts, and the engine (thresholds in force) that judges them. */
interface Pending {
  area: AreaInput;
  context: AssessmentContext;
  compiled: Compiled;
  /** The area's readings and fact values, in ruleset order. */
  readings: Array<Reading | undefined>;
  values: FactValues;
}

/**
 * Assesses areas against one ruleset, reusing one json-rules-engine Engine for every area.
 * Thresholds are written into the rule (the engine's fastest form), so a ruleset whose thresholds vary
 * by year or area type gets one Engine per distinct set of thresholds in force — with today's data,
 * exactly one. Runs are queued: json-rules-engine keeps run status on the Engine, so overlapping runs
 * can skip rules; queuing costs no throughput (the work is synchronous JavaScript) and makes any number
 * of concurrent callers (Excel recalculating many cells) safe.
 */
export class Assessor {
  readonly ruleset: Ruleset;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly byContext = new Map<string, Compiled>();
  private readonly byThresholds = new Map<string, Compiled>();
  private runs = 0;
  /** A criterion's trie keys while explain looks for its shared result. */
  private readonly scratch: unknown[] = [];

  /** How much the Assessor remembers (see KNOWN_LIMIT, SHARED_LIMIT); smaller only in tests. */
  private readonly limits: { known: number; shared: number };

  constructor(ruleset: Ruleset, limits: { known?: number; shared?: number } = {}) {
    this.ruleset = ruleset;
    this.limits = { known: limits.known ?? KNOWN_LIMIT, shared: limits.shared ?? SHARED_LIMIT };
  }

  /** Thresholds in force for a year and area type. */
  thresholds(context: AssessmentContext): Record<string, ThresholdValue> {
    return this.compiled(context).thresholds;
  }

  /** How many times an engine actually ran (until each distinct indicator value was judged, see judge). */
  get engineRuns(): number {
    return this.runs;
  }

  /** How many engines this ruleset needed so far (one per distinct set of thresholds in force). */
  get engineCount(): number {
    return this.byThresholds.size;
  }

  private compiled(context: AssessmentContext): Compiled {
    const key = `${context.year ?? ""}|${normaliseAreaType(context.areaType) ?? ""}`;
    let c = this.byContext.get(key);
    if (!c) {
      const thresholds: Record<string, ThresholdValue> = {};
      for (const i of this.ruleset.indicators) thresholds[i.id] = thresholdFor(i, context);
      const signature = JSON.stringify(thresholds);
      c = this.byThresholds.get(signature);
      if (!c) {
        c = {
          thresholds,
          engine: createEngine(toEngineRules(this.ruleset, thresholds)),
          known: this.ruleset.indicators.map(() => new Map()),
          knownCount: 0,
          indicatorResults: this.ruleset.indicators.map(() => new Map()),
          criterionResults: this.ruleset.criteria.map(() => new Map()),
          sharedCount: 0,
        };
        this.byThresholds.set(signature, c);
      }
      this.byContext.set(key, c);
    }
    return c;
  }

  /** Assess one area. The area's own type, if it has one, overrides the context's. */
  assess(area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
    return this.enqueue(async () => (await this.assessNow([area], context))[0]);
  }

  /** Assess many areas as one queued task on the shared engine. */
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
    const indicators = this.ruleset.indicators;
    // Areas mostly share one area type (none): its context and engine are looked up once.
    const byType = new Map<string | undefined, { ctx: AssessmentContext; compiled: Compiled }>();
    const pending: Pending[] = areas.map((area) => {
      const areaType = area.areaType ?? context.areaType;
      let found = byType.get(areaType);
      if (!found) {
        const ctx: AssessmentContext = { year: context.year, areaType };
        byType.set(areaType, (found = { ctx, compiled: this.compiled(ctx) }));
      }
      const readings = indicators.map((i) => area.indicators[i.id]);
      return { area, context: found.ctx, compiled: found.compiled, readings, values: readings.map(factValue) };
    });
    for (const compiled of new Set(pending.map((p) => p.compiled)))
      await this.judge(
        compiled,
        pending.filter((p) => p.compiled === compiled).map((p) => p.values)
      );
    return pending.map((p) => this.explain(p));
  }

  /**
   * Have the engine judge every indicator value of `inputs` it has not judged yet. One run judges one
   * new value of each indicator at once, so a batch needs as many runs as its indicator with the most
   * new values — a few hundred for a district of thousands of areas, where one run per area would be
   * most of the analysis (json-rules-engine clones the rule and chains promises on every run).
   */
  private async judge(compiled: Compiled, inputs: FactValues[]): Promise<void> {
    const { known, engine } = compiled;
    const indicators = this.ruleset.indicators;
    // The values of each indicator the engine has not judged yet, once each.
    const unjudged = (): FactValues[] => {
      const fresh: FactValues[] = indicators.map(() => []);
      const queued = indicators.map(() => new Set<FactValue>());
      for (const values of inputs)
        values.forEach((v, k) => {
          if (!known[k].has(v) && !queued[k].has(v)) {
            queued[k].add(v);
            fresh[k].push(v);
          }
        });
      return fresh;
    };
    let fresh = unjudged();
    if (compiled.knownCount + fresh.reduce((n, f) => n + f.length, 0) > this.limits.known) {
      // Start afresh, and judge again whatever this batch needs.
      for (const m of known) m.clear();
      compiled.knownCount = 0;
      fresh = unjudged();
    }
    const runs = Math.max(0, ...fresh.map((f) => f.length));
    for (let run = 0; run < runs; run++) {
      // Constant facts with caching off: the engine would otherwise hash every value for a cache it never
      // needs (a constant is returned as is), which costs more than the comparisons themselves.
      const facts: Record<string, Fact> = {};
      indicators.forEach((i, k) => (facts[i.id] = new Fact(i.id, fresh[k][run], NO_CACHE)));
      const { results, failureResults } = await engine.run(facts);
      this.runs++;
      const rule = results[0] ?? failureResults[0];
      // The rule's conditions are the indicators, in ruleset order (see toEngineRules).
      const leaves = (rule?.conditions as { all?: Leaf[] } | undefined)?.all ?? [];
      if (leaves.length !== indicators.length || leaves.some((l, k) => l.fact !== indicators[k].id))
        throw new Error(`The engine returned conditions that are not the ruleset's ${indicators.length} indicators.`);
      for (let k = 0; k < indicators.length; k++) {
        if (run >= fresh[k].length) continue;
        known[k].set(fresh[k][run], leaves[k].result === true);
        compiled.knownCount++;
      }
    }
  }

  /**
   * Turn the engine's own condition results into per-indicator and per-criterion explanations. Results
   * are shared (frozen) between areas whose readings are the same objects — readings of a repeated cell
   * value are (see readValue) — so a district of thousands of areas builds each distinct result once.
   */
  private explain({ area, context, compiled, readings }: Pending): AreaAssessment {
    if (compiled.sharedCount > this.limits.shared) {
      for (const m of compiled.indicatorResults) m.clear();
      for (const m of compiled.criterionResults) m.clear();
      compiled.sharedCount = 0;
    }
    const all = this.ruleset.criteria;
    const criteria: CriterionResult[] = new Array(all.length);
    const notMet: string[] = [];
    const missing: string[] = [];
    // The trie's keys for one criterion: the declared status, then each indicator result.
    const keys = this.scratch;
    let n = 0; // indicators in ruleset order, which is criterion order
    for (let ci = 0; ci < all.length; ci++) {
      const c = all[ci];
      const declared = area.criteria[c.id];
      const count = c.indicators.length;
      keys[0] = declared ?? NO_STATUS;
      for (let j = 1; j <= count; j++, n++) keys[j] = this.indicatorResult(compiled, n, readings[n]);
      let at = compiled.criterionResults[ci];
      for (let j = 0; j < count; j++) {
        let next = at.get(keys[j]) as Map<unknown, unknown> | undefined;
        if (!next) at.set(keys[j], (next = new Map()));
        at = next;
      }
      let shared = at.get(keys[count]) as SharedCriterion | undefined;
      if (!shared) {
        shared = criterionResult(c.id, c.indicators, declared, keys.slice(1, count + 1) as IndicatorResult[]);
        at.set(keys[count], shared);
        compiled.sharedCount++;
      }
      criteria[ci] = shared.result;
      if (!shared.result.met) notMet.push(c.id);
      for (let j = 0; j < shared.missing.length; j++) missing.push(shared.missing[j]);
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

  /** Indicator `k`'s result for a reading: the engine's verdict on its value, shared per reading. */
  private indicatorResult(compiled: Compiled, k: number, reading: Reading | undefined): IndicatorResult {
    const r: Reading = reading ?? BLANK_READING;
    const byReading = compiled.indicatorResults[k];
    let result = byReading.get(r);
    if (!result) {
      const i = this.ruleset.indicators[k];
      const threshold = compiled.thresholds[i.id];
      const met = compiled.known[k].get(factValue(r));
      if (met === undefined) throw new Error(`Indicator ${i.id}: a value the engine has not judged.`);
      const status = r.kind === "missing" ? "missing" : r.kind === "unreadable" ? "unreadable" : met ? "met" : "unmet";
      result = Object.freeze({
        indicatorId: i.id,
        criterionId: i.criterionId,
        reading: r,
        unit: i.unit,
        operator: i.operator,
        threshold,
        status,
        met,
        shortfall: status === "unmet" ? shortfall(i.operator, factValue(r), threshold) : undefined,
      });
      byReading.set(r, result);
      compiled.sharedCount++;
    }
    return result;
  }
}

/** A criterion's result, with the ids it adds to an area's "missing" list. */
interface SharedCriterion {
  result: CriterionResult;
  missing: string[];
}

/** Shared results kept per engine before starting afresh (memory stays bounded on any input). */
const SHARED_LIMIT = 200_000;

function criterionResult(
  criterionId: string,
  criterionIndicators: Indicator[],
  declared: Reading | undefined,
  indicators: IndicatorResult[]
): SharedCriterion {
  // Indicator values, where the sheet has any for a criterion, decide it through the engine; a sheet
  // that records only "Đạt/Chưa đạt" for a criterion is taken at its word.
  let basis: CriterionResult["basis"];
  if (indicators.some((r) => r.reading.kind !== "missing")) basis = "indicators";
  else if (hasValue(declared)) basis = "declared";
  else basis = "none";
  const met =
    basis === "declared"
      ? declared?.kind === "boolean" && declared.value
      : basis === "indicators" && indicators.every((r) => r.met);
  const missing: string[] = [];
  if (basis === "indicators") {
    for (const r of indicators) if (r.status === "missing" || r.status === "unreadable") missing.push(r.indicatorId);
  } else if (basis === "declared") {
    if (declared?.kind === "unreadable") missing.push(criterionId);
  } else {
    missing.push(...criterionIndicators.map((i) => i.id));
  }

  return { result: Object.freeze({ criterionId, met, basis, indicators, declared }), missing };
}

/** explain's trie key for "no status column": apart from a blank status cell, whose result keeps it. */
const NO_STATUS = Object.freeze({});

const assessors = new WeakMap<Ruleset, Assessor>();

/** The one Assessor (and Engine) for a ruleset. */
export function assessorFor(ruleset: Ruleset): Assessor {
  let a = assessors.get(ruleset);
  if (!a) {
    a = new Assessor(ruleset);
    assessors.set(ruleset, a);
  }
  return a;
}

/**
 * Why a criterion is met or not, in a sentence, from its verdict. Rendered only where shown: a district's
 * thousands of verdicts rarely all need their sentence, and verdicts stay plain data (safe to send between
 * threads or store).
 */
export function criterionReason(result: CriterionResult): Message {
  const { met, basis, indicators, declared } = result;
  if (basis === "declared") {
    if (declared?.kind === "unreadable") {
      return msg(
        `Không đọc được đánh giá "${String(declared.raw)}".`,
        `Cannot read the status "${String(declared.raw)}".`
      );
    }
    return met
      ? msg("Đạt (theo đánh giá ghi trong bảng).", "Met (status recorded in the sheet).")
      : msg("Chưa đạt (theo đánh giá ghi trong bảng).", "Not met (status recorded in the sheet).");
  }
  if (basis === "none") return msg("Chưa có số liệu.", "No data.");
  if (met) return msg("Đạt: mọi chỉ tiêu đạt ngưỡng.", "Met: every indicator meets its threshold.");
  const vi: string[] = [];
  const en: string[] = [];
  for (const r of indicators) {
    if (r.status === "met") continue;
    if (r.status === "missing") {
      vi.push(`${r.indicatorId} thiếu số liệu`);
      en.push(`${r.indicatorId} has no value`);
    } else if (r.status === "unreadable") {
      vi.push(`${r.indicatorId} không đọc được "${String(r.reading.raw)}"`);
      en.push(`${r.indicatorId} cannot read "${String(r.reading.raw)}"`);
    } else {
      const value: ThresholdValue = r.reading.kind === "number" || r.reading.kind === "boolean" ? r.reading.value : 0;
      const gapVi = r.shortfall !== undefined ? ` (còn thiếu ${formatValue(r.shortfall, r.unit, "vi")})` : "";
      const gapEn = r.shortfall !== undefined ? ` (short by ${formatValue(r.shortfall, r.unit, "en")})` : "";
      vi.push(
        `${r.indicatorId} = ${formatValue(value, r.unit, "vi")}, cần ${formatCondition(r.operator, r.threshold, r.unit, "vi")}${gapVi}`
      );
      en.push(
        `${r.indicatorId} = ${formatValue(value, r.unit, "en")}, needs ${formatCondition(r.operator, r.threshold, r.unit, "en")}${gapEn}`
      );
    }
  }
  return msg(`Chưa đạt: ${vi.join("; ")}.`, `Not met: ${en.join("; ")}.`);
}
