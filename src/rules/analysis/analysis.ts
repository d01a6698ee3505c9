import { Assessor } from "../assessment/assess";
import { columnLetter } from "../reading/cell";
import { formulasWithoutResultProblem } from "../reading/formula-results";
import { AreaInput } from "../assessment/assessment";
import { InputError, Language, Message, msg, Problem, problem } from "../message";
import { Orientation, otherOrientation, sheetAddress, sheetView } from "../reading/orientation";
import { writableSheet } from "../report/output-text";
import { buildProgressSheets, ProgressReview, reviewProgress } from "../roadmap/progress";
import { DossierRef } from "../report/dossier";
import { HIGHLIGHT_FILL } from "../palette";
import { printSetupOf } from "../report/print-setup";
import { buildReport, PlanSettings, planYears, SheetResult } from "../report/report";
import { ReadingSummary } from "../report/sources-sheet";
import { RoadmapPlan } from "../roadmap/plan-shapes";
import { groupLabel, Indicator, Ruleset, rulesetGroups, thresholdFor } from "../ruleset/ruleset";
import { embeddedRuleset, parseRulesetJson, rulesetToDocument } from "../ruleset/ruleset-document";
import { rulesetFromTable } from "../ruleset/ruleset-table";
import { Implausibility, implausibilities, ReadingFacts } from "../reading/sanity";
import { ReadingMemory } from "../reading/reading-memory";
import { readAreas, SkippedRow, TableLayout, toSavedMapping } from "../reading/sheet-table";
import {
  findTables,
  FoundTable,
  FoundTables,
  SkippedSheet,
  skippedText,
  tableRange,
  tablesOfSheet,
} from "../reading/table-finder";
import {
  chooseSheetNames,
  fileAndSheet,
  Highlight,
  SETTING_KEYS,
  SHEET_NAMES,
  SheetData,
  SheetHighlights,
  SheetOutput,
  Workbook,
} from "../workbook";

/**
 * The analysis pipeline, written once above the Workbook interface: the task pane runs it on Office.js,
 * the command line on exceljs, the tests on MemoryWorkbook. Each step is a constant number of
 * workbook calls, whatever the number of rows.
 */

export interface SheetAnalysis extends SheetResult {
  layout: TableLayout;
  skipped: SkippedRow[];
  /** The sheet as read (hidden rows, for the pane). */
  data: SheetData;
  /** The sheet as the table is read: itself, or transposed for a sideways table (formats, for highlights). */
  view: SheetData;
  /** Where the table sits on its sheet ("A6:AD160"). */
  range: string;
  /** How it was read: sideways, read again the other way, its commune from the sheet name or title, columns chosen by values. */
  notes: Problem[];
}

/** Every table of a workbook assessed, and the sheets passed over with the reason. */
export interface WorkbookAnalysis {
  tables: SheetAnalysis[];
  skippedSheets: SkippedSheet[];
}

/** A table as the pane shows and corrects it: its sheet and layout. */
export interface TableChoice {
  sheet: string;
  layout: TableLayout;
  /** The layout is as detected, not corrected by the user: it may be read again the other way round. */
  detected?: boolean;
}

export interface AnalyseOptions {
  ruleset: Ruleset;
  /**
   * The ruleset's Assessor, to keep its verdicts across analyses (the command line's files share one);
   * none: the analysis makes its own.
   */
  assessor?: Assessor;
  year?: number;
  /** Only these sheets (the command line's --sheet); else every sheet of the workbook. */
  sheets?: string[];
  /** The tables the user confirmed or corrected (the pane); else the saved mappings, else detected. */
  tables?: TableChoice[];
  /** With `tables`: the sheets passed over when they were found, and why, for the report to say so. */
  skipped?: SkippedSheet[];
  /** Where the areas came from (a file name, the workbook's name): shown as such, never taken for a district. */
  source?: string;
}

/** The ruleset the workbook carries (corrected by an officer), else the embedded one. */
export async function workbookRuleset(workbook: Workbook): Promise<Ruleset> {
  const saved = await workbook.loadSetting(SETTING_KEYS.ruleset);
  return saved ? parseRulesetJson(saved, SETTING_KEYS.ruleset) : embeddedRuleset();
}

