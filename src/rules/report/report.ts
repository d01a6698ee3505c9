import { AreaAssessment, CriterionResult } from "../assessment/assessment";
import { CellValue } from "../reading/cell";
import { formatCondition, formatValue } from "../format";
import { FORMULA_NO_RESULT } from "../reading/formula-results";
import { Grid } from "../reading/cell";
import {
  communeKeyOf,
  DistrictSummary,
  districtOf,
  shortfallCounts,
  ShortfallCounts,
  summariseDistrict,
  unitOf,
} from "./district-summary";
import { DossierArea, dossierAreas, dossierAssessments, DossierRef, dossierSheet } from "./dossier";
import { Language, Message, Problem } from "../message";
import { planRoadmap } from "../roadmap/plan";
import { RoadmapOptions, RoadmapPlan } from "../roadmap/plan-shapes";
import { buildRoadmapSheets } from "../roadmap/roadmap-sheet";
import { Ruleset } from "../ruleset/ruleset";
import { RULESET_TABLE_COLUMNS, rulesetToTable } from "../ruleset/ruleset-table";
import { logicSummary } from "../assessment/criterion-reason";
import { ReadingSummary, sourcesSheet } from "./sources-sheet";
import { ChartSpec, fileAndSheet, SHEET_NAMES, SheetOutput } from "../workbook";
import { columnLetter } from "../reading/cell";

/** One analysed table: the areas of one table (a district, a commune, a sheet of a workbook) with their assessments. */
export interface SheetResult {
  /** File name (command line) or workbook name: where the areas came from, never their district. */
  source: string;
  sheet: string;
  /** Only where the workbook names it (a title "Huyện: …"); areas may carry their own. */
  district?: string;
  assessments: AreaAssessment[];
  problems: Problem[];
}

const pick = (m: Message, language: Language): string => m[language];

/** The note every result sheet carries while thresholds are not verified. */
export function provisionalNote(ruleset: Ruleset, language: Language = "vi"): string {
  if (!ruleset.provisional) return "";
  return language === "vi"
    ? `⚠ NGƯỠNG TẠM TÍNH: ${ruleset.statusNote.vi}`
    : `⚠ PROVISIONAL THRESHOLDS: ${ruleset.statusNote.en}`;
}

const L = {
  areasTitle: {
    vi: "KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ THEO BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI",
    en: "RESIDENTIAL AREAS ASSESSED AGAINST THE NEW-RURAL AREA CRITERIA",
  },
  criteriaTitle: { vi: "SỐ KHU DÂN CƯ CHƯA ĐẠT THEO TỪNG TIÊU CHÍ", en: "AREAS NOT MEETING EACH CRITERION" },
  communesTitle: { vi: "TỔNG HỢP THEO XÃ", en: "SUMMARY BY COMMUNE" },
  distributionTitle: { vi: "PHÂN BỐ KHU DÂN CƯ THEO SỐ TIÊU CHÍ ĐẠT", en: "AREAS BY NUMBER OF CRITERIA MET" },
  holdingTitle: {
    vi: "Tiêu chí có nhiều khu chưa đạt nhất",
    en: "Criteria holding most areas back",
  },
  rulesetTitle: {
    vi: 'BỘ TIÊU CHÍ ĐANG DÙNG (sửa ngưỡng tại đây rồi bấm "Nạp lại bộ tiêu chí")',
    en: 'CRITERIA IN USE (correct a threshold here, then "Reload criteria")',
  },
  provinceTitle: { vi: "TỔNG HỢP TOÀN TỈNH THEO HUYỆN", en: "PROVINCE ROLL-UP BY DISTRICT" },
  provinceByCommune: { vi: "TỔNG HỢP TOÀN TỈNH THEO XÃ", en: "PROVINCE ROLL-UP BY COMMUNE" },
  provinceByUnit: {
    vi: "TỔNG HỢP TOÀN TỈNH THEO HUYỆN (NƠI SỔ GHI HUYỆN) VÀ THEO XÃ",
    en: "PROVINCE ROLL-UP BY DISTRICT (WHERE A WORKBOOK NAMES ONE) AND BY COMMUNE",
  },
  yes: { vi: "Đạt chuẩn", en: "Meets the standard" },
  notYet: { vi: "Chưa đạt", en: "Not yet" },
} as const;

