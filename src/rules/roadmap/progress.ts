import { AreaAssessment } from "../assessment/assessment";
import { CellValue, cellAddress, Grid } from "../reading/cell";
import { formatProblem, Language, Message, msg, Problem, problem } from "../message";
import { AreaPlan, RoadmapOptions, RoadmapPlan } from "./plan-shapes";
import { planArea, stepsText } from "./area-plan";
import { planRoadmap } from "./plan";
import { defaultEffortTable } from "./roadmap-effort";
import {
  bothLanguages as both,
  buildRoadmapSheets,
  laterLabel,
  CarriedOver,
  readRoadmapSheet,
  RoadmapSheetRow,
  sheetAreaKey,
} from "./roadmap-sheet";
import { Ruleset } from "../ruleset/ruleset";
import { SHEET_NAMES, SheetOutput } from "../workbook";

/**
 * The yearly review the letter asks for: last year's roadmap against this year's assessments.
 * Areas planned for a year before `year` are due: they reached the standard or slipped. Areas planned
 * for later that already meet it are early. The rest is re-planned from `year`.
 */

export type ProgressStatus = "reached" | "slipped" | "early";

export const PROGRESS_LABEL: Record<ProgressStatus, Message> = {
  reached: msg("Đã đạt chuẩn", "Reached the standard"),
  slipped: msg("Chưa đạt, chậm so với lộ trình", "Not yet, behind the roadmap"),
  early: msg("Đạt chuẩn sớm hơn lộ trình", "Reached ahead of the roadmap"),
};

export interface ProgressEntry {
  status: ProgressStatus;
  /** Year in last year's roadmap; undefined for a "Sau …" row. */
  plannedYear?: number;
  district?: string;
  commune: string;
  area: string;
  responsible: string;
  /** For a slipped area: what it still lacks, in plan order. */
  remaining?: AreaPlan;
  /** For a slipped area: its year in the new plan (undefined: after the target year). */
  newYear?: number;
}

export interface ProgressOptions extends Omit<RoadmapOptions, "startYear"> {
  /** This year: roadmap years before it are due; the re-plan starts in it. */
  year: number;
  /** Name of the previous roadmap sheet, for cell references (default SHEET_NAMES.roadmap). */
  previousSheetName?: string;
}

export interface ProgressReview {
  year: number;
  /** Due areas (reached, slipped) then early ones, in the previous sheet's order. */
  entries: ProgressEntry[];
  due: number;
  reached: number;
  slipped: number;
  early: number;
  /** The re-plan from `year`. */
  plan: RoadmapPlan;
  /** Faults in the previous sheet, and its rows whose area is not in this year's assessments. */
  problems: Problem[];
}

/** Compare last year's roadmap sheet with this year's assessments and re-plan from this year. */
export function reviewProgress(
  ruleset: Ruleset,
  previousRoadmap: Grid,
  assessments: AreaAssessment[],
  options: ProgressOptions
): ProgressReview {
  const { year, previousSheetName = SHEET_NAMES.roadmap, ...rest } = options;
  const plan = planRoadmap(ruleset, assessments, { ...rest, startYear: year });
  const read = readRoadmapSheet(previousRoadmap, previousSheetName);
  const problems = [...read.problems];
  const withDistrict = read.hasDistrict;
  const byKey = new Map<string, AreaAssessment>();
  for (const a of assessments) {
    const k = sheetAreaKey(a.area, withDistrict);
    if (!byKey.has(k)) byKey.set(k, a);
  }
  const newYear = new Map<string, number>();
  for (const y of plan.years)
    for (const c of y.communes) for (const a of c.areas) newYear.set(sheetAreaKey(a, withDistrict), y.year);

  const effort = options.effort ?? defaultEffortTable();
  const entries: ProgressEntry[] = [];
  const seen = new Set<string>();
  for (const row of read.rows) {
    const k = sheetAreaKey({ district: row.district, commune: row.commune, name: row.area }, withDistrict);
    if (seen.has(k)) continue;
    seen.add(k);
    const due = row.year !== undefined && row.year < year;
    const assessment = byKey.get(k);
    if (!assessment) {
      if (due) problems.push(notFound(row, previousSheetName));
      continue;
    }
    const base = {
      plannedYear: row.year,
      district: row.district,
      commune: row.commune,
      area: row.area,
      responsible: row.responsible,
    };
    if (assessment.meetsAll) entries.push({ ...base, status: due ? "reached" : "early" });
    else if (due) {
      entries.push({
        ...base,
        status: "slipped",
        remaining: planArea(assessment, ruleset, effort),
        newYear: newYear.get(k),
      });
    }
  }
  const count = (s: ProgressStatus) => entries.filter((e) => e.status === s).length;
  return {
    year,
    entries,
    due: count("reached") + count("slipped"),
    reached: count("reached"),
    slipped: count("slipped"),
    early: count("early"),
    plan,
    problems,
  };
}

