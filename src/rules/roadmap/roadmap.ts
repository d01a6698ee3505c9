import { neededPath } from "./criterion-path";
import { AreaAssessment, CriterionResult, IndicatorResult, IndicatorStatus } from "../assessment/assessment";
import { formatNumber, formatValue } from "../format";
import { InputError, Language, Message, msg, Problem, problem } from "../message";
import { foldText, Operator, Ruleset, ThresholdValue, Unit } from "../ruleset/ruleset";
import { communeIdentity } from "../reading/places";
import {
  checkEffortTable,
  CriterionEffort,
  defaultEffortTable,
  EFFORT_WEIGHT,
  EffortClass,
  EffortTable,
  fallbackEffort,
  Funding,
  supportSource,
  SupportSource,
} from "./roadmap-effort";

/**
 * The roadmap (lộ trình) the chairman's letter asks each district for: which areas to bring to the
 * standard in which year, and in each area which criteria first. See `roadmapRules` for the rules as
 * users read them; the code below follows them in the same order.
 */

/** Yearly limits of the plan. */
export interface RoadmapCapacity {
  /** Criterion completions the district can support in a year. */
  completionsPerYear?: number;
  /** State money per year (VND) for direct support (effort table `supportCost`) plus rewards. */
  budgetPerYear?: number;
}

/** A commune named by its district (optional: matches any district) and name. */
export interface CommuneRef {
  district?: string;
  commune: string;
}

export interface RoadmapOptions {
  /** First year in which planned areas can be recognised. */
  startYear: number;
  /** Year by which the district target is due; the last planned year. */
  targetYear: number;
  /** Areas recognised per commune per year: the letter's 2–3. Default { min: 2, max: 3 }. */
  perCommune?: { min: number; max: number };
  /** District target: cumulative recognised (or ready) areas by the target year. */
  target?: number;
  /** Yearly limits; each one given applies. */
  capacity?: RoadmapCapacity;
  /** Effort and funding classes; default `defaultEffortTable()`. */
  effort?: EffortTable;
  /** Communes that already meet the commune standard: the 2–3 per year aim is not set for them. */
  communesMeetingStandard?: CommuneRef[];
  /** Reward (VND) for each newly recognised area. */
  rewardPerArea?: number;
}

/** One unmet indicator of a planned criterion. */
export interface IndicatorGap {
  indicatorId: string;
  status: IndicatorStatus;
  unit: Unit;
  operator: Operator;
  threshold: ThresholdValue;
  /** From IndicatorResult.shortfall, in the indicator's unit. */
  shortfall?: number;
  /** Normalised share still to do, 0–1 (see `gapShare`). */
  share: number;
  /** Which way a numeric value must move to meet the threshold. */
  direction: "raise" | "lower";
}

/** A criterion an area must complete, in the order the plan lists them. */
export interface PlannedCriterion {
  criterionId: string;
  name: Message;
  effort: EffortClass;
  funding: Funding;
  source: SupportSource;
  basis: CriterionResult["basis"];
  /** Normalised share of the criterion still to do, 0–1. */
  share: number;
  gaps: IndicatorGap[];
}

/**
 * How far an area is from the standard, compared in this order:
 * 1. `criteria`: number of criteria not met;
 * 2. `effort`: sum of the effort weights of those criteria (low 1, medium 2, high 3);
 * 3. `shortfall`: sum over those criteria of their normalised share still to do (each 0–1).
 */
export interface GapSize {
  criteria: number;
  effort: number;
  shortfall: number;
}

export interface AreaPlan {
  /** Folded district|commune|name: the identity used to match sheets and years. */
  key: string;
  /** Folded district|commune. */
  communeKey: string;
  district?: string;
  commune: string;
  name: string;
  /** Where the area is: its sheet row, or its sheet column in a sideways table, on `sheet`. */
  row?: number;
  column?: number;
  sheet?: string;
  canMobilise: boolean;
  gap: GapSize;
  steps: PlannedCriterion[];
  /** State support the plan counts for this area (known `supportCost` of its state-supported steps). */
  supportCost: number;
}

export interface CommuneYear {
  district?: string;
  commune: string;
  meetsCommuneStandard: boolean;
  areas: AreaPlan[];
}

/** A commune and how many areas it got in a year. */
export interface CommuneShort extends CommuneRef {
  planned: number;
}

