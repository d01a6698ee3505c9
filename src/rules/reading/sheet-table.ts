import { AreaInput, Reading } from "../assessment/assessment";
import { CellValue, columnIndex, columnLetter, Grid, isExcelError, MergedRange } from "./cell";
import {
  ColumnMatch,
  ColumnRole,
  filledColumns,
  FIXED_ROLE_KINDS,
  headerScale,
  HeaderRecognition,
  isColumnNumberingRow,
  isQualifierText,
  labelConfidence,
  MIN_CONFIDENCE,
  recognizeHeaders,
  roleExists,
  roleKey,
  roleLabel,
} from "./columns";
import { Problem, problem } from "../message";
import { Orientation, sheetAddress, sheetRange } from "./orientation";
import { withAreaColumnByContent } from "./area-column";
import { CommuneSource, titleCase, titlePlaces } from "./places";
import { foldText, groupKey, Indicator, Ruleset } from "../ruleset/ruleset";
import { BLANK_READING, readCell, readStatus, readYesNo } from "./values";
import { SheetData } from "../workbook";
import { ReadingMemory } from "./reading-memory";

/**
 * Where the table sits and what its columns hold. Rows and columns are those of the table's view of the
 * sheet (zero-based): the sheet itself for the usual table, the sheet transposed for a sideways one
 * (orientation "columns"), whose "rows" are then sheet columns and whose "columns" sheet rows.
 */
export interface TableLayout extends HeaderRecognition {
  headerTop: number;
  headerBottom: number;
  /** First row after the header band and its column-numbering row. */
  dataStart: number;
  /** Last row of the table when another table follows on the same sheet; else the sheet's last row. */
  dataEnd?: number;
  /** "columns": one area per sheet column (a sideways form). Absent: "rows". */
  orientation?: Orientation;
  /** From a title row "Huyện: Thanh Ba", for sheets without a district column. */
  district?: string;
  /** From the sheet name or a title ("… XÃ THANH THỦY"), for one commune's table without a commune column. */
  commune?: string;
  communeSource?: CommuneSource;
  /** The commune the title names when the sheet name, which wins, names another. */
  titleCommune?: string;
}

/**
 * A line below the header that is not an area. `row` is the 1-based sheet row, or for a sideways table
 * the 1-based sheet column.
 */
export interface SkippedRow {
  row: number;
  reason: "section" | "total" | "blank" | "numbering" | "hidden";
  text?: string;
}

export interface AreaRows {
  areas: AreaInput[];
  skipped: SkippedRow[];
  problems: Problem[];
  /** Per area, what its line is called: its name, or for an area without one the line's first label. */
  labels: string[];
  /** Areas whose line has values but no name (called "Dòng 12", "Cột E" for now). */
  unnamed: number;
  /** The areas' cells in criterion and indicator columns, and how many of them read as a value. */
  cells: number;
  readable: number;
}

/**
 * The column mapping of one table as stored in the workbook settings, so a user's corrections survive.
 * A sideways table (orientation "columns") names each entry by its sheet row (`row`, 1-based) instead of
 * a column letter, and its header and data positions count sheet columns. Mappings saved before
 * orientation existed have neither and are read as usual tables.
 */
export interface SavedMapping {
  version: 1;
  sheet: string;
  orientation?: Orientation;
  headerTop: number;
  headerBottom: number;
  dataStart: number;
  dataEnd?: number;
  columns: Array<{
    column?: string /* letter */;
    row?: number;
    role: ColumnRole;
    header?: string;
    confidence?: number;
    scale?: number;
  }>;
  unmapped?: Array<{ column?: string; row?: number; header: string }>;
  district?: string;
  commune?: string;
}

/** Rows scanned for the header band: title blocks are a handful of rows. */
const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;
/** Data rows read to tell value columns from status columns. */
const SAMPLE_ROWS = 15;

/** Runs of whitespace (or the odd spaces Excel users paste) that cellText turns into one space. */
const LOOSE_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u202f\u200b\u2028\u2029\u1680\u2000-\u200a\u205f\u3000\ufeff]/;

const cellText = (v: CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  // Most cells hold tidy text: only trimming to do.
  if (!LOOSE_SPACE.test(v)) return v.trim();
  return v.replace(/[\s\u00a0\u202f\u200b]+/g, " ").trim();
};

/** A cell text that is only a number ("12", "1.234,5", "95%"): not a label. */
const PLAIN_NUMBER = /^[-+−]?\d[\d.,\s]*%?$/;

/**
 * Whether a number cell's text would be a label, i.e. not match PLAIN_NUMBER: only NaN, ±Infinity and the
 * exponent forms String() gives below 1e-6 and from 1e21 ("1e-7", "1e+21").
 */
export const numberIsLabel = (v: number): boolean =>
  !Number.isFinite(v) || (v !== 0 && (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e21));