const H = {
  order: { vi: "TT", en: "No." },
  district: { vi: "Huyện", en: "District" },
  commune: { vi: "Xã", en: "Commune" },
  area: { vi: "Khu dân cư", en: "Residential area" },
  row: { vi: "Dòng trên trang gốc", en: "Source row" },
  rowOrColumn: { vi: "Dòng / cột trên trang gốc", en: "Source row / column" },
  sheet: { vi: "Trang", en: "Sheet" },
  fileSheet: { vi: "Tệp › trang", en: "File › sheet" },
  unit: { vi: "Huyện / xã", en: "District / commune" },
  met: { vi: "Số tiêu chí đạt", en: "Criteria met" },
  total: { vi: "Tổng số tiêu chí", en: "Criteria in set" },
  status: { vi: "Kết quả", en: "Result" },
  notMet: { vi: "Tiêu chí chưa đạt", en: "Criteria not met" },
  gaps: { vi: "Thiếu hụt (so với ngưỡng)", en: "Shortfalls (against thresholds)" },
  missing: { vi: "Thiếu số liệu / không đọc được", en: "No or unreadable data" },
  criterion: { vi: "Mã", en: "Id" },
  criterionName: { vi: "Tiêu chí / chỉ tiêu", en: "Criterion / indicator" },
  condition: { vi: "Ngưỡng", en: "Threshold" },
  failing: { vi: "Số khu chưa đạt", en: "Areas not meeting" },
  failingShare: { vi: "Tỷ lệ khu chưa đạt (%)", en: "Share of areas not meeting (%)" },
  noData: { vi: "Số khu thiếu số liệu", en: "Areas without data" },
  onlyGap: { vi: "Số khu chỉ còn thiếu tiêu chí này", en: "Areas for which it is the only gap" },
  areas: { vi: "Số khu dân cư", en: "Areas" },
  meetsAll: { vi: "Đạt chuẩn (đạt tất cả)", en: "Meeting all" },
  short1: { vi: "Còn thiếu 1 tiêu chí", en: "One criterion short" },
  short2: { vi: "Còn thiếu 2 tiêu chí", en: "Two criteria short" },
  short3: { vi: "Còn thiếu từ 3 tiêu chí", en: "Three or more short" },
  meetsShare: { vi: "Tỷ lệ đạt chuẩn (%)", en: "Share meeting (%)" },
  metCount: { vi: "Số tiêu chí đạt", en: "Criteria met" },
  areaCount: { vi: "Số khu dân cư", en: "Number of areas" },
} as const;

const label = (k: keyof typeof H, language: Language) => H[k][language];
const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function titleRows(
  title: Message,
  ruleset: Ruleset,
  language: Language,
  subtitle?: string,
  notes: string[] = []
): { rows: CellValue[][]; warningRows: number[] } {
  const rows: CellValue[][] = [[pick(title, language)]];
  rows.push([subtitle ?? `${ruleset.title}${ruleset.source.document ? ` (${ruleset.source.document})` : ""}`]);
  const warningRows: number[] = [];
  for (const note of [provisionalNote(ruleset, language), ...notes]) {
    if (!note) continue;
    warningRows.push(rows.length);
    rows.push([note]);
  }
  rows.push([]);
  return { rows, warningRows };
}