export interface CriterionTally {
  criterionId: string;
  name: Message;
  count: number;
}

export interface RoadmapYear {
  year: number;
  communes: CommuneYear[];
  planned: number;
  /** Projected recognised-or-ready areas at the end of the year, including those at 13/13 at the start. */
  cumulative: number;
  /** Straight path from the start count to the target, rounded up: where the district should be. */
  targetPath?: number;
  completions: number;
  /** Planned completions that are candidates for direct state support, by criterion. */
  stateSupport: CriterionTally[];
  /** Planned completions that rely on community and business mobilisation, by criterion. */
  community: CriterionTally[];
  supportSpending: number;
  rewardSpending: number;
  /** Communes (not at the commune standard) that still had areas but got fewer than the yearly minimum. */
  belowAim: CommuneShort[];
}

export interface DeferredArea {
  area: AreaPlan;
  reason: Message;
}

export interface TargetOutcome {
  target: number;
  reached: number;
  /** First year the projection reaches the target, if it does. */
  yearReached?: number;
  /** Areas missing at the target year (0 when reached). */
  missing: number;
  message: Message;
}

export interface RoadmapPlan {
  rulesetId: string;
  startYear: number;
  targetYear: number;
  perCommune: { min: number; max: number };
  capacity: RoadmapCapacity;
  rewardPerArea: number;
  totalAreas: number;
  /** Areas at 13/13 in the assessments: counted as recognised-or-ready at the start, never planned. */
  alreadyMeeting: number;
  years: RoadmapYear[];
  /** Areas left for after the target year, in priority order. */
  deferred: DeferredArea[];
  outcome?: TargetOutcome;
  /** The rules this plan follows, for the sheet, the pane and the README. */
  rules: Message[];
  /** Warnings about the input that did not stop the plan. */
  notes: Problem[];
  /** The ruleset's status note when its thresholds are provisional: shown wherever the plan is. */
  provisionalNote?: Message;
}

export const DEFAULT_PER_COMMUNE = { min: 2, max: 3 } as const;

// ---------------------------------------------------------------------------------------------
// Identity and gap size

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

/** "TC11.2 còn thiếu 35%", "TC07.1 cần giảm 3%", "TC04.1 chưa đạt", "TC10.1 thiếu số liệu". */
export function indicatorGapText(g: IndicatorGap): Message {
  return msg(gapText(g, "vi"), gapText(g, "en"));
}

/** One language at a time: the roadmap sheet shows one, for thousands of areas. */
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
function areaPlanner(ruleset: Ruleset, effort: EffortTable): (assessment: AreaAssessment) => AreaPlan {
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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

// ---------------------------------------------------------------------------------------------
// Checking the options

function isWholeIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
}

export function checkRoadmapOptions(options: RoadmapOptions): Problem[] {
  const out: Problem[] = [];
  const year = (v: unknown, where: string, vi: string, en: string) => {
    if (!isWholeIn(v, 1990, 2100)) {
      out.push(
        problem(
          "roadmap-year",
          where,
          `${vi} không hợp lệ: "${String(v)}".`,
          `${en} is not a valid year: "${String(v)}".`
        )
      );
      return false;
    }
    return true;
  };
  const okStart = year(options.startYear, "Năm bắt đầu / start year", "Năm bắt đầu", "The start year");
  const okTarget = year(options.targetYear, "Năm mục tiêu / target year", "Năm mục tiêu", "The target year");
  if (okStart && okTarget && options.startYear > options.targetYear) {
    out.push(
      problem(
        "roadmap-years",
        "Năm mục tiêu / target year",
        `Năm mục tiêu (${options.targetYear}) trước năm bắt đầu (${options.startYear}).`,
        `The target year (${options.targetYear}) is before the start year (${options.startYear}).`
      )
    );
  }
  const pc = options.perCommune;
  if (pc) {
    if (!isWholeIn(pc.min, 0, 1000)) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm tối thiểu / min per commune",
          `Phải là số nguyên không âm (đang là "${String(pc.min)}").`,
          `Must be a whole number, 0 or more (got "${String(pc.min)}").`
        )
      );
    }
    if (!isWholeIn(pc.max, 1, 1000)) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm tối đa / max per commune",
          `Phải là số nguyên từ 1 trở lên (đang là "${String(pc.max)}").`,
          `Must be a whole number, 1 or more (got "${String(pc.max)}").`
        )
      );
    } else if (isWholeIn(pc.min, 0, 1000) && pc.min > pc.max) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm / per commune",
          `Tối thiểu (${pc.min}) lớn hơn tối đa (${pc.max}).`,
          `The minimum (${pc.min}) is above the maximum (${pc.max}).`
        )
      );
    }
  }
  const whole = (v: unknown, where: string) => {
    if (v !== undefined && !isWholeIn(v, 0, 1e7)) {
      out.push(
        problem(
          "roadmap-number",
          where,
          `Phải là số nguyên không âm (đang là "${String(v)}").`,
          `Must be a whole number, 0 or more (got "${String(v)}").`
        )
      );
    }
  };
  const amount = (v: unknown, where: string) => {
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      out.push(
        problem(
          "roadmap-money",
          where,
          `Phải là số tiền không âm (đang là "${String(v)}").`,
          `Must be an amount, 0 or more (got "${String(v)}").`
        )
      );
    }
  };
  whole(options.target, "Mục tiêu của huyện / district target");
  whole(options.capacity?.completionsPerYear, "Số tiêu chí hoàn thành được mỗi năm / completions per year");
  amount(options.capacity?.budgetPerYear, "Ngân sách mỗi năm / budget per year");
  amount(options.rewardPerArea, "Mức thưởng mỗi khu / reward per area");
  return out;
}

