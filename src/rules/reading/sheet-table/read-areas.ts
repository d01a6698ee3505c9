import { AreaInput, Reading } from "../../assessment/assessment";
import { isExcelError } from "../cell";
import { ColumnRole, filledColumns, isColumnNumberingRow, roleLabel } from "../columns";
import { Problem, problem } from "../../message";
import { sheetAddress, sheetRange } from "../orientation";
import { titleCase } from "../places";
import { foldText, Ruleset } from "../../ruleset/ruleset";
import { readYesNo } from "../values";
import { SheetData } from "../../workbook";
import { ReadingMemory } from "../reading-memory";
import { TableLayout, SkippedRow, AreaRows } from "./layout";
import { cellText, PLAIN_NUMBER, numberIsLabel, filledText, isBlankRow, looksLikeData } from "./row-text";
import {
  isTotalText,
  stripLeadingNumber,
  isOrderMarker,
  COMMUNE_PREFIX,
  readingShapes,
  readAreaRow,
  isSignatureText,
  lineName,
} from "./area-row";

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
