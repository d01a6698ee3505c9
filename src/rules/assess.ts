import { Engine, RuleProperties } from "json-rules-engine";
import { AreaAssessment, AreaInput, CriterionResult, IndicatorResult, Reading } from "./assessment";
import { formatCondition, formatValue } from "./format";
import { msg } from "./message";
import { AssessmentContext, Indicator, normaliseAreaType, Operator, Ruleset, thresholdFor, ThresholdValue } from "./ruleset";

/** json-rules-engine operator names for the ruleset's comparison operators. */
const ENGINE_OPERATOR: Record<Operator, string> = {
  ">=": "atLeast",
  "<=": "atMost",
  "==": "equals",
  ">": "above",
  "<": "below",
};

type Leaf = { fact: string; path?: string; operator: string; value: unknown; result?: boolean; factResult?: unknown };
type Branch = { all?: Array<Leaf | Branch>; any?: Array<Leaf | Branch> };

/**
 * The ruleset as json-rules-engine rules: one rule per criterion, met when all its indicator
 * conditions hold, or (when the sheet records only a status for it) when its declared status is "Đạt".
 * Thresholds are not copied into the rules: each condition compares with the `thresholds` fact, so a
 * threshold that depends on year or area type is resolved once per context, in one place.
 */
export function toEngineRules(ruleset: Ruleset): RuleProperties[] {
  return ruleset.criteria.map((c) => ({
    name: c.id,
    conditions: {
      any: [
        {
          all: c.indicators.map((i) => ({
            fact: i.id,
            operator: ENGINE_OPERATOR[i.operator],
            value: { fact: "thresholds", path: i.id },
          })),
        },
        { fact: "declared", path: c.id, operator: "equal", value: true },
      ],
    },
    event: { type: "criterion-met", params: { criterion: c.id } },
  }));
}

const isNum = (v: unknown): v is number => typeof v === "number";

function createEngine(ruleset: Ruleset): Engine {
  const engine = new Engine(toEngineRules(ruleset), {
    allowUndefinedFacts: true,
    // Facts are flat objects keyed by id ("TC01.1"): plain property access, no JSONPath.
    pathResolver: (object: unknown, path: string) =>
      object !== null && typeof object === "object" ? (object as Record<string, unknown>)[path] : undefined,
  });
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
  const gap = operator === ">=" || operator === ">" ? threshold - value : operator === "<=" || operator === "<" ? value - threshold : Math.abs(value - threshold);
  return Math.round(Math.max(gap, 0) * 1e9) / 1e9;
}

/**
 * Assesses areas against one ruleset with one json-rules-engine Engine, reused for every area.
 * Runs are queued: json-rules-engine keeps run status on the Engine, so overlapping runs on one Engine
 * can skip rules. Queuing costs nothing in throughput (the work is synchronous JavaScript anyway) and
 * makes any number of concurrent callers (Excel recalculating many cells) safe.
 */
export class Assessor {
  readonly ruleset: Ruleset;
  private readonly engine: Engine;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly thresholdCache = new Map<string, Record<string, ThresholdValue>>();

  constructor(ruleset: Ruleset) {
    this.ruleset = ruleset;
    this.engine = createEngine(ruleset);
  }

  /** Thresholds in force for a year and area type, resolved once per context. */
  thresholds(context: AssessmentContext): Record<string, ThresholdValue> {
    const key = `${context.year ?? ""}|${normaliseAreaType(context.areaType) ?? ""}`;
    let t = this.thresholdCache.get(key);
    if (!t) {
      t = {};
      for (const i of this.ruleset.indicators) t[i.id] = thresholdFor(i, context);
      this.thresholdCache.set(key, t);
    }
    return t;
  }

  /** Assess one area. The area's own type, if it has one, overrides the context's. */
  assess(area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
    const ctx: AssessmentContext = { year: context.year, areaType: area.areaType ?? context.areaType };
    const thresholds = this.thresholds(ctx);
    const facts: Record<string, unknown> = { thresholds };
    const declared: Record<string, boolean | undefined> = {};
    for (const c of this.ruleset.criteria) {
      let anyIndicator = false;
      for (const i of c.indicators) {
        const r = area.indicators[i.id];
        if (hasValue(r)) anyIndicator = true;
        facts[i.id] = factValue(r);
      }
      // Indicator values, where the sheet has any for a criterion, take precedence over a declared status.
      declared[c.id] = anyIndicator ? undefined : (factValue(area.criteria[c.id]) as boolean | undefined);
    }
    facts.declared = declared;
    const run = this.queue.then(() => this.engine.run(facts));
    this.queue = run.catch(() => undefined);
    return run.then(({ results, failureResults }) => this.explain(area, ctx, thresholds, [...results, ...failureResults]));
  }

