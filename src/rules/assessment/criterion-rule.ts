import { RuleProperties, RuleResult, TopLevelCondition } from "json-rules-engine";
import { LogicOutcome } from "./assessment";
import { Logic, LogicItem, needOf } from "../ruleset/criterion-logic";
import { AssessmentContext, Criterion, Operator, Ruleset, thresholdFor, ThresholdValue } from "../ruleset/ruleset";

/**
 * A criterion as one json-rules-engine rule, and its result read back: the criterion's logic becomes the
 * rule's `all`/`any` blocks, each indicator a condition on the fact of its id with the threshold in force
 * written in.
 *
 * json-rules-engine's own operators. A blank or unreadable value is an undefined fact: the number
 * operators refuse it (their fact validator) and `equal` matches no threshold, so it never meets; a yes/no
 * indicator's fact is a boolean, which the number operators refuse and `equal` compares strictly (1 is not
 * TRUE).
 */
const ENGINE_OPERATOR: Record<Operator, string> = {
  ">=": "greaterThanInclusive",
  "<=": "lessThanInclusive",
  ">": "greaterThan",
  "<": "lessThan",
  "==": "equal",
};

/** The event a criterion's rule fires when the criterion is met. */
export const CRITERION_MET = "criterion-met";

interface FactCondition {
  fact: string;
  operator: string;
  value: ThresholdValue;
}

type Block = { all: Condition[]; name?: string } | { any: Condition[]; name?: string };
type Condition = FactCondition | Block;

/** The k-item combinations of 0..n-1, in lexicographic order. */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      out.push(chosen);
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

function condition(
  item: LogicItem,
  thresholds: Record<string, ThresholdValue>,
  operators: Map<string, Operator>
): Condition {
  if (typeof item === "string") {
    return { fact: item, operator: ENGINE_OPERATOR[operators.get(item) as Operator], value: thresholds[item] };
  }
  const items = item.items.map((i) => condition(i, thresholds, operators));
  if (item.kind === "all") return { all: items };
  if (item.kind === "any") return { any: items };
  // json-rules-engine has all, any and not, but no "at least N of": the same truth, spelled with what it
  // has, is any of the all-blocks of every N items (checkLogic caps the size).
  return {
    name: `at least ${item.count} of ${items.length}`,
    any: combinations(items.length, item.count).map((c) => ({ all: c.map((k) => items[k]) })),
  };
}

/** The criterion's rule, for the thresholds in force. */
export function criterionRule(criterion: Criterion, thresholds: Record<string, ThresholdValue>): RuleProperties {
  const operators = new Map(criterion.indicators.map((i) => [i.id, i.operator]));
  return {
    name: criterion.id,
    conditions: condition(criterion.logic, thresholds, operators) as TopLevelCondition,
    event: { type: CRITERION_MET, params: { criterionId: criterion.id } },
  };
}

/** The thresholds in force for a year and group, by indicator id. */
export function thresholdsInForce(ruleset: Ruleset, context: AssessmentContext): Record<string, ThresholdValue> {
  const thresholds: Record<string, ThresholdValue> = {};
  for (const i of ruleset.indicators) thresholds[i.id] = thresholdFor(i, context);
  return thresholds;
}

/** Every criterion's rule for a year and group: the ruleset as json-rules-engine runs it. */
export function engineRules(ruleset: Ruleset, context: AssessmentContext = {}): RuleProperties[] {
  const thresholds = thresholdsInForce(ruleset, context);
  return ruleset.criteria.map((c) => criterionRule(c, thresholds));
}

/** What the engine said of a criterion for one set of its indicators' values. */
export interface CriterionVerdict {
  met: boolean;
  /** Per indicator of the criterion, in its order: its condition's result, and by how much it fell short. */
  indicators: Array<{ met: boolean; shortfall?: number }>;
  logic: LogicOutcome;
}

/** A condition as the engine hands it back: its own fields, with the result written on. */
interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  fact?: string;
  operator?: string;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

const isNum = (v: unknown): v is number => typeof v === "number";

/** How far a value is from the threshold it failed, from the engine's own fact and value results. */
function shortfall(operator: string | undefined, value: unknown, threshold: unknown): number | undefined {
  if (!isNum(value) || !isNum(threshold)) return undefined;
  const gap =
    operator === "greaterThanInclusive" || operator === "greaterThan"
      ? threshold - value
      : operator === "lessThanInclusive" || operator === "lessThan"
        ? value - threshold
        : Math.abs(value - threshold);
  return Math.round(Math.max(gap, 0) * 1e9) / 1e9;
}

const evaluated = (c: EvaluatedCondition): boolean => {
  if (typeof c.result !== "boolean") throw new Error("json-rules-engine left a condition of a criterion unevaluated.");
  return c.result;
};

/**
 * The engine's result of a criterion's rule, read back along its logic. Every condition of a block is
 * evaluated (they share one priority, so the engine does not stop early) and carries its own result; an
 * item of an "at least N" block is read where it first appears among the combinations.
 */
export function readVerdict(criterion: Criterion, result: RuleResult): CriterionVerdict {
  const leaves = new Map<string, { met: boolean; shortfall?: number }>();
  const outcome = (logic: Logic, block: EvaluatedCondition, met: boolean): LogicOutcome => {
    const conditionOf: (k: number) => EvaluatedCondition =
      logic.kind === "atLeast"
        ? (() => {
            const combos = combinations(logic.items.length, logic.count);
            return (k: number) => {
              const c = combos.findIndex((combo) => combo.includes(k));
              return (block.any?.[c].all ?? [])[combos[c].indexOf(k)];
            };
          })()
        : (k: number) => (block[logic.kind] ?? [])[k];
    const items = logic.items.map((item, k): LogicOutcome["items"][number] => {
      const c = conditionOf(k);
      if (c === undefined) throw new Error(`The engine's result of ${criterion.id} does not follow its logic.`);
      if (typeof item !== "string") return outcome(item, c, evaluated(c));
      const leaf = { met: evaluated(c), shortfall: undefined as number | undefined };
      if (!leaf.met) leaf.shortfall = shortfall(c.operator, c.factResult, c.valueResult);
      leaves.set(item, leaf);
      return Object.freeze({ indicatorId: item, met: leaf.met });
    });
    const held = items.filter((i) => i.met).length;
    return Object.freeze({ kind: logic.kind, need: needOf(logic), held, met, items });
  };
  const logic = outcome(criterion.logic, result.conditions as EvaluatedCondition, result.result === true);
  return Object.freeze({
    met: logic.met,
    indicators: criterion.indicators.map((i) => {
      const leaf = leaves.get(i.id);
      if (!leaf) throw new Error(`The engine's result of ${criterion.id} has no condition for ${i.id}.`);
      return Object.freeze(leaf);
    }),
    logic,
  });
}
