import { LogicOutcome } from "../assessment/assessment";

/**
 * What a criterion not met still needs, by its logic as the engine evaluated it: in an `all` block every
 * item, in an `any` block the closest item, in an "at least N" block the N closest. An item's cost is
 * `cost` for an indicator (0 when met) and, for a nested block, its own cost; a block costs the mean of
 * the items it needs over the number it needs, so that "all of its indicators" costs their mean, as a
 * criterion always has.
 */
export function neededPath(
  outcome: LogicOutcome,
  cost: (indicatorId: string) => number
): { cost: number; indicators: string[] } {
  const items = outcome.items.map((item) =>
    "indicatorId" in item
      ? { cost: item.met ? 0 : cost(item.indicatorId), indicators: item.met ? [] : [item.indicatorId] }
      : neededPath(item, cost)
  );
  // The cheapest items first (a stable sort: ties keep the ruleset's order).
  const chosen = outcome.kind === "all" ? items : [...items].sort((a, b) => a.cost - b.cost).slice(0, outcome.need);
  return {
    cost: chosen.reduce((s, i) => s + i.cost, 0) / Math.max(chosen.length, 1),
    indicators: chosen.flatMap((i) => i.indicators),
  };
}