/** The tables the user gave, each sheet read once. */
async function givenTables(workbook: Workbook, choices: TableChoice[]): Promise<FoundTables> {
  const names = await workbook.sheetNames();
  const missing = [...new Set(choices.map((c) => c.sheet))].filter((n) => !names.includes(n));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((n) =>
        problem(
          "no-sheet",
          n,
          `Không có trang "${n}" (đã đổi tên hay xóa?). Hãy tìm lại bảng.`,
          `No sheet "${n}" (renamed or deleted?). Find the tables again.`
        )
      )
    );
  }
  const read = new Map<string, SheetData>();
  const tables: FoundTable[] = [];
  for (const choice of choices) {
    let data = read.get(choice.sheet);
    if (!data) read.set(choice.sheet, (data = await workbook.readSheet(choice.sheet)));
    tables.push({
      data,
      view: sheetView(data, choice.layout.orientation ?? "rows"),
      layout: choice.layout,
      source: choice.detected ? "detected" : "given",
    });
  }
  return { tables, skipped: [] };
}

interface TableReading {
  analysis: SheetAnalysis;
  facts: ReadingFacts;
}

const lineWord = (o: Orientation) => (o === "rows" ? { vi: "Cột", en: "Column" } : { vi: "Dòng", en: "Row" });

/** The notes that say how a table was read, for the report, the command line and the pane. */
function readingNotes(found: FoundTable, range: string): Problem[] {
  const { layout } = found;
  const o = layout.orientation ?? "rows";
  const where = `${found.data.name}!${range}`;
  const notes: Problem[] = [];
  if (o === "columns") {
    notes.push(
      problem(
        "sideways",
        where,
        "Bảng ngang: tiêu chí, chỉ tiêu theo dòng, mỗi khu dân cư một cột.",
        "A sideways table: criteria and indicators down the rows, one column per area."
      )
    );
  }
  if (layout.commune !== undefined && !layout.columns.some((c) => c.role.kind === "commune")) {
    notes.push(
      layout.communeSource === "sheet"
        ? problem(
            "commune-from-sheet",
            where,
            `Bảng không có cột xã: xã lấy từ tên trang, "${layout.commune}".`,
            `No commune column: the commune is taken from the sheet name, "${layout.commune}".`
          )
        : problem(
            "commune-from-title",
            where,
            `Bảng không có cột xã: xã lấy từ tiêu đề, "${layout.commune}".`,
            `No commune column: the commune is taken from the title, "${layout.commune}".`
          )
    );
  }
  if (layout.titleCommune !== undefined && layout.commune !== undefined) {
    notes.push(
      problem(
        "commune-title-differs",
        where,
        `Tiêu đề ghi "${layout.titleCommune}" nhưng tên trang là "${layout.commune}": đã dùng tên trang. Hãy kiểm tra.`,
        `The title names "${layout.titleCommune}" but the sheet is named "${layout.commune}": the sheet name was used. Please check.`
      )
    );
  }
  const word = lineWord(o);
  const place = (column: number) => (o === "rows" ? columnLetter(column) : String(column + 1));
  for (const c of layout.columns) {
    if (!c.note) continue;
    const head = `${word.vi} ${place(c.column)}${c.header ? ` (${c.header})` : ""}`;
    const headEn = `${word.en} ${place(c.column)}${c.header ? ` (${c.header})` : ""}`;
    const percent = Math.round(c.confidence * 100);
    notes.push(
      problem(
        "column-by-values",
        `${found.data.name}!${sheetAddress(o, layout.headerTop, c.column)}`,
        `${head}: ${c.note.vi} Độ tin cậy ${percent}%.`,
        `${headEn}: ${c.note.en} Confidence ${percent}%.`
      )
    );
  }
  for (const u of layout.unmapped) {
    if (!u.note) continue;
    notes.push(
      problem(
        "column-by-values",
        `${found.data.name}!${sheetAddress(o, layout.headerTop, u.column)}`,
        `${word.vi} ${place(u.column)} (${u.header}): ${u.note.vi}`,
        `${word.en} ${place(u.column)} (${u.header}): ${u.note.en}`
      )
    );
  }
  return notes;
}

