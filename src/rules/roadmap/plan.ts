import { AreaAssessment } from "../assessment/assessment";
import { InputError, Problem } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { checkEffortTable, defaultEffortTable, SupportSource } from "./roadmap-effort";
import {
  RoadmapCapacity,
  RoadmapOptions,
  AreaPlan,
  CommuneYear,
  CommuneShort,
  CriterionTally,
  RoadmapYear,
  RoadmapPlan,
  DEFAULT_PER_COMMUNE,
} from "./plan-shapes";
import { communeMatches, areaPlanner } from "./area-plan";
import { byText, comparePriority } from "./priority";
import { checkRoadmapOptions, roadmapRules } from "./plan-options";
import { inputNotes, deferredReason, targetOutcome } from "./plan-notes";

/**
 * The roadmap (lộ trình) the chairman's letter asks each district for: which areas to bring to the
 * standard in which year, and in each area which criteria first. See `roadmapRules` for the rules as
 * users read them; the code below follows them in the same order.
 */

export type SkipReason = "commune-full" | "capacity";

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
