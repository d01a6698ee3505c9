import { CellValue, cellAddress, Grid } from "../reading/cell";
import { formatProblem, Language, Message, msg, Problem, problem } from "../message";
import { AreaPlan, RoadmapPlan } from "./plan-shapes";
import { areaKey, stepsText } from "./area-plan";
import { EFFORT_LABEL, SUPPORT_LABEL } from "./roadmap-effort";
import { foldText } from "../ruleset/ruleset";
import { ChartSpec, SHEET_NAMES, SheetOutput } from "../workbook";

/**
 * The roadmap as sheets: "NTM - Lộ trình" (one row per area and year, with a column the user fills)
 * and "NTM - Lộ trình tổng hợp" (per year totals, a chart against the target, the rules).
 */

export const ROADMAP_HEADERS = {
  year: "Năm / Year",
  district: "Huyện / District",
  commune: "Xã / Commune",
  area: "Khu dân cư / Area",
  criteria: "Tiêu chí cần hoàn thành (theo thứ tự, mức còn thiếu) / Criteria to complete (in order, with shortfalls)",
  effort: "Mức độ / Effort",
  source: "Nguồn lực (ngân sách / xã hội hóa) / Resources (state / community)",
  responsible: "Người phụ trách / Responsible",
  note: "Ghi chú / Note",
} as const;

/** One data row of a roadmap sheet as read back. */
export interface RoadmapSheetRow {
  /** Zero-based sheet row. */
  sheetRow: number;
  /** The planned year; undefined for "Sau …" (left for later) rows. */
  year?: number;
  district?: string;
  commune: string;
  area: string;
  responsible: string;
}

export interface RoadmapSheetRead {
  rows: RoadmapSheetRow[];
  hasDistrict: boolean;
  /** Zero-based column of "Người phụ trách", if the sheet has one. */
  responsibleColumn?: number;
  problems: Problem[];
}

const cellText = (v: CellValue): string => (v === null || v === undefined ? "" : String(v).trim());

type Column = "year" | "district" | "commune" | "area" | "responsible";

function columnOf(header: string): Column | undefined {
  const h = foldText(header);
  if (/^nam\b/.test(h)) return "year";
  if (/^huyen\b/.test(h)) return "district";
  if (/^xa\b/.test(h) && !/^xa hoi/.test(h)) return "commune";
  if (h.startsWith("khu dan cu")) return "area";
  if (h.startsWith("nguoi phu trach")) return "responsible";
  return undefined;
}

/** A "Năm" cell: a year, or a "Sau 2025 / after 2025" row (undefined year); null when unreadable. */
function readYear(v: CellValue): { year?: number } | null {
  if (typeof v === "number" && Number.isInteger(v)) return { year: v };
  const t = foldText(cellText(v));
  if (/^\d{4}$/.test(t)) return { year: Number(t) };
  if (/^(sau|after)\b/.test(t)) return {};
  return null;
}

/** Read a roadmap sheet the add-in wrote earlier (columns found by header, so moved columns still work). */
export function readRoadmapSheet(grid: Grid, sheetName: string = SHEET_NAMES.roadmap): RoadmapSheetRead {
  const problems: Problem[] = [];
  let headerRow = -1;
  const cols: Partial<Record<Column, number>> = {};
  for (let r = 0; r < Math.min(grid.length, 20) && headerRow < 0; r++) {
    const found: Partial<Record<Column, number>> = {};
    (grid[r] ?? []).forEach((v, c) => {
      const col = columnOf(cellText(v));
      if (col && found[col] === undefined) found[col] = c;
    });
    if (found.year !== undefined && found.commune !== undefined && found.area !== undefined) {
      headerRow = r;
      Object.assign(cols, found);
    }
  }
  if (headerRow < 0) {
    problems.push(
      problem(
        "roadmap-sheet-header",
        sheetName,
        "Không tìm thấy dòng tiêu đề có các cột Năm, Xã, Khu dân cư.",
        "No header row with the columns Năm (year), Xã (commune), Khu dân cư (area) was found."
      )
    );
    return { rows: [], hasDistrict: false, problems };
  }
  const rows: RoadmapSheetRow[] = [];
  const at = (r: number, c: number) => `${sheetName}!${cellAddress(r, c)}`;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const line = grid[r] ?? [];
    const get = (c: number | undefined) => (c === undefined ? "" : cellText(line[c]));
    const area = get(cols.area);
    const commune = get(cols.commune);
    if (area === "" && commune === "") continue;
    const year = readYear(line[cols.year!]);
    if (year === null) {
      problems.push(
        problem(
          "roadmap-sheet-year",
          at(r, cols.year!),
          `Không đọc được năm "${get(cols.year)}"; bỏ qua dòng này.`,
          `Cannot read the year "${get(cols.year)}"; row skipped.`
        )
      );
      continue;
    }
    rows.push({
      sheetRow: r,
      year: year.year,
      district: cols.district !== undefined ? get(cols.district) || undefined : undefined,
      commune,
      area,
      responsible: get(cols.responsible),
    });
  }
  return { rows, hasDistrict: cols.district !== undefined, responsibleColumn: cols.responsible, problems };
}

