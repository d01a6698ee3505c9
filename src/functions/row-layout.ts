import { columnLetter } from "../rules/reading/cell";
import { ColumnMatch, recognizeHeaders } from "../rules/reading/columns";
import { InputError, Problem, problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset/ruleset";
import { fromSavedMapping } from "../rules/reading/sheet-table";
import { fault, quote, Table } from "./excel-cells";
import { mixText } from "./row-hash";

/**
 * Which cell of a formula's row holds what: from the headers range passed beside it, from the column
 * mapping the pane saved, or (neither given) the ruleset's own order. Faults name the columns concerned.
 */
export interface RowLayout {
  /** Part of every remembered row's identity: results depend on it. */
  key: string;
  /** The key hashed, to start each row's hash from. */
  seed: number;
  columns: ColumnMatch[];
  /** Header layouts: the row must be exactly this wide. */
  width?: number;
  /** Header text per column (for messages). */
  headerText?: string[];
  /** Saved mapping: the row must reach this many columns from A (a sideways table's column, rows from 1). */
  reach?: number;
  /** The saved mapping is of a sideways table: values are an area's column, read from row 1. */
  sideways?: boolean;
}

function listSome(items: string[], max = 3): { vi: string; en: string } {
  const shown = items.slice(0, max).join(", ");
  const rest = items.length - max;
  return rest > 0 ? { vi: `${shown} và ${rest} cột khác`, en: `${shown} and ${rest} more` } : { vi: shown, en: shown };
}

/** The layout the header rows describe; unrecognised headers and headers without criteria are refused. */
export function layoutFromHeaders(ruleset: Ruleset, rows: Table): RowLayout {
  const key = "h" + JSON.stringify(rows);
  const width = Math.max(...rows.map((r) => r.length));
  const rec = recognizeHeaders(rows, ruleset);
  const headerText: string[] = Array.from({ length: width }, () => "");
  for (const c of rec.columns) headerText[c.column] = c.header;
  for (const u of rec.unmapped) headerText[u.column] = u.header;
  const problems: Problem[] = [];
  const unmapped = rec.unmapped.filter((u) => u.header.trim() !== "");
  if (unmapped.length > 0) {
    const names = listSome(unmapped.map((u) => `${u.column + 1} ${quote(u.header)}`));
    problems.push(
      problem(
        "header-unmapped",
        "",
        `Không nhận ra tiêu đề cột ${names.vi} (cột thứ mấy của vùng tiêu đề): sửa tiêu đề cho khớp tên hoặc mã chỉ tiêu (TC01.1…), bỏ cột đó khỏi cả hai vùng, hoặc ghép cột trong ngăn tác vụ.`,
        `Header column ${names.en} (position in the headers range) is not recognised: use the indicator's name or id (TC01.1…), leave that column out of both ranges, or save a column mapping in the task pane.`
      )
    );
  }
  if (!rec.columns.some((c) => c.role.kind === "indicator" || c.role.kind === "criterion")) {
    problems.push(
      problem(
        "header-no-criteria",
        "",
        "Vùng tiêu đề không có cột chỉ tiêu hay tiêu chí nào.",
        "The headers range has no indicator or criterion column."
      )
    );
  }
  if (problems.length) throw new InputError(problems);
  return { key, seed: mixText(0, key), columns: rec.columns, width, headerText };
}

/** The layout of a mapping the pane saved; a mapping that no longer fits the ruleset is refused. */
export function layoutFromMapping(ruleset: Ruleset, mapping: unknown): RowLayout {
  const key = "m" + JSON.stringify(mapping);
  const layout = fromSavedMapping(mapping, ruleset);
  if ("code" in layout) {
    throw new InputError([
      problem(
        "mapping-invalid",
        layout.where,
        `${layout.message.vi} Hãy ghép lại cột trong ngăn tác vụ, hoặc truyền thêm vùng tiêu đề.`,
        `${layout.message.en} Map the columns again in the task pane, or pass the headers range.`
      ),
    ]);
  }
  const columns = layout.columns;
  const reach = columns.reduce((m, c) => Math.max(m, c.column + 1), 0);
  const out: RowLayout = { key, seed: mixText(0, key), columns, reach };
  if (layout.orientation === "columns") out.sideways = true;
  return out;
}

/** The layout of a row passed alone, in the ruleset's order: `columns` from canonicalColumns. */
export function canonicalLayout(width: number, columns: ColumnMatch[]): RowLayout {
  return { key: "c" + width, seed: mixText(0, "c" + width), columns };
}

/** A row with neither headers nor a saved mapping must be as wide as the ruleset's indicators or criteria. */
export function noHeadersFault(ruleset: Ruleset, width: number): InputError {
  const ni = ruleset.indicators.length;
  const nc = ruleset.criteria.length;
  return fault(
    "no-headers",
    `Không có vùng tiêu đề và chưa lưu cách ghép cột, nên hàng phải có đúng ${ni} ô (các chỉ tiêu theo thứ tự ${ruleset.indicators[0]?.id}…) hoặc ${nc} ô (Đạt/Chưa đạt từng tiêu chí ${ruleset.criteria[0]?.id}…); hàng này có ${width} ô. Hãy truyền thêm vùng tiêu đề.`,
    `No headers range and no saved column mapping, so the row must have exactly ${ni} cells (the indicators in order) or ${nc} cells (met/not met per criterion); it has ${width}. Pass the headers range too.`
  );
}

/**
 * The saved mapping for a range of values, among the pane's one per table: a vertical range (one area's
 * column) takes a sideways table's mapping, a row the usual one; failing that, the first (none: undefined).
 */
export function mappingFor(mappings: readonly unknown[], vertical: boolean): unknown {
  const wanted = vertical ? "columns" : "rows";
  const orientation = (m: unknown) =>
    typeof m === "object" && m !== null && (m as { orientation?: unknown }).orientation === "columns"
      ? "columns"
      : "rows";
  return mappings.find((m) => orientation(m) === wanted) ?? mappings[0];
}

/** Refuse a row of n cells that does not fit the layout, saying which columns are missing or extra. */
export function checkRowWidth(n: number, layout: RowLayout): void {
  if (layout.width !== undefined && n < layout.width) {
    const missing = listSome(
      Array.from({ length: layout.width - n }, (_, k) => {
        const text = layout.headerText?.[n + k] ?? "";
        return text ? `${n + k + 1} ${quote(text)}` : `${n + k + 1}`;
      })
    );
    throw fault(
      "row-short",
      `Hàng giá trị có ${n} ô, ít hơn ${layout.width} cột tiêu đề: thiếu cột ${missing.vi}. Hãy chọn vùng giá trị rộng bằng vùng tiêu đề.`,
      `The values row has ${n} cells, fewer than the ${layout.width} header columns: column ${missing.en} is missing. Select a values range as wide as the headers.`
    );
  }
  if (layout.width !== undefined && n > layout.width) {
    throw fault(
      "row-long",
      `Hàng giá trị có ${n} ô, nhiều hơn ${layout.width} cột tiêu đề: các ô từ ô thứ ${layout.width + 1} không có tiêu đề. Hãy chọn vùng giá trị rộng bằng vùng tiêu đề.`,
      `The values row has ${n} cells, more than the ${layout.width} header columns: cells from #${layout.width + 1} have no header. Select a values range as wide as the headers.`
    );
  }
  if (layout.reach !== undefined && n < layout.reach && layout.sideways) {
    throw fault(
      "row-short-mapping",
      `Cách ghép của bảng ngang đã lưu dùng đến dòng ${layout.reach}, nhưng vùng giá trị chỉ có ${n} ô. Hãy truyền cả cột của khu từ dòng 1 (ví dụ D1:D${layout.reach}), hoặc truyền thêm vùng tiêu đề.`,
      `The saved sideways mapping uses rows up to ${layout.reach}, but the values range has only ${n} cells. Pass the area's whole column from row 1 (e.g. D1:D${layout.reach}), or pass the headers range.`
    );
  }
  if (layout.reach !== undefined && n < layout.reach) {
    const last = columnLetter(layout.reach - 1);
    throw fault(
      "row-short-mapping",
      `Cách ghép cột đã lưu dùng đến cột ${last}, nhưng hàng giá trị chỉ có ${n} ô. Hãy truyền cả hàng từ cột A (ví dụ A5:${last}5), hoặc truyền thêm vùng tiêu đề.`,
      `The saved column mapping uses columns up to ${last}, but the values row has only ${n} cells. Pass the whole row from column A (e.g. A5:${last}5), or pass the headers range.`
    );
  }
}
