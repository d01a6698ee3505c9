import { TableChoice } from "../../rules/analysis/analysis-shapes";
import { ColumnRole } from "../../rules/reading/columns";
import { Language, Problem } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { withOverride } from "../../rules/reading/sheet-table";
import { AnalysisReport, Detection, ReviewReport, RulesetInfo } from "../actions";
import { RoadmapSettings } from "../../rules/roadmap-settings";
import { Strings } from "../strings";

export type TabId = "table" | "results" | "criteria" | "roadmap";

/** The Results tab's choices, kept for the roadmap and the Word report of the same analysis. */
export interface AnalyseOptions {
  year?: number;
  highlight: boolean;
  /** The officer's list of areas for the recognition dossier, as typed ("Xã A/Khu 1; …"). */
  dossier: string;
}

/** A message for the live region, rendered in whichever language is current. */
export type Status = (t: Strings) => string;

/** Everything the pane shows that is not a form being typed: one value, changed only by paneReducer. */
export interface PaneState {
  language: Language;
  tab: TabId;
  rulesetInfo?: RulesetInfo;
  detection?: Detection;
  /** The table of `detection` shown in the table tab. */
  selected: number;
  /** The user changed the mapping since it was found or saved. */
  dirty: boolean;
  detectProblems: Problem[];
  report?: AnalysisReport;
  lastOptions: AnalyseOptions;
  criteriaProblems: Problem[];
  /** How many faults refused the last reload of the criteria sheet. */
  refusedCount?: number;
  roadmapSettings: RoadmapSettings;
  review?: ReviewReport;
  reviewProblems: Problem[];
  busy: boolean;
  status?: Status;
  errors: Problem[];
}

/** Notes on a saved column mapping that was set aside (see findTables): untrue once the mappings are saved again. */
const MAPPING_NOTES = new Set(["stored-mapping", "saved-mapping"]);
const withoutMappingNotes = (problems: Problem[]): Problem[] => problems.filter((p) => !MAPPING_NOTES.has(p.code));

/** Where a failed action's problems are shown: the error bar, or the tab the action belongs to. */
export type FailureTarget = "errors" | "table" | "opening" | "review" | "criteria";

export type PaneEvent =
  | { type: "actionStarted" }
  | { type: "actionDone"; status?: Status }
  | { type: "actionFailed"; problems: Problem[]; target: FailureTarget }
  | { type: "errorsDismissed" }
  | { type: "tabSelected"; tab: TabId }
  | { type: "languageChosen"; language: Language }
  | { type: "opened"; info: RulesetInfo; roadmapSettings: RoadmapSettings }
  | { type: "detecting" }
  | { type: "detected"; detection: Detection }
  | { type: "tableSelected"; index: number }
  | { type: "tableIncluded"; index: number; included: boolean }
  | { type: "roleChanged"; column: number; role: ColumnRole | null }
  | { type: "mappingSaved" }
  | { type: "analysed"; report: AnalysisReport; options: AnalyseOptions }
  | { type: "highlightsCleared" }
  | { type: "roadmapSettingsSaved"; settings: RoadmapSettings }
  | { type: "reviewing" }
  | { type: "reviewed"; review: ReviewReport }
  | { type: "rulesetAdopted"; info: RulesetInfo };

export function initialPaneState(language: Language): PaneState {
  return {
    language,
    tab: "table",
    selected: 0,
    dirty: false,
    detectProblems: [],
    lastOptions: { highlight: true, dossier: "" },
    criteriaProblems: [],
    roadmapSettings: {},
    reviewProblems: [],
    busy: false,
    errors: [],
  };
}

/** The tables the user left in, as the analysis takes them. */
export function chosenTables(state: PaneState): TableChoice[] {
  return (state.detection?.tables ?? [])
    .filter((x) => x.included)
    .map((x) => ({ sheet: x.sheet, layout: x.layout, detected: x.source === "detected" && !x.edited }));
}

/** The yearly review runs for the assessment year, else the roadmap's start year, else this year. */
export function reviewYear(state: PaneState, now: Date = new Date()): number {
  return state.lastOptions.year ?? state.roadmapSettings.startYear ?? now.getFullYear();
}