/** Key of a roadmap row: the area's identity, with its district only when both sides record one. */
export function sheetAreaKey(a: { district?: string; commune: string; name: string }, withDistrict: boolean): string {
  return withDistrict ? areaKey(a) : areaKey({ commune: a.commune, name: a.name });
}

export interface CarriedOver {
  /** Cells carried by the same (year, commune, area). */
  sameYear: number;
  /** Cells carried for an area the new plan moved to another year (the area had one responsible). */
  movedYear: number;
  /** Names the user typed for areas no longer in the plan (e.g. they reached the standard). */
  dropped: Array<{ cell: string; area: string; commune: string; responsible: string }>;
}

/** The previous sheet's typed names, by (year, area) and by area alone. */
class ResponsibleIndex {
  private readonly exact = new Map<string, string>();
  private readonly rowsByArea = new Map<string, RoadmapSheetRow[]>();
  private readonly usedAreas = new Set<string>();
  private readonly counts = { sameYear: 0, movedYear: 0 };

  constructor(
    private readonly read: RoadmapSheetRead,
    private readonly withDistrict: boolean
  ) {
    for (const row of read.rows) {
      if (row.responsible === "") continue;
      const k = sheetAreaKey({ district: row.district, commune: row.commune, name: row.area }, withDistrict);
      const yk = `${row.year ?? "later"}|${k}`;
      if (!this.exact.has(yk)) this.exact.set(yk, row.responsible);
      const list = this.rowsByArea.get(k);
      if (list) list.push(row);
      else this.rowsByArea.set(k, [row]);
    }
  }

  take(area: AreaPlan, year: number | undefined): string {
    if (this.rowsByArea.size === 0) return ""; // no names typed (or no sheet yet): nothing to look up
    const k = sheetAreaKey(area, this.withDistrict);
    const same = this.exact.get(`${year ?? "later"}|${k}`);
    if (same !== undefined) {
      this.counts.sameYear++;
      this.usedAreas.add(k);
      return same;
    }
    // Moved to another year: carry the name when the area had only one.
    const names = new Set((this.rowsByArea.get(k) ?? []).map((r) => r.responsible));
    if (names.size === 1) {
      this.counts.movedYear++;
      this.usedAreas.add(k);
      return [...names][0];
    }
    return "";
  }

  finish(sheetName: string): CarriedOver {
    const column = this.read.responsibleColumn ?? 0;
    const left: RoadmapSheetRow[] = [];
    for (const [k, rows] of this.rowsByArea) if (!this.usedAreas.has(k)) left.push(...rows);
    left.sort((x, y) => x.sheetRow - y.sheetRow);
    const dropped = left.map((row) => ({
      cell: `${sheetName}!${cellAddress(row.sheetRow, column)}`,
      area: row.area,
      commune: row.commune,
      responsible: row.responsible,
    }));
    return { ...this.counts, dropped };
  }
}

export interface RoadmapSheetOptions {
  /** Values of the previous roadmap sheet, as read back: its "Người phụ trách" cells are kept. */
  previous?: Grid;
  /** Sheet names actually used (see chooseSheetNames); default SHEET_NAMES. */
  names?: { roadmap?: string; summary?: string };
  /** Language of data cells (headings are always bilingual). Default "vi". */
  language?: Language;
}

export interface RoadmapSheets {
  /** [roadmap, summary]. */
  sheets: SheetOutput[];
  carried: CarriedOver;
  /** Faults in the previous sheet (unreadable years, no header row). */
  problems: Problem[];
}

/** "Vietnamese / English", for headings. */
export const bothLanguages = (m: Message): string => `${m.vi} / ${m.en}`;
const both = bothLanguages;

function effortCell(a: AreaPlan, lang: Language): string {
  return a.steps.map((s) => `${s.criterionId} ${EFFORT_LABEL[s.effort][lang].toLowerCase()}`).join("; ");
}