/** A skipped row's filled cells, for the note saying why it was skipped. */
const filledText = (row: CellValue[]): string =>
  row
    .map(cellText)
    .filter((t) => t !== "")
    .join(" ");

const isBlankRow = (row: CellValue[] | undefined): boolean => !row || row.every((v) => cellText(v) === "");

/** Values, yes/no words or plain numbers: a data row, not a header row. */
export function looksLikeData(row: CellValue[]): boolean {
  const numbers = row.filter((v) => typeof v === "number");
  // Bare criterion numbers under "Tiêu chí" (1, 2, …, 13) are still header.
  if (numbers.length >= 3 && row.every((v) => cellText(v) === "" || typeof v === "number")) {
    const ns = numbers as number[];
    if (ns.every((n, k) => k === 0 || n === ns[k - 1] + 1)) return false;
  }
  return row.some((v) => {
    if (typeof v === "number" || typeof v === "boolean") return true;
    const t = cellText(v);
    if (t === "") return false;
    if (isExcelError(t)) return true;
    if (PLAIN_NUMBER.test(t)) return true;
    return readYesNo(t) !== undefined;
  });
}

/** Merges of the sheet that touch rows top..bottom, with rows made relative to `top`. */
function bandMerges(merges: MergedRange[] | undefined, top: number, bottom: number): MergedRange[] | undefined {
  if (!merges) return undefined;
  return merges
    .filter((m) => m.top >= top && m.top <= bottom)
    .map((m) => ({ top: m.top - top, left: m.left, bottom: Math.min(m.bottom, bottom) - top, right: m.right }));
}

const recognitionScore = (r: HeaderRecognition): number => r.columns.reduce((s, c) => s + c.confidence, 0);

function noTableProblem(where: string, texts: string[]): Problem {
  const shown =
    texts
      .slice(0, 15)
      .map((t) => `"${t}"`)
      .join(", ") + (texts.length > 15 ? ", …" : "");
  return problem(
    "no-table",
    where,
    `Không tìm thấy bảng khu dân cư: không cột nào khớp với tiêu chí hay chỉ tiêu của bộ tiêu chí. Tiêu đề tìm thấy: ${shown || "(không có)"}. Kiểm tra tên cột, hoặc dùng bộ tiêu chí khớp với bảng.`,
    `No residential-area table found: no column matches a criterion or indicator of the ruleset. Header texts found: ${shown || "(none)"}. Check the column names, or use a ruleset that fits the table.`
  );
}

/** The texts of the scanned row with the most text: what the user's header probably is. */
function likelyHeaderTexts(
  values: Grid,
  from: number,
  to: number,
  orientation: Orientation
): { row: number; where: string; texts: string[] } {
  let best = -1;
  let bestCount = 0;
  for (let r = from; r < to; r++) {
    const n = (values[r] ?? []).filter((v) => typeof v === "string" && cellText(v) !== "").length;
    if (n > bestCount) {
      best = r;
      bestCount = n;
    }
  }
  if (best < 0) return { row: -1, where: "A1", texts: [] };
  const row = values[best] ?? [];
  return {
    row: best,
    where: sheetRange(orientation, best, 0, best, Math.max(0, row.length - 1)),
    texts: row.map(cellText).filter((t) => t !== ""),
  };
}

/** How much a row reads like a table header: the summed confidence of its cells as column labels. */
export function headerRowScore(
  row: CellValue[] | undefined,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): number {
  let score = 0;
  for (const v of row ?? []) {
    if (typeof v !== "string") continue;
    const t = cellText(v);
    if (t === "" || t.length > 200 || readYesNo(t) !== undefined) continue;
    const c = labelConfidence(t, ruleset, memory);
    if (c >= MIN_CONFIDENCE) score += c;
  }
  return score;
}

/** Which part of a sheet (or of its transposed view) to look in for a table. */
export interface DetectOptions {
  /** First row to look at (the rows above belong to another table). */
  from?: number;
  /** Row after the last one of the table (another table starts there). */
  to?: number;
  /** How the rows were given: the sheet's own ("rows") or its transposed view ("columns"). */
  orientation?: Orientation;
  /** The analysis's reading memory (see ReadingMemory). */
  memory?: ReadingMemory;
}

const emptySheetProblem = (): Problem =>
  problem(
    "empty-sheet",
    "A1",
    "Trang tính trống: không có bảng nào để đọc.",
    "The sheet is empty: there is no table to read."
  );

/**
 * Find the header band (1–3 rows under the title rows) and the first data row, and recognise the
 * columns. A Problem (naming the header texts found) when nothing matches the ruleset.
 */