// ---------------------------------------------------------------------------------------------
// The rules, as users read them

const money = (n: number, language: Language) =>
  `${formatNumber(n, language, 0)} ${language === "vi" ? "đồng" : "VND"}`;

export function roadmapRules(plan: Pick<RoadmapPlan, "perCommune" | "capacity" | "rewardPerArea">): Message[] {
  const { min, max } = plan.perCommune;
  const rules: Message[] = [
    msg(
      "1. Trong mỗi khu, làm trước tiêu chí dễ, cần ít nguồn lực: mức độ thấp, rồi trung bình, rồi cao (cùng mức: theo thứ tự bộ tiêu chí).",
      "1. Within each area, easy criteria needing few resources first: low effort, then medium, then high (same class: ruleset order)."
    ),
    msg(
      "2. Khu gần đạt chuẩn làm trước. Khoảng cách đến chuẩn so theo thứ tự: (a) số tiêu chí chưa đạt; (b) tổng mức độ các tiêu chí đó (thấp 1, trung bình 2, cao 3); (c) tổng phần còn thiếu của các tiêu chí đó, mỗi tiêu chí từ 0 đến 1 (trung bình các chỉ tiêu: mức thiếu chia cho ngưỡng, tối đa 1; chỉ tiêu Có/Không chưa đạt hoặc thiếu số liệu tính 1; tiêu chí “đạt một trong” hoặc “đạt ít nhất N” chỉ tính chỉ tiêu gần đạt nhất, hoặc N chỉ tiêu gần đạt nhất).",
      "2. Areas close to the standard first. The gap is compared in order: (a) number of criteria not met; (b) sum of their effort weights (low 1, medium 2, high 3); (c) sum of their normalised shortfall, each criterion 0–1 (mean over its indicators of shortfall / threshold, capped at 1; an unmet yes/no indicator or a missing value counts 1; a criterion met by one of, or N of, its indicators counts only the closest one, or N)."
    ),
    msg(
      "3. Khu bằng nhau ở (a) và (b): khu có điều kiện huy động nguồn lực làm trước, rồi đến (c).",
      "3. Areas equal on (a) and (b): those able to mobilise resources first, then (c)."
    ),
    msg(
      `4. Mỗi xã chưa đạt chuẩn nông thôn mới: ${min}–${max} khu được công nhận mỗi năm: mọi xã được đủ ${min} khu trước, rồi thêm đến ${max} nếu năng lực còn. Xã đã đạt chuẩn: tối đa ${max} khu/năm, không đặt mức tối thiểu. Khu được đưa vào năm sớm nhất mà các giới hạn cho phép; mục tiêu của huyện được so với kết quả đó.`,
      `4. Each commune not yet at the commune standard: ${min}–${max} areas recognised per year: every commune gets ${min} first, then up to ${max} while the limits allow. Communes already at the standard: at most ${max} a year, no minimum. Each area goes into the earliest year the limits allow; the district target is checked against that.`
    ),
    msg(
      "5. Hỗ trợ trực tiếp của nhà nước dành cho tiêu chí dễ đạt (mức thấp) và tiêu chí khó huy động xã hội hóa; các tiêu chí còn lại dựa vào huy động cộng đồng, doanh nghiệp.",
      "5. Direct state support goes to easy (low-effort) criteria and to criteria hard to fund socially; the others rely on community and business mobilisation."
    ),
  ];
  const cap = plan.capacity;
  if (cap.completionsPerYear !== undefined || cap.budgetPerYear !== undefined) {
    const vi: string[] = [];
    const en: string[] = [];
    if (cap.completionsPerYear !== undefined) {
      vi.push(`tối đa ${cap.completionsPerYear} lượt tiêu chí hoàn thành`);
      en.push(`at most ${cap.completionsPerYear} criterion completions`);
    }
    if (cap.budgetPerYear !== undefined) {
      vi.push(`ngân sách ${money(cap.budgetPerYear, "vi")} (hỗ trợ trực tiếp và thưởng)`);
      en.push(`a budget of ${money(cap.budgetPerYear, "en")} (direct support and rewards)`);
    }
    rules.push(
      msg(
        `6. Giới hạn mỗi năm: ${vi.join(", ")}. Khu không vừa phần còn lại của năm thì chuyển cho khu sau hoặc sang năm sau.`,
        `6. Yearly limits: ${en.join(", ")}. An area that does not fit what is left of the year gives way to the next area or moves to a later year.`
      )
    );
  }
  rules.push(
    msg(
      `${rules.length + 1}. Mỗi khu được công nhận mới được thưởng${plan.rewardPerArea > 0 ? ` ${money(plan.rewardPerArea, "vi")}` : ""}.`,
      `${rules.length + 1}. Each newly recognised area is rewarded${plan.rewardPerArea > 0 ? ` ${money(plan.rewardPerArea, "en")}` : ""}.`
    ),
    msg(
      `${rules.length + 2}. Bằng nhau hoàn toàn thì xếp theo xã, tên khu, số dòng: cùng một bảng luôn cho cùng một lộ trình. Khu đã đạt 13/13 tính là đã đạt chuẩn từ đầu, không lập kế hoạch. Lộ trình được rà soát, lập lại mỗi năm.`,
      `${rules.length + 2}. Full ties are broken by commune, area name and row: the same workbook always gives the same plan. Areas already at 13/13 count as recognised-or-ready from the start and are not planned. The roadmap is reviewed and re-planned every year.`
    )
  );
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Planning

type SkipReason = "commune-full" | "capacity";

interface CommuneState {
  ref: { district?: string; commune: string };
  meetsStandard: boolean;
  remaining: number;
}

/**
 * Plan the roadmap for a set of areas (a district, or a province with the province target).
 * Throws an InputError naming each faulty option; warnings about the areas go to `notes`.
 */
export function planRoadmap(ruleset: Ruleset, assessments: AreaAssessment[], options: RoadmapOptions): RoadmapPlan {
  const problems = checkRoadmapOptions(options);
  if (problems.length > 0) throw new InputError(problems);
  const effort = options.effort ?? defaultEffortTable();
  const perCommune = { ...(options.perCommune ?? DEFAULT_PER_COMMUNE) };
  const capacity: RoadmapCapacity = { ...options.capacity };
  const reward = options.rewardPerArea ?? 0;
  const notes: Problem[] = [...checkEffortTable(effort, ruleset)];

  const alreadyMeeting = assessments.filter((a) => a.meetsAll).length;
  const candidates = assessments
    .filter((a) => !a.meetsAll)
    .map(areaPlanner(ruleset, effort))
    .sort(comparePriority);
  const standardCommunes = options.communesMeetingStandard ?? [];
  notes.push(...inputNotes(assessments, candidates, effort, capacity, standardCommunes));

  const found = new Map<string, CommuneState>();
  for (const a of candidates) {
    let c = found.get(a.communeKey);
    if (!c) {
      const meetsStandard = standardCommunes.some((r) => communeMatches(r, a));
      c = { ref: { district: a.district, commune: a.commune }, meetsStandard, remaining: 0 };
      found.set(a.communeKey, c);
    }
    c.remaining++;
  }
  const communes = new Map([...found.entries()].sort(([a], [b]) => byText(a, b)));

  const cost = (a: AreaPlan) => a.supportCost + reward;
  const years: RoadmapYear[] = [];
  let remaining = candidates;
  let cumulative = alreadyMeeting;
  const yearCount = options.targetYear - options.startYear + 1;
  const skipped = new Map<AreaPlan, SkipReason>();
  const target = options.target;
  for (let k = 0; k < yearCount; k++) {
    const year = options.startYear + k;
    const count = new Map<string, number>();
    const taken = new Set<AreaPlan>();
    let completions = 0;
    let budget = 0;
    // Why an area was passed over matters only in the last year, for the areas left after it.
    const lastYear = k === yearCount - 1;
    const consider = (a: AreaPlan, limit: number): void => {
      const n = count.get(a.communeKey) ?? 0;
      if (n >= limit) {
        if (lastYear) skipped.set(a, "commune-full");
        return;
      }
      const overCompletions =
        capacity.completionsPerYear !== undefined && completions + a.gap.criteria > capacity.completionsPerYear;
      const overBudget = capacity.budgetPerYear !== undefined && budget + cost(a) > capacity.budgetPerYear;
      if (overCompletions || overBudget) {
        if (lastYear) skipped.set(a, "capacity");
        return;
      }
      taken.add(a);
      count.set(a.communeKey, n + 1);
      completions += a.gap.criteria;
      budget += cost(a);
      skipped.delete(a);
    };
    // Pass 1: the yearly minimum in every commune not yet at the commune standard.
    for (let k = 0; k < remaining.length; k++) {
      const a = remaining[k];
      if (!communes.get(a.communeKey)?.meetsStandard) consider(a, perCommune.min);
    }
    // Pass 2: up to the maximum, as far as the limits allow.
    for (let k = 0; k < remaining.length; k++) if (!taken.has(remaining[k])) consider(remaining[k], perCommune.max);
    const chosen = remaining.filter((a) => taken.has(a));
    remaining = remaining.filter((a) => !taken.has(a));
    cumulative += chosen.length;
    const belowAim: CommuneShort[] = [];
    for (const [ck, c] of communes) {
      const n = count.get(ck) ?? 0;
      // Below the minimum while areas were still waiting: a limit (capacity or budget) bound.
      if (!c.meetsStandard && n < perCommune.min && c.remaining > n) belowAim.push({ ...c.ref, planned: n });
      c.remaining -= n;
    }
    years.push(yearOf(year, chosen, communes, cumulative, reward, belowAim));
  }

  if (target !== undefined) {
    // A straight path from the start count to the target (flat when the target is already met).
    const step = Math.max(0, target - alreadyMeeting) / yearCount;
    years.forEach(
      (y, i) => (y.targetPath = target <= alreadyMeeting ? target : Math.ceil(alreadyMeeting + step * (i + 1) - 1e-9))
    );
  }

  const plan: RoadmapPlan = {
    rulesetId: ruleset.id,
    startYear: options.startYear,
    targetYear: options.targetYear,
    perCommune,
    capacity,
    rewardPerArea: reward,
    totalAreas: assessments.length,
    alreadyMeeting,
    years,
    deferred: remaining.map((a) => ({
      area: a,
      reason: deferredReason(a, skipped.get(a), capacity, cost(a), options.targetYear, perCommune.max),
    })),
    rules: [],
    notes,
    provisionalNote: ruleset.provisional ? ruleset.statusNote : undefined,
  };
  plan.rules = roadmapRules(plan);
  if (target !== undefined) plan.outcome = targetOutcome(plan, target, candidates);
  return plan;
}

function yearOf(
  year: number,
  chosen: AreaPlan[],
  communes: Map<string, CommuneState>,
  cumulative: number,
  reward: number,
  belowAim: CommuneShort[]
): RoadmapYear {
  const byCommune = new Map<string, CommuneYear>();
  const tallies = new Map<string, { tally: CriterionTally; source: SupportSource }>();
  let completions = 0;
  let supportSpending = 0;
  for (const a of chosen) {
    let cy = byCommune.get(a.communeKey);
    if (!cy) {
      cy = {
        district: a.district,
        commune: a.commune,
        meetsCommuneStandard: communes.get(a.communeKey)?.meetsStandard ?? false,
        areas: [],
      };
      byCommune.set(a.communeKey, cy);
    }
    cy.areas.push(a);
    completions += a.steps.length;
    supportSpending += a.supportCost;
    for (const s of a.steps) {
      let t = tallies.get(s.criterionId);
      if (!t) {
        t = { tally: { criterionId: s.criterionId, name: s.name, count: 0 }, source: s.source };
        tallies.set(s.criterionId, t);
      }
      t.tally.count++;
    }
  }
  const sorted = [...tallies.values()].sort((a, b) => byText(a.tally.criterionId, b.tally.criterionId));
  return {
    year,
    communes: [...byCommune.entries()].sort(([a], [b]) => byText(a, b)).map(([, c]) => c),
    planned: chosen.length,
    cumulative,
    completions,
    stateSupport: sorted.filter((t) => t.source === "state-support").map((t) => t.tally),
    community: sorted.filter((t) => t.source === "community").map((t) => t.tally),
    supportSpending,
    rewardSpending: chosen.length * reward,
    belowAim,
  };
}

function rowsText(areas: Array<{ row?: number }>): string {
  return areas.map((a) => (a.row !== undefined ? String(a.row) : "?")).join(", ");
}

function inputNotes(
  assessments: AreaAssessment[],
  candidates: AreaPlan[],
  effort: EffortTable,
  capacity: RoadmapCapacity,
  standardCommunes: CommuneRef[]
): Problem[] {
  const out: Problem[] = [];
  const byKey = new Map<string, Array<{ name: string; commune: string; row?: number }>>();
  const keyed = [
    ...candidates.map((a) => ({ key: a.key, area: a })),
    ...assessments.filter((a) => a.meetsAll).map((a) => ({ key: areaKey(a.area), area: a.area })),
  ];
  for (const { key, area } of keyed) {
    const list = byKey.get(key);
    if (list) list.push(area);
    else byKey.set(key, [area]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => (x.row ?? Number.MAX_SAFE_INTEGER) - (y.row ?? Number.MAX_SAFE_INTEGER));
    const a = list[0];
    out.push(
      problem(
        "roadmap-duplicate-area",
        `dòng / rows ${rowsText(list)}`,
        `Khu "${a.name}" (xã ${a.commune}) có ${list.length} dòng; lộ trình và cột người phụ trách không phân biệt được.`,
        `Area "${a.name}" (commune ${a.commune}) has ${list.length} rows; the roadmap and the responsible column cannot tell them apart.`
      )
    );
  }
  for (const r of standardCommunes) {
    const found = assessments.some((a) => communeMatches(r, a.area));
    if (!found) {
      out.push(
        problem(
          "roadmap-unknown-commune",
          "Xã đã đạt chuẩn / communes at the standard",
          `Không có khu nào thuộc xã "${r.commune}".`,
          `No area belongs to commune "${r.commune}".`
        )
      );
    }
  }
  const noData = candidates.filter((a) =>
    a.steps.some((s) => s.basis === "none" || s.gaps.some((g) => g.status !== "unmet"))
  );
  if (noData.length > 0) {
    const names =
      noData
        .slice(0, 5)
        .map((a) => a.name)
        .join(", ") + (noData.length > 5 ? ", …" : "");
    out.push(
      problem(
        "roadmap-missing-data",
        `dòng / rows ${rowsText(noData.slice(0, 5))}${noData.length > 5 ? ", …" : ""}`,
        `${noData.length} khu thiếu số liệu ở một số chỉ tiêu (${names}); lộ trình coi các chỉ tiêu đó là chưa đạt, cần rà soát.`,
        `Areas lacking values for some indicators: ${noData.length} (${names}); the roadmap takes those as not met, to be surveyed.`
      )
    );
  }
  if (capacity.budgetPerYear !== undefined) {
    const used = new Set<string>();
    for (const a of candidates) for (const s of a.steps) if (s.source === "state-support") used.add(s.criterionId);
    const noCost = [...used].filter((id) => effort.criteria[id]?.supportCost === undefined).sort();
    if (noCost.length > 0) {
      out.push(
        problem(
          "roadmap-no-cost",
          `Bảng mức độ / effort table › ${noCost.join(", ")} › support_cost`,
          `Chưa có kinh phí hỗ trợ cho ${noCost.join(", ")}: ngân sách chỉ tính phần đã có số (và tiền thưởng).`,
          `No support cost for ${noCost.join(", ")}: the budget counts only the known costs (and rewards).`
        )
      );
    }
  }
  return out;
}

function deferredReason(
  a: AreaPlan,
  skip: SkipReason | undefined,
  capacity: RoadmapCapacity,
  cost: number,
  targetYear: number,
  max: number
): Message {
  if (capacity.completionsPerYear !== undefined && a.gap.criteria > capacity.completionsPerYear) {
    return msg(
      `Cần ${a.gap.criteria} lượt tiêu chí, nhiều hơn năng lực một năm (${capacity.completionsPerYear}).`,
      `Needs ${a.gap.criteria} criterion completions, more than a year's capacity (${capacity.completionsPerYear}).`
    );
  }
  if (capacity.budgetPerYear !== undefined && cost > capacity.budgetPerYear) {
    return msg(
      `Cần ${money(cost, "vi")}, nhiều hơn ngân sách một năm (${money(capacity.budgetPerYear, "vi")}).`,
      `Needs ${money(cost, "en")}, more than a year's budget (${money(capacity.budgetPerYear, "en")}).`
    );
  }
  if (skip === "capacity") {
    return msg(
      `Năng lực, ngân sách các năm đến ${targetYear} đã dành cho khu ưu tiên hơn; để sau năm ${targetYear}.`,
      `The capacity and budget of the years to ${targetYear} went to areas of higher priority; after ${targetYear}.`
    );
  }
  return msg(
    `Xã đã đủ ${max} khu mỗi năm đến ${targetYear}; để sau năm ${targetYear}.`,
    `The commune has its ${max} areas a year up to ${targetYear}; after ${targetYear}.`
  );
}

function targetOutcome(plan: RoadmapPlan, target: number, candidates: AreaPlan[]): TargetOutcome {
  const last = plan.years[plan.years.length - 1];
  const reached = last ? last.cumulative : plan.alreadyMeeting;
  const yearReached = plan.years.find((y) => y.cumulative >= target)?.year;
  const missing = Math.max(0, target - reached);
  const Y = plan.targetYear;
  if (missing === 0) {
    return {
      target,
      reached,
      yearReached,
      missing,
      message: msg(
        `Dự kiến đạt mục tiêu: ${reached}/${target} khu đạt chuẩn đến năm ${Y} (đạt mục tiêu năm ${yearReached}).`,
        `Target projected to be met: ${reached}/${target} areas at the standard by ${Y} (target reached in ${yearReached}).`
      ),
    };
  }
  // The per-commune cap alone allows each commune min(its areas, max × years).
  const perCommune = new Map<string, number>();
  for (const a of candidates) perCommune.set(a.communeKey, (perCommune.get(a.communeKey) ?? 0) + 1);
  const span = plan.years.length * plan.perCommune.max;
  let capBound = plan.alreadyMeeting;
  for (const n of perCommune.values()) capBound += Math.min(n, span);
  let why: Message;
  if (target > plan.totalAreas) {
    why = msg(
      `Mục tiêu lớn hơn số khu dân cư (${plan.totalAreas}).`,
      `The target exceeds the number of areas (${plan.totalAreas}).`
    );
  } else if (capBound < target) {
    why = msg(
      `Mức tối đa ${plan.perCommune.max} khu/xã/năm chỉ cho phép ${capBound} khu đến năm ${Y}.`,
      `At most ${plan.perCommune.max} areas per commune per year allows only ${capBound} areas by ${Y}.`
    );
  } else {
    why = msg(
      `Giới hạn năng lực, ngân sách hằng năm chỉ cho phép ${reached} khu (mức ${plan.perCommune.max} khu/xã/năm cho phép ${capBound}).`,
      `The yearly capacity and budget limits allow only ${reached} areas (${plan.perCommune.max} per commune per year would allow ${capBound}).`
    );
  }
  return {
    target,
    reached,
    missing,
    message: msg(
      `Không đạt mục tiêu: dự kiến ${reached}/${target} khu đạt chuẩn đến năm ${Y}, còn thiếu ${missing} khu. ${why.vi}`,
      `Target not reachable: ${reached}/${target} areas projected at the standard by ${Y}, ${missing} short. ${why.en}`
    ),
  };
}
