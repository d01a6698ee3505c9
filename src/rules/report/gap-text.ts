import { AreaAssessment, CriterionResult } from "../assessment/assessment";
import { formatCondition, formatValue } from "../format";
import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { logicSummary } from "../assessment/criterion-reason";

/* An area's gaps and missing values in words, as the areas sheet and the documents show them. */

/** "TC02 Thủy lợi: TC02.1 = 65%, cần ≥ 80% (thiếu 15%)" parts for one area, in ruleset order. */
export function gapText(a: AreaAssessment, ruleset: Ruleset, language: Language = "vi"): string {
  const parts: string[] = [];
  for (const c of a.criteria) if (!c.met) parts.push(criterionGapText(c, ruleset, language));
  return parts.join(" | ");
}

function criterionGapText(c: CriterionResult, ruleset: Ruleset, language: Language): string {
  const criterion = ruleset.criteria.find((x) => x.id === c.criterionId);
  const pieces: string[] = [];
  for (const r of c.indicators) {
    if (r.status !== "unmet") continue;
    const v =
      r.reading.kind === "number" || r.reading.kind === "boolean" ? formatValue(r.reading.value, r.unit, language) : "";
    const gap =
      r.shortfall !== undefined
        ? language === "vi"
          ? `, thiếu ${formatValue(r.shortfall, r.unit, language)}`
          : `, short by ${formatValue(r.shortfall, r.unit, language)}`
        : "";
    pieces.push(
      `${r.indicatorId} = ${v} (${language === "vi" ? "cần" : "needs"} ${formatCondition(r.operator, r.threshold, r.unit, language)}${gap})`
    );
  }
  if (c.basis === "declared") pieces.push(language === "vi" ? "đánh giá: chưa đạt" : "recorded: not met");
  const name = criterion ? (language === "vi" ? criterion.nameVi : criterion.nameEn) : "";
  // A criterion met by one of, or N of, its indicators: how many held, and how many it needs.
  const summary = logicSummary(c.logic, language);
  return `${c.criterionId} ${name}${summary ? ` (${summary})` : ""}${pieces.length ? ": " + pieces.join("; ") : ""}`;
}

export function missingText(a: AreaAssessment): string {
  const out: string[] = [];
  for (const c of a.criteria) {
    for (const r of c.indicators) {
      if (r.status === "missing" && c.basis === "indicators") out.push(r.indicatorId);
      if (r.status === "unreadable") out.push(`${r.indicatorId} "${String(r.reading.raw)}"`);
    }
    if (c.basis === "none") out.push(c.criterionId);
    if (c.basis === "declared" && c.declared?.kind === "unreadable")
      out.push(`${c.criterionId} "${String(c.declared.raw)}"`);
  }
  return out.join(", ");
}
