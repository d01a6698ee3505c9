import { assessorFor } from "./assess";
import { cellAddress, columnLetter } from "./cell";
import { formulasWithoutResultProblem } from "./formula-results";
import { writableSheet } from "./output-text";
import { InputError, Language, Problem, problem } from "./message";
import { buildProgressSheets, ProgressReview, reviewProgress } from "./progress";
import { buildReport, PlanSettings, planYears, SheetResult } from "./report";
import { RoadmapPlan } from "./roadmap";
import { Indicator, Ruleset, thresholdFor } from "./ruleset";
import { embeddedRuleset, parseRulesetJson, rulesetToDocument } from "./ruleset-document";
import { rulesetFromTable } from "./ruleset-table";
import { detectTable, fromSavedMapping, readAreas, SkippedRow, TableLayout, toSavedMapping } from "./sheet-table";
import { chooseSheetNames, Highlight, SETTING_KEYS, SHEET_NAMES, SheetData, SheetOutput, Workbook } from "./workbook";

/**
 * The analysis pipeline, written once above the Workbook interface: the task pane runs it on Office.js,
 * the command line on exceljs, the tests on MemoryWorkbook. Each step is a constant number of
 * workbook calls, whatever the number of rows.
 */

export interface SheetAnalysis extends SheetResult {
  layout: TableLayout;
  skipped: SkippedRow[];
  /** The sheet as read, for highlights. */
  data: SheetData;
}

export interface AnalyseOptions {
  ruleset: Ruleset;
  year?: number;
  /** The sheet to analyse; else the sheet of the saved mapping, else the active sheet, else the first with a table. */
  sheet?: string;
  /** A mapping the user corrected (the pane); else the saved one for this sheet, else detected. */
  layout?: TableLayout;
  /** Shown in roll-ups: a file name or the workbook's name. */
  source?: string;
}

const notFound = (where: string, found: string[]): Problem =>
  problem(
    "no-table",
    where,
    `Không tìm thấy bảng khu dân cư (cần cột tên khu và các cột tiêu chí/chỉ tiêu).${found.length ? ` Các trang có: ${found.join(", ")}.` : ""}`,
    `No residential-area table found (an area-name column and criterion/indicator columns are needed).${found.length ? ` Sheets: ${found.join(", ")}.` : ""}`
  );

/** The ruleset the workbook carries (corrected by an officer), else the embedded one. */
export async function workbookRuleset(workbook: Workbook): Promise<Ruleset> {
  const saved = await workbook.loadSetting(SETTING_KEYS.ruleset);
  return saved ? parseRulesetJson(saved, SETTING_KEYS.ruleset) : embeddedRuleset();
}

