import { setMappings, setRuleset } from "../functions/addin-state";
import { analyseAndWrite, reviewAndWrite } from "../rules/analysis/runs";
import { reloadRulesetFromSheet, saveMappings, WriteOutcome, writeOwnSheets } from "../rules/analysis/own-sheets";
import { TableChoice } from "../rules/analysis/analysis-shapes";
import { workbookRuleset } from "../rules/analysis/analyse";
import { AreaAssessment } from "../rules/assessment/assessment";
import { DistrictSummary, summariseDistrict } from "../rules/report/district-summary";
import { InputError, Language, Problem } from "../rules/message";
import type { Rasterizer } from "../documents/chart-picture";
import { DossierRef } from "../rules/report/dossier";
import { rulesetSheet } from "../rules/report/ruleset-sheet";
import { SheetResult } from "../rules/report/report-labels";
import { RoadmapPlan } from "../rules/roadmap/plan-shapes";
import { readRoadmapSettings, RoadmapSettings, roadmapSettingsToDocument } from "../rules/roadmap-settings";
import { Ruleset } from "../rules/ruleset/ruleset";
import { embeddedRuleset } from "../rules/ruleset/ruleset-document";
import { manualLayout, SkippedRow, TableLayout, toSavedMapping } from "../rules/reading/sheet-table";
import { findTables, SkippedSheet, tableRange, tablesOfSheet } from "../rules/reading/table-finder";
import { areaLine } from "../rules/reading/orientation";
import { SETTING_KEYS, SHEET_NAMES, SheetData, Workbook } from "../rules/workbook";
import { FileSaver } from "./file-saver";

/**
 * What the pane can do, one async function per action: the components get these as props (the test
 * seam); createPaneActions builds them on any Workbook (Office.js in Excel, MemoryWorkbook in tests).
 */
export interface PaneActions {
  /** The ruleset the workbook carries (an officer's correction), else the built-in one. */
  loadRuleset(): Promise<RulesetInfo>;
  /** Find every table of the workbook (saved mappings first), or (activeSheet) those of the sheet in view. */
  detect(ruleset: Ruleset, options?: { activeSheet?: boolean }): Promise<Detection>;
  /** Keep the mapping of these tables (the user's corrections) in the workbook and give it to the functions. */
  saveMapping(tables: TableChoice[]): Promise<void>;
  /** Assess every area of the tables, write the result sheets, highlight the gaps, remember the mappings. */
  analyse(request: AnalyseRequest): Promise<AnalysisReport>;
  clearHighlights(sheets: string[]): Promise<number>;
  writeCriteriaSheet(ruleset: Ruleset, language: Language): Promise<WriteOutcome>;
  /** Read the criteria sheet back; an InputError lists every located fault and nothing changes. */
  reloadCriteria(base: Ruleset): Promise<Ruleset>;
  resetCriteria(): Promise<Ruleset>;
  /** Show an area: its sheet activated, its row (or its column, sideways) selected. */
  selectArea(area: { sheet?: string; row?: number; column?: number }): Promise<void>;
  /** The roadmap tab's settings kept in the workbook, an "ntm-roadmap/1" document ({} when none or unreadable). */
  loadRoadmapSettings(): Promise<RoadmapSettings>;
  /** One workbook setting for all of them; of the effort table only the changed criteria are kept. */
  saveRoadmapSettings(settings: RoadmapSettings): Promise<void>;
  /** The yearly review: last roadmap sheet against this year's data, re-planned; InputError when no roadmap yet. */
  review(request: ReviewRequest): Promise<ReviewReport>;
  /** Whether this host lets the pane hand the user a file (Excel on the web: yes; on Windows and Mac: no). */
  canSaveFiles(): boolean;
  /** The Word report of the last analysis, made as the command line makes it, handed to the user. */
  saveWordReport(request: WordReportRequest): Promise<{ fileName: string }>;
  /** What this host offers: the components show only that. */
  readonly features: HostFeatures;
  /** The result sheets written so far, handed to the user as one report file (where `features.downloadReport`). */
  downloadReport(): Promise<{ fileName: string }>;
}

export interface WordReportRequest {
  /** The analysed tables, as AnalysisReport.results has them. */
  results: SheetResult[];
  ruleset: Ruleset;
  year?: number;
  roadmap?: RoadmapSettings;
  dossier?: DossierRef[];
}