export function detectTable(
  sheet: Pick<SheetData, "values" | "merges">,
  ruleset: Ruleset,
  options: DetectOptions = {}
): TableLayout | Problem {
  const values = sheet.values;
  const from = options.from ?? 0;
  const end = Math.min(values.length, options.to ?? values.length);
  const orientation = options.orientation ?? "rows";
  const memory = options.memory ?? new ReadingMemory();
  let anyFilled = false;
  for (let r = from; r < end && !anyFilled; r++) anyFilled = !isBlankRow(values[r]);
  if (!anyFilled) return emptySheetProblem();
  const limit = Math.min(end, from + SCAN_ROWS);
  let anchor = -1;
  let anchorScore = 0;
  for (let r = from; r < limit; r++) {
    const score = headerRowScore(values[r], ruleset, memory);
    if (score > anchorScore) {
      anchor = r;
      anchorScore = score;
    }
  }
  if (anchor < 0) {
    const { where, texts } = likelyHeaderTexts(values, from, limit, orientation);
    return noTableProblem(where, texts);
  }

  const recognise = (top: number, bottom: number) =>
    recognizeHeaders(values.slice(top, bottom + 1), ruleset, { merges: bandMerges(sheet.merges, top, bottom), memory });
  const rowKind = (r: number, bandColumns: number[]): "blank" | "numbering" | "data" | "text" => {
    const row = values[r];
    if (isBlankRow(row)) return "blank";
    if (isColumnNumberingRow(row, bandColumns)) return "numbering";
    return looksLikeData(row) ? "data" : "text";
  };
  const unitRow = (r: number) =>
    (values[r] ?? []).every((v) => cellText(v) === "" || (typeof v === "string" && isQualifierText(v, memory)));

  // Grow the band from the best row while a neighbouring header-like row improves the recognition
  // (a criterion row above its indicators, TT/Xã cells merged down) or only adds units ("(%)").
  let top = anchor;
  let bottom = anchor;
  let bestScore = recognitionScore(recognise(top, bottom));
  while (bottom - top + 1 < MAX_HEADER_ROWS) {
    const bandColumns = filledColumns(values.slice(top, bottom + 1));
    const candidates: Array<{ top: number; bottom: number; score: number; units: boolean }> = [];
    if (top > from && rowKind(top - 1, bandColumns) === "text") {
      candidates.push({ top: top - 1, bottom, score: recognitionScore(recognise(top - 1, bottom)), units: false });
    }
    if (bottom + 1 < end && rowKind(bottom + 1, bandColumns) === "text") {
      const score = recognitionScore(recognise(top, bottom + 1));
      candidates.push({ top, bottom: bottom + 1, score, units: unitRow(bottom + 1) });
    }
    const better = candidates
      .filter((o) => o.score > bestScore + 0.25 || (o.units && o.score >= bestScore))
      .sort((a, b) => b.score - a.score)[0];
    if (!better) break;
    ({ top, bottom } = better);
    bestScore = better.score;
  }

  let dataStart = bottom + 1;
  if (dataStart < end && isColumnNumberingRow(values[dataStart], filledColumns(values.slice(top, bottom + 1))))
    dataStart++;
  const sampleRows = values
    .slice(dataStart, end)
    .filter((row) => !isBlankRow(row))
    .slice(0, SAMPLE_ROWS);
  const recognition = recognizeHeaders(values.slice(top, bottom + 1), ruleset, {
    merges: bandMerges(sheet.merges, top, bottom),
    sampleRows,
    memory,
  });
  if (!recognition.columns.some((c) => c.role.kind === "indicator" || c.role.kind === "criterion")) {
    const { where, texts } = likelyHeaderTexts(values, from, limit, orientation);
    return noTableProblem(where, texts);
  }
  const layout: TableLayout = {
    ...withAreaColumnByContent(recognition, sampleRows),
    headerTop: top,
    headerBottom: bottom,
    dataStart,
    ...titlePlaces(values, from, top),
  };
  if (options.to !== undefined && end < values.length) layout.dataEnd = end - 1;
  if (orientation === "columns") layout.orientation = orientation;
  return layout;
}

/**
 * A starting point for mapping a table by hand when detectTable finds no criterion column: the row with
 * the most text near the top is taken as the header; what it recognises (area, commune, …) is kept and
 * every other header cell is offered unmapped, for the user to give it a role (withOverride).
 */
