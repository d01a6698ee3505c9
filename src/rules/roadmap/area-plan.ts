import { neededPath } from "./criterion-path";
import { AreaAssessment, CriterionResult, IndicatorResult } from "../assessment/assessment";
import { formatValue } from "../format";
import { Language, Message, msg } from "../message";
import { foldText, Ruleset } from "../ruleset/ruleset";
import { communeIdentity } from "../reading/places";
import {
  CriterionEffort,
  defaultEffortTable,
  EFFORT_WEIGHT,
  EffortTable,
  fallbackEffort,
  supportSource,
} from "./roadmap-effort";
import { CommuneRef, IndicatorGap, PlannedCriterion, AreaPlan } from "./plan-shapes";

/* One area's plan: its identity, the criteria it still needs (low effort first) and the size of its gap. */

/**
 * The identity of an area across sheets and years: folded district (where the workbook names one), the
 * commune's identity (its name without "Xã"/"Phường", see communeIdentity) and the area's name.
 */
export function areaKey(area: { district?: string; commune: string; name: string }): string {
  return `${communeKey(area)}|${foldText(area.name)}`;
}

/**
 * Whether a commune reference (a commune at the standard, as the officer names it) is this area's
 * commune: the same folded name, and the same folded district unless the reference names none.
 */
export function communeMatches(ref: CommuneRef, commune: { district?: string; commune: string }): boolean {
  return (
    communeIdentity(ref.commune) === communeIdentity(commune.commune) &&
    (ref.district === undefined || foldText(ref.district) === foldText(commune.district ?? ""))
  );
}

/** A commune's key: the per-commune yearly cap counts areas by it. */
function communeKey(area: { district?: string; commune: string }): string {
  return `${foldText(area.district ?? "")}|${communeIdentity(area.commune)}`;
}

/** Each criterion of a ruleset with its position and name. */
function criterionIndex(ruleset: Ruleset): Map<string, { order: number; name: Message }> {
  return new Map(ruleset.criteria.map((c, order) => [c.id, { order, name: msg(c.nameVi, c.nameEn) }]));
}

/**
 * Normalised share of an indicator still to do: 0 when met; shortfall / |threshold| (threshold at least 1),
 * capped at 1, for a numeric value; 1 for an unmet yes/no, a missing or an unreadable value.
 */
export function gapShare(r: IndicatorResult): number {
  if (r.met) return 0;
  if (r.status === "unmet" && r.shortfall !== undefined && typeof r.threshold === "number") {
    return Math.min(1, r.shortfall / Math.max(Math.abs(r.threshold), 1));
  }
  return 1;
}

/**
 * A criterion judged on its indicators: the mean of their shares, over those its logic needs (the closest
 * one of "một trong", the N closest of "ít nhất N"), and the indicators to work on; judged by a status or on
 * nothing: 1, none.
 */
function criterionPath(c: CriterionResult): { share: number; indicators: Set<string> } {
  if (c.basis !== "indicators" || !c.logic) return { share: 1, indicators: new Set() };
  const byId = new Map(c.indicators.map((r) => [r.indicatorId, r]));
  const path = neededPath(c.logic, (id) => gapShare(byId.get(id) as IndicatorResult));
  return { share: path.cost, indicators: new Set(path.indicators) };
}

function direction(r: IndicatorResult): IndicatorGap["direction"] {
  if (r.operator === "<=" || r.operator === "<") return "lower";
  const value = r.reading.kind === "number" ? r.reading.value : undefined;
  return r.operator === "==" && value !== undefined && typeof r.threshold === "number" && value > r.threshold
    ? "lower"
    : "raise";
}

function plannedCriterion(c: CriterionResult, name: Message, e: CriterionEffort): PlannedCriterion {
  const gaps: IndicatorGap[] = [];
  const path = criterionPath(c);
  if (c.basis === "indicators") {
    for (const r of c.indicators) {
      if (r.met || !path.indicators.has(r.indicatorId)) continue;
      gaps.push({
        indicatorId: r.indicatorId,
        status: r.status,
        unit: r.unit,
        operator: r.operator,
        threshold: r.threshold,
        shortfall: r.shortfall,
        share: gapShare(r),
        direction: direction(r),
      });
    }
  }
  return {
    criterionId: c.criterionId,
    name,
    effort: e.effort,
    funding: e.funding,
    source: supportSource(e),
    basis: c.basis,
    share: path.share,
    gaps,
  };
}