/** "TC02 Thủy lợi: TC02.1 = 65%, cần ≥ 80% (thiếu 15%)" parts for one area, in ruleset order. */
export function gapText(a: AreaAssessment, ruleset: Ruleset, language: Language = "vi"): string {
  const parts: string[] = [];
  for (const c of a.criteria) if (!c.met) parts.push(criterionGapText(c, ruleset, language));
  return parts.join(" | ");
}

function criterionGapText(c: CriterionResult, ruleset: Ruleset, language: Language): string {
  const criterion = ruleset.criteria.find((x) => x.id === c.criterionId);
  const pieces: string[] = [];
  for (const r of c.indicators) {
    if (r.status !== "unmet") continue;
    const v =
      r.reading.kind === "number" || r.reading.kind === "boolean" ? formatValue(r.reading.value, r.unit, language) : "";
    const gap =
      r.shortfall !== undefined
        ? language === "vi"
          ? `, thiếu ${formatValue(r.shortfall, r.unit, language)}`
          : `, short by ${formatValue(r.shortfall, r.unit, language)}`
        : "";
    pieces.push(
      `${r.indicatorId} = ${v} (${language === "vi" ? "cần" : "needs"} ${formatCondition(r.operator, r.threshold, r.unit, language)}${gap})`
    );
  }
  if (c.basis === "declared") pieces.push(language === "vi" ? "đánh giá: chưa đạt" : "recorded: not met");
  const name = criterion ? (language === "vi" ? criterion.nameVi : criterion.nameEn) : "";
  // A criterion met by one of, or N of, its indicators: how many held, and how many it needs.
  const summary = logicSummary(c.logic, language);
  return `${c.criterionId} ${name}${summary ? ` (${summary})` : ""}${pieces.length ? ": " + pieces.join("; ") : ""}`;
}

function missingText(a: AreaAssessment): string {
  const out: string[] = [];
  for (const c of a.criteria) {
    for (const r of c.indicators) {
      if (r.status === "missing" && c.basis === "indicators") out.push(r.indicatorId);
      if (r.status === "unreadable") out.push(`${r.indicatorId} "${String(r.reading.raw)}"`);
    }
    if (c.basis === "none") out.push(c.criterionId);
    if (c.basis === "declared" && c.declared?.kind === "unreadable")
      out.push(`${c.criterionId} "${String(c.declared.raw)}"`);
  }
  return out.join(", ");
}

/** Whether the areas name more than one district (a district column, or several titled tables). */
export function severalDistricts(results: SheetResult[]): boolean {
  const seen = new Set<string | undefined>();
  for (const r of results) for (const a of r.assessments) seen.add(districtOf(a, r));
  return seen.size > 1;
}

/** A table's sheet by its own name: a sheet of one of several files ("[file]sheet") is shown with its file. */
const ownSheet = (r: SheetResult): string => fileAndSheet(r.sheet).sheet;

/** Where a table's areas came from, when there are several: the sheet, or the file and sheet. */
function placeOf(results: SheetResult[]): ((r: SheetResult) => string) | undefined {
  const sources = new Set(results.map((r) => r.source));
  const sheets = new Set(results.map((r) => `${r.source}\u0000${ownSheet(r)}`));
  if (sheets.size <= 1) return undefined;
  return sources.size > 1 ? (r) => `${r.source} › ${ownSheet(r)}` : ownSheet;
}

/** The area's place on its sheet: its row, or "cột E" for an area of a sideways table. */
function lineOf(a: AreaAssessment, language: Language): CellValue {
  if (a.area.row !== undefined) return a.area.row;
  if (a.area.column !== undefined) return `${language === "vi" ? "cột" : "column"} ${columnLetter(a.area.column - 1)}`;
  return "";
}

/**
 * Warnings about a whole sheet read (formulas with no saved result), shown under the areas sheet's title;
 * once per sheet, however many tables it holds.
 */