export function manualLayout(
  sheet: Pick<SheetData, "values" | "merges">,
  ruleset: Ruleset,
  orientation: Orientation = "rows"
): TableLayout | Problem {
  const values = sheet.values;
  const { row } = likelyHeaderTexts(values, 0, Math.min(values.length, SCAN_ROWS), orientation);
  if (row < 0) return emptySheetProblem();
  const recognition = recognizeHeaders([values[row]], ruleset, { merges: bandMerges(sheet.merges, row, row) });
  let dataStart = row + 1;
  if (dataStart < values.length && isColumnNumberingRow(values[dataStart], filledColumns([values[row]]))) dataStart++;
  const layout: TableLayout = {
    ...recognition,
    headerTop: row,
    headerBottom: row,
    dataStart,
    ...titlePlaces(values, 0, row),
  };
  if (orientation === "columns") layout.orientation = orientation;
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Rows → areas

const TOTAL_WORDS =
  /^(tong cong|tong so|toan huyen|toan thi xa|toan thanh pho|toan tinh|toan xa|tong|cong)(?=$|[\s:.(])(.*)$/;

/** "Tổng", "Cộng", "Tổng cộng", "Toàn huyện", "Tổng số", "Cộng xã …" (but not the place "Cộng Hòa"). */
function isTotalText(text: string): boolean {
  const folded = stripLeadingNumber(foldText(text));
  const m = TOTAL_WORDS.exec(folded);
  if (!m) return false;
  const rest = m[2].replace(/^[\s:.]+/, "");
  return (
    m[1].startsWith("toan") ||
    m[1].includes(" ") ||
    rest === "" ||
    /^(\(|xa\b|huyen\b|so\b|cong\b|toan\b|phuong\b|thi tran\b)/.test(rest)
  );
}

/** "I.", "1.", "A " in front of a section or total label. */
function stripLeadingNumber(text: string): string {
  return text.replace(/^(?:[ivxlc]+|\d{1,3}|[a-h])(?:\s*[.):\-–]\s*|\s+)(?=\S)/i, "").trim();
}

const isOrderMarker = (text: string): boolean => /^(?:[ivxlcIVXLC]+|\d{1,3}|[a-hA-H])[.)]?$/.test(text.trim());

const COMMUNE_PREFIX = /^(xa|phuong|thi tran)\s/;

function indicatorsById(ruleset: Ruleset): Map<string, Indicator> {
  return new Map(ruleset.indicators.map((i) => [i.id, i]));
}

type Shape = Record<string, Reading>;

export interface ReadingShapes {
  indicators: Shape;
  criteria: Shape;
  /** Each column's indicator (by its position in the columns), looked up once for all rows. */
  indicatorAt: Array<Indicator | undefined>;
}

/**
 * The keys an area's readings get from these columns, in column order, as objects to copy. Thousands of
 * areas each add some twenty keys one by one; V8 turns such an object into a hash table (≈1.6 kB), where
 * a copy of one with the keys already in place stays a compact object (≈0.2 kB) and costs less to build
 * and to collect. Every key is then given the row's reading, so the objects hold the same entries.
 */
function readingShapes(columns: ColumnMatch[], ruleset: Ruleset): ReadingShapes {
  const indicators = indicatorsById(ruleset);
  const ind: Shape = {};
  const crit: Shape = {};
  const indicatorAt: Array<Indicator | undefined> = [];
  for (const c of columns) {
    const indicator = c.role.kind === "indicator" ? indicators.get(c.role.indicatorId) : undefined;
    indicatorAt.push(indicator);
    if (indicator) ind[indicator.id] = BLANK_READING;
    else if (c.role.kind === "criterion") crit[c.role.criterionId] = BLANK_READING;
  }
  return { indicators: ind, criteria: crit, indicatorAt };
}

/**
 * The area's group (see groupKey) from its group column: "Nhóm 2", or 2 under "Nhóm xã", → "nhom 2";
 * "ĐBKK" → "dbkk". A yes/no cell ("x", "Có", 1, TRUE under "Xã ĐBKK") gives its header's group; "Không" none.
 */
function readGroup(raw: CellValue, header: string): string | undefined {
  const text = cellText(raw);
  if (text === "") return undefined;
  const yesNoColumn = /\bdbkk\b|dac biet kho khan/.test(foldText(header));
  const yes =
    typeof raw === "boolean" ? raw : typeof raw === "number" ? (yesNoColumn ? raw !== 0 : undefined) : readYesNo(text);
  if (yes !== undefined) return yes ? groupKey(header) : undefined;
  return groupKey(raw as string | number);
}

function readYesNoCell(raw: CellValue): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw === 1 ? true : raw === 0 ? false : undefined;
  const t = cellText(raw);
  return t === "" ? undefined : readYesNo(t);
}

/**
 * One row as an area, by the column roles. Used by readAreas and, with a row range, by the custom
 * functions. `numberFormats` are the row's formats (a "0%" cell holds a fraction).
 */