/** Read a table's areas and assess them all with the ruleset's Assessor; undefined when it has none. */
async function readTable(
  found: FoundTable,
  assessor: Assessor,
  options: TableOptions
): Promise<TableReading | undefined> {
  const { ruleset } = assessor;
  const read = readAreas(found.view, found.layout, ruleset, options.memory);
  if (read.areas.length === 0) return undefined;
  const sheet = found.data.name;
  for (const a of read.areas) a.sheet = sheet;
  const assessments = await assessor.assessAll(read.areas, { year: options.year });
  const range = tableRange(found);
  const notes = readingNotes(found, range);
  const unknown = unknownGroups(read.areas, ruleset);
  if (unknown) notes.push(problem("group-unknown", `${sheet}!${range}`, unknown.vi, unknown.en));
  // Per sheet: every table of a sheet carries its formulas without a saved result.
  const unsaved = formulasWithoutResultProblem(found.data);
  const placeless = read.areas.filter((a) => a.commune.trim() === "").length;
  if (placeless > 0) {
    notes.push(
      problem(
        "no-commune",
        `${sheet}!${range}`,
        `${placeless} khu không rõ thuộc xã nào (không có cột xã, dòng tên xã, tên trang hay tiêu đề nêu xã): bảng theo xã và lộ trình (số khu mỗi xã mỗi năm) coi chúng là một xã.`,
        `${placeless} areas belong to no named commune (no commune column, section row, sheet name or title names one): the commune sheet and the roadmap (areas per commune a year) count them as one commune.`
      )
    );
  }
  const analysis: SheetAnalysis = {
    // The file named by a sheet of several files ("[file]sheet"), as the command line names each of its files.
    source: options.source ?? fileAndSheet(sheet).file ?? sheet,
    sheet,
    district: found.layout.district,
    assessments,
    problems: unsaved ? [unsaved, ...read.problems] : read.problems,
    layout: found.layout,
    skipped: read.skipped,
    data: found.data,
    view: found.view,
    range,
    notes,
  };
  return {
    analysis,
    facts: { assessments, labels: read.labels, unnamed: read.unnamed, cells: read.cells, readable: read.readable },
  };
}

/**
 * Areas whose group (from the table's group column) no threshold of the ruleset depends on: they are
 * assessed against the common thresholds, which the user should know (a misspelt group, a ruleset
 * without that group's thresholds).
 */