/** What the live region says after the tables were found. */
export function detectionStatus(found: Detection): Status | undefined {
  const first = found.tables[0];
  if (!first) return undefined;
  if (first.source === "manual") return (s) => s.tableManual(first.sheet);
  if (found.tables.length === 1) return (s) => s.tableFound(first.sheet, first.layout.columns.length);
  const sheets = [...new Set(found.tables.map((x) => `“${x.sheet}”`))].join(", ");
  return (s) => s.tablesFound(found.tables.length, sheets);
}

function failed(state: PaneState, problems: Problem[], target: FailureTarget): PaneState {
  const done = { ...state, busy: false };
  switch (target) {
    case "errors":
      return { ...done, errors: problems };
    case "table":
      return { ...done, detection: undefined, detectProblems: problems };
    case "opening":
      // Nothing to find yet (an empty or unrelated sheet) is not an error on opening: shown in the table tab.
      return { ...done, detectProblems: problems };
    case "review":
      return { ...done, review: undefined, reviewProblems: problems };
    case "criteria":
      return { ...done, criteriaProblems: problems, refusedCount: problems.length, tab: "criteria" };
  }
}

/** The tables of `detection` with one of them changed. */
function withTable(
  state: PaneState,
  index: number,
  change: (table: Detection["tables"][number]) => Detection["tables"][number]
): PaneState {
  const table = state.detection?.tables[index];
  if (!state.detection || !table) return state;
  const tables = [...state.detection.tables];
  tables[index] = change(table);
  return { ...state, detection: { ...state.detection, tables }, dirty: true };
}

/** The pane's state after one event: pure, so every transition is tested without React or a workbook. */
export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case "actionStarted":
      return { ...state, busy: true, errors: [], status: undefined };
    case "actionDone":
      return { ...state, busy: false, status: event.status };
    case "actionFailed":
      return failed(state, event.problems, event.target);
    case "errorsDismissed":
      return { ...state, errors: [] };
    case "tabSelected":
      return { ...state, tab: event.tab };
    case "languageChosen":
      return { ...state, language: event.language };
    case "opened":
      return {
        ...state,
        rulesetInfo: event.info,
        criteriaProblems: event.info.problems,
        roadmapSettings: event.roadmapSettings,
      };
    case "detecting":
      return { ...state, detectProblems: [] };
    case "detected":
      return {
        ...state,
        detection: event.detection,
        selected: 0,
        dirty: false,
        report: undefined,
        detectProblems: event.detection.problems ?? [],
      };
    case "tableSelected":
      return { ...state, selected: event.index };
    case "tableIncluded":
      return withTable(state, event.index, (t) => ({ ...t, included: event.included }));
    case "roleChanged": {
      const ruleset: Ruleset | undefined = state.rulesetInfo?.ruleset;
      if (!ruleset) return state;
      return withTable(state, state.selected, (t) => ({
        ...t,
        layout: withOverride(t.layout, event.column, event.role, ruleset),
        edited: true,
      }));
    }
    case "mappingSaved":
      if (!state.detection) return state;
      return {
        ...state,
        dirty: false,
        detectProblems: withoutMappingNotes(state.detectProblems),
        detection: {
          ...state.detection,
          tables: state.detection.tables.map((x) => (x.included ? { ...x, source: "saved" as const } : x)),
        },
      };
    case "analysed": {
      const { report } = event;
      const next: PaneState = {
        ...state,
        report,
        review: undefined,
        reviewProblems: [],
        lastOptions: event.options,
        dirty: false,
        // The analysis saved the tables' mappings: a note on the old setting no longer holds.
        detectProblems: withoutMappingNotes(state.detectProblems),
      };
      if (!state.detection) return next;
      // The tables as read and saved (a table read again the other way round shows its rows now), then
      // those left out.
      const read = report.tables.map((t) => ({
        sheet: t.sheet,
        layout: t.layout,
        range: t.range,
        source: "saved" as const,
        included: true,
      }));
      const left = state.detection.tables.filter((x) => !x.included);
      return { ...next, detection: { ...state.detection, tables: [...read, ...left] }, selected: 0 };
    }
    case "highlightsCleared":
      return state.report ? { ...state, report: { ...state.report, highlights: 0 } } : state;
    case "roadmapSettingsSaved":
      return { ...state, roadmapSettings: event.settings };
    case "reviewing":
      return { ...state, reviewProblems: [] };
    case "reviewed":
      return { ...state, review: event.review };
    case "rulesetAdopted":
      return { ...state, rulesetInfo: event.info, criteriaProblems: [], refusedCount: undefined };
  }
}
