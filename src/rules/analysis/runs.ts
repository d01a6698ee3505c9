import { InputError, Language, Problem, problem } from "../message";
import { buildProgressSheets, ProgressReview, reviewProgress } from "../roadmap/progress";
import { DossierRef } from "../report/dossier";
import { buildReport, PlanSettings, planYears } from "../report/build-report";
import { RoadmapPlan } from "../roadmap/plan-shapes";
import { SHEET_NAMES, SheetOutput, Workbook } from "../workbook";
import { WorkbookAnalysis, TableChoice, AnalyseOptions } from "./analysis-shapes";
import { analyseWorkbook } from "./analyse";
import { readingSummary } from "./reading-notes";
import { WriteOutcome, previousOwnSheet, writeOwnSheets, saveMappings } from "./own-sheets";
import { workbookHighlights } from "./highlights";

/* The whole runs the hosts call: analyse a district and write its report sheets, highlights and roadmap; review last year's roadmap. */

export interface DistrictRun {
  analysis: WorkbookAnalysis;
  sheets: SheetOutput[];
  outcome: WriteOutcome;
  /** Conditional formats added, on every user sheet read. */
  highlights: number;
  /** Sheets that could not be highlighted (protected); the result sheets are written all the same. */
  highlightProblems: Problem[];
  /** The roadmap written to the roadmap sheets (none when the run was asked for no roadmap). */
  plan?: RoadmapPlan;
  /** Notes on the roadmap's input (e.g. a responsible name whose area is no longer planned). */
  planProblems: Problem[];
}

/** The tables of an analysis as the pane and the saved mappings hold them. */
export const tableChoices = (analysis: WorkbookAnalysis): TableChoice[] =>
  analysis.tables.map((t) => ({ sheet: t.sheet, layout: t.layout }));

/**
 * What the pane's "Phân tích" button does: find and assess every table, write the result sheets,
 * highlight the gaps on the user's sheets (all in one batch), remember the mappings.
 */
export async function analyseAndWrite(
  workbook: Workbook,
  options: AnalyseOptions & {
    language?: Language;
    highlight?: boolean;
    roadmap?: PlanSettings | false;
    /** Areas the officer lists for the recognition dossier sheet; none: those meeting every criterion. */
    dossier?: DossierRef[];
  }
): Promise<DistrictRun> {
  const analysis = await analyseWorkbook(workbook, options);
  // The roadmap sheet of the last run keeps what the user typed in its "Người phụ trách" column.
  const roadmap =
    options.roadmap === false
      ? false
      : { ...options.roadmap, previous: (await previousOwnSheet(workbook, SHEET_NAMES.roadmap))?.values };
  const { sheets, plan, problems } = buildReport(
    analysis.tables,
    options.ruleset,
    options.language ?? "vi",
    roadmap,
    options.year,
    { reading: readingSummary(analysis, options.source), dossier: options.dossier }
  );
  const outcome = await writeOwnSheets(workbook, sheets);
  let highlights = 0;
  const highlightProblems: Problem[] = [];
  if (options.highlight !== false) {
    const bySheet = workbookHighlights(analysis.tables, options.ruleset, options.year);
    highlightProblems.push(...(await workbook.setHighlights(bySheet)));
    const refused = new Set(highlightProblems.map((p) => p.where));
    for (const s of bySheet) if (!refused.has(s.sheet)) highlights += s.highlights.length;
  }
  await saveMappings(workbook, tableChoices(analysis));
  return { analysis, sheets, outcome, highlights, highlightProblems, plan, planProblems: problems };
}

export interface ProgressRun {
  analysis: WorkbookAnalysis;
  review: ProgressReview;
  outcome: WriteOutcome;
  problems: Problem[];
}

/**
 * The yearly review: last year's roadmap sheet against this year's data — which planned areas reached
 * the standard, which slipped — and the rest re-planned from this year.
 */
export async function reviewAndWrite(
  workbook: Workbook,
  options: AnalyseOptions & { year: number; language?: Language; roadmap?: PlanSettings }
): Promise<ProgressRun> {
  const previous = await previousOwnSheet(workbook, SHEET_NAMES.roadmap);
  if (!previous) {
    throw new InputError([
      problem(
        "no-roadmap",
        SHEET_NAMES.roadmap,
        `Chưa có trang "${SHEET_NAMES.roadmap}" của năm trước: hãy phân tích và lập lộ trình trước.`,
        `No "${SHEET_NAMES.roadmap}" sheet from last year: analyse and plan first.`
      ),
    ]);
  }
  const analysis = await analyseWorkbook(workbook, options);
  const settings: PlanSettings = { ...options.roadmap };
  delete settings.previous;
  const { targetYear } = planYears({ ...settings, startYear: options.year });
  const assessments = analysis.tables.flatMap((t) => t.assessments);
  const review = reviewProgress(options.ruleset, previous.values, assessments, {
    ...settings,
    targetYear,
    year: options.year,
    previousSheetName: previous.name,
  });
  const built = buildProgressSheets(review, previous.values, { language: options.language });
  const outcome = await writeOwnSheets(workbook, built.sheets);
  return { analysis, review, outcome, problems: [...review.problems, ...built.problems] };
}