function notFound(row: RoadmapSheetRow, sheetName: string): Problem {
  return problem(
    "progress-area-not-found",
    `${sheetName}!${cellAddress(row.sheetRow, 0)}`,
    `Khu "${row.area}" (xã ${row.commune}) có trong lộ trình năm trước nhưng không có trong số liệu năm nay.`,
    `Area "${row.area}" (commune ${row.commune}) is in last year's roadmap but not in this year's data.`
  );
}

export interface ProgressSheets {
  /** [progress, roadmap, roadmap summary]: the re-plan replaces the roadmap sheets. */
  sheets: SheetOutput[];
  carried: CarriedOver;
  problems: Problem[];
}

/** The progress sheet, and the re-planned roadmap sheets with the responsible column carried over. */
export function buildProgressSheets(
  review: ProgressReview,
  previousRoadmap: Grid,
  options: { names?: { progress?: string; roadmap?: string; summary?: string }; language?: Language } = {}
): ProgressSheets {
  const lang = options.language ?? "vi";
  const roadmap = buildRoadmapSheets(review.plan, { previous: previousRoadmap, names: options.names, language: lang });
  const y = review.year;
  const rows: CellValue[][] = [
    [
      both(
        msg(
          `TIẾN ĐỘ THỰC HIỆN LỘ TRÌNH KHU DÂN CƯ NÔNG THÔN MỚI, RÀ SOÁT NĂM ${y}`,
          `Roadmap progress, reviewed in ${y}`
        )
      ),
    ],
    [
      msg(
        `Kế hoạch đến hết năm ${y - 1}: ${review.due} khu; đã đạt chuẩn ${review.reached}; chưa đạt ${review.slipped}. Đạt sớm hơn lộ trình: ${review.early}.`,
        `Planned up to ${y - 1}: ${review.due} areas; reached ${review.reached}; not yet ${review.slipped}. Ahead of the roadmap: ${review.early}.`
      )[lang],
    ],
  ];
  const warningRows: number[] = [];
  if (review.plan.outcome) {
    if (review.plan.outcome.missing > 0) warningRows.push(rows.length);
    rows.push([review.plan.outcome.message[lang]]);
  }
  rows.push([]);
  const tableHeaderRow = rows.length;
  rows.push([
    "Năm kế hoạch / Planned year",
    "Xã / Commune",
    "Khu dân cư / Area",
    "Kết quả / Result",
    "Tiêu chí còn thiếu / Remaining gaps",
    "Năm dự kiến mới / New planned year",
    "Người phụ trách / Responsible",
  ]);
  const later = laterLabel(review.plan.targetYear)[lang];
  for (const e of review.entries) {
    if (e.status === "slipped") warningRows.push(rows.length);
    rows.push([
      e.plannedYear ?? msg("Sau", "later")[lang],
      e.commune,
      e.area,
      PROGRESS_LABEL[e.status][lang],
      e.remaining ? stepsText(e.remaining, lang) : "",
      e.status === "slipped" ? (e.newYear ?? later) : "",
      e.responsible,
    ]);
  }
  rows.push([]);
  rows.push([both(msg(`Lộ trình điều chỉnh từ năm ${y}`, `Roadmap re-planned from ${y}`))]);
  rows.push(["Năm / Year", "Số khu / Areas", "Lũy kế dự kiến / Cumulative", "Mục tiêu (lộ trình đều) / Target path"]);
  for (const py of review.plan.years) rows.push([py.year, py.planned, py.cumulative, py.targetPath ?? null]);
  rows.push([
    msg(
      `Chi tiết theo khu: trang "${roadmap.sheets[0].name}"; tổng hợp: trang "${roadmap.sheets[1].name}".`,
      `Details by area: sheet "${roadmap.sheets[0].name}"; summary: sheet "${roadmap.sheets[1].name}".`
    )[lang],
  ]);
  // The roadmap builder read the same grid: its faults are already among the review's.
  const problems = review.problems;
  if (problems.length) {
    rows.push([]);
    rows.push([both(msg("Lưu ý", "Notes"))]);
    for (const p of problems) {
      warningRows.push(rows.length);
      rows.push([formatProblem(p, lang)]);
    }
  }
  const progress: SheetOutput = {
    name: options.names?.progress ?? SHEET_NAMES.progress,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    columnWidths: [14, 16, 22, 28, 90, 16, 22],
    warningRows,
  };
  return { sheets: [progress, ...roadmap.sheets], carried: roadmap.carried, problems };
}