export function readAreaRow(
  values: CellValue[],
  columns: ColumnMatch[],
  ruleset: Ruleset,
  numberFormats?: string[],
  // readAreas makes these once for all its rows, from the same columns.
  shapes: ReadingShapes = readingShapes(columns, ruleset),
  memory?: ReadingMemory
): AreaInput {
  const area: AreaInput = {
    commune: "",
    name: "",
    indicators: { ...shapes.indicators },
    criteria: { ...shapes.criteria },
  };
  // Indexed loops in the per-row code: a for-of allocates a step object until V8 optimises the loop.
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k];
    const raw = values[c.column];
    const role = c.role;
    switch (role.kind) {
      case "indicator": {
        const indicator = shapes.indicatorAt[k];
        if (indicator) {
          area.indicators[indicator.id] = readCell(raw, indicator.unit, numberFormats?.[c.column], c.scale, memory);
        }
        break;
      }
      case "criterion":
        area.criteria[role.criterionId] = readStatus(raw, memory);
        break;
      case "area":
        area.name = cellText(raw);
        break;
      case "commune":
        area.commune = cellText(raw);
        break;
      case "district": {
        const d = cellText(raw);
        if (d) area.district = d;
        break;
      }
      case "areaType": {
        // The saved mappings' name for the group column (see groupKey).
        const group = readGroup(raw, c.header);
        if (group) area.group = group;
        break;
      }
      case "canMobilise": {
        const yes = readYesNoCell(raw);
        if (yes !== undefined) area.canMobilise = yes;
        break;
      }
      default:
        // Order, households, population, stated totals, years, notes: recognised, not assessed.
        break;
    }
  }
  return area;
}

/** Words of the signature block under a table: who drew it up, who signs for the committee. */
const SIGNATURE =
  /^(nguoi lap( bieu)?|lap bieu|tm\.?|t\/m|thu truong|chu tich|pho chu tich|ke toan|xac nhan|ky ten|ky,? ghi ro ho ten|(ubnd|uy ban)\b)/;

function isSignatureText(text: string): boolean {
  return SIGNATURE.test(foldText(text));
}

/** What a line of the table is called in messages: "Dòng 12" / "Row 12", or "Cột E" / "Column E" sideways. */
function lineName(orientation: Orientation, line: number): { vi: string; en: string } {
  return orientation === "rows"
    ? { vi: `Dòng ${line + 1}`, en: `Row ${line + 1}` }
    : { vi: `Cột ${columnLetter(line)}`, en: `Column ${columnLetter(line)}` };
}

/**
 * Every area row under the header (of the table's view: sheet columns for a sideways table). Commune
 * section rows ("Xã Tiên Kiên", "I | Xã Hà Thạch") name the commune of the rows below (a commune column,
 * where filled, wins); total and blank rows are skipped. Areas, problems and skipped lines are located
 * on the real sheet.
 *
 * Hidden and filtered-out rows are read as areas like any other, and not recorded as skipped: the
 * analysis covers the whole district, and a filter set for viewing must not change the figures.
 */
