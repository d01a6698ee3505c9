import { CellValue, isExcelError } from "./cell";
import { criterionLabelConfidence, filledColumns, MIN_CONFIDENCE } from "./columns";
import { InputError, Message, msg, Problem, problem } from "../message";
import { Orientation, sheetRange, sheetView } from "./orientation";
import { namesWord, tablePlaces, titlePlaces, TitlePlaces } from "./places";
import { Ruleset } from "../ruleset/ruleset";
import { ReadingMemory } from "./reading-memory";
import {
  detectTable,
  fromSavedMapping,
  headerRowScore,
  looksLikeData,
  readMappingSetting,
  TableLayout,
} from "./sheet-table";
import { fileAndSheet, SETTING_KEYS, SHEET_NAMES, SheetData, Workbook } from "../workbook";
import { readYesNo } from "./values";

/**
 * Every table of areas in a workbook: on every sheet (one per commune, say), several on one sheet, each
 * the usual way round or turned sideways. Sheets that hold none (a cover, instructions, notes, the
 * add-in's own results) are passed over, each with the reason, so the user can see what was read.
 */

/** Why a sheet was not read. */
export type SkipReason = "own" | "instructions" | "empty" | "no-table" | "no-areas";

export interface SkippedSheet {
  sheet: string;
  reason: SkipReason;
  message: Message;
}

/** A table found on a sheet: the sheet as read, the view the table is read through, and its layout. */
export interface FoundTable {
  data: SheetData;
  view: SheetData;
  layout: TableLayout;
  /** "saved": the mapping kept in the workbook (the user's corrections); "given": the pane's current one. */
  source: "saved" | "detected" | "given";
}

export interface FoundTables {
  tables: FoundTable[];
  skipped: SkippedSheet[];
  /** What became of the saved column mappings: unreadable, or set aside on a sheet they no longer fit. */
  notes: Problem[];
}

export interface FindOptions {
  /** Only these sheets, named by the user: one without a table is then an error, not a note. */
  sheets?: string[];
  /** The analysis's reading memory (see ReadingMemory); one is made for this search without it. */
  memory?: ReadingMemory;
}

/** Sheets named for what they hold besides tables: covers, instructions, notes, lists of criteria. */
const INSTRUCTION_WORDS = [
  "hướng dẫn",
  "bìa",
  "trang bìa",
  "mục lục",
  "ghi chú",
  "chú thích",
  "giải thích",
  "thuyết minh",
  "giới thiệu",
  "đọc trước",
  "bộ tiêu chí",
  "danh mục",
  "tham số",
  "cover",
  "readme",
  "read me",
  "instructions",
  "instruction",
  "notes",
  "note",
  "contents",
  "index",
  "help",
];

/** A sheet whose name starts with one of those words ("Hướng dẫn nhập liệu", "Ghi chú"). */
const isInstructionSheet = (name: string): boolean =>
  namesWord(name.trim().split(/\s+/).slice(0, 3).join(" "), INSTRUCTION_WORDS);

/** Rows and columns looked at to tell which way the criteria run. */
const PROBE_ROWS = 60;
const PROBE_COLUMNS = 60;

/** A row after a table is the next table's header when it scores at least this, and this share of the first's. */
const NEXT_HEADER_MIN_SCORE = 3;
const NEXT_HEADER_SHARE = 0.5;
/** Cells of a row that must be labels before it is scored as a header: data and title rows have fewer. */
const HEADER_MIN_LABELS = 3;

const PLAIN_NUMBER = /^[-+−]?\d[\d.,\s]*%?$/;

/**
 * Which way the criteria run on a sheet: along one row (the usual table) or down one column (sideways).
 * Each way scores its best line: the summed confidence of the cells naming a criterion or an indicator.
 */
export function criteriaScores(
  data: SheetData,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): Record<Orientation, number> {
  const values = data.values;
  const height = Math.min(values.length, PROBE_ROWS);
  const rowScores: number[] = [];
  const columnScores: number[] = new Array(PROBE_COLUMNS).fill(0);
  for (let r = 0; r < height; r++) {
    const row = values[r] ?? [];
    let score = 0;
    for (let c = 0; c < Math.min(row.length, PROBE_COLUMNS); c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length > 200 || v.trim() === "") continue;
      const confidence = criterionLabelConfidence(v, ruleset, memory);
      if (confidence < MIN_CONFIDENCE) continue;
      score += confidence;
      columnScores[c] += confidence;
    }
    rowScores.push(score);
  }
  return { rows: Math.max(0, ...rowScores), columns: Math.max(0, ...columnScores) };
}

