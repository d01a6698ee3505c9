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
  /** The engine's verdicts for inputs (the facts it was given) seen lately, by a hash of the input. */
  seen: Map<number, Array<{ values: FactValues; verdicts: Verdicts }>>;
  /** How many inputs `seen` holds. */
  seenCount: number;
}

/**
 * Inputs remembered per engine. A sheet that records only "Đạt/Chưa đạt" gives every area the same
 * (empty) facts, and areas at 100% everywhere repeat too: the engine runs once for each distinct input.
 */
const SEEN_LIMIT = 10_000;

/** The engine's condition results of one run: each indicator's, in the order of the rule's conditions. */
type Verdicts = boolean[];

type FactValues = Array<number | boolean | undefined>;

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

/** A hash of the facts (FNV-1a over each value's bits): cheaper than any text key, checked on a hit. */
function factsHash(values: FactValues): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    if (typeof v === "number") {
      float[0] = v;
      h = Math.imul(h ^ floatWords[0], 0x01000193);
      h = Math.imul(h ^ floatWords[1], 0x01000193);
    } else h = Math.imul(h ^ (v === undefined ? 0x2f : v ? 0x5b : 0x7d), 0x01000193);
  }
  return h >>> 0;
}

const sameFacts = (a: FactValues, b: FactValues): boolean => a.length === b.length && a.every((v, k) => v === b[k]);

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

  constructor(ruleset: Ruleset) {
    this.ruleset = ruleset;
  }

  /** Thresholds in force for a year and area type. */
  thresholds(context: AssessmentContext): Record<string, ThresholdValue> {
    return this.compiled(context).thresholds;
  }

  /** How many times an engine actually ran (once per distinct input, see SEEN_LIMIT). */
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
          seen: new Map(),
          seenCount: 0,
        };
        this.byThresholds.set(signature, c);
      }
      this.byContext.set(key, c);
    }
    return c;
  }

  /** Assess one area. The area's own type, if it has one, overrides the context's. */
  assess(area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
    return this.enqueue(() => this.run(area, context));
  }

  /** Assess many areas as one queued task: one after the other on the shared engine. */
  assessAll(areas: AreaInput[], context: AssessmentContext = {}): Promise<AreaAssessment[]> {
    return this.enqueue(async () => {
      const out: AreaAssessment[] = [];
      for (const a of areas) out.push(await this.run(a, context));
      return out;
    });
  }

  /** Runs never overlap on an engine: each waits for the one before. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(area: AreaInput, context: AssessmentContext): Promise<AreaAssessment> {
    const ctx: AssessmentContext = { year: context.year, areaType: area.areaType ?? context.areaType };
    const compiled = this.compiled(ctx);
    const { thresholds, engine, seen } = compiled;
    const values: FactValues = this.ruleset.indicators.map((i) => factValue(area.indicators[i.id]));
    const hash = factsHash(values);
    let verdicts = seen.get(hash)?.find((e) => sameFacts(e.values, values))?.verdicts;
    if (!verdicts) {
      // Constant facts with caching off: the engine would otherwise hash every value for a cache it never
      // needs (a constant is returned as is), which costs more than the comparisons themselves.
      const facts: Record<string, Fact> = {};
      this.ruleset.indicators.forEach((i, k) => (facts[i.id] = new Fact(i.id, values[k], NO_CACHE)));
      const { results, failureResults } = await engine.run(facts);
      this.runs++;
      const rule = results[0] ?? failureResults[0];
      verdicts = ((rule?.conditions as { all?: Leaf[] } | undefined)?.all ?? []).map((l) => l.result === true);
      if (compiled.seenCount >= SEEN_LIMIT) {
        seen.clear();
        compiled.seenCount = 0;
      }
      const bucket = seen.get(hash);
      if (bucket) bucket.push({ values, verdicts });
      else seen.set(hash, [{ values, verdicts }]);
      compiled.seenCount++;
    }
    return this.explain(area, ctx, thresholds, verdicts);
  }

  /** Turn the engine's own condition results into per-indicator and per-criterion explanations. */
  private explain(
    area: AreaInput,
    context: AssessmentContext,
    thresholds: Record<string, ThresholdValue>,
    verdicts: Verdicts
  ): AreaAssessment {
    const criteria: CriterionResult[] = [];
    const notMet: string[] = [];
    const missing: string[] = [];
    let n = 0;
    for (const c of this.ruleset.criteria) {
      const indicators: IndicatorResult[] = c.indicators.map((i) =>
        this.indicatorResult(i, area.indicators[i.id], thresholds[i.id], verdicts[n++] === true)
      );
      const declaredReading = area.criteria[c.id];
      // Indicator values, where the sheet has any for a criterion, decide it through the engine; a sheet
      // that records only "Đạt/Chưa đạt" for a criterion is taken at its word.
      let basis: CriterionResult["basis"];
      if (indicators.some((r) => r.reading.kind !== "missing")) basis = "indicators";
      else if (hasValue(declaredReading)) basis = "declared";
      else basis = "none";
      const met =
        basis === "declared"
          ? declaredReading?.kind === "boolean" && declaredReading.value
          : basis === "indicators" && indicators.every((r) => r.met);
      if (basis === "indicators") {
        for (const r of indicators)
          if (r.status === "missing" || r.status === "unreadable") missing.push(r.indicatorId);
      } else if (basis === "declared") {
        if (declaredReading?.kind === "unreadable") missing.push(c.id);
      } else {
        missing.push(...c.indicators.map((i) => i.id));
      }
      if (!met) notMet.push(c.id);
      criteria.push({ criterionId: c.id, met, basis, indicators, declared: declaredReading });
    }
    const metCount = criteria.length - notMet.length;
    return {
      area,
      year: context.year,
      criteria,
      metCount,
      total: criteria.length,
      meetsAll: notMet.length === 0,
      notMet,
      missing,
    };
  }

  private indicatorResult(
    i: Indicator,
    reading: Reading | undefined,
    threshold: ThresholdValue,
    met: boolean
  ): IndicatorResult {
    const r: Reading = reading ?? NO_READING;
    const status = r.kind === "missing" ? "missing" : r.kind === "unreadable" ? "unreadable" : met ? "met" : "unmet";
    return {
      indicatorId: i.id,
      criterionId: i.criterionId,
      reading: r,
      unit: i.unit,
      operator: i.operator,
      threshold,
      status,
      met,
      shortfall: status === "unmet" ? shortfall(i.operator, factValue(r), threshold) : undefined,
    };
  }
}

/** The reading of an indicator the sheet has no column for: one object for all of them (never changed). */
const NO_READING: Reading = Object.freeze({ kind: "missing", raw: null });

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
