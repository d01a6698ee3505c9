import { setMapping, setRuleset } from "../functions/addin-state";
import {
  analyseAndWrite,
  findTable,
  gapHighlights,
  reloadRulesetFromSheet,
  reviewAndWrite,
  saveMapping,
  workbookRuleset,
  WriteOutcome,
  writeOwnSheets,
} from "../rules/analysis";
import { AreaAssessment } from "../rules/assessment";
import { DistrictSummary, summariseDistrict } from "../rules/district-summary";
import { InputError, Language, Problem } from "../rules/message";
import { rulesetSheet } from "../rules/report";
import { RoadmapPlan } from "../rules/roadmap";
import { Ruleset } from "../rules/ruleset";
import { embeddedRuleset } from "../rules/ruleset-document";
import { fromSavedMapping, manualLayout, SkippedRow, TableLayout, toSavedMapping } from "../rules/sheet-table";
import { SETTING_KEYS, SHEET_NAMES, Workbook } from "../rules/workbook";
import { ROADMAP_SETTINGS_KEY, RoadmapSettings, settingsFromJson, settingsToJson } from "./roadmap-settings";
import { errorProblem } from "./strings";

/**
 * What the pane can do, one async function per action: the components get these as props (the test
 * seam); createPaneActions builds them on any Workbook (Office.js in Excel, MemoryWorkbook in tests).
 */
export interface PaneActions {
  /** The ruleset the workbook carries (an officer's correction), else the built-in one. */
  loadRuleset(): Promise<RulesetInfo>;
  /** Find the district table: the saved mapping's sheet first, or (activeSheet) the sheet in view. */
  detect(ruleset: Ruleset, options?: { activeSheet?: boolean }): Promise<Detection>;
  saveMapping(sheet: string, layout: TableLayout): Promise<void>;
  /** Assess every area, write the result sheets, highlight the gaps, remember the mapping. */
  analyse(request: AnalyseRequest): Promise<AnalysisReport>;
  clearHighlights(sheet: string): Promise<number>;
  writeCriteriaSheet(ruleset: Ruleset, language: Language): Promise<WriteOutcome>;
  /** Read the criteria sheet back; an InputError lists every located fault and nothing changes. */
  reloadCriteria(base: Ruleset): Promise<Ruleset>;
  resetCriteria(): Promise<Ruleset>;
  selectArea(sheet: string, row: number): Promise<void>;
  /** The roadmap tab's settings kept in the workbook ({} when none or unreadable). */
  loadRoadmapSettings(): Promise<RoadmapSettings>;
  /** One workbook setting for all of them; of the effort table only the changed criteria are kept. */
  saveRoadmapSettings(settings: RoadmapSettings): Promise<void>;
  /** The yearly review: last roadmap sheet against this year's data, re-planned; InputError when no roadmap yet. */
  review(request: ReviewRequest): Promise<ReviewReport>;
}

export interface RulesetInfo {
  ruleset: Ruleset;
  fromWorkbook: boolean;
  /** A faulty ruleset in the workbook: the built-in one is used and the faults shown. */
  problems: Problem[];
}

export interface Detection {
  sheet: string;
  layout: TableLayout;
  /** "manual": no criterion column was recognised; the header row is offered for mapping by hand. */
  source: "saved" | "detected" | "manual";
  /** Why the table could not be recognised (source "manual"). */
  problems?: Problem[];
}

export interface AnalyseRequest {
  sheet: string;
  layout: TableLayout;
  ruleset: Ruleset;
  year?: number;
  language: Language;
  highlight: boolean;
  /** The roadmap tab's settings; none: the core's defaults (five years from the assessment year). */
  roadmap?: RoadmapSettings;
}

export interface ReviewRequest {
  sheet: string;
  layout: TableLayout;
  ruleset: Ruleset;
  /** This year: roadmap years before it are due, the re-plan starts in it. */
  year: number;
  language: Language;
  roadmap?: RoadmapSettings;
}

export interface ReviewReport {
  year: number;
  due: number;
  reached: number;
  slipped: number;
  early: number;
  /** The re-plan from `year`, now on the roadmap sheets. */
  plan: RoadmapPlan;
  outcome: WriteOutcome;
  /** Faults in the previous roadmap sheet, its areas no longer found. */
  problems: Problem[];
}

export interface AnalysisReport {
  sheet: string;
  assessments: AreaAssessment[];
  summary: DistrictSummary;
  outcome: WriteOutcome;
  /** The name the per-area sheet was written under (another when the user owns the usual one). */
  areasSheet: string;
  highlights: number;
  /** Why the gaps could not be highlighted (a protected sheet); the result sheets are written all the same. */
  highlightProblems: Problem[];
  /** Values the core could not read, located. */
  problems: Problem[];
  skipped: SkippedRow[];
  /** Areas on hidden or filtered-out rows (assessed like the others). */
  hiddenAreas: number;
  /** The roadmap written to the roadmap sheets, and notes on its input. */
  plan?: RoadmapPlan;
  planProblems: Problem[];
}

/** The Workbook plus the one thing only a live host can do: show a row to the user. */
export interface PaneHost extends Workbook {
  selectRow(sheet: string, row: number): Promise<void>;
}

const parse = (text: string | undefined): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

async function ownedSheets(workbook: Workbook): Promise<string[]> {
  const owned = parse(await workbook.loadSetting(SETTING_KEYS.ownedSheets));
  return Array.isArray(owned) ? owned.filter((n): n is string => typeof n === "string") : [];
}

