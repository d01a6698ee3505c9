import { AreaInput, Reading } from "./assessment";
import { CellValue, cellAddress, columnIndex, columnLetter, Grid, isExcelError, MergedRange } from "./cell";
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
import { Problem, problem } from "./message";
import { foldText, Indicator, normaliseAreaType, Ruleset } from "./ruleset";
import { BLANK_READING, readCell, readStatus, readYesNo } from "./values";
import { SheetData } from "./workbook";

/** Where the table sits on the sheet (zero-based rows) and what its columns hold. */
export interface TableLayout extends HeaderRecognition {
  headerTop: number;
  headerBottom: number;
  /** First row after the header band and its column-numbering row. */
  dataStart: number;
  /** From a title row "Huyện: Thanh Ba", for sheets without a district column. */
  district?: string;
  /** From a title row "Xã: Tiên Kiên", for one commune's sheet without a commune column. */
  commune?: string;
}

/** A row below the header that is not an area. `row` is the 1-based sheet row. */
export interface SkippedRow {
  row: number;
  reason: "section" | "total" | "blank" | "numbering" | "hidden";
  text?: string;
}

export interface AreaRows {
  areas: AreaInput[];
  skipped: SkippedRow[];
  problems: Problem[];
}

/** The column mapping as stored in the workbook settings, so a user's corrections survive. */
export interface SavedMapping {
  version: 1;
  sheet: string;
  headerTop: number;
  headerBottom: number;
  dataStart: number;
  columns: Array<{
    column: string /* letter */;
    role: ColumnRole;
    header?: string;
    confidence?: number;
    scale?: number;
  }>;
  unmapped?: Array<{ column: string; header: string }>;
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
function looksLikeData(row: CellValue[]): boolean {
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

const TITLE_PLACE = /^(ubnd\s+)?(huyện|thị xã|thành phố|xã|phường|thị trấn)\s*([:.]?)\s+(.{2,40})$/iu;

/** "THANH BA" → "Thanh Ba": titles are often in capitals, names in the data are not. */
function titleCase(name: string): string {
  if (name !== name.toLocaleUpperCase("vi")) return name;
  return name
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

/**
 * "Huyện: Thanh Ba", "Xã: Tiên Kiên" in the title rows ("UBND huyện …", the issuer line, only when
 * nothing better is there). Communes keep their kind, as section rows do: "Xã Tiên Kiên".
 */
function titlePlaces(values: Grid, headerTop: number): { district?: string; commune?: string } {
  const found: Array<{ district: boolean; name: string; rank: number }> = [];
  for (let r = 0; r < headerTop; r++) {
    for (const v of values[r] ?? []) {
      const m = TITLE_PLACE.exec(cellText(v).normalize("NFC"));
      if (!m) continue;
      const kind = foldText(m[2]);
      const district = /^(huyen|thi xa|thanh pho)$/.test(kind);
      const name = titleCase(m[4].trim());
      const rank = m[1] ? 2 : m[3] ? 0 : 1;
      found.push({
        district,
        rank,
        name: district
          ? name
          : `${m[2].charAt(0).toLocaleUpperCase("vi")}${m[2].slice(1).toLocaleLowerCase("vi")} ${name}`,
      });
    }
  }
  const best = (district: boolean) =>
    found.filter((f) => f.district === district).sort((a, b) => a.rank - b.rank)[0]?.name;
  const out: { district?: string; commune?: string } = {};
  const district = best(true);
  const commune = best(false);
  if (district !== undefined) out.district = district;
  if (commune !== undefined) out.commune = commune;
  return out;
}

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
function likelyHeaderTexts(values: Grid, rows: number): { row: number; where: string; texts: string[] } {
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < rows; r++) {
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
    where: `${cellAddress(best, 0)}:${cellAddress(best, Math.max(0, row.length - 1))}`,
    texts: row.map(cellText).filter((t) => t !== ""),
  };
}

/**
 * Find the header band (1–3 rows under the title rows) and the first data row, and recognise the
 * columns. A Problem (naming the header texts found) when nothing matches the ruleset.
 */
export function detectTable(sheet: Pick<SheetData, "values" | "merges">, ruleset: Ruleset): TableLayout | Problem {
  const values = sheet.values;
  if (values.every((row) => isBlankRow(row))) {
    return problem(
      "empty-sheet",
      "A1",
      "Trang tính trống: không có bảng nào để đọc.",
      "The sheet is empty: there is no table to read."
    );
  }
  const limit = Math.min(values.length, SCAN_ROWS);
  let anchor = -1;
  let anchorScore = 0;
  for (let r = 0; r < limit; r++) {
    let score = 0;
    for (const v of values[r] ?? []) {
      if (typeof v !== "string") continue;
      const t = cellText(v);
      if (t === "" || t.length > 200 || readYesNo(t) !== undefined) continue;
      const c = labelConfidence(t, ruleset);
      if (c >= MIN_CONFIDENCE) score += c;
    }
    if (score > anchorScore) {
      anchor = r;
      anchorScore = score;
    }
  }
  if (anchor < 0) {
    const { where, texts } = likelyHeaderTexts(values, limit);
    return noTableProblem(where, texts);
  }

  const recognise = (top: number, bottom: number) =>
    recognizeHeaders(values.slice(top, bottom + 1), ruleset, { merges: bandMerges(sheet.merges, top, bottom) });
  const rowKind = (r: number, bandColumns: number[]): "blank" | "numbering" | "data" | "text" => {
    const row = values[r];
    if (isBlankRow(row)) return "blank";
    if (isColumnNumberingRow(row, bandColumns)) return "numbering";
    return looksLikeData(row) ? "data" : "text";
  };
  const unitRow = (r: number) =>
    (values[r] ?? []).every((v) => cellText(v) === "" || (typeof v === "string" && isQualifierText(v)));

  // Grow the band from the best row while a neighbouring header-like row improves the recognition
  // (a criterion row above its indicators, TT/Xã cells merged down) or only adds units ("(%)").
  let top = anchor;
  let bottom = anchor;
  let bestScore = recognitionScore(recognise(top, bottom));
  while (bottom - top + 1 < MAX_HEADER_ROWS) {
    const bandColumns = filledColumns(values.slice(top, bottom + 1));
    const options: Array<{ top: number; bottom: number; score: number; units: boolean }> = [];
    if (top > 0 && rowKind(top - 1, bandColumns) === "text") {
      options.push({ top: top - 1, bottom, score: recognitionScore(recognise(top - 1, bottom)), units: false });
    }
    if (bottom + 1 < values.length && rowKind(bottom + 1, bandColumns) === "text") {
      const score = recognitionScore(recognise(top, bottom + 1));
      options.push({ top, bottom: bottom + 1, score, units: unitRow(bottom + 1) });
    }
    const better = options
      .filter((o) => o.score > bestScore + 0.25 || (o.units && o.score >= bestScore))
      .sort((a, b) => b.score - a.score)[0];
    if (!better) break;
    ({ top, bottom } = better);
    bestScore = better.score;
  }

  let dataStart = bottom + 1;
  if (
    dataStart < values.length &&
    isColumnNumberingRow(values[dataStart], filledColumns(values.slice(top, bottom + 1)))
  )
    dataStart++;
  const sampleRows = values
    .slice(dataStart)
    .filter((row) => !isBlankRow(row))
    .slice(0, SAMPLE_ROWS);
  const recognition = recognizeHeaders(values.slice(top, bottom + 1), ruleset, {
    merges: bandMerges(sheet.merges, top, bottom),
    sampleRows,
  });
  if (!recognition.columns.some((c) => c.role.kind === "indicator" || c.role.kind === "criterion")) {
    const { where, texts } = likelyHeaderTexts(values, limit);
    return noTableProblem(where, texts);
  }
  return { ...recognition, headerTop: top, headerBottom: bottom, dataStart, ...titlePlaces(values, top) };
}

/**
 * A starting point for mapping a table by hand when detectTable finds no criterion column: the row with
 * the most text near the top is taken as the header; what it recognises (area, commune, …) is kept and
 * every other header cell is offered unmapped, for the user to give it a role (withOverride).
 */
export function manualLayout(sheet: Pick<SheetData, "values" | "merges">, ruleset: Ruleset): TableLayout | Problem {
  const values = sheet.values;
  const { row } = likelyHeaderTexts(values, Math.min(values.length, SCAN_ROWS));
  if (row < 0) {
    return problem(
      "empty-sheet",
      "A1",
      "Trang tính trống: không có bảng nào để đọc.",
      "The sheet is empty: there is no table to read."
    );
  }
  const recognition = recognizeHeaders([values[row]], ruleset, { merges: bandMerges(sheet.merges, row, row) });
  let dataStart = row + 1;
  if (dataStart < values.length && isColumnNumberingRow(values[dataStart], filledColumns([values[row]]))) dataStart++;
  return { ...recognition, headerTop: row, headerBottom: row, dataStart, ...titlePlaces(values, row) };
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

const indicatorCache = new WeakMap<Ruleset, Map<string, Indicator>>();

function indicatorsById(ruleset: Ruleset): Map<string, Indicator> {
  let map = indicatorCache.get(ruleset);
  if (!map) {
    map = new Map(ruleset.indicators.map((i) => [i.id, i]));
    indicatorCache.set(ruleset, map);
  }
  return map;
}

type Shape = Record<string, Reading>;

export interface ReadingShapes {
  indicators: Shape;
  criteria: Shape;
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
  for (const c of columns) {
    if (c.role.kind === "indicator") {
      const indicator = indicators.get(c.role.indicatorId);
      if (indicator) ind[indicator.id] = BLANK_READING;
    } else if (c.role.kind === "criterion") crit[c.role.criterionId] = BLANK_READING;
  }
  return { indicators: ind, criteria: crit };
}

/** "x", "Có", "ĐBKK", "Xã đặc biệt khó khăn" → "dbkk"; "Không" → none; other text normalised. */
function readAreaType(raw: CellValue, header: string): string | undefined {
  const text = cellText(raw);
  if (text === "") return undefined;
  const folded = foldText(text);
  if (/\bdbkk\b|dac biet kho khan/.test(folded)) return "dbkk";
  const yes = typeof raw === "boolean" ? raw : raw === 1 ? true : raw === 0 ? false : readYesNo(text);
  if (yes !== undefined) {
    if (!yes) return undefined;
    return /\bdbkk\b|dac biet kho khan/.test(foldText(header)) ? "dbkk" : normaliseAreaType(header);
  }
  return normaliseAreaType(text);
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
  shapes: ReadingShapes = readingShapes(columns, ruleset)
): AreaInput {
  const indicators = indicatorsById(ruleset);
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
        const indicator = indicators.get(role.indicatorId);
        if (indicator) {
          area.indicators[indicator.id] = readCell(raw, indicator.unit, numberFormats?.[c.column], c.scale);
        }
        break;
      }
      case "criterion":
        area.criteria[role.criterionId] = readStatus(raw);
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
        const t = readAreaType(raw, c.header);
        if (t) area.areaType = t;
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

/**
 * Every area row under the header. Commune section rows ("Xã Tiên Kiên", "I | Xã Hà Thạch") name the
 * commune of the rows below (a commune column, where filled, wins); total and blank rows are skipped.
 *
 * Hidden and filtered-out rows are read as areas like any other, and not recorded as skipped: the
 * analysis covers the whole district, and a filter set for viewing must not change the figures.
 */
export function readAreas(sheet: SheetData, layout: TableLayout, ruleset: Ruleset): AreaRows {
  const areas: AreaInput[] = [];
  const skipped: SkippedRow[] = [];
  const problems: Problem[] = [];
  const columnOf = (kind: ColumnRole["kind"]) => layout.columns.find((c) => c.role.kind === kind)?.column;
  const areaColumn = columnOf("area");
  const orderColumn = columnOf("order");
  const communeColumn = columnOf("commune");
  const valueColumns = layout.columns.filter((c) => c.role.kind === "indicator" || c.role.kind === "criterion");
  const shapes = readingShapes(layout.columns, ruleset);
  const headerColumns = filledColumns(sheet.values.slice(layout.headerTop, layout.headerBottom + 1));

  let last = sheet.values.length - 1;
  while (last >= layout.dataStart && isBlankRow(sheet.values[last])) last--;

  if (areaColumn === undefined && last >= layout.dataStart) {
    problems.push(
      problem(
        "no-area-column",
        `${cellAddress(layout.headerTop, 0)}:${cellAddress(layout.headerBottom, Math.max(0, ...headerColumns))}`,
        "Không nhận ra cột tên khu dân cư; các khu được gọi theo số dòng. Hãy chọn cột “Khu dân cư”.",
        "No residential-area name column recognised; areas are named by row. Choose the “Khu dân cư” column."
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
    const area = readAreaRow(row, layout.columns, ruleset, sheet.numberFormats?.[r], shapes);
    area.row = sheetRow;
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
      area.name = `Dòng ${sheetRow}`;
      if (areaColumn !== undefined) {
        problems.push(
          problem(
            "area-name-missing",
            cellAddress(r, areaColumn),
            `Dòng ${sheetRow} có số liệu nhưng không có tên khu dân cư; tạm gọi là “Dòng ${sheetRow}”.`,
            `Row ${sheetRow} has values but no residential-area name; called “Dòng ${sheetRow}” for now.`
          )
        );
      }
    }
    for (let k = 0; k < valueColumns.length; k++) {
      const c = valueColumns[k];
      const reading: Reading | undefined =
        c.role.kind === "indicator"
          ? area.indicators[c.role.indicatorId]
          : c.role.kind === "criterion"
            ? area.criteria[c.role.criterionId]
            : undefined;
      if (reading?.kind !== "unreadable") continue;
      const label = roleLabel(c.role, ruleset);
      problems.push(
        problem(
          "unreadable-value",
          cellAddress(r, c.column),
          `${area.name}, ${label.vi}: ${reading.reason.vi}`,
          `${area.name}, ${label.en}: ${reading.reason.en}`
        )
      );
    }
    areas.push(area);
  }
  return { areas, skipped, problems };
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
  const saved: SavedMapping = {
    version: 1,
    sheet,
    headerTop: layout.headerTop,
    headerBottom: layout.headerBottom,
    dataStart: layout.dataStart,
    columns: layout.columns.map((c) => ({
      column: columnLetter(c.column),
      role: c.role,
      header: c.header,
      confidence: c.confidence,
      ...(c.scale !== undefined ? { scale: c.scale } : {}),
    })),
    unmapped: layout.unmapped.map((u) => ({ column: columnLetter(u.column), header: u.header })),
  };
  if (layout.district !== undefined) saved.district = layout.district;
  if (layout.commune !== undefined) saved.commune = layout.commune;
  return saved;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isRow = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isLetter = (v: unknown): v is string => typeof v === "string" && /^[A-Z]{1,3}$/.test(v);

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
  const { headerTop, headerBottom, dataStart } = saved;
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
    if (!isObject(entry) || !isLetter(entry.column)) {
      faults.push({
        where: `#${k + 1}`,
        vi: `mục ${k + 1} không có chữ cột hợp lệ`,
        en: `entry ${k + 1} has no valid column letter`,
      });
      return;
    }
    const where = `cột ${entry.column}`;
    const role = savedRole(entry.role, ruleset);
    if (Array.isArray(role)) {
      faults.push({ where, vi: `${where}: ${role[0]}`, en: `column ${entry.column}: ${role[1]}` });
      return;
    }
    const key = roleKey(role);
    if (seen.has(key)) {
      faults.push({
        where,
        vi: `${where}: vai trò bị trùng với cột khác`,
        en: `column ${entry.column}: role given to two columns`,
      });
      return;
    }
    seen.add(key);
    const match: ColumnMatch = {
      column: columnIndex(entry.column),
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
    .filter((u): u is Json => isObject(u) && isLetter(u.column) && typeof u.header === "string")
    .map((u) => ({ column: columnIndex(u.column as string), header: u.header as string }));
  const layout: TableLayout = { columns: [], unmapped: [], layout: "none", headerTop, headerBottom, dataStart };
  if (typeof saved.district === "string") layout.district = saved.district;
  if (typeof saved.commune === "string") layout.commune = saved.commune;
  return withRecognition(layout, columns, unmapped);
}
