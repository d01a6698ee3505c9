import { CellValue, Grid, MergedRange } from "../cell";
import {
  filledColumns,
  HeaderRecognition,
  isColumnNumberingRow,
  isQualifierText,
  labelConfidence,
  MIN_CONFIDENCE,
  recognizeHeaders,
} from "../columns";
import { Problem, problem } from "../../message";
import { Orientation, sheetRange } from "../orientation";
import { withAreaColumnByContent } from "../area-column";
import { titlePlaces } from "../places";
import { Ruleset } from "../../ruleset/ruleset";
import { readYesNo } from "../values";
import { SheetData } from "../../workbook";
import { ReadingMemory } from "../reading-memory";
import { TableLayout } from "./layout";
import { cellText, isBlankRow, looksLikeData } from "./row-text";

/* Finding a table's header band and first data row, and recognising its columns. */

/** Rows scanned for the header band: title blocks are a handful of rows. */
const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;
/** Data rows read to tell value columns from status columns. */
const SAMPLE_ROWS = 15;
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