  /** Assess many areas, one after the other on the shared engine. */
  async assessAll(areas: AreaInput[], context: AssessmentContext = {}): Promise<AreaAssessment[]> {
    const out: AreaAssessment[] = [];
    for (const a of areas) out.push(await this.assess(a, context));
    return out;
  }

  /** Turn the engine's own condition results into per-indicator and per-criterion explanations. */
  private explain(
    area: AreaInput,
    context: AssessmentContext,
    thresholds: Record<string, ThresholdValue>,
    ruleResults: Array<{ name: unknown; result: boolean; conditions: unknown }>
  ): AreaAssessment {
    const byName = new Map<unknown, { result: boolean; conditions: unknown }>();
    for (const r of ruleResults) byName.set(r.name, r);
    const criteria: CriterionResult[] = [];
    const notMet: string[] = [];
    const missing: string[] = [];
    for (const c of this.ruleset.criteria) {
      const ruleResult = byName.get(c.id);
      const top = (ruleResult?.conditions as Branch | undefined)?.any ?? [];
      const leaves = ((top[0] as Branch | undefined)?.all ?? []) as Leaf[];
      const indicators: IndicatorResult[] = c.indicators.map((i, k) =>
        this.indicatorResult(i, area.indicators[i.id], thresholds[i.id], leaves[k])
      );
      const declaredReading = area.criteria[c.id];
      const usesIndicators = indicators.some((r) => r.reading.kind !== "missing");
      const met = ruleResult?.result === true;
      let basis: CriterionResult["basis"];
      if (usesIndicators) basis = "indicators";
      else if (hasValue(declaredReading)) basis = "declared";
      else basis = "none";
      if (basis === "indicators") {
        for (const r of indicators) if (r.status === "missing" || r.status === "unreadable") missing.push(r.indicatorId);
      } else if (basis === "declared") {
        if (declaredReading?.kind === "unreadable") missing.push(c.id);
      } else {
        missing.push(...c.indicators.map((i) => i.id));
      }
      if (!met) notMet.push(c.id);
      criteria.push({
        criterionId: c.id,
        met,
        basis,
        indicators,
        declared: declaredReading,
        reason: this.reason(met, basis, indicators, declaredReading),
      });
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

  private indicatorResult(i: Indicator, reading: Reading | undefined, threshold: ThresholdValue, leaf: Leaf | undefined): IndicatorResult {
    const r: Reading = reading ?? { kind: "missing", raw: null };
    const met = leaf?.result === true;
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
      shortfall: status === "unmet" ? shortfall(i.operator, leaf?.factResult, threshold) : undefined,
    };
  }

  private reason(met: boolean, basis: CriterionResult["basis"], indicators: IndicatorResult[], declared: Reading | undefined) {
    if (basis === "declared") {
      if (declared?.kind === "unreadable") {
        return msg(`Không đọc được đánh giá "${String(declared.raw)}".`, `Cannot read the status "${String(declared.raw)}".`);
      }
      return met ? msg("Đạt (theo đánh giá ghi trong bảng).", "Met (status recorded in the sheet).") : msg("Chưa đạt (theo đánh giá ghi trong bảng).", "Not met (status recorded in the sheet).");
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
        vi.push(`${r.indicatorId} = ${formatValue(value, r.unit, "vi")}, cần ${formatCondition(r.operator, r.threshold, r.unit, "vi")}${gapVi}`);
        en.push(`${r.indicatorId} = ${formatValue(value, r.unit, "en")}, needs ${formatCondition(r.operator, r.threshold, r.unit, "en")}${gapEn}`);
      }
    }
    return msg(`Chưa đạt: ${vi.join("; ")}.`, `Not met: ${en.join("; ")}.`);
  }
}

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

export function assessArea(ruleset: Ruleset, area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
  return assessorFor(ruleset).assess(area, context);
}
