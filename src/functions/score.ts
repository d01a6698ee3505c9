import { AreaAssessment } from "../rules/assessment/assessment";
import { Criterion, Ruleset } from "../rules/ruleset/ruleset";
import { criterionLabel, criterionOrIndicator } from "./criterion-argument";
import { Table, toCell } from "./excel-cells";
import { assessRow, FormulaContext } from "./formula-context";

/** The verdict functions: NTM.SCORE, STATUS, GAPS, GAPLIST and MET, from one assessed row. */

/** NTM.SCORE: how many criteria the row meets. */
export function score(ctx: FormulaContext, values: unknown, headers: unknown): Promise<number> {
  return assessRow(ctx, values, headers).then((r) => r.assessment.metCount);
}

const hasNoData = (a: AreaAssessment): boolean => a.criteria.every((c) => c.basis === "none");

/** NTM.STATUS: "Đạt chuẩn", "Chưa đạt (11/13)", or "Chưa có số liệu" for a row with no values at all. */
export async function status(ctx: FormulaContext, values: unknown, headers: unknown): Promise<string> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (a.meetsAll) return "Đạt chuẩn";
  if (hasNoData(a)) return "Chưa có số liệu";
  return `Chưa đạt (${a.metCount}/${a.total})`;
}

/** A criterion not met only for want of usable values is marked so: the fix is data, not works. */
function gapLabels(ruleset: Ruleset, a: AreaAssessment): string[] {
  return a.criteria
    .filter((r) => !r.met)
    .map((r) => {
      const c = ruleset.criteria.find((x) => x.id === r.criterionId) as Criterion;
      const noData =
        r.basis === "none" ||
        (r.basis === "declared" && r.declared?.kind === "unreadable") ||
        (r.basis === "indicators" && r.indicators.every((i) => i.status !== "unmet"));
      return criterionLabel(c) + (noData ? " (thiếu số liệu)" : "");
    });
}

/** NTM.GAPS: the criteria not met as one text, "" when all are met. */
export async function gaps(ctx: FormulaContext, values: unknown, headers: unknown): Promise<string> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (hasNoData(a)) return "Chưa có số liệu";
  return gapLabels(ctx.ruleset, a).join("; ");
}

/** NTM.GAPLIST: the criteria not met, one per cell, spilling right (or down). */
export async function gapList(
  ctx: FormulaContext,
  values: unknown,
  headers: unknown,
  vertical: unknown
): Promise<Table> {
  const { assessment: a } = await assessRow(ctx, values, headers);
  const labels = hasNoData(a) ? ["Chưa có số liệu"] : gapLabels(ctx.ruleset, a);
  if (labels.length === 0) return [[""]];
  return toCell(vertical) === true ? labels.map((l) => [l]) : [labels];
}

/** NTM.MET: whether the row meets one criterion (or one indicator). */
export async function met(
  ctx: FormulaContext,
  criterion: unknown,
  values: unknown,
  headers: unknown
): Promise<boolean> {
  const target = criterionOrIndicator(ctx.ruleset, criterion);
  const { assessment: a } = await assessRow(ctx, values, headers);
  if (target.criterion) return a.criteria.find((c) => c.criterionId === target.criterion?.id)?.met === true;
  const id = target.indicator?.id;
  for (const c of a.criteria) {
    const r = c.indicators.find((i) => i.indicatorId === id);
    if (r) return r.met;
  }
  return false;
}