function unknownGroups(areas: AreaInput[], ruleset: Ruleset): Message | undefined {
  const known = rulesetGroups(ruleset);
  const counts = new Map<string, number>();
  for (const a of areas)
    if (a.group !== undefined && !known.has(a.group)) counts.set(a.group, (counts.get(a.group) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const list = [...counts].map(([g, n]) => `"${groupLabel(g)}" (${n})`).join(", ");
  return msg(
    `Bộ tiêu chí không có ngưỡng riêng cho nhóm ${list}: các khu đó được đánh giá theo ngưỡng chung.`,
    `The ruleset has no thresholds of their own for the group ${list}: those areas are assessed against the common thresholds.`
  );
}

interface TableOptions {
  year?: number;
  source?: string;
  /** The analysis's reading memory: values and headers repeated over its tables are read once. */
  memory: ReadingMemory;
}

/** One sheet's tables read and checked: their readings, and what the checks found (none: believable). */
async function readSheetTables(
  tables: FoundTable[],
  assessor: Assessor,
  options: TableOptions
): Promise<{ readings: Array<TableReading | undefined>; findings: Implausibility[] }> {
  const readings: Array<TableReading | undefined> = [];
  const findings: Implausibility[] = [];
  for (const t of tables) {
    const reading = await readTable(t, assessor, options);
    readings.push(reading);
    if (reading) findings.push(...implausibilities(reading.facts, assessor.ruleset, options.memory));
  }
  return { readings, findings };
}

const findingsText = (findings: Implausibility[], language: Language): string =>
  findings.map((f) => f.message[language]).join("; ");

function implausibleProblem(sheet: string, range: string, findings: Implausibility[], bothWays: boolean): Problem {
  return problem(
    "implausible-table",
    `${sheet}!${range}`,
    `Trang "${sheet}" không được đánh giá vì cách đọc bảng không đáng tin: ${findingsText(findings, "vi")}${bothWays ? " Đã thử đọc cả theo chiều ngang (mỗi khu một cột) và chiều dọc." : ""} Không ghi kết quả nào. Hãy kiểm tra dòng tiêu đề và cột tên khu, sửa cách ghép cột, hoặc bỏ trang này khỏi phân tích.`,
    `Sheet "${sheet}" was not assessed because its reading cannot be trusted: ${findingsText(findings, "en")}${bothWays ? " It was tried both ways round (one area per column, and per row)." : ""} Nothing was written. Check the header rows and the area-name column, correct the column mapping, or leave this sheet out of the analysis.`
  );
}

/**
 * Find and assess every table of the workbook. Each sheet's reading is checked before it is believed
 * (see sanity.ts); a detected table that fails the checks is read again the other way round (turned
 * sideways, or back), and a sheet that fails both ways is refused with what was seen: an InputError,
 * so that nothing is written from a reading that cannot be trusted.
 */
export async function analyseWorkbook(workbook: Workbook, options: AnalyseOptions): Promise<WorkbookAnalysis> {
  const { ruleset } = options;
  const assessor = options.assessor ?? new Assessor(ruleset);
  if (assessor.ruleset !== ruleset) throw new Error("The Assessor given is of another ruleset.");
  const memory = new ReadingMemory();
  const tableOptions: TableOptions = { year: options.year, source: options.source, memory };
  const found = options.tables
    ? await givenTables(workbook, options.tables)
    : await findTables(workbook, ruleset, { sheets: options.sheets, memory });
  const bySheet = new Map<string, FoundTable[]>();
  for (const t of found.tables) {
    const list = bySheet.get(t.data.name);
    if (list) list.push(t);
    else bySheet.set(t.data.name, [t]);
  }
  const tables: SheetAnalysis[] = [];
  const skippedSheets = [...found.skipped, ...(options.tables ? (options.skipped ?? []) : [])];
  const refused: Problem[] = [];
  for (const [sheet, group] of bySheet) {
    let { readings, findings } = await readSheetTables(group, assessor, tableOptions);
    const empty = readings.every((r) => r === undefined);
    if ((findings.length > 0 || empty) && group.every((t) => t.source === "detected")) {
      const first = readings.find((r) => r !== undefined)?.analysis.range ?? tableRange(group[0]);
      const other = otherOrientation(group[0].layout.orientation ?? "rows");
      const again = tablesOfSheet(group[0].data, ruleset, other, memory);
      const reread = "code" in again ? undefined : await readSheetTables(again, assessor, tableOptions);
      if (reread && reread.findings.length === 0 && reread.readings.some((r) => r !== undefined)) {
        const seen = empty
          ? msg("không có dòng khu dân cư nào", "no area rows")
          : msg(findingsText(findings, "vi"), findingsText(findings, "en"));
        for (const r of reread.readings) {
          r?.analysis.notes.unshift(
            problem(
              "read-again",
              `${sheet}!${r.analysis.range}`,
              `Đọc bảng theo chiều ${other === "columns" ? "dọc" : "ngang"} không hợp lý (${seen.vi}), nên đã đọc lại theo chiều ${other === "columns" ? "ngang: mỗi khu một cột" : "dọc: mỗi khu một dòng"}.`,
              `Reading the table ${other === "columns" ? "the usual way" : "sideways"} was implausible (${seen.en}), so it was read again ${other === "columns" ? "sideways: one area per column" : "the usual way: one area per row"}.`
            )
          );
        }
        ({ readings, findings } = reread);
      } else if (!empty || (reread && reread.findings.length > 0)) {
        // What was seen: the first reading's faults, or the second's when the first found no areas at all.
        const seen = empty && reread ? reread : { readings, findings };
        const at = seen.readings.find((r) => r !== undefined)?.analysis.range ?? first;
        refused.push(implausibleProblem(sheet, at, seen.findings, true));
        continue;
      }
    }
    if (findings.length > 0) {
      const first = readings.find((r) => r !== undefined)?.analysis.range ?? tableRange(group[0]);
      refused.push(implausibleProblem(sheet, first, findings, false));
      continue;
    }
    const read = readings.filter((r): r is TableReading => r !== undefined);
    if (read.length === 0) {
      const text = msg("có tiêu đề bảng nhưng không có dòng khu dân cư nào", "has table headers but no area rows");
      if (options.sheets || options.tables) {
        refused.push(problem("no-areas", sheet, `Trang "${sheet}" ${text.vi}.`, `Sheet "${sheet}" ${text.en}.`));
      } else skippedSheets.push({ sheet, reason: "no-areas", message: text });
      continue;
    }
    tables.push(...read.map((r) => r.analysis));
  }
  if (refused.length > 0) throw new InputError(refused);
  if (tables.length === 0) {
    throw new InputError([
      problem(
        "no-areas",
        "",
        `Sổ có bảng nhưng không có dòng khu dân cư nào. ${skippedText(skippedSheets, "vi")}`,
        `The workbook has tables but no area rows. ${skippedText(skippedSheets, "en")}`
      ),
    ]);
  }
  return { tables, skippedSheets };
}

export interface WriteOutcome {
  written: string[];
  /** A user's sheet already had the wanted name: the add-in used another and says so. */
  renamed: Array<{ wanted: string; used: string }>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
  // Cell texts as Excel can hold them, whichever host writes (Office.js has the same limits as a file);
  // every sheet print-ready unless it says otherwise.
  const out = sheets.map((s) => {
    const sheet = writableSheet(s);
    return { ...sheet, name: names.get(s.name) ?? s.name, print: sheet.print ?? printSetupOf(sheet) };
  });
  await workbook.writeSheets(out);
  const nowOwned = [...new Set([...owned.filter((n) => existing.includes(n)), ...out.map((s) => s.name)])];
  await workbook.saveSetting(SETTING_KEYS.ownedSheets, JSON.stringify(nowOwned));
  return { written: out.map((s) => s.name), renamed };
}

/**
 * Keep the mapping of every table (the user's corrections with it) inside the workbook, for the next
 * opening and the custom functions: one setting, a list of one saved mapping per table.
 */
export async function saveMappings(workbook: Workbook, tables: TableChoice[]): Promise<void> {
  await workbook.saveSetting(
    SETTING_KEYS.mapping,
    JSON.stringify(tables.map((t) => toSavedMapping(t.sheet, t.layout)))
  );
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

/** The areas' lines of a table by their group (see groupKey): a group may have thresholds of its own. */
function linesByGroup(analysis: SheetAnalysis, o: Orientation): Map<string | undefined, number[]> {
  const byGroup = new Map<string | undefined, number[]>();
  for (const a of analysis.assessments) {
    const line = ((o === "rows" ? a.area.row : a.area.column) ?? 0) - 1;
    if (line < 0) continue;
    const list = byGroup.get(a.area.group);
    if (list) list.push(line);
    else byGroup.set(a.area.group, [line]);
  }
  return byGroup;
}

/**
 * One "unmet" and one "missing" conditional format per mapped indicator (or status) column, over the
 * area rows only (for a sideways table: along its rows, over the area columns). Numbers are compared in
 * the sheet's own terms: a "0%" column holds fractions, a "(triệu đồng)" column holds millions.
 */
export function gapHighlights(analysis: SheetAnalysis, ruleset: Ruleset, year?: number): Highlight[] {
  const o = analysis.layout.orientation ?? "rows";
  // The areas' lines in the table's view: sheet rows, or sheet columns sideways.
  const lines = analysis.assessments
    .map((a) => ((o === "rows" ? a.area.row : a.area.column) ?? 0) - 1)
    .filter((r) => r >= 0);
  const blocks = rowBlocks(lines);
  if (blocks.length === 0) return [];
  const groups = linesByGroup(analysis, o);
  const highlights: Highlight[] = [];
  for (const col of analysis.layout.columns) {
    const range = blocks
      .map((b) => `${sheetAddress(o, b[0], col.column)}:${sheetAddress(o, b[1], col.column)}`)
      .join(",");
    const top = sheetAddress(o, blocks[0][0], col.column);
    if (col.role.kind === "indicator") {
      const id = col.role.indicatorId;
      const indicator = ruleset.indicators.find((i) => i.id === id);
      if (!indicator) continue;
      // Most of the column's area cells formatted as a percentage: the sheet holds fractions.
      let cells = 0;
      let percent = 0;
      if (indicator.unit === "percent") {
        for (let k = 0; k < lines.length; k++) {
          cells++;
          if (analysis.view.numberFormats?.[lines[k]]?.[col.column]?.includes("%")) percent++;
        }
      }
      const percentFormatted = percent > cells / 2;
      const divisor = percentFormatted ? 100 : (col.scale ?? 1);
      // One format per threshold in force: areas of another group (nhóm 1/2/3, xã ĐBKK) may have another.
      // One format per threshold in force: areas of a group (nhóm 1/2/3, xã ĐBKK) may have their own.
      const byThreshold = new Map<number | boolean, number[]>();
      for (const [group, own] of groups) {
        const threshold = thresholdFor(indicator, { year, group });
        byThreshold.set(threshold, [...(byThreshold.get(threshold) ?? []), ...own]);
      }
      for (const [threshold, own] of byThreshold) {
        const ownBlocks = byThreshold.size === 1 ? blocks : rowBlocks(own);
        const ownTop = sheetAddress(o, ownBlocks[0][0], col.column);
        highlights.push({
          range:
            byThreshold.size === 1
              ? range
              : ownBlocks
                  .map((b) => `${sheetAddress(o, b[0], col.column)}:${sheetAddress(o, b[1], col.column)}`)
                  .join(","),
          formula: `=${failFormula(ownTop, indicator, threshold, divisor)}`,
          fill: HIGHLIGHT_FILL.unmet,
          label: id,
        });
      }
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

/** Every table's highlights, grouped by the sheet they go on (tables sharing a sheet share one list). */
export function workbookHighlights(tables: SheetAnalysis[], ruleset: Ruleset, year?: number): SheetHighlights[] {
  const bySheet = new Map<string, Highlight[]>();
  for (const t of tables) {
    const list = bySheet.get(t.sheet) ?? [];
    list.push(...gapHighlights(t, ruleset, year));
    bySheet.set(t.sheet, list);
  }
  return [...bySheet].map(([sheet, highlights]) => ({ sheet, highlights }));
}

/** What the report says about how the workbook was read: its tables, the sheets passed over, the notes. */
export function readingSummary(analysis: WorkbookAnalysis, source?: string): ReadingSummary {
  // A sheet of several files ("[file]sheet") is listed as the command line lists it: its file, its own name.
  const skippedSource = (sheet: string) => source ?? fileAndSheet(sheet).file ?? "";
  return {
    tables: analysis.tables.map((t) => ({
      source: source ?? t.source,
      sheet: fileAndSheet(t.sheet).sheet,
      range: t.range,
      orientation: t.layout.orientation ?? "rows",
      areas: t.assessments.length,
      district: t.layout.district,
      commune: t.layout.columns.some((c) => c.role.kind === "commune") ? undefined : t.layout.commune,
      notes: t.notes,
    })),
    skipped: analysis.skippedSheets.map((s) => ({
      source: skippedSource(s.sheet),
      sheet: fileAndSheet(s.sheet).sheet,
      message: s.message,
    })),
  };
}

// ---------------------------------------------------------------------------------------------

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