function sourceCell(a: AreaPlan, lang: Language): string {
  const parts: string[] = [];
  for (const source of ["state-support", "community"] as const) {
    const ids = a.steps.filter((s) => s.source === source).map((s) => s.criterionId);
    if (ids.length) parts.push(`${SUPPORT_LABEL[source][lang]}: ${ids.join(", ")}`);
  }
  return parts.join("; ");
}

/** The "Năm" cell of areas left for after the target year. */
export function laterLabel(targetYear: number): Message {
  return msg(`Sau ${targetYear}`, `after ${targetYear}`);
}

/** Build both roadmap sheets; the responsible column carries over from `options.previous`. */
export function buildRoadmapSheets(plan: RoadmapPlan, options: RoadmapSheetOptions = {}): RoadmapSheets {
  const lang = options.language ?? "vi";
  const roadmapName = options.names?.roadmap ?? SHEET_NAMES.roadmap;
  const summaryName = options.names?.summary ?? SHEET_NAMES.roadmapSummary;
  const allAreas = [
    ...plan.years.flatMap((y) => y.communes.flatMap((c) => c.areas)),
    ...plan.deferred.map((d) => d.area),
  ];
  const districts = new Set(allAreas.map((a) => foldText(a.district ?? "")));
  const showDistrict = districts.size > 1;

  const read = options.previous
    ? readRoadmapSheet(options.previous, roadmapName)
    : { rows: [], hasDistrict: false, problems: [] };
  const index = new ResponsibleIndex(read, read.hasDistrict && showDistrict);

  const header = [
    ROADMAP_HEADERS.year,
    ...(showDistrict ? [ROADMAP_HEADERS.district] : []),
    ROADMAP_HEADERS.commune,
    ROADMAP_HEADERS.area,
    ROADMAP_HEADERS.criteria,
    ROADMAP_HEADERS.effort,
    ROADMAP_HEADERS.source,
    ROADMAP_HEADERS.responsible,
    ROADMAP_HEADERS.note,
  ];
  const line = (yearCell: CellValue, a: AreaPlan, year: number | undefined, note: string): CellValue[] => [
    yearCell,
    ...(showDistrict ? [a.district ?? ""] : []),
    a.commune,
    a.name,
    stepsText(a, lang),
    effortCell(a, lang),
    sourceCell(a, lang),
    index.take(a, year),
    note,
  ];
  const mobilise = msg("Có điều kiện huy động nguồn lực", "Able to mobilise resources")[lang];
  const title = msg(
    `LỘ TRÌNH XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI ${plan.startYear}–${plan.targetYear}`,
    `Roadmap of residential areas to the new-countryside standard, ${plan.startYear}–${plan.targetYear}`
  );
  const rows: CellValue[][] = [
    [both(title)],
    [
      both(
        msg(
          "Kế hoạch dự kiến, rà soát hằng năm. Cột 'Người phụ trách' do người dùng điền và được giữ khi lập lại lộ trình.",
          "A projected plan, reviewed every year. The 'Responsible' column is yours to fill and is kept when the roadmap is re-planned."
        )
      ),
    ],
  ];
  const warningRows: number[] = [];
  if (plan.provisionalNote) {
    warningRows.push(rows.length);
    rows.push([plan.provisionalNote[lang]]);
  }
  const tableHeaderRow = rows.length;
  rows.push(header);
  for (const y of plan.years) {
    for (const c of y.communes)
      for (const a of c.areas) rows.push(line(y.year, a, y.year, a.canMobilise ? mobilise : ""));
  }
  const later = laterLabel(plan.targetYear)[lang];
  for (const d of plan.deferred) rows.push(line(later, d.area, undefined, d.reason[lang]));

  const widths = [10, ...(showDistrict ? [16] : []), 16, 22, 90, 30, 40, 22, 40];
  const roadmap: SheetOutput = {
    name: roadmapName,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    columnWidths: widths,
    warningRows,
  };
  const carried = index.finish(roadmapName);
  return { sheets: [roadmap, summarySheet(plan, summaryName, lang)], carried, problems: read.problems };
}

const tallyText = (t: Array<{ criterionId: string; count: number }>) =>
  t.map((x) => `${x.criterionId}: ${x.count}`).join("; ");