export function readAreas(
  sheet: SheetData,
  layout: TableLayout,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): AreaRows {
  const areas: AreaInput[] = [];
  const skipped: SkippedRow[] = [];
  const problems: Problem[] = [];
  const labelsOut: string[] = [];
  let unnamed = 0;
  let cells = 0;
  let readable = 0;
  const orientation = layout.orientation ?? "rows";
  const at = (r: number, c: number) => sheetAddress(orientation, r, c);
  const columnOf = (kind: ColumnRole["kind"]) => layout.columns.find((c) => c.role.kind === kind)?.column;
  const areaColumn = columnOf("area");
  const orderColumn = columnOf("order");
  const communeColumn = columnOf("commune");
  const valueColumns = layout.columns.filter((c) => c.role.kind === "indicator" || c.role.kind === "criterion");
  const shapes = readingShapes(layout.columns, ruleset);
  const headerColumns = filledColumns(sheet.values.slice(layout.headerTop, layout.headerBottom + 1));

  let last = Math.min(sheet.values.length - 1, layout.dataEnd ?? Number.MAX_SAFE_INTEGER);
  while (last >= layout.dataStart && isBlankRow(sheet.values[last])) last--;

  if (areaColumn === undefined && last >= layout.dataStart) {
    problems.push(
      orientation === "rows"
        ? problem(
            "no-area-column",
            sheetRange(orientation, layout.headerTop, 0, layout.headerBottom, Math.max(0, ...headerColumns)),
            "Không nhận ra cột tên khu dân cư; các khu được gọi theo số dòng. Hãy chọn cột “Khu dân cư”.",
            "No residential-area name column recognised; areas are named by row. Choose the “Khu dân cư” column."
          )
        : problem(
            "no-area-column",
            sheetRange(orientation, layout.headerTop, 0, layout.headerBottom, Math.max(0, ...headerColumns)),
            "Không nhận ra dòng tên khu dân cư của bảng ngang; các khu được gọi theo cột. Hãy chọn dòng “Khu dân cư”.",
            "No residential-area name row recognised in the sideways table; areas are named by column. Choose the “Khu dân cư” row."
          )
    );
  }

  // The signature block under the table ("Người lập biểu", "TM. UBND XÃ", a signer's name) is not areas:
  // rows after a total row and after the last row with a data value, that hold no data value themselves.
  const holdsData = (r: number) => looksLikeData(valueColumns.map((c) => sheet.values[r]?.[c.column] ?? null));
  let lastValueRow = layout.dataStart - 1;
  for (let r = last; r >= layout.dataStart; r--) {
    if (holdsData(r)) {
      lastValueRow = r;
      break;
    }
  }
  let pastTotal = false;

  let commune = layout.commune ?? "";
  for (let r = layout.dataStart; r <= last; r++) {
    const row = sheet.values[r] ?? [];
    // The 1-based sheet row, or sheet column for a sideways table.
    const sheetRow = r + 1;
    // The row's first three labels (filled texts that are not plain numbers), without copying the row:
    // this runs on every row of a district.
    const labels: string[] = [];
    let anyFilled = false;
    for (let c = 0; c < row.length && labels.length < 3; c++) {
      const v = row[c];
      if (typeof v === "number") {
        anyFilled = true;
        if (numberIsLabel(v)) labels.push(String(v));
        continue;
      }
      const t = cellText(v);
      if (t === "") continue;
      anyFilled = true;
      if (!PLAIN_NUMBER.test(t)) labels.push(t);
    }
    if (!anyFilled) {
      skipped.push({ row: sheetRow, reason: "blank" });
      continue;
    }
    if (isColumnNumberingRow(row, headerColumns)) {
      skipped.push({ row: sheetRow, reason: "numbering" });
      continue;
    }
    const total = labels.find(isTotalText);
    if (total !== undefined) {
      skipped.push({ row: sheetRow, reason: "total", text: total });
      pastTotal = true;
      continue;
    }
    const hasValues = valueColumns.some((c) => cellText(row[c.column]) !== "");
    if ((pastTotal && r > lastValueRow) || (labels.some(isSignatureText) && !holdsData(r))) {
      skipped.push({ row: sheetRow, reason: "blank", text: filledText(row) });
      continue;
    }
    const areaText = areaColumn !== undefined ? cellText(row[areaColumn]) : "";
    if (!hasValues && (areaText === "" || COMMUNE_PREFIX.test(foldText(areaText)))) {
      // A commune heading: its name alone on the row (maybe after "I"), said to be a commune by its
      // "Xã"/"Phường" prefix, its column, or a section number.
      const texts = row.map(cellText);
      const named = texts
        .map((t, c) => ({ t, c }))
        .filter(({ t, c }) => t !== "" && c !== orderColumn && !isOrderMarker(t));
      const inOrder = orderColumn !== undefined ? texts[orderColumn] : "";
      const heading =
        named.length === 1
          ? named[0]
          : named.length === 0 && inOrder && !isOrderMarker(inOrder)
            ? { t: inOrder, c: orderColumn }
            : undefined;
      if (
        heading &&
        (COMMUNE_PREFIX.test(stripLeadingNumber(foldText(heading.t))) ||
          heading.c === communeColumn ||
          (inOrder !== "" && isOrderMarker(inOrder) && !/^\d+$/.test(inOrder)))
      ) {
        commune = titleCase(
          stripLeadingNumber(heading.t)
            .replace(/[:.]+$/, "")
            .trim()
        );
        skipped.push({ row: sheetRow, reason: "section", text: heading.t });
        continue;
      }
    }
    const area = readAreaRow(row, layout.columns, ruleset, sheet.numberFormats?.[r], shapes, memory);
    if (orientation === "rows") area.row = sheetRow;
    else area.column = sheetRow;
    if (!area.commune) area.commune = commune;
    if (!area.district && layout.district) area.district = layout.district;
    if (!area.name) {
      // No name and nothing readable (a signature line, a note under the table): not an area.
      const readable = [...Object.values(area.indicators), ...Object.values(area.criteria)].some(
        (v) => v.kind === "number" || v.kind === "boolean"
      );
      if (!readable && areaColumn !== undefined) {
        skipped.push({ row: sheetRow, reason: "blank", text: filledText(row) });
        continue;
      }
      const called = lineName(orientation, r);
      area.name = called.vi;
      unnamed++;
      if (areaColumn !== undefined) {
        problems.push(
          problem(
            "area-name-missing",
            at(r, areaColumn),
            `${called.vi} có số liệu nhưng không có tên khu dân cư; tạm gọi là “${called.vi}”.`,
            `${called.en} has values but no residential-area name; called “${called.vi}” for now.`
          )
        );
      }
      // What the line is called without a name: its first text that is not a value ("Giao thông", not "Đạt").
      labelsOut.push(labels.find((t) => readYesNo(t) === undefined && !isExcelError(t)) ?? "");
    } else labelsOut.push(area.name);
    for (let k = 0; k < valueColumns.length; k++) {
      const c = valueColumns[k];
      const reading: Reading | undefined =
        c.role.kind === "indicator"
          ? area.indicators[c.role.indicatorId]
          : c.role.kind === "criterion"
            ? area.criteria[c.role.criterionId]
            : undefined;
      cells++;
      if (reading?.kind === "number" || reading?.kind === "boolean") readable++;
      if (reading?.kind !== "unreadable") continue;
      const label = roleLabel(c.role, ruleset);
      problems.push(
        problem(
          "unreadable-value",
          at(r, c.column),
          `${area.name}, ${label.vi}: ${reading.reason.vi}`,
          `${area.name}, ${label.en}: ${reading.reason.en}`
        )
      );
    }
    areas.push(area);
  }
  return { areas, skipped, problems, labels: labelsOut, unnamed, cells, readable };
}

