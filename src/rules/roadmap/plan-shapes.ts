import { CriterionResult, IndicatorStatus } from "../assessment/assessment";
import { Message, Problem } from "../message";
import { Operator, ThresholdValue, Unit } from "../ruleset/ruleset";
import { EffortClass, EffortTable, Funding, SupportSource } from "./roadmap-effort";

/* The shapes of a roadmap: its options, each area's plan, each year, and the plan as a whole. */

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
