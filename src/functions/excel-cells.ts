import { CellValue } from "../rules/reading/cell";
import { InputError, problem } from "../rules/message";

/**
 * Cells as Excel passes them to a custom function (rows of numbers, text, booleans, "" for blanks, null
 * for an omitted argument, error and rich values) turned into the core's cell values; a fault the user
 * can act on is an InputError, which functions.ts turns into #VALUE! with its message.
 */

export type Table = CellValue[][];

/** Excel.ErrorCellValue errorType → the error as a cell shows it. */
const ERROR_TYPES: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Name: "#NAME?",
  NotAvailable: "#N/A",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * One cell: Excel error objects (CustomFunctions.Error, error cell values) become their "#N/A" text, rich
 * values (entities, formatted numbers) their plain value.
 */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
    const basic = o.basicValue;
    if (typeof basic === "string" || typeof basic === "number" || typeof basic === "boolean") return basic;
    if (o.type === "Error") return (typeof o.errorType === "string" && ERROR_TYPES[o.errorType]) || "#VALUE!";
    if (typeof o.text === "string") return o.text;
  }
  return "#VALUE!";
}

export const isBlank = (v: CellValue): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A range argument as rows (a single value as a 1×1 range). */
export function grid(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  // Excel always passes rows of arrays: copy only when something else came in.
  return v.every((row) => Array.isArray(row)) ? (v as unknown[][]) : v.map((row) => (Array.isArray(row) ? row : [row]));
}

/** A fault with no cell to name: the argument is the place. */
export function fault(code: string, vi: string, en: string): InputError {
  return new InputError([problem(code, "", vi, en)]);
}

/** A user's text in a message, cut short. */
export const quote = (s: string, max = 40): string => `"${s.length > max ? s.slice(0, max - 1) + "…" : s}"`;

/** The one row of an area, cells as Excel passed them: a 1×n range, or an n×1 column read top to bottom. */
export function rowItems(values: unknown): { items: unknown[]; vertical: boolean } {
  const g = grid(values);
  if (g.length === 1) return { items: g[0], vertical: false };
  if (g.every((r) => r.length === 1)) return { items: g.map((r) => r[0]), vertical: true };
  const width = Math.max(...g.map((r) => r.length));
  throw fault(
    "values-shape",
    `Vùng giá trị có ${g.length} hàng × ${width} cột: hãy chọn đúng một hàng (một khu dân cư).`,
    `The values range is ${g.length} rows × ${width} columns: select exactly one row (one residential area).`
  );
}

/** Header rows as cells; transposed for a vertical row. Blank headers are refused. */
export function headerRows(g: unknown[][], vertical: boolean): Table {
  const cells = g.map((r) => r.map(toCell));
  const rows = vertical ? (cells[0] ?? []).map((_, c) => cells.map((r) => r[c] ?? null)) : cells;
  if (rows.every((r) => r.every(isBlank))) {
    throw fault(
      "headers-blank",
      "Vùng tiêu đề để trống: chọn hàng tiêu đề của bảng, hoặc bỏ tham số này.",
      "The headers range is blank: select the table's header row(s), or leave the argument out."
    );
  }
  return rows;
}

/** The text of a one-cell argument (the first cell of a range), trimmed; "" when blank. */
export function argumentText(v: unknown): string {
  const c = toCell(Array.isArray(v) ? grid(v)[0]?.[0] : v);
  return c === null || c === undefined ? "" : String(c).trim();
}

/** The text of an Excel #VALUE! message: every fault, Vietnamese then English. */
export function errorMessage(e: InputError, limit = 480): string {
  const vi = e.problems.map((p) => p.message.vi).join(" ");
  const en = e.problems.map((p) => p.message.en).join(" ");
  const text = `${vi} / ${en}`;
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}
