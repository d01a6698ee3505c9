import { useEffect, useReducer, useRef } from "react";
import { columnLetter } from "../../rules/reading/cell";
import { ColumnRole } from "../../rules/reading/columns";
import { parseDossierList } from "../../rules/report/dossier";
import { InputError, Language, Problem } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { AnalysisReport, PaneActions, RulesetInfo } from "../actions";
import { RoadmapSettings } from "../../rules/roadmap-settings";
import { errorProblem, Strings } from "../strings";
import {
  AnalyseOptions,
  chosenTables,
  detectionStatus,
  FailureTarget,
  initialPaneState,
  paneReducer,
  PaneState,
  reviewYear,
  Status,
  TabId,
} from "./pane-state";

/** What the pane's components may ask for; each runs one action of `PaneActions` and records its outcome. */
export interface PaneCommands {
  selectTab(tab: TabId): void;
  switchLanguage(english: boolean): void;
  dismissErrors(): void;
  find(activeSheet: boolean): void;
  selectTable(index: number): void;
  includeTable(index: number, included: boolean): void;
  changeRole(column: number, role: ColumnRole | null): void;
  saveMapping(): void;
  analyse(options: AnalyseOptions): void;
  clearHighlights(): void;
  selectArea(area: { sheet?: string; row?: number; column?: number }, name: string): void;
  wordReport(): void;
  downloadReport(): void;
  plan(settings: RoadmapSettings): void;
  review(): void;
  writeCriteria(): void;
  reloadCriteria(): void;
  resetCriteria(): void;
}

export interface PaneController {
  state: PaneState;
  /** The language shown: the page's choice where it makes one, else the pane's own. */
  language: Language;
  ruleset?: Ruleset;
  /** Whether any table is left in to analyse. */
  canAnalyse: boolean;
  reviewYear: number;
  commands: PaneCommands;
}

export interface PaneControllerOptions {
  initialLanguage: Language;
  /** The language, where the page around the pane chooses it. */
  chosenLanguage?: Language;
  /** Both languages' texts: an unexpected failure is worded with them. */
  strings: Record<Language, Strings>;
  onLanguageChange?(language: Language): void;
}

/**
 * The pane's state and actions in one place: state in a reducer (paneReducer), every workbook effect through
 * `actions`, the same for every host (Excel's pane and the web page give different actions, never different
 * logic). While an action runs the pane is busy; its outcome is announced, a failure shown as located problems.
 */