/** Find the district table: which sheet, which header rows, which columns. */
export async function findTable(
  workbook: Workbook,
  ruleset: Ruleset,
  sheetName?: string
): Promise<{ data: SheetData; layout: TableLayout }> {
  const names = await workbook.sheetNames();
  const own = new Set<string>(Object.values(SHEET_NAMES));
  if (sheetName !== undefined && !names.includes(sheetName)) {
    throw new InputError([
      problem(
        "no-sheet",
        sheetName,
        `Không có trang "${sheetName}". Các trang: ${names.join(", ")}.`,
        `No sheet "${sheetName}". Sheets: ${names.join(", ")}.`
      ),
    ]);
  }
  const savedText = sheetName === undefined ? await workbook.loadSetting(SETTING_KEYS.mapping) : undefined;
  const saved = savedText ? safeJson(savedText) : undefined;
  const savedSheet =
    saved && typeof saved === "object" && "sheet" in saved ? String((saved as { sheet: unknown }).sheet) : undefined;
  const active = await workbook.activeSheetName();
  const candidates =
    sheetName !== undefined
      ? [sheetName]
      : [savedSheet, active, ...names].filter(
          (n, k, all): n is string => !!n && names.includes(n) && !own.has(n) && all.indexOf(n) === k
        );
  const problems: Problem[] = [];
  for (const name of candidates) {
    const data = await workbook.readSheet(name);
    if (
      data.values.length === 0 ||
      data.values.every((r) => r.every((v) => v === null || v === undefined || v === ""))
    ) {
      problems.push(problem("empty-sheet", name, `Trang "${name}" trống.`, `Sheet "${name}" is empty.`));
      continue;
    }
    if (name === savedSheet && saved) {
      const layout = fromSavedMapping(saved, ruleset);
      if (!("code" in layout)) return { data, layout };
    }
    const layout = detectTable(data, ruleset);
    if ("code" in layout) {
      problems.push({ ...layout, where: layout.where ? `${name}!${layout.where}` : name });
      continue;
    }
    return { data, layout };
  }
  if (problems.length === 0) problems.push(notFound(sheetName ?? "", names));
  throw new InputError(problems);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Read the areas of a table and assess them all on the ruleset's one engine. */
export async function assessTable(
  data: SheetData,
  layout: TableLayout,
  ruleset: Ruleset,
  options: { year?: number; source?: string } = {}
): Promise<SheetAnalysis> {
  const read = readAreas(data, layout, ruleset);
  const { areas, skipped } = read;
  const unsaved = formulasWithoutResultProblem(data);
  const problems = unsaved ? [unsaved, ...read.problems] : read.problems;
  if (areas.length === 0) {
    throw new InputError([
      problem(
        "no-areas",
        data.name,
        `Trang "${data.name}" có tiêu đề nhưng không có dòng khu dân cư nào.`,
        `Sheet "${data.name}" has headers but no area rows.`
      ),
      ...problems,
    ]);
  }
  const assessments = await assessorFor(ruleset).assessAll(areas, { year: options.year });
  return {
    source: options.source ?? data.name,
    sheet: data.name,
    district: layout.district,
    assessments,
    problems,
    layout,
    skipped,
    data,
  };
}

export async function analyseSheet(workbook: Workbook, options: AnalyseOptions): Promise<SheetAnalysis> {
  const { data, layout } = options.layout
    ? { data: await workbook.readSheet(options.sheet ?? (await activeOrFail(workbook))), layout: options.layout }
    : await findTable(workbook, options.ruleset, options.sheet);
  return assessTable(data, layout, options.ruleset, options);
}

async function activeOrFail(workbook: Workbook): Promise<string> {
  const active = await workbook.activeSheetName();
  if (!active) throw new InputError([notFound("", await workbook.sheetNames())]);
  return active;
}

export interface WriteOutcome {
  written: string[];
  /** A user's sheet already had the wanted name: the add-in used another and says so. */
  renamed: Array<{ wanted: string; used: string }>;
}

/**
 * Write the add-in's sheets in one batch. Only sheets the add-in owns are replaced; a user's sheet that
 * carries one of the names is left alone and the add-in writes "name (2)".
 */
async function ownership(workbook: Workbook): Promise<{ existing: string[]; owned: string[] }> {
  const existing = await workbook.sheetNames();
  const ownedText = await workbook.loadSetting(SETTING_KEYS.ownedSheets);
  const parsed = ownedText ? safeJson(ownedText) : undefined;
  const owned = Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === "string") : [];
  return { existing, owned };
}

/** The values of one of the add-in's own sheets from an earlier run (e.g. the roadmap), if there is one. */
export async function previousOwnSheet(workbook: Workbook, wanted: string): Promise<SheetData | undefined> {
  const { existing, owned } = await ownership(workbook);
  const name = chooseSheetNames([wanted], existing, owned).names.get(wanted) ?? wanted;
  return existing.includes(name) && owned.includes(name) ? workbook.readSheet(name) : undefined;
}