// ---------------------------------------------------------------------------------------------
// User corrections and the saved mapping

function withRecognition(
  layout: TableLayout,
  columns: ColumnMatch[],
  unmapped: HeaderRecognition["unmapped"]
): TableLayout {
  columns.sort((a, b) => a.column - b.column);
  unmapped.sort((a, b) => a.column - b.column);
  const ind = columns.some((c) => c.role.kind === "indicator");
  const crit = columns.some((c) => c.role.kind === "criterion");
  const kind: HeaderRecognition["layout"] = ind && crit ? "mixed" : ind ? "indicators" : crit ? "status" : "none";
  return { ...layout, columns, unmapped, layout: kind };
}

/**
 * The user gives `column` a role from the list (or null: ignore the column). A role held by another
 * column moves here; that column becomes unmapped. A role the ruleset does not know changes nothing.
 */
export function withOverride(
  layout: TableLayout,
  column: number,
  role: ColumnRole | null,
  ruleset: Ruleset
): TableLayout {
  if (role && !roleExists(role, ruleset)) return layout;
  const header =
    layout.columns.find((c) => c.column === column)?.header ??
    layout.unmapped.find((u) => u.column === column)?.header ??
    "";
  const columns = layout.columns.filter((c) => c.column !== column);
  const unmapped = layout.unmapped.filter((u) => u.column !== column);
  if (role === null) {
    if (header !== "") unmapped.push({ column, header });
    return withRecognition(layout, columns, unmapped);
  }
  const key = roleKey(role);
  const displaced = columns.filter((c) => roleKey(c.role) === key);
  for (const d of displaced) if (d.header !== "") unmapped.push({ column: d.column, header: d.header });
  const kept = columns.filter((c) => roleKey(c.role) !== key);
  const match: ColumnMatch = { column, header, role, confidence: 1 };
  if (role.kind === "indicator") {
    const unit = indicatorsById(ruleset).get(role.indicatorId)?.unit;
    const scale = unit === "vnd_per_person_year" || unit === "number" ? headerScale(header) : undefined;
    if (scale !== undefined) match.scale = scale;
  }
  kept.push(match);
  return withRecognition(layout, kept, unmapped);
}

