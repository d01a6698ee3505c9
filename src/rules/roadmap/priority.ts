import { AreaPlan } from "./plan-shapes";

/* The roadmap's priority rule: which areas come first. */

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The plan's priority, best first: smaller gap (number of criteria, then effort), then able to mobilise
 * resources, then smaller normalised shortfall, then commune, name and row so the order never depends on
 * how the sheet was sorted.
 */
export function comparePriority(a: AreaPlan, b: AreaPlan): number {
  return (
    a.gap.criteria - b.gap.criteria ||
    a.gap.effort - b.gap.effort ||
    Number(b.canMobilise) - Number(a.canMobilise) ||
    a.gap.shortfall - b.gap.shortfall ||
    byText(a.key, b.key) ||
    byText(a.commune, b.commune) ||
    byText(a.name, b.name) ||
    byText(a.sheet ?? "", b.sheet ?? "") ||
    (a.row ?? a.column ?? Number.MAX_SAFE_INTEGER) - (b.row ?? b.column ?? Number.MAX_SAFE_INTEGER)
  );
}
