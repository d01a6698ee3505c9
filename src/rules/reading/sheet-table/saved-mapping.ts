import { columnIndex, columnLetter } from "../cell";
import {
  ColumnMatch,
  ColumnRole,
  FIXED_ROLE_KINDS,
  headerScale,
  HeaderRecognition,
  roleExists,
  roleKey,
} from "../columns";
import { Problem, problem } from "../../message";
import { Ruleset } from "../../ruleset/ruleset";
import { TableLayout, SavedMapping } from "./layout";
import { indicatorsById } from "./area-row";

/* The user's corrections to a table's columns, and the mapping saved with the workbook so they survive. */

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