function sheetNotes(results: SheetResult[], language: Language): string[] {
  const notes = results.flatMap((r) =>
    r.problems
      .filter((p) => p.code === FORMULA_NO_RESULT)
      .map((p) => `⚠ ${r.source === r.sheet ? r.sheet : `${r.source} › ${ownSheet(r)}`}: ${p.message[language]}`)
  );
  return [...new Set(notes)];
}

/** Per area: where each one stands and what holds it back. */
export function areasSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const withDistrict = severalDistricts(results);
  const place = placeOf(results);
  const sideways = results.some((r) =>
    r.assessments.some((a) => a.area.row === undefined && a.area.column !== undefined)
  );
  const { rows, warningRows } = titleRows(L.areasTitle, ruleset, language, undefined, sheetNotes(results, language));
  const header = [
    label("order", language),
    ...(withDistrict ? [label("district", language)] : []),
    label("commune", language),
    label("area", language),
    ...(place ? [label(new Set(results.map((r) => r.source)).size > 1 ? "fileSheet" : "sheet", language)] : []),
    label(sideways ? "rowOrColumn" : "row", language),
    label("met", language),
    label("total", language),
    label("status", language),
    label("notMet", language),
    label("gaps", language),
    label("missing", language),
  ];
  const tableHeaderRow = rows.length;
  rows.push(header);
  let n = 0;
  for (const r of results) {
    for (const a of r.assessments) {
      n++;
      rows.push([
        n,
        ...(withDistrict ? [districtOf(a, r) ?? ""] : []),
        a.area.commune,
        a.area.name,
        ...(place ? [place(r)] : []),
        lineOf(a, language),
        a.metCount,
        a.total,
        a.meetsAll ? pick(L.yes, language) : `${pick(L.notYet, language)} (${a.metCount}/${a.total})`,
        a.notMet.join(", "),
        gapText(a, ruleset, language),
        missingText(a),
      ]);
    }
  }
  return {
    name: SHEET_NAMES.areas,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [6, ...(withDistrict ? [16] : []), 18, 24, ...(place ? [20] : []), 10, 10, 10, 18, 26, 80, 30],
  };
}

/** Per criterion (and indicator): how many areas it holds back — what the province asks. */
export function criteriaSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const all = results.flatMap((r) => r.assessments);
  const { rows, warningRows } = titleRows(L.criteriaTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([
    label("criterion", language),
    label("criterionName", language),
    label("condition", language),
    label("failing", language),
    label("failingShare", language),
    label("noData", language),
    label("onlyGap", language),
  ]);
  const holdingBack = summariseDistrict(all, ruleset).holdingBack;
  const byCriterion = new Map(holdingBack.map((h) => [h.criterionId, h]));
  // Assessments list criteria and indicators in ruleset order: count by position, in one pass.
  const unmetCount = ruleset.criteria.map((c) => new Array<number>(c.indicators.length).fill(0));
  const missingCount = ruleset.criteria.map((c) => new Array<number>(c.indicators.length).fill(0));
  for (const a of all) {
    for (let ci = 0; ci < unmetCount.length; ci++) {
      const results = a.criteria[ci]?.indicators ?? [];
      for (let ii = 0; ii < results.length && ii < unmetCount[ci].length; ii++) {
        const status = results[ii].status;
        if (status === "unmet" || status === "unreadable") unmetCount[ci][ii]++;
        else if (status === "missing") missingCount[ci][ii]++;
      }
    }
  }
  ruleset.criteria.forEach((c, ci) => {
    const h = byCriterion.get(c.id);
    const failing = h?.failing ?? 0;
    rows.push([
      c.id,
      language === "vi" ? c.nameVi : c.nameEn,
      "",
      failing,
      percent(failing, all.length),
      h?.noData ?? 0,
      h?.onlyGap ?? 0,
    ]);
    c.indicators.forEach((i, ii) => {
      const unmet = unmetCount[ci][ii];
      const missing = missingCount[ci][ii];
      const threshold = all[0]?.criteria[ci]?.indicators[ii]?.threshold ?? i.threshold;
      rows.push([
        i.id,
        `   ${language === "vi" ? i.nameVi : i.nameEn}`,
        formatCondition(i.operator, threshold, i.unit, language),
        unmet,
        percent(unmet, all.length),
        missing,
        "",
      ]);
    });
  });
  return {
    name: SHEET_NAMES.criteria,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [9, 70, 22, 14, 14, 14, 16],
    chart: holdingBack.length > 0 ? rankingBlock(rows, holdingBack, ruleset, language) : undefined,
  };
}