/**
 * "TC11.2 còn thiếu 35%", "TC07.1 cần giảm 3%", "TC04.1 chưa đạt", "TC10.1 thiếu số liệu": one language at
 * a time, the roadmap sheet shows one, for thousands of areas.
 */
function gapText(g: IndicatorGap, language: Language): string {
  const vi = language === "vi";
  if (g.status === "missing") return `${g.indicatorId} ${vi ? "thiếu số liệu" : "no data"}`;
  if (g.status === "unreadable") return `${g.indicatorId} ${vi ? "không đọc được" : "unreadable"}`;
  if (g.shortfall === undefined) return `${g.indicatorId} ${vi ? "chưa đạt" : "not yet"}`;
  const amount = formatValue(g.shortfall, g.unit, language);
  if (g.direction === "lower")
    return vi ? `${g.indicatorId} cần giảm ${amount}` : `${g.indicatorId} ${amount} too high`;
  return vi ? `${g.indicatorId} còn thiếu ${amount}` : `${g.indicatorId} short by ${amount}`;
}

/** "TC11 Văn hóa (TC11.1 chưa đạt; TC11.2 còn thiếu 35%)". */
export function plannedCriterionText(s: PlannedCriterion): Message {
  return msg(criterionText(s, "vi"), criterionText(s, "en"));
}

function criterionText(s: PlannedCriterion, language: Language): string {
  const vi = language === "vi";
  const detail =
    s.basis === "declared"
      ? vi
        ? "chưa đạt theo đánh giá"
        : "not met by recorded status"
      : s.basis === "none"
        ? vi
          ? "thiếu số liệu"
          : "no data"
        : s.gaps.map((g) => gapText(g, language)).join("; ");
  return `${s.criterionId} ${s.name[language]} (${detail})`;
}

/** An area's criteria in plan order, numbered: "1) TC13 … ; 2) TC01 …". */
export function stepsText(a: AreaPlan, language: Language): string {
  return a.steps.map((s, i) => `${i + 1}) ${criterionText(s, language)}`).join("; ");
}

/** An area's planned criteria (low effort first, then ruleset order) and its gap size. */
export function planArea(
  assessment: AreaAssessment,
  ruleset: Ruleset,
  effort: EffortTable = defaultEffortTable()
): AreaPlan {
  return areaPlanner(ruleset, effort)(assessment);
}

/**
 * planArea for many areas of one plan. Criterion results are shared between areas with the same
 * readings (see Assessor), so each is planned once per planner; the planner lives as long as the plan.
 */
export function areaPlanner(ruleset: Ruleset, effort: EffortTable): (assessment: AreaAssessment) => AreaPlan {
  const index = criterionIndex(ruleset);
  const order = (id: string) => index.get(id)?.order ?? index.size;
  const planned = new Map<CriterionResult, PlannedCriterion>();
  const plan = (c: CriterionResult): PlannedCriterion => {
    let step = planned.get(c);
    if (!step) {
      const name = index.get(c.criterionId)?.name ?? msg(c.criterionId, c.criterionId);
      step = plannedCriterion(c, name, effort.criteria[c.criterionId] ?? fallbackEffort(c.criterionId));
      planned.set(c, step);
    }
    return step;
  };
  return (assessment) => {
    const steps = assessment.criteria
      .filter((c) => !c.met)
      .map(plan)
      .sort((a, b) => EFFORT_WEIGHT[a.effort] - EFFORT_WEIGHT[b.effort] || order(a.criterionId) - order(b.criterionId));
    return areaPlan(assessment, steps, effort);
  };
}

function areaPlan(assessment: AreaAssessment, steps: PlannedCriterion[], effort: EffortTable): AreaPlan {
  const area = assessment.area;
  let supportCost = 0;
  for (const s of steps)
    if (s.source === "state-support") supportCost += effort.criteria[s.criterionId]?.supportCost ?? 0;
  const commune = communeKey(area);
  return {
    key: `${commune}|${foldText(area.name)}`,
    communeKey: commune,
    district: area.district,
    commune: area.commune,
    name: area.name,
    row: area.row,
    ...(area.column !== undefined ? { column: area.column } : {}),
    ...(area.sheet !== undefined ? { sheet: area.sheet } : {}),
    canMobilise: area.canMobilise === true,
    gap: {
      criteria: steps.length,
      effort: steps.reduce((s, c) => s + EFFORT_WEIGHT[c.effort], 0),
      // Rounded so that float noise never decides an order.
      shortfall: Math.round(steps.reduce((s, c) => s + c.share, 0) * 1e9) / 1e9,
    },
    steps,
    supportCost,
  };
}