/** The orientations worth trying on a sheet, the likelier first; none when no cell names a criterion. */
export function likelyOrientations(
  data: SheetData,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): Orientation[] {
  const scores = criteriaScores(data, ruleset, memory);
  const order: Orientation[] = scores.columns > scores.rows ? ["columns", "rows"] : ["rows", "columns"];
  return order.filter((o) => scores[o] >= MIN_CONFIDENCE);
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Cells of a row that read as labels: text that is not a number, a yes/no word or an error. */
function labelCount(row: CellValue[]): number {
  let n = 0;
  for (const v of row) {
    if (typeof v !== "string") continue;
    const t = v.trim();
    if (t === "" || PLAIN_NUMBER.test(t) || isExcelError(t) || readYesNo(t) !== undefined) continue;
    n++;
  }
  return n;
}

/** The first row after a table that reads as another table's header, if any. */
function nextHeaderRow(
  view: SheetData,
  ruleset: Ruleset,
  layout: TableLayout,
  firstScore: number,
  memory: ReadingMemory
): number | undefined {
  const threshold = Math.max(NEXT_HEADER_MIN_SCORE, NEXT_HEADER_SHARE * firstScore);
  for (let r = layout.dataStart; r < view.values.length; r++) {
    const row = view.values[r];
    // Most rows hold data: ruled out at their first number.
    if (!row || looksLikeData(row) || labelCount(row) < HEADER_MIN_LABELS) continue;
    if (headerRowScore(row, ruleset, memory) >= threshold) return r;
  }
  return undefined;
}

/** The last row before `before` holding a value in one of the table's criterion or indicator columns. */
function lastDataRow(view: SheetData, layout: TableLayout, before: number): number {
  const columns = layout.columns
    .filter((c) => c.role.kind === "indicator" || c.role.kind === "criterion")
    .map((c) => c.column);
  for (let r = before - 1; r >= layout.dataStart; r--) {
    const row = view.values[r] ?? [];
    if (looksLikeData(columns.map((c) => row[c] ?? null))) return r;
  }
  return layout.dataStart - 1;
}

/** A table of a view and the first row of its title block (after the table above it). */
interface Placed {
  layout: TableLayout;
  from: number;
}

/** Every table of a view, top to bottom: each ends where the next one's header band starts. */
function tablesInView(
  view: SheetData,
  ruleset: Ruleset,
  orientation: Orientation,
  memory: ReadingMemory
): Placed[] | Problem {
  const layouts: Placed[] = [];
  let from = 0;
  let firstScore = 0;
  for (;;) {
    const layout = detectTable(view, ruleset, { from, orientation, memory });
    if ("code" in layout) {
      if (layouts.length === 0) return layout;
      break;
    }
    const previous = layouts[layouts.length - 1]?.layout;
    if (previous) {
      if (layout.headerTop <= previous.dataStart) break;
      previous.dataEnd = layout.headerTop - 1;
    } else {
      for (let r = layout.headerTop; r <= layout.headerBottom; r++)
        firstScore = Math.max(firstScore, headerRowScore(view.values[r], ruleset, memory));
    }
    layouts.push({ layout, from });
    const next = nextHeaderRow(view, ruleset, layout, firstScore, memory);
    if (next === undefined) break;
    // Until the next table is found, this one ends before the row that heads it.
    layout.dataEnd = next - 1;
    from = lastDataRow(view, layout, next) + 1;
  }
  return layouts;
}

/** Where a sideways table's first row is on the real sheet: its header's first filled sheet row. */
function firstSheetRow(view: SheetData, layout: TableLayout): number {
  const band = filledColumns(view.values.slice(layout.headerTop, layout.headerBottom + 1));
  const mapped = layout.columns.map((c) => c.column);
  return Math.min(...band, ...mapped);
}

/**
 * The commune and district each table of a sheet belongs to when its rows do not say: the sheet name,
 * then its own title rows, then the sheet's top title (which speaks for every table under it).
 */
function placeTables(data: SheetData, view: SheetData, tables: Placed[], orientation: Orientation): void {
  // A sideways table's title sits in the sheet's top rows, or left of its header (the view's rows above it).
  const own: TitlePlaces[] = tables.map((t) => {
    const left = titlePlaces(view.values, t.from, t.layout.headerTop);
    if (orientation === "rows") return left;
    const above = titlePlaces(data.values, 0, firstSheetRow(view, t.layout));
    return { ...above, ...left };
  });
  const top = own[0] ?? {};
  tables.forEach(({ layout }, k) => {
    const title = { district: own[k].district ?? top.district, commune: own[k].commune ?? top.commune };
    // A sheet of one of several files ("[file]sheet") is named by its own name.
    const places = tablePlaces(fileAndSheet(data.name).sheet, {
      ...(title.district !== undefined ? { district: title.district } : {}),
      ...(title.commune !== undefined ? { commune: title.commune } : {}),
    });
    delete layout.district;
    delete layout.commune;
    delete layout.communeSource;
    delete layout.titleCommune;
    if (places.titleCommune !== undefined) layout.titleCommune = places.titleCommune;
    if (places.district !== undefined) layout.district = places.district;
    if (places.commune !== undefined) layout.commune = places.commune;
    if (places.communeSource !== undefined) layout.communeSource = places.communeSource;
  });
}

/**
 * The tables of one sheet, the likelier orientation first (or only `orientation`), placed in their
 * communes; a Problem naming what was seen when there is none.
 */
export function tablesOfSheet(
  data: SheetData,
  ruleset: Ruleset,
  orientation?: Orientation,
  memory: ReadingMemory = new ReadingMemory()
): FoundTable[] | Problem {
  const tried = orientation ? [orientation] : likelyOrientations(data, ruleset, memory);
  let first: Problem | undefined;
  for (const o of tried.length > 0 ? tried : (["rows"] as Orientation[])) {
    const view = sheetView(data, o);
    const layouts = tablesInView(view, ruleset, o, memory);
    if ("code" in layouts) {
      first ??= layouts;
      continue;
    }
    placeTables(data, view, layouts, o);
    return layouts.map(({ layout }) => ({ data, view, layout, source: "detected" as const }));
  }
  return first as Problem;
}

/** A saved mapping's table, when it still fits the sheet; its places are read again from the sheet. */
export function savedTable(data: SheetData, saved: unknown, ruleset: Ruleset): FoundTable | Problem {
  const layout = fromSavedMapping(saved, ruleset);
  if ("code" in layout) return layout;
  const orientation = layout.orientation ?? "rows";
  const view = sheetView(data, orientation);
  if (layout.dataStart >= view.values.length) {
    return problem(
      "saved-mapping",
      data.name,
      "Cách ghép cột đã lưu không còn khớp với trang (số liệu bắt đầu sau dòng cuối).",
      "The saved column mapping no longer fits the sheet (its data would start after the last row)."
    );
  }
  placeTables(data, view, [{ layout, from: 0 }], orientation);
  return { data, view, layout, source: "saved" };
}

/** A saved mapping that no longer fits its sheet, located at the sheet, saying its columns were found again. */
const setAside = (sheet: string, why: Problem): Problem =>
  problem(
    "saved-mapping",
    sheet,
    `${why.message.vi} Các cột của trang "${sheet}" được nhận lại như khi chưa lưu cách ghép; hãy kiểm tra và lưu lại cách ghép cột trong ngăn tác vụ.`,
    `${why.message.en} The columns of sheet "${sheet}" were recognised again as if none had been saved; check them and save the mapping again in the task pane.`
  );

const savedSheet = (saved: unknown): string | undefined =>
  typeof saved === "object" && saved !== null && typeof (saved as { sheet?: unknown }).sheet === "string"
    ? (saved as { sheet: string }).sheet
    : undefined;

/** The add-in's own sheets: its names, and those the workbook records as its own ("… (2)"). */
async function ownSheets(workbook: Workbook): Promise<Set<string>> {
  const own = new Set<string>(Object.values(SHEET_NAMES));
  const text = await workbook.loadSetting(SETTING_KEYS.ownedSheets);
  let recorded: unknown;
  try {
    recorded = text ? JSON.parse(text) : undefined;
  } catch {
    recorded = undefined;
  }
  if (Array.isArray(recorded)) for (const n of recorded) if (typeof n === "string") own.add(n);
  return own;
}

const OWN_PREFIX = /^NTM - /;

const skip = (sheet: string, reason: SkipReason, vi: string, en: string): SkippedSheet => ({
  sheet,
  reason,
  message: msg(vi, en),
});

const isEmpty = (data: SheetData): boolean => data.values.every((r) => r.every(isBlank));

/**
 * Every table of the workbook (or of the sheets named), in tab order, with the sheets passed over and
 * why. A saved mapping stands for its sheet's tables (the user's corrections survive). Throws an
 * InputError when no table is found, listing every sheet and what was seen on it.
 */
export async function findTables(
  workbook: Workbook,
  ruleset: Ruleset,
  options: FindOptions = {}
): Promise<FoundTables> {
  const names = await workbook.sheetNames();
  const named = options.sheets;
  const memory = options.memory ?? new ReadingMemory();
  if (named) {
    const missing = named.filter((n) => !names.includes(n));
    if (missing.length > 0) {
      throw new InputError(
        missing.map((n) =>
          problem(
            "no-sheet",
            n,
            `Không có trang "${n}". Các trang: ${names.join(", ")}.`,
            `No sheet "${n}". Sheets: ${names.join(", ")}.`
          )
        )
      );
    }
  }
  const own = await ownSheets(workbook);
  const setting = readMappingSetting(await workbook.loadSetting(SETTING_KEYS.mapping));
  const saved = setting.mappings;
  const notes: Problem[] = setting.problem ? [setting.problem] : [];
  const tables: FoundTable[] = [];
  const skipped: SkippedSheet[] = [];
  const refused: Problem[] = [];
  // What each sheet without a table showed, located: said when no sheet has one.
  const seen: Problem[] = [];
  for (const name of named ?? names) {
    // What a sheet holds is told by its own name, also when it is one of several files' ("[file]sheet").
    const ownName = fileAndSheet(name).sheet;
    if (!named && (own.has(name) || OWN_PREFIX.test(ownName))) {
      skipped.push(skip(name, "own", "trang kết quả của add-in", "one of the add-in's result sheets"));
      continue;
    }
    if (!named && isInstructionSheet(ownName)) {
      skipped.push(
        skip(name, "instructions", "trang bìa, hướng dẫn hoặc ghi chú", "a cover, instructions or notes sheet")
      );
      continue;
    }
    const data = await workbook.readSheet(name);
    if (isEmpty(data)) {
      if (named) refused.push(problem("empty-sheet", name, `Trang "${name}" trống.`, `Sheet "${name}" is empty.`));
      else skipped.push(skip(name, "empty", "trang trống", "an empty sheet"));
      continue;
    }
    // The sheet's saved mappings stand for its tables when every one still fits; else the sheet is read
    // afresh (a table whose mapping was set aside is not left unread), and the user is told why.
    const fromSaved = saved.filter((m) => savedSheet(m) === name).map((m) => savedTable(data, m, ruleset));
    const misfits = fromSaved.filter((t): t is Problem => "code" in t);
    if (fromSaved.length > 0 && misfits.length === 0) {
      tables.push(...(fromSaved as FoundTable[]));
      continue;
    }
    notes.push(...misfits.map((p) => setAside(name, p)));
    const found = tablesOfSheet(data, ruleset, undefined, memory);
    if ("code" in found) {
      const located = { ...found, where: found.where ? `${name}!${found.where}` : name };
      if (named) refused.push(located);
      else {
        skipped.push({ sheet: name, reason: "no-table", message: found.message });
        seen.push(located);
      }
      continue;
    }
    tables.push(...found);
  }
  if (refused.length > 0) throw new InputError(refused);
  if (tables.length === 0 && skipped.length > 0 && skipped.every((x) => x.reason === "empty")) {
    throw new InputError(
      skipped.map((x) => problem("empty-sheet", x.sheet, `Trang "${x.sheet}" trống.`, `Sheet "${x.sheet}" is empty.`))
    );
  }
  if (tables.length === 0) {
    // Each sheet that was looked at says what it showed; the sheets passed over unread are listed.
    const unread = skipped.filter((x) => x.reason !== "no-table");
    const listed =
      unread.length > 0 || seen.length === 0
        ? [
            problem(
              "no-table",
              "",
              `Không tìm thấy bảng khu dân cư nào (cần cột tên khu và các cột tiêu chí/chỉ tiêu). ${skippedText(unread, "vi")}`,
              `No residential-area table found (an area-name column and criterion/indicator columns are needed). ${skippedText(unread, "en")}`
            ),
          ]
        : [];
    throw new InputError([...seen, ...listed]);
  }
  return { tables, skipped, notes };
}

/** "Trang "Bìa": trang bìa…; trang "Sheet2": không thấy…" for a message listing every sheet passed over. */
export function skippedText(skipped: SkippedSheet[], language: "vi" | "en"): string {
  if (skipped.length === 0)
    return language === "vi" ? "Sổ không có trang nào khác." : "The workbook has no other sheet.";
  const label = language === "vi" ? "Trang" : "Sheet";
  return skipped.map((s) => `${label} "${s.sheet}": ${s.message[language].replace(/\.$/, "")}`).join("; ") + ".";
}

/**
 * Where a table sits on its sheet, as a range of the real sheet ("A6:AD160"): from its header to its
 * last line, across its filled header cells (for a sideways table: its rows).
 */
export function tableRange(found: { view: SheetData; layout: TableLayout }): string {
  const { view, layout } = found;
  let last = Math.min(view.values.length - 1, layout.dataEnd ?? view.values.length - 1);
  while (last > layout.headerBottom && (view.values[last] ?? []).every(isBlank)) last--;
  const band = filledColumns(view.values.slice(layout.headerTop, layout.headerBottom + 1));
  const mapped = [...layout.columns, ...layout.unmapped].map((c) => c.column);
  const first = Math.min(band[0] ?? 0, ...mapped);
  const width = Math.max(first + 1, ...view.values.slice(layout.headerTop, last + 1).map((r) => r.length));
  return sheetRange(layout.orientation ?? "rows", layout.headerTop, first, Math.max(layout.headerTop, last), width - 1);
}