export async function writeOwnSheets(workbook: Workbook, sheets: SheetOutput[]): Promise<WriteOutcome> {
  const { existing, owned } = await ownership(workbook);
  const { names, renamed } = chooseSheetNames(
    sheets.map((s) => s.name),
    existing,
    owned
  );
  // Cell texts as Excel can hold them, whichever host writes (Office.js has the same limits as a file).
  const out = sheets.map((s) => ({ ...writableSheet(s), name: names.get(s.name) ?? s.name }));
  await workbook.writeSheets(out);
  const nowOwned = [...new Set([...owned.filter((n) => existing.includes(n)), ...out.map((s) => s.name)])];
  await workbook.saveSetting(SETTING_KEYS.ownedSheets, JSON.stringify(nowOwned));
  return { written: out.map((s) => s.name), renamed };
}

/** Keep the user's mapping (and corrections) inside the workbook for the next opening and the functions. */
export async function saveMapping(workbook: Workbook, sheet: string, layout: TableLayout): Promise<void> {
  await workbook.saveSetting(SETTING_KEYS.mapping, JSON.stringify(toSavedMapping(sheet, layout)));
}

/** Read the criteria sheet back (an officer corrected a threshold) and keep it in the workbook. */
export async function reloadRulesetFromSheet(
  workbook: Workbook,
  base: Ruleset,
  sheetName: string = SHEET_NAMES.ruleset
): Promise<Ruleset> {
  const names = await workbook.sheetNames();
  if (!names.includes(sheetName)) {
    throw new InputError([
      problem(
        "no-sheet",
        sheetName,
        `Chưa có trang "${sheetName}": hãy ghi bộ tiêu chí ra trang trước.`,
        `No sheet "${sheetName}": write the criteria to a sheet first.`
      ),
    ]);
  }
  const data = await workbook.readSheet(sheetName);
  const ruleset = rulesetFromTable(data.values, base, sheetName);
  await workbook.saveSetting(SETTING_KEYS.ruleset, JSON.stringify(rulesetToDocument(ruleset)));
  return ruleset;
}

// ---------------------------------------------------------------------------------------------
// Highlights: conditional formats on the user's own sheet that follow the data when a value changes.

export const HIGHLIGHT_FILL = { unmet: "#F8CBAD", missing: "#FFF2CC" } as const;

/** Consecutive rows grouped into blocks, so section and total rows between them stay unpainted. */
function rowBlocks(rows: number[]): Array<[number, number]> {
  const sorted = rows.slice().sort((a, b) => a - b);
  const blocks: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r <= last[1]) continue; // a row listed twice
    if (last && r === last[1] + 1) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

const NOT_MET_WORDS = '{"Chưa đạt","Không đạt","Không","Chưa","Chưa có","Không có"}';

/** The Excel condition (on the top-left cell `a`) that an indicator value fails its threshold. */
function failFormula(a: string, indicator: Indicator, threshold: number | boolean, divisor: number): string {
  if (typeof threshold === "boolean") {
    const yes = '{"Đạt","Có","x","TRUE"}';
    return threshold
      ? `OR(${a}=FALSE,ISNUMBER(MATCH(TRIM(${a}),${NOT_MET_WORDS},0)))`
      : `OR(${a}=TRUE,ISNUMBER(MATCH(TRIM(${a}),${yes},0)))`;
  }
  const t = threshold / divisor;
  const op = { ">=": "<", "<=": ">", ">": "<=", "<": ">=", "==": "<>" }[indicator.operator];
  return `AND(ISNUMBER(${a}),${a}${op}${t})`;
}

/**
 * One "unmet" and one "missing" conditional format per mapped indicator (or status) column, over the
 * area rows only. Numbers are compared in the sheet's own terms: a "0%" column holds fractions, a
 * "(triệu đồng)" column holds millions.
 */
