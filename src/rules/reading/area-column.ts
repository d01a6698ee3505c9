import { CellValue, isExcelError } from "./cell";
import { ColumnMatch, HeaderRecognition } from "./columns";
import { msg } from "../message";
import { readYesNo } from "./values";

/**
 * The area column found by what it holds when no header names it: a sideways form's row labels
 * ("Khu 1", "Khu 2", …) sit under "Tiêu chí"/"Chỉ tiêu", and some districts head the column "Tên đơn vị".
 */

/** Share of a column's filled sample cells that must be names for it to be taken as the area column. */
const NAME_SHARE = 0.8;
/** Fewer names than this in the sample say nothing. */
const MIN_NAMES = 2;
/** Confidence of an area column chosen by its content: below the pane's "check this" mark. */
const CONTENT_CONFIDENCE = 0.6;

const PLAIN_NUMBER = /^[-+−]?\d[\d.,\s]*%?$/;

/** A cell that names something: text that is not a number, a yes/no word or an Excel error. */
function isName(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t !== "" && !PLAIN_NUMBER.test(t) && !isExcelError(t) && readYesNo(t) === undefined;
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * The recognition with an area column added when none was recognised: of the columns left of the first
 * criterion or indicator column that no role claims, the one whose sample cells are almost all names,
 * the most varied first. Unchanged when a column is already the area, or none qualifies.
 */
export function withAreaColumnByContent(recognition: HeaderRecognition, sampleRows: CellValue[][]): HeaderRecognition {
  if (recognition.columns.some((c) => c.role.kind === "area")) return recognition;
  const valueColumns = recognition.columns
    .filter((c) => c.role.kind === "indicator" || c.role.kind === "criterion")
    .map((c) => c.column);
  if (valueColumns.length === 0) return recognition;
  const firstValue = Math.min(...valueColumns);
  const claimed = new Set(recognition.columns.map((c) => c.column));
  let best: { column: number; distinct: number } | undefined;
  for (let column = 0; column < firstValue; column++) {
    if (claimed.has(column)) continue;
    let filled = 0;
    const names = new Set<string>();
    let nameCount = 0;
    for (const row of sampleRows) {
      const v = row[column];
      if (isBlank(v)) continue;
      filled++;
      if (isName(v)) {
        nameCount++;
        names.add(String(v).trim());
      }
    }
    if (nameCount < MIN_NAMES || nameCount < NAME_SHARE * filled) continue;
    if (!best || names.size > best.distinct) best = { column, distinct: names.size };
  }
  if (!best) return recognition;
  const chosen = best.column;
  const header = recognition.unmapped.find((u) => u.column === chosen)?.header ?? "";
  const match: ColumnMatch = {
    column: chosen,
    header,
    role: { kind: "area" },
    confidence: CONTENT_CONFIDENCE,
    note: msg(
      "Chọn theo nội dung: cột này ghi tên các khu, tiêu đề của nó không nói vậy.",
      "Chosen by content: this column holds the areas' names, though its header does not say so."
    ),
  };
  return {
    ...recognition,
    columns: [...recognition.columns, match].sort((a, b) => a.column - b.column),
    unmapped: recognition.unmapped.filter((u) => u.column !== chosen),
  };
}