/** The criteria sheet the add-in wrote: its usual name, or "NTM - Bộ tiêu chí (2)" when the user owns that. */
async function criteriaSheetName(workbook: Workbook): Promise<string> {
  const owned = await ownedSheets(workbook);
  const pattern = new RegExp(`^${SHEET_NAMES.ruleset.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(\\d+\\))?$`);
  return owned.find((n) => pattern.test(n)) ?? SHEET_NAMES.ruleset;
}

export function createPaneActions(host: PaneHost): PaneActions {
  return {
    async loadRuleset() {
      try {
        const stored = await host.loadSetting(SETTING_KEYS.ruleset);
        return { ruleset: await workbookRuleset(host), fromWorkbook: !!stored, problems: [] };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { ruleset: embeddedRuleset(), fromWorkbook: false, problems: e.problems };
      }
    },

    async detect(ruleset, options = {}) {
      let sheet: string | undefined;
      if (options.activeSheet) {
        const active = await host.activeSheetName();
        const own = new Set<string>([...Object.values(SHEET_NAMES), ...(await ownedSheets(host))]);
        if (active && !own.has(active)) sheet = active;
      }
      let found: Awaited<ReturnType<typeof findTable>>;
      try {
        found = await findTable(host, ruleset, sheet);
      } catch (e) {
        // No criterion column recognised: offer the sheet's header row to be mapped by hand.
        if (!(e instanceof InputError) || !e.problems.some((p) => p.code === "no-table")) throw e;
        const target = sheet ?? (await host.activeSheetName());
        if (target === undefined) throw e;
        const manual = manualLayout(await host.readSheet(target), ruleset);
        if ("code" in manual) throw e;
        return { sheet: target, layout: manual, source: "manual", problems: e.problems };
      }
      const { data, layout } = found;
      let source: Detection["source"] = "detected";
      if (sheet === undefined) {
        const saved = parse(await host.loadSetting(SETTING_KEYS.mapping));
        const savedSheet =
          saved && typeof saved === "object" && "sheet" in saved ? (saved as { sheet: unknown }).sheet : undefined;
        if (savedSheet === data.name && !("code" in fromSavedMapping(saved, ruleset))) source = "saved";
      }
      return { sheet: data.name, layout, source };
    },

    async saveMapping(sheet, layout) {
      await saveMapping(host, sheet, layout);
      setMapping(toSavedMapping(sheet, layout));
    },

    async analyse(request) {
      const { sheet, layout, ruleset, year, language, roadmap } = request;
      const run = await analyseAndWrite(host, { ruleset, year, sheet, layout, language, highlight: false, roadmap });
      setMapping(toSavedMapping(run.analysis.sheet, run.analysis.layout));
      let highlights = 0;
      const highlightProblems: Problem[] = [];
      if (request.highlight) {
        const hs = gapHighlights(run.analysis, ruleset, year);
        try {
          await host.setHighlights(run.analysis.sheet, hs);
          highlights = hs.length;
        } catch (e) {
          highlightProblems.push(...(e instanceof InputError ? e.problems : [errorProblem(e, run.analysis.sheet)]));
        }
      }
      const hidden = new Set(run.analysis.data.hiddenRows ?? []);
      const assessments = run.analysis.assessments;
      return {
        sheet: run.analysis.sheet,
        assessments,
        summary: summariseDistrict(assessments, ruleset),
        outcome: run.outcome,
        areasSheet: run.outcome.renamed.find((r) => r.wanted === SHEET_NAMES.areas)?.used ?? SHEET_NAMES.areas,
        highlights,
        highlightProblems,
        problems: run.analysis.problems,
        skipped: run.analysis.skipped,
        hiddenAreas: assessments.filter((a) => a.area.row !== undefined && hidden.has(a.area.row - 1)).length,
        plan: run.plan,
        planProblems: run.planProblems,
      };
    },

    clearHighlights(sheet) {
      return host.clearHighlights(sheet);
    },

    writeCriteriaSheet(ruleset, language) {
      return writeOwnSheets(host, [rulesetSheet(ruleset, language)]);
    },

    async reloadCriteria(base) {
      const ruleset = await reloadRulesetFromSheet(host, base, await criteriaSheetName(host));
      setRuleset(ruleset);
      return ruleset;
    },

    async resetCriteria() {
      await host.saveSetting(SETTING_KEYS.ruleset, "");
      setRuleset(undefined);
      return embeddedRuleset();
    },

    selectArea(sheet, row) {
      return host.selectRow(sheet, row);
    },

    async loadRoadmapSettings() {
      return settingsFromJson(await host.loadSetting(ROADMAP_SETTINGS_KEY));
    },

    saveRoadmapSettings(settings) {
      return host.saveSetting(ROADMAP_SETTINGS_KEY, settingsToJson(settings));
    },

    async review(request) {
      const { sheet, layout, ruleset, year, language, roadmap } = request;
      const run = await reviewAndWrite(host, { ruleset, year, sheet, layout, language, roadmap });
      const { review } = run;
      return {
        year: review.year,
        due: review.due,
        reached: review.reached,
        slipped: review.slipped,
        early: review.early,
        plan: review.plan,
        outcome: run.outcome,
        problems: run.problems,
      };
    },
  };
}