export function gapHighlights(analysis: SheetAnalysis, ruleset: Ruleset, year?: number): Highlight[] {
  const rows = analysis.assessments.map((a) => (a.area.row ?? 0) - 1).filter((r) => r >= 0);
  const blocks = rowBlocks(rows);
  if (blocks.length === 0) return [];
  const highlights: Highlight[] = [];
  for (const col of analysis.layout.columns) {
    const letter = columnLetter(col.column);
    const range = blocks.map((b) => `${letter}${b[0] + 1}:${letter}${b[1] + 1}`).join(",");
    const top = cellAddress(blocks[0][0], col.column);
    if (col.role.kind === "indicator") {
      const id = col.role.indicatorId;
      const indicator = ruleset.indicators.find((i) => i.id === id);
      if (!indicator) continue;
      const threshold = thresholdFor(indicator, { year });
      // Most of the column's area cells formatted as a percentage: the sheet holds fractions.
      let cells = 0;
      let percent = 0;
      if (indicator.unit === "percent") {
        for (let k = 0; k < rows.length; k++) {
          cells++;
          if (analysis.data.numberFormats?.[rows[k]]?.[col.column]?.includes("%")) percent++;
        }
      }
      const percentFormatted = percent > cells / 2;
      const divisor = percentFormatted ? 100 : (col.scale ?? 1);
      highlights.push({
        range,
        formula: `=${failFormula(top, indicator, threshold, divisor)}`,
        fill: HIGHLIGHT_FILL.unmet,
        label: id,
      });
      highlights.push({ range, formula: `=LEN(TRIM(${top}))=0`, fill: HIGHLIGHT_FILL.missing, label: `${id}:missing` });
    } else if (col.role.kind === "criterion") {
      const id = col.role.criterionId;
      highlights.push({
        range,
        formula: `=OR(${top}=FALSE,ISNUMBER(MATCH(TRIM(${top}),${NOT_MET_WORDS},0)))`,
        fill: HIGHLIGHT_FILL.unmet,
        label: id,
      });
      highlights.push({ range, formula: `=LEN(TRIM(${top}))=0`, fill: HIGHLIGHT_FILL.missing, label: `${id}:missing` });
    }
  }
  return highlights;
}

// ---------------------------------------------------------------------------------------------

export interface DistrictRun {
  analysis: SheetAnalysis;
  sheets: SheetOutput[];
  outcome: WriteOutcome;
  highlights: number;
  /** The roadmap written to the roadmap sheets (none when the run was asked for no roadmap). */
  plan?: RoadmapPlan;
  /** Notes on the roadmap's input (e.g. a responsible name whose area is no longer planned). */
  planProblems: Problem[];
}

/**
 * What the pane's "Phân tích" button does: find and assess the table, write the result sheets,
 * highlight the gaps on the user's sheet, remember the mapping.
 */
export async function analyseAndWrite(
  workbook: Workbook,
  options: AnalyseOptions & { language?: Language; highlight?: boolean; roadmap?: PlanSettings | false }
): Promise<DistrictRun> {
  const analysis = await analyseSheet(workbook, options);
  // The roadmap sheet of the last run keeps what the user typed in its "Người phụ trách" column.
  const roadmap =
    options.roadmap === false
      ? false
      : { ...options.roadmap, previous: (await previousOwnSheet(workbook, SHEET_NAMES.roadmap))?.values };
  const { sheets, plan, problems } = buildReport(
    [analysis],
    options.ruleset,
    options.language ?? "vi",
    roadmap,
    options.year
  );
  const outcome = await writeOwnSheets(workbook, sheets);
  let highlights = 0;
  if (options.highlight !== false) {
    const hs = gapHighlights(analysis, options.ruleset, options.year);
    await workbook.setHighlights(analysis.sheet, hs);
    highlights = hs.length;
  }
  await saveMapping(workbook, analysis.sheet, analysis.layout);
  return { analysis, sheets, outcome, highlights, plan, planProblems: problems };
}

export interface ProgressRun {
  analysis: SheetAnalysis;
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
  const analysis = await analyseSheet(workbook, options);
  const settings: PlanSettings = { ...options.roadmap };
  delete settings.previous;
  const { targetYear } = planYears({ ...settings, startYear: options.year });
  const review = reviewProgress(options.ruleset, previous.values, analysis.assessments, {
    ...settings,
    targetYear,
    year: options.year,
    previousSheetName: previous.name,
  });
  const built = buildProgressSheets(review, previous.values, { language: options.language });
  const outcome = await writeOwnSheets(workbook, built.sheets);
  return { analysis, review, outcome, problems: [...review.problems, ...built.problems] };
}