export function toSavedMapping(sheet: string, layout: TableLayout): SavedMapping {
  const sideways = layout.orientation === "columns";
  // A sideways table's "column" is a sheet row: saved as its 1-based number.
  const place = (column: number) => (sideways ? { row: column + 1 } : { column: columnLetter(column) });
  const saved: SavedMapping = {
    version: 1,
    sheet,
    headerTop: layout.headerTop,
    headerBottom: layout.headerBottom,
    dataStart: layout.dataStart,
    columns: layout.columns.map((c) => ({
      ...place(c.column),
      role: c.role,
      header: c.header,
      confidence: c.confidence,
      ...(c.scale !== undefined ? { scale: c.scale } : {}),
    })),
    unmapped: layout.unmapped.map((u) => ({ ...place(u.column), header: u.header })),
  };
  if (sideways) saved.orientation = "columns";
  if (layout.dataEnd !== undefined) saved.dataEnd = layout.dataEnd;
  if (layout.district !== undefined) saved.district = layout.district;
  if (layout.commune !== undefined) saved.commune = layout.commune;
  return saved;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isRow = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isLetter = (v: unknown): v is string => typeof v === "string" && /^[A-Z]{1,3}$/.test(v);
const isLine = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1;

/** An entry's zero-based column of the table's view: a letter, or for a sideways table a 1-based sheet row. */
function savedPlace(entry: Json, sideways: boolean): number | undefined {
  if (sideways) return isLine(entry.row) ? entry.row - 1 : undefined;
  return isLetter(entry.column) ? columnIndex(entry.column) : undefined;
}

const FIXED_KINDS = new Set<string>(FIXED_ROLE_KINDS);

/** A saved role read back, or a reason (vi, en) it cannot be used with this ruleset. */
function savedRole(v: unknown, ruleset: Ruleset): ColumnRole | [string, string] {
  if (!isObject(v) || typeof v.kind !== "string") return ["vai trò cột không hợp lệ", "the column role is not valid"];
  if (v.kind === "indicator") {
    const id = v.indicatorId;
    if (typeof id !== "string") return ["thiếu mã chỉ tiêu", "the indicator id is missing"];
    if (!indicatorsById(ruleset).has(id)) {
      return [`chỉ tiêu "${id}" không có trong bộ tiêu chí`, `indicator "${id}" is not in the ruleset`];
    }
    return { kind: "indicator", indicatorId: id };
  }
  if (v.kind === "criterion") {
    const id = v.criterionId;
    if (typeof id !== "string") return ["thiếu mã tiêu chí", "the criterion id is missing"];
    if (!ruleset.criteria.some((c) => c.id === id)) {
      return [`tiêu chí "${id}" không có trong bộ tiêu chí`, `criterion "${id}" is not in the ruleset`];
    }
    return { kind: "criterion", criterionId: id };
  }
  if (FIXED_KINDS.has(v.kind)) return { kind: v.kind } as ColumnRole;
  return [`vai trò cột "${v.kind}" không hợp lệ`, `unknown column role "${v.kind}"`];
}

/**
 * Read a mapping saved in the workbook settings, checking it against the ruleset in use (it may have
 * been saved with another one). Every fault is listed in one Problem located at the first faulty column.
 */
export function fromSavedMapping(saved: unknown, ruleset: Ruleset): TableLayout | Problem {
  const bad = (where: string, vi: string, en: string) =>
    problem(
      "saved-mapping",
      where,
      `Cách ghép cột đã lưu không dùng được: ${vi}.`,
      `The saved column mapping cannot be used: ${en}.`
    );
  if (!isObject(saved) || saved.version !== 1)
    return bad("", "không đúng định dạng (phiên bản 1)", "it is not in the expected format (version 1)");
  if (saved.orientation !== undefined && saved.orientation !== "rows" && saved.orientation !== "columns")
    return bad(
      "",
      `chiều bảng "${String(saved.orientation)}" không hợp lệ`,
      `orientation "${String(saved.orientation)}" is not valid`
    );
  const sideways = saved.orientation === "columns";
  const { headerTop, headerBottom, dataStart, dataEnd } = saved;
  if (
    !isRow(headerTop) ||
    !isRow(headerBottom) ||
    !isRow(dataStart) ||
    headerBottom < headerTop ||
    dataStart <= headerBottom
  ) {
    return bad(
      "",
      "vị trí dòng tiêu đề và dòng số liệu không hợp lệ",
      "the header and data row positions are not valid"
    );
  }
  if (!Array.isArray(saved.columns)) return bad("", "thiếu danh sách cột", "the column list is missing");
  const faults: Array<{ where: string; vi: string; en: string }> = [];
  const columns: ColumnMatch[] = [];
  const seen = new Set<string>();
  (saved.columns as unknown[]).forEach((entry, k) => {
    const column = isObject(entry) ? savedPlace(entry, sideways) : undefined;
    if (!isObject(entry) || column === undefined) {
      faults.push({
        where: `#${k + 1}`,
        vi: `mục ${k + 1} không có ${sideways ? "số dòng" : "chữ cột"} hợp lệ`,
        en: `entry ${k + 1} has no valid ${sideways ? "row number" : "column letter"}`,
      });
      return;
    }
    const where = sideways ? `dòng ${column + 1}` : `cột ${columnLetter(column)}`;
    const whereEn = sideways ? `row ${column + 1}` : `column ${columnLetter(column)}`;
    const role = savedRole(entry.role, ruleset);
    if (Array.isArray(role)) {
      faults.push({ where, vi: `${where}: ${role[0]}`, en: `${whereEn}: ${role[1]}` });
      return;
    }
    const key = roleKey(role);
    if (seen.has(key)) {
      faults.push({
        where,
        vi: `${where}: vai trò bị trùng với ${sideways ? "dòng" : "cột"} khác`,
        en: `${whereEn}: role given to two ${sideways ? "rows" : "columns"}`,
      });
      return;
    }
    seen.add(key);
    const match: ColumnMatch = {
      column,
      header: typeof entry.header === "string" ? entry.header : "",
      role,
      confidence:
        typeof entry.confidence === "number" && entry.confidence >= 0 && entry.confidence <= 1 ? entry.confidence : 1,
    };
    if (typeof entry.scale === "number" && Number.isFinite(entry.scale) && entry.scale > 0) match.scale = entry.scale;
    columns.push(match);
  });
  if (faults.length) {
    return bad(faults[0].where, faults.map((f) => f.vi).join("; "), faults.map((f) => f.en).join("; "));
  }
  const unmapped = (Array.isArray(saved.unmapped) ? (saved.unmapped as unknown[]) : [])
    .filter((u): u is Json => isObject(u) && savedPlace(u, sideways) !== undefined && typeof u.header === "string")
    .map((u) => ({ column: savedPlace(u, sideways) as number, header: u.header as string }));
  const layout: TableLayout = { columns: [], unmapped: [], layout: "none", headerTop, headerBottom, dataStart };
  if (sideways) layout.orientation = "columns";
  if (isRow(dataEnd) && dataEnd >= dataStart) layout.dataEnd = dataEnd;
  if (typeof saved.district === "string") layout.district = saved.district;
  if (typeof saved.commune === "string") layout.commune = saved.commune;
  return withRecognition(layout, columns, unmapped);
}