/**
 * Below the criteria table, the criteria holding most areas back, most first, in two adjacent columns,
 * and the bar chart over them.
 */
function rankingBlock(
  rows: CellValue[][],
  holdingBack: DistrictSummary["holdingBack"],
  ruleset: Ruleset,
  language: Language
): ChartSpec {
  rows.push([]);
  const headerRow = rows.length;
  rows.push(["", pick(L.holdingTitle, language), label("failing", language)]);
  for (const h of holdingBack) {
    const c = ruleset.criteria.find((x) => x.id === h.criterionId);
    rows.push(["", c ? `${c.id} ${language === "vi" ? c.nameVi : c.nameEn}` : h.criterionId, h.failing]);
  }
  return {
    title: pick(L.holdingTitle, language),
    headerRow,
    firstRow: headerRow + 1,
    lastRow: rows.length - 1,
    categoryColumn: 1,
    valueColumns: [2],
    kind: "bar",
  };
}

const tallyRow = (t: ShortfallCounts): CellValue[] => [
  t.areas,
  t.meetsAll,
  t.short1,
  t.short2,
  t.short3,
  percent(t.meetsAll, t.areas),
];

/** The areas of one commune, under its district where the workbook names one ("" otherwise). */
export interface CommuneGroup {
  district: string;
  commune: string;
  assessments: AreaAssessment[];
}

/**
 * Areas grouped by commune, in the order the tables list them: a commune is one group however many tables
 * or files its areas come from (see communeKeyOf). The rows of the per-commune summaries.
 */
export function communeGroups(results: SheetResult[]): CommuneGroup[] {
  const groups = new Map<string, CommuneGroup>();
  for (const r of results) {
    for (const a of r.assessments) {
      const key = communeKeyOf(a, r);
      let g = groups.get(key);
      if (!g) {
        g = { district: districtOf(a, r) ?? "", commune: a.area.commune, assessments: [] };
        groups.set(key, g);
      }
      g.assessments.push(a);
    }
  }
  return [...groups.values()];
}

/** Per commune: areas, areas meeting all, areas one or two criteria short, under its district where named. */
export function communesSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const withDistrict = severalDistricts(results);
  const { rows, warningRows } = titleRows(L.communesTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([
    ...(withDistrict ? [label("district", language)] : []),
    label("commune", language),
    label("areas", language),
    label("meetsAll", language),
    label("short1", language),
    label("short2", language),
    label("short3", language),
    label("meetsShare", language),
  ]);
  for (const g of communeGroups(results)) {
    rows.push([...(withDistrict ? [g.district] : []), g.commune, ...tallyRow(shortfallCounts(g.assessments))]);
  }
  const total = shortfallCounts(results.flatMap((r) => r.assessments));
  rows.push([...(withDistrict ? [""] : []), language === "vi" ? "Tổng cộng" : "Total", ...tallyRow(total)]);
  return {
    name: SHEET_NAMES.communes,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [...(withDistrict ? [16] : []), 22, 12, 14, 14, 14, 14, 14],
  };
}