export function usePaneController(actions: PaneActions, options: PaneControllerOptions): PaneController {
  const { strings, chosenLanguage, onLanguageChange } = options;
  const [state, dispatch] = useReducer(paneReducer, options.initialLanguage, initialPaneState);
  const language = chosenLanguage ?? state.language;
  const ruleset = state.rulesetInfo?.ruleset;
  const tables = chosenTables(state);
  const started = useRef(false);

  const problemsOf = (e: unknown): Problem[] => (e instanceof InputError ? e.problems : [errorProblem(e, "", strings)]);

  /** Run one action: busy while it runs, its outcome announced, a failure shown where `target` says. */
  async function perform(work: () => Promise<Status | undefined>, target: FailureTarget = "errors") {
    dispatch({ type: "actionStarted" });
    try {
      dispatch({ type: "actionDone", status: await work() });
    } catch (e) {
      dispatch({ type: "actionFailed", problems: problemsOf(e), target });
    }
  }

  async function find(activeSheet: boolean, withRuleset = ruleset): Promise<Status | undefined> {
    if (!withRuleset) return undefined;
    dispatch({ type: "detecting" });
    const found = await actions.detect(withRuleset, { activeSheet });
    dispatch({ type: "detected", detection: found });
    return detectionStatus(found);
  }

  // Once, on opening: the ruleset the workbook carries, then the table.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void perform(async () => {
      const info = await actions.loadRuleset();
      const roadmapSettings = await actions.loadRoadmapSettings();
      dispatch({ type: "opened", info, roadmapSettings });
      return find(false, info.ruleset);
    }, "opening");
  }, []);

  async function analyse(
    analyseOptions: AnalyseOptions,
    withRuleset = ruleset,
    roadmap = state.roadmapSettings
  ): Promise<AnalysisReport | undefined> {
    if (tables.length === 0 || !withRuleset) return undefined;
    const report = await actions.analyse({
      tables,
      skipped: state.detection?.skipped,
      ruleset: withRuleset,
      year: analyseOptions.year,
      language,
      highlight: analyseOptions.highlight,
      roadmap,
      dossier: parseDossierList(analyseOptions.dossier),
    });
    dispatch({ type: "analysed", report, options: analyseOptions });
    return report;
  }

  /** A new ruleset is in force: the custom functions have it already; results recompute when there were any. */
  async function adopt(info: RulesetInfo, done: Status): Promise<Status> {
    dispatch({ type: "rulesetAdopted", info });
    if (state.report && tables.length > 0) {
      const r = await analyse(state.lastOptions, info.ruleset);
      if (r) return (s) => `${done(s)} ${s.criteriaReloadedRecomputed(r.summary.areas)}`;
    }
    return done;
  }

  const commands: PaneCommands = {
    selectTab: (tab) => dispatch({ type: "tabSelected", tab }),

    switchLanguage(english) {
      const next: Language = english ? "en" : "vi";
      dispatch({ type: "languageChosen", language: next });
      onLanguageChange?.(next);
    },

    dismissErrors: () => dispatch({ type: "errorsDismissed" }),

    find: (activeSheet) => void perform(() => find(activeSheet), "table"),

    selectTable: (index) => dispatch({ type: "tableSelected", index }),

    includeTable: (index, included) => dispatch({ type: "tableIncluded", index, included }),

    changeRole: (column, role) => dispatch({ type: "roleChanged", column, role }),

    saveMapping: () =>
      void perform(async () => {
        if (!state.detection) return undefined;
        await actions.saveMapping(tables);
        dispatch({ type: "mappingSaved" });
        return (s) => s.mappingSaved;
      }),

    analyse: (analyseOptions) =>
      void perform(async () => {
        const r = await analyse(analyseOptions);
        dispatch({ type: "tabSelected", tab: "results" });
        return r ? (s) => s.analysed(r.summary.areas, r.sheets.join("”, “")) : undefined;
      }),

    wordReport: () =>
      void perform(async () => {
        const { report, lastOptions, roadmapSettings } = state;
        if (!report || !ruleset) return undefined;
        const { fileName } = await actions.saveWordReport({
          results: report.results,
          ruleset,
          year: lastOptions.year,
          roadmap: roadmapSettings,
          dossier: parseDossierList(lastOptions.dossier),
        });
        return (s) => s.wordSaved(fileName);
      }),

    downloadReport: () =>
      void perform(async () => {
        const { fileName } = await actions.downloadReport();
        return (s) => s.reportSaved(fileName);
      }),

    clearHighlights: () =>
      void perform(async () => {
        const sheets = state.report?.sheets ?? [...new Set(tables.map((x) => x.sheet))];
        if (sheets.length === 0) return undefined;
        const n = await actions.clearHighlights(sheets);
        dispatch({ type: "highlightsCleared" });
        return (s) => s.cleared(n, sheets.join("”, “"));
      }),

    /** Show an area on its sheet: its row, or its column in a sideways table. */
    selectArea: (area, name) =>
      void perform(async () => {
        await actions.selectArea(area);
        const { row, column } = area;
        if (row !== undefined) return (s) => s.rowSelected(name, row);
        return column !== undefined ? (s) => s.columnSelected(name, columnLetter(column - 1)) : undefined;
      }),

    plan: (settings) =>
      void perform(async () => {
        await actions.saveRoadmapSettings(settings);
        dispatch({ type: "roadmapSettingsSaved", settings });
        const plan = (await analyse(state.lastOptions, ruleset, settings))?.plan;
        return plan ? (s) => s.roadmapPlanned(plan.startYear, plan.targetYear) : undefined;
      }),

    review: () =>
      void perform(async () => {
        if (tables.length === 0 || !ruleset) return undefined;
        dispatch({ type: "reviewing" });
        const review = await actions.review({
          tables,
          ruleset,
          year: reviewYear(state),
          language,
          roadmap: state.roadmapSettings,
        });
        dispatch({ type: "reviewed", review });
        return (s) => s.reviewed(review.year, review.outcome.written[0]);
      }, "review"),

    writeCriteria: () =>
      void perform(async () => {
        if (!ruleset) return undefined;
        const outcome = await actions.writeCriteriaSheet(ruleset, language);
        return (s) =>
          [s.criteriaWritten(outcome.written[0]), ...outcome.renamed.map((r) => s.renamed(r.wanted, r.used))].join(" ");
      }),

    reloadCriteria: () =>
      void perform(async () => {
        if (!ruleset) return undefined;
        const next = await actions.reloadCriteria(ruleset);
        return adopt({ ruleset: next, fromWorkbook: true, problems: [] }, (s) => s.criteriaReloaded);
      }, "criteria"),

    resetCriteria: () =>
      void perform(async () => {
        const next = await actions.resetCriteria();
        return adopt({ ruleset: next, fromWorkbook: false, problems: [] }, (s) => s.criteriaReset);
      }),
  };

  return { state, language, ruleset, canAnalyse: tables.length > 0, reviewYear: reviewYear(state), commands };
}