/** What the pane needs to make documents: charts drawn as pictures, and a way to give the file to the user. */
export interface DocumentTools {
  rasterizer: Rasterizer;
  saver: FileSaver;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "bao-cao-khu-dan-cu-ntm-2025-12-03.docx" */
const wordFileName = (today: Date): string =>
  `bao-cao-khu-dan-cu-ntm-${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}.docx`;

/**
 * What a host can do beyond reading and writing sheets. Excel does all of it but the download (its results are
 * sheets of the open workbook); the web page works on files it may not change, so it does none of it but that.
 */
export interface HostFeatures {
  /** Gaps highlighted on the user's own sheets, and those highlights cleared. */
  highlights: boolean;
  /** An area's row (or column) selected on its sheet when the user picks the area. */
  selectAreas: boolean;
  /** Tables detected again on the sheet in view. */
  activeSheet: boolean;
  /** The column mapping saved inside the workbook, for the next opening and the custom functions. */
  savesMapping: boolean;
  /** The criteria written out as a sheet of the workbook, to be corrected there. */
  writesCriteriaSheet: boolean;
  /** The result sheets are a report the user downloads, not sheets of an open workbook. */
  downloadReport: boolean;
}

/** The add-in in Excel. */
export const EXCEL_FEATURES: HostFeatures = {
  highlights: true,
  selectAreas: true,
  activeSheet: true,
  savesMapping: true,
  writesCriteriaSheet: true,
  downloadReport: false,
};

export interface RulesetInfo {
  ruleset: Ruleset;
  fromWorkbook: boolean;
  /** A faulty ruleset in the workbook: the built-in one is used and the faults shown. */
  problems: Problem[];
}

/** One table the pane found, as the user sees and corrects it. */
export interface DetectedTable {
  sheet: string;
  layout: TableLayout;
  /** Where it sits on its sheet ("A6:AD160"). */
  range: string;
  /** "manual": no criterion column was recognised; the header row is offered for mapping by hand. */
  source: "saved" | "detected" | "manual";
  /** Whether the analysis reads it: the user can leave a table out. */
  included: boolean;
  /** The user corrected a column (or row) of it since it was found. */
  edited?: boolean;
}

export interface Detection {
  tables: DetectedTable[];
  /** Sheets passed over, with the reason (a cover, notes, no table). */
  skipped: SkippedSheet[];
  /**
   * Why no table could be recognised (a "manual" table is offered instead), or why a saved column mapping
   * was set aside (its tables were found again).
   */
  problems?: Problem[];
}

export interface AnalyseRequest {
  tables: TableChoice[];
  /** The sheets passed over when the tables were found, and why (the report lists them). */
  skipped?: SkippedSheet[];
  ruleset: Ruleset;
  year?: number;
  language: Language;
  highlight: boolean;
  /** The roadmap tab's settings; none: the core's defaults (five years from the assessment year). */
  roadmap?: RoadmapSettings;
  /** Areas for the recognition dossier; none: those meeting every criterion. */
  dossier?: DossierRef[];
}

export interface ReviewRequest {
  tables: TableChoice[];
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
  /** The user sheets the tables were read from, in order. */
  sheets: string[];
  /** The tables as read (one found the wrong way round at first is given as it was read again). */
  tables: Array<TableChoice & { range: string }>;
  /** The analysed tables as the report model takes them (for the Word report). */
  results: SheetResult[];
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
  /** How the tables were read: sideways, the commune from a title or sheet name, columns chosen by values. */
  notes: Problem[];
  skipped: SkippedRow[];
  /** Areas on hidden or filtered-out rows (assessed like the others). */
  hiddenAreas: number;
  /** The roadmap written to the roadmap sheets, and notes on its input. */
  plan?: RoadmapPlan;
  planProblems: Problem[];
}

/** The Workbook plus what a live host does besides: show a row or column, hand the user the report. */
export interface PaneHost extends Workbook {
  selectLine(sheet: string, address: string): Promise<void>;
  /** What the host offers; none given: Excel's. */
  readonly features?: HostFeatures;
  /**
   * The result sheets written so far as one .xlsx report, its charts drawn by `rasterizer` (a host with
   * `downloadReport`, whose results are not in an open workbook).
   */
  reportFile?(rasterizer: Rasterizer): Promise<{ fileName: string; bytes: Uint8Array }>;
}

/** A cell or range of a sheet, "X41" or "A5:C9", as the core locates a value it could not read. */
const CELL = /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/;

/**
 * A problem at a cell of a table, located on its sheet as Excel writes it ("Phú Lâm!X41"): among several sheets
 * (or files, "[cac-xa.xlsx]Phú Lâm!X41") a cell alone does not say where to look.
 */
const onSheet = (sheet: string, p: Problem): Problem =>
  CELL.test(p.where) ? { ...p, where: `${sheet}!${p.where}` } : p;

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

/** A table offered for mapping by hand, with why none was recognised; the error itself when there is no header row. */
function manualDetection(
  data: SheetData,
  manual: TableLayout | Problem,
  problems: Problem[],
  error?: InputError
): Detection {
  if ("code" in manual) {
    if (error) throw error;
    return { tables: [], skipped: [], problems: [...problems, manual] };
  }
  const range = tableRange({ view: data, layout: manual });
  return {
    tables: [{ sheet: data.name, layout: manual, range, source: "manual", included: true }],
    skipped: [],
    problems,
  };
}

export function createPaneActions(host: PaneHost, documents: DocumentTools): PaneActions {
  const features = host.features ?? EXCEL_FEATURES;
  return {
    features,

    async downloadReport() {
      if (!features.downloadReport || !host.reportFile) throw new Error("This host has no report to download");
      const { fileName, bytes } = await host.reportFile(documents.rasterizer);
      documents.saver.save(fileName, bytes, XLSX_TYPE);
      return { fileName };
    },

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
      if (options.activeSheet) {
        const active = await host.activeSheetName();
        const own = new Set<string>([...Object.values(SHEET_NAMES), ...(await ownedSheets(host))]);
        if (active === undefined || own.has(active)) return { tables: [], skipped: [] };
        const data = await host.readSheet(active);
        const found = tablesOfSheet(data, ruleset);
        if (!("code" in found)) {
          return {
            tables: found.map((t) => ({
              sheet: active,
              layout: t.layout,
              range: tableRange(t),
              source: "detected",
              included: true,
            })),
            skipped: [],
          };
        }
        return manualDetection(data, manualLayout(data, ruleset), [found]);
      }
      try {
        const found = await findTables(host, ruleset);
        return {
          tables: found.tables.map((t) => ({
            sheet: t.data.name,
            layout: t.layout,
            range: tableRange(t),
            source: t.source === "saved" ? "saved" : "detected",
            included: true,
          })),
          skipped: found.skipped,
          // A saved mapping that could not be read or no longer fits: its tables were found again.
          problems: found.notes,
        };
      } catch (e) {
        // No criterion column recognised anywhere: offer the sheet in view's header row to be mapped by hand.
        if (!(e instanceof InputError) || !e.problems.some((p) => p.code === "no-table")) throw e;
        const target = await host.activeSheetName();
        if (target === undefined) throw e;
        const data = await host.readSheet(target);
        if (data.values.every((r) => r.every((v) => v === null || v === undefined || v === ""))) throw e;
        return manualDetection(data, manualLayout(data, ruleset), e.problems, e);
      }
    },

    async saveMapping(tables) {
      await saveMappings(host, tables);
      setMappings(tables.map((t) => toSavedMapping(t.sheet, t.layout)));
    },

    async analyse(request) {
      const { tables, skipped, ruleset, year, language, roadmap, dossier } = request;
      const run = await analyseAndWrite(host, {
        ruleset,
        year,
        tables,
        skipped,
        language,
        // A host that cannot highlight (the web page) is never asked to.
        highlight: features.highlights && request.highlight,
        roadmap,
        dossier,
      });
      setMappings(run.analysis.tables.map((t) => toSavedMapping(t.sheet, t.layout)));
      const read = run.analysis.tables;
      const assessments = read.flatMap((t) => t.assessments);
      let hiddenAreas = 0;
      for (const t of read) {
        const hidden = new Set(t.data.hiddenRows ?? []);
        for (const a of t.assessments) if (a.area.row !== undefined && hidden.has(a.area.row - 1)) hiddenAreas++;
      }
      return {
        sheets: [...new Set(read.map((t) => t.sheet))],
        tables: read.map((t) => ({ sheet: t.sheet, layout: t.layout, range: t.range })),
        results: read,
        assessments,
        summary: summariseDistrict(assessments, ruleset),
        outcome: run.outcome,
        areasSheet: run.outcome.renamed.find((r) => r.wanted === SHEET_NAMES.areas)?.used ?? SHEET_NAMES.areas,
        highlights: run.highlights,
        highlightProblems: run.highlightProblems,
        problems: read.flatMap((t) => t.problems.map((p) => onSheet(t.sheet, p))),
        notes: read.flatMap((t) => t.notes),
        skipped: read.flatMap((t) => t.skipped),
        hiddenAreas,
        plan: run.plan,
        planProblems: run.planProblems,
      };
    },

    clearHighlights(sheets) {
      return host.clearHighlights(sheets);
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

    async selectArea(area) {
      const address = areaLine(area);
      if (area.sheet === undefined || address === undefined) return;
      await host.selectLine(area.sheet, address);
    },

    async loadRoadmapSettings() {
      // Read as the command line reads its --roadmap file; a field it cannot read keeps the planner's default.
      return readRoadmapSettings(
        parse(await host.loadSetting(SETTING_KEYS.roadmapSettings)) ?? {},
        SETTING_KEYS.roadmapSettings
      ).settings;
    },

    saveRoadmapSettings(settings) {
      return host.saveSetting(SETTING_KEYS.roadmapSettings, JSON.stringify(roadmapSettingsToDocument(settings)));
    },

    canSaveFiles() {
      return documents.saver.available;
    },

    async saveWordReport(request) {
      const { results, ruleset, year, roadmap, dossier } = request;
      const options = { roadmap, year, dossier };
      // Loaded on first use: the document and chart libraries stay out of the pane's first load.
      const { renderReport, wordReportOf } = await import("../documents/rendered-report");
      const rendered = await renderReport(results, ruleset, "vi", options, documents.rasterizer);
      const bytes = await wordReportOf(results, ruleset, rendered, options);
      const fileName = wordFileName(new Date());
      documents.saver.save(fileName, bytes, DOCX_TYPE);
      return { fileName };
    },

    async review(request) {
      const { tables, ruleset, year, language, roadmap } = request;
      const run = await reviewAndWrite(host, { ruleset, year, tables, language, roadmap });
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