function summarySheet(plan: RoadmapPlan, name: string, lang: Language): SheetOutput {
  const hasTarget = plan.outcome !== undefined;
  const rows: CellValue[][] = [[both(msg("LỘ TRÌNH TỔNG HỢP", "Roadmap summary"))]];
  const warningRows: number[] = [];
  if (plan.provisionalNote) {
    warningRows.push(rows.length);
    rows.push([plan.provisionalNote[lang]]);
  }
  if (plan.outcome) {
    if (plan.outcome.missing > 0) warningRows.push(rows.length);
    rows.push([plan.outcome.message[lang]]);
  }
  rows.push([]);
  const headerRow = rows.length;
  rows.push([
    "Năm / Year",
    "Số khu đạt chuẩn trong năm / Areas planned",
    "Lũy kế dự kiến / Cumulative projected",
    "Mục tiêu (lộ trình đều) / Target path",
    "Lượt tiêu chí hoàn thành / Criterion completions",
    "Hỗ trợ ngân sách (lượt) / State support (completions)",
    "Xã hội hóa (lượt) / Community (completions)",
    "Kinh phí hỗ trợ (đồng) / Support spending (VND)",
    "Kinh phí thưởng (đồng) / Reward spending (VND)",
    "Xã dưới mức tối thiểu / Communes below the minimum",
  ]);
  const firstRow = rows.length;
  rows.push([
    msg(`Hiện có (đầu ${plan.startYear})`, `Now (start of ${plan.startYear})`)[lang],
    null,
    plan.alreadyMeeting,
    hasTarget ? plan.alreadyMeeting : null,
  ]);
  const sum = (f: (y: RoadmapPlan["years"][number]) => number) => plan.years.reduce((s, y) => s + f(y), 0);
  const count = (t: Array<{ count: number }>) => t.reduce((s, x) => s + x.count, 0);
  for (const y of plan.years) {
    rows.push([
      y.year,
      y.planned,
      y.cumulative,
      y.targetPath ?? null,
      y.completions,
      count(y.stateSupport),
      count(y.community),
      y.supportSpending,
      y.rewardSpending,
      y.belowAim.map((c) => `${c.commune} (${c.planned})`).join(", "),
    ]);
  }
  const lastRow = rows.length - 1;
  const last = plan.years[plan.years.length - 1];
  rows.push([
    msg("Cộng", "Total")[lang],
    sum((y) => y.planned),
    last?.cumulative ?? plan.alreadyMeeting,
    plan.outcome?.target ?? null,
    sum((y) => y.completions),
    sum((y) => count(y.stateSupport)),
    sum((y) => count(y.community)),
    sum((y) => y.supportSpending),
    sum((y) => y.rewardSpending),
    "",
  ]);
  rows.push([msg(`Để sau năm ${plan.targetYear}`, `Left for after ${plan.targetYear}`)[lang], plan.deferred.length]);
  rows.push([]);
  rows.push([
    both(msg("Tiêu chí hoàn thành theo nguồn lực (tiêu chí: số lượt)", "Completions by resource (criterion: count)")),
  ]);
  rows.push(["Năm / Year", "Hỗ trợ ngân sách / State support", "Xã hội hóa / Community mobilisation"]);
  for (const y of plan.years) rows.push([y.year, tallyText(y.stateSupport), tallyText(y.community)]);
  rows.push([]);
  rows.push([
    both(
      msg(
        "Quy tắc lập lộ trình (theo Công văn của Chủ tịch UBND tỉnh)",
        "Planning rules (from the provincial chairman's letter)"
      )
    ),
  ]);
  for (const r of plan.rules) rows.push([r.vi]);
  rows.push(["English:"]);
  for (const r of plan.rules) rows.push([r.en]);
  if (plan.notes.length) {
    rows.push([]);
    rows.push([both(msg("Lưu ý về số liệu", "Notes on the data"))]);
    for (const p of plan.notes) {
      warningRows.push(rows.length);
      rows.push([formatProblem(p, lang)]);
    }
  }
  const chart: ChartSpec = {
    title: hasTarget
      ? both(msg("Số khu đạt chuẩn dự kiến so với mục tiêu", "Projected areas at the standard against the target"))
      : both(msg("Số khu đạt chuẩn dự kiến", "Projected areas at the standard")),
    headerRow,
    firstRow,
    lastRow,
    categoryColumn: 0,
    valueColumns: hasTarget ? [2, 3] : [2],
    kind: "line",
  };
  return {
    name,
    rows,
    headerRows: 1,
    tableHeaderRow: headerRow,
    columnWidths: [24, 14, 14, 14, 14, 14, 14, 18, 18, 40],
    columnFormats: { 7: "#,##0", 8: "#,##0" },
    warningRows,
    chart,
  };
}
