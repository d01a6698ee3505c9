import { DossierRef } from "../rules/report/dossier";
import { Language } from "../rules/message";
import { buildReport, PlanSettings } from "../rules/report/build-report";
import { SheetResult } from "../rules/report/report-labels";
import { Ruleset } from "../rules/ruleset/ruleset";
import { ReadingSummary } from "../rules/report/sources-sheet";
import { ChartSpec } from "../rules/workbook";
import { ChartPicture, chartPictures, Rasterizer } from "./chart-picture";
import { wordReport } from "./word-report";

/**
 * The report every host writes, made once: the report model (buildReport) in one language with its
 * charts rendered, then the .xlsx sheets and the Word report from it. The Word report, a state document,
 * is always made from the Vietnamese model.
 */

export interface ReportOptions {
  roadmap?: PlanSettings | false;
  year?: number;
  /** Areas the officer lists for the recognition dossier; none: those meeting every criterion. */
  dossier?: DossierRef[];
  /** The tables read and skipped, for the sheet that lists them (the command line's). */
  reading?: ReadingSummary;
}

export interface RenderedReport {
  language: Language;
  report: ReturnType<typeof buildReport>;
  pictures: ReadonlyMap<ChartSpec, ChartPicture>;
}

/** The report model and its charts; an InputError names any dossier entry not found in the tables. */
export async function renderReport(
  results: SheetResult[],
  ruleset: Ruleset,
  language: Language,
  options: ReportOptions,
  rasterizer: Rasterizer
): Promise<RenderedReport> {
  const report = buildReport(results, ruleset, language, options.roadmap ?? {}, options.year, {
    dossier: options.dossier,
    reading: options.reading,
  });
  return { language, report, pictures: await chartPictures(report.sheets, rasterizer) };
}

/** The .docx bytes from a report rendered in Vietnamese. */
export function wordReportOf(
  results: SheetResult[],
  ruleset: Ruleset,
  rendered: RenderedReport,
  options: ReportOptions
): Promise<Uint8Array> {
  if (rendered.language !== "vi") throw new Error("The Word report is made from the Vietnamese report");
  const { report, pictures } = rendered;
  return wordReport({
    results,
    ruleset,
    sheets: report.sheets,
    plan: report.plan,
    dossier: report.dossier,
    dossierListed: (options.dossier?.length ?? 0) > 0,
    pictures,
    year: options.year,
  });
}