/** How many areas meet 0, 1, … 13 criteria, with a column chart. */
export function distributionSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const all = results.flatMap((r) => r.assessments);
  const total = ruleset.criteria.length;
  const counts = new Array<number>(total + 1).fill(0);
  for (const a of all) counts[a.metCount]++;
  const { rows, warningRows } = titleRows(L.distributionTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([label("metCount", language), label("areaCount", language)]);
  const firstRow = rows.length;
  counts.forEach((count, met) => rows.push([`${met}/${total}`, count]));
  return {
    name: SHEET_NAMES.distribution,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [18, 16],
    chart: {
      title: pick(L.distributionTitle, language),
      headerRow: tableHeaderRow,
      firstRow,
      lastRow: rows.length - 1,
      categoryColumn: 0,
      valueColumns: [1],
      kind: "column",
    },
  };
}

/** The ruleset in use as an editable table, under the provisional note; read back by rulesetFromTable. */
export function rulesetSheet(ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const { rows, warningRows } = titleRows(L.rulesetTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push(...rulesetToTable(ruleset, language));
  return {
    name: SHEET_NAMES.ruleset,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: RULESET_TABLE_COLUMNS.map((c) => c.width),
  };
}

/** What the province roll-up counts under the province: districts, communes, or both where some name no district. */
function provinceUnits(results: SheetResult[], language: Language) {
  const units = new Map<string, { label: string; kind: "district" | "commune"; list: AreaAssessment[] }>();
  for (const r of results) {
    for (const a of r.assessments) {
      const u = unitOf(a, r, language);
      let g = units.get(u.key);
      if (!g) units.set(u.key, (g = { label: u.label, kind: u.kind, list: [] }));
      g.list.push(a);
    }
  }
  return [...units.values()];
}

/**
 * Province roll-up: one row per district where the workbooks name one, else per commune (since 2025
 * communes report to the province directly), then the criteria failing in each.
 */
export function provinceSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const units = provinceUnits(results, language);
  const kinds = new Set(units.map((u) => u.kind));
  const title = kinds.size > 1 ? L.provinceByUnit : kinds.has("commune") ? L.provinceByCommune : L.provinceTitle;
  const unitLabel =
    kinds.size > 1
      ? label("unit", language)
      : kinds.has("commune")
        ? label("commune", language)
        : label("district", language);
  const { rows, warningRows } = titleRows(title, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([
    unitLabel,
    label("areas", language),
    label("meetsAll", language),
    label("short1", language),
    label("short2", language),
    label("short3", language),
    label("meetsShare", language),
  ]);
  const summaries = units.map((u) => ({ label: u.label, summary: summariseDistrict(u.list, ruleset) }));
  for (const { label: name, summary } of summaries) rows.push([name, ...tallyRow(summary)]);
  rows.push([language === "vi" ? "Toàn tỉnh" : "Province", ...tallyRow(shortfallCounts(units.flatMap((u) => u.list)))]);
  rows.push([]);
  rows.push([
    language === "vi"
      ? `SỐ KHU CHƯA ĐẠT THEO TIÊU CHÍ VÀ ${kinds.size > 1 ? "HUYỆN / XÃ" : kinds.has("commune") ? "XÃ" : "HUYỆN"}`
      : `AREAS NOT MEETING EACH CRITERION, BY ${kinds.size > 1 ? "DISTRICT / COMMUNE" : kinds.has("commune") ? "COMMUNE" : "DISTRICT"}`,
  ]);
  rows.push([
    label("criterion", language),
    label("criterionName", language),
    ...units.map((u) => u.label),
    language === "vi" ? "Toàn tỉnh" : "Province",
  ]);
  const failing = summaries.map(({ summary }) => new Map(summary.holdingBack.map((h) => [h.criterionId, h.failing])));
  for (const c of ruleset.criteria) {
    const perUnit = failing.map((byCriterion) => byCriterion.get(c.id) ?? 0);
    rows.push([c.id, language === "vi" ? c.nameVi : c.nameEn, ...perUnit, perUnit.reduce((x, y) => x + y, 0)]);
  }
  return {
    name: SHEET_NAMES.province,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [16, 40, 12, 12, 12, 12, 12],
  };
}

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
