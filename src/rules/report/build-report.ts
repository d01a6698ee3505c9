import { Grid } from "../reading/cell";
import { DossierArea, dossierAreas, dossierAssessments, DossierRef, dossierSheet } from "./dossier";
import { Language, Problem } from "../message";
import { planRoadmap } from "../roadmap/plan";
import { RoadmapOptions, RoadmapPlan } from "../roadmap/plan-shapes";
import { buildRoadmapSheets } from "../roadmap/roadmap-sheet";
import { Ruleset } from "../ruleset/ruleset";
import { ReadingSummary, sourcesSheet } from "./sources-sheet";
import { SheetOutput } from "../workbook";
import { SheetResult } from "./report-labels";
import { severalDistricts, areasSheet } from "./areas-sheet";
import { criteriaSheet } from "./criteria-sheet";
import { communesSheet } from "./communes-sheet";
import { distributionSheet } from "./distribution-sheet";
import { rulesetSheet } from "./ruleset-sheet";
import { provinceSheet } from "./province-sheet";

/* The report as a whole: every sheet, in order, with the roadmap where one is asked for. */

/** Roadmap settings as hosts take them: years default to a five-year plan from the assessment year. */
export interface PlanSettings extends Partial<RoadmapOptions> {
  /** Values of the previous roadmap sheet, whose "Người phụ trách" entries are kept. */
  previous?: Grid;
}

export function planYears(settings: PlanSettings, assessmentYear?: number): { startYear: number; targetYear: number } {
  const startYear = settings.startYear ?? assessmentYear ?? new Date().getFullYear();
  return { startYear, targetYear: settings.targetYear ?? startYear + 4 };
}

/** The roadmap of every assessed area and its two sheets. */
export function roadmapOf(
  results: SheetResult[],
  ruleset: Ruleset,
  settings: PlanSettings = {},
  language: Language = "vi",
  assessmentYear?: number
): { plan: RoadmapPlan; sheets: SheetOutput[]; problems: Problem[] } {
  const { previous, ...options } = settings;
  const plan = planRoadmap(
    ruleset,
    results.flatMap((r) => r.assessments),
    { ...options, ...planYears(settings, assessmentYear) }
  );
  const built = buildRoadmapSheets(plan, { previous, language });
  return { plan, sheets: built.sheets, problems: [...built.problems, ...plan.notes] };
}

/**
 * Every result sheet of an analysis, in the order they are shown: per area, per criterion, per commune,
 * distribution, the province roll-up when there are several districts, the roadmap, the recognition
 * dossier, the ruleset, the tables read (`extra.reading`); and the roadmap plan and the dossier's areas,
 * for hosts that show them and for the Word report. `extra.dossier`: the areas the officer lists (an
 * InputError names any that is not found); none: every area meeting all criteria.
 */
export function buildReport(
  results: SheetResult[],
  ruleset: Ruleset,
  language: Language = "vi",
  roadmap: PlanSettings | false = {},
  assessmentYear?: number,
  extra: { reading?: ReadingSummary; dossier?: DossierRef[] } = {}
): { sheets: SheetOutput[]; plan?: RoadmapPlan; problems: Problem[]; dossier: DossierArea[] } {
  const all = results.flatMap((r) => r.assessments);
  const dossier = dossierAreas(dossierAssessments(all, extra.dossier), ruleset, language);
  const sheets = [
    areasSheet(results, ruleset, language),
    criteriaSheet(results, ruleset, language),
    communesSheet(results, ruleset, language),
    distributionSheet(results, ruleset, language),
  ];
  // Several files, or several units under the province in one: the province roll-up.
  const sources = new Set(results.map((r) => r.source));
  if (sources.size > 1 || severalDistricts(results)) sheets.push(provinceSheet(results, ruleset, language));
  const planned = roadmap === false ? undefined : roadmapOf(results, ruleset, roadmap, language, assessmentYear);
  if (planned) sheets.push(...planned.sheets);
  sheets.push(dossierSheet(dossier, ruleset, { language, listed: (extra.dossier?.length ?? 0) > 0 }));
  sheets.push(rulesetSheet(ruleset, language));
  if (extra.reading) sheets.push(sourcesSheet(extra.reading, language));
  return { sheets, plan: planned?.plan, problems: planned?.problems ?? [], dossier };
}

/**
 * The report's file name, as every host names it: after its one input ("huyen-thanh-ba-bao-cao.xlsx" for
 * "huyen-thanh-ba.xlsx"), or the roll-up's for several.
 */
export function reportFileName(inputs: string[]): string {
  if (inputs.length !== 1) return "bao-cao-ntm-tong-hop.xlsx";
  // The extension goes, not a name that is only one (".xlsx").
  return `${inputs[0].replace(/(.)\.[^.]*$/, "$1")}-bao-cao.xlsx`;
}
