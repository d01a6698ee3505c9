import { IndicatorResult, Reading } from "../rules/assessment/assessment";
import { CellValue } from "../rules/reading/cell";
import { logicToText } from "../rules/ruleset/criterion-logic-codec";
import { criterionReason, logicSummary } from "../rules/assessment/criterion-reason";
import { formatCondition, formatNumber } from "../rules/format";
import { Criterion, Indicator } from "../rules/ruleset/ruleset";
import { Table } from "./excel-cells";
import { assessRow, FormulaContext, notes } from "./formula-context";

/** NTM.EXPLAIN: one row per criterion logic and indicator, saying what was read and why it is (not) met. */

export const EXPLAIN_HEADER = ["Mã", "Chỉ tiêu", "Giá trị", "Ngưỡng", "Đạt", "Còn thiếu", "Ghi chú"];

function readingCell(r: Reading | undefined): CellValue {
  if (!r || r.kind === "missing") return "";
  if (r.kind === "number") return r.value;
  if (r.kind === "boolean") return r.value ? "Có" : "Không";
  return typeof r.raw === "string" ? r.raw : String(r.raw);
}

/** A declared status as the sheet wrote it ("Đạt", "x"); a TRUE/FALSE cell as Đạt/Chưa đạt. */
function declaredCell(r: Reading | undefined): CellValue {
  if (r?.kind !== "boolean") return readingCell(r);
  return typeof r.raw === "string" ? r.raw.trim() : r.value ? "Đạt" : "Chưa đạt";
}

function indicatorNote(r: IndicatorResult, fraction: boolean): string {
  const reading = r.reading;
  if (reading.kind === "missing") return "Thiếu số liệu";
  if (reading.kind === "unreadable") return `Không đọc được, tính như thiếu số liệu: ${reading.reason.vi}`;
  if (fraction && reading.kind === "number") {
    return `Hiểu ${formatNumber(Number(reading.raw), "vi", 4)} là ${formatNumber(reading.value, "vi")}% (ô định dạng %).`;
  }
  if (reading.kind === "number" && reading.note) return reading.note.vi;
  return "";
}

/** NTM.EXPLAIN: per indicator the value read, the threshold in force, met, the shortfall and why. */
export async function explain(ctx: FormulaContext, values: unknown, headers: unknown): Promise<Table> {
  const { assessment: a, fractions } = await assessRow(ctx, values, headers);
  const rows: Table = [EXPLAIN_HEADER];
  for (const r of a.criteria) {
    const c = ctx.ruleset.criteria.find((x) => x.id === r.criterionId) as Criterion;
    if (r.basis === "declared") {
      rows.push([c.id, c.nameVi, declaredCell(r.declared), "Đạt", r.met, "", criterionReason(r).vi]);
      continue;
    }
    // A criterion met by one of, or by N of, its indicators: how many held, and how many more it needs.
    const summary = logicSummary(r.logic, "vi");
    if (r.logic && summary) {
      const ids = c.indicators.map((i) => i.id);
      rows.push([
        c.id,
        c.nameVi,
        `${r.logic.held}/${r.logic.items.length}`,
        logicToText(c.logic, ids),
        r.met,
        r.met ? "" : r.logic.need - r.logic.held,
        criterionReason(r).vi,
      ]);
    }
    for (const ir of r.indicators) {
      const i = c.indicators.find((x) => x.id === ir.indicatorId) as Indicator;
      rows.push([
        ir.indicatorId,
        i.nameVi,
        readingCell(ir.reading),
        formatCondition(ir.operator, ir.threshold, ir.unit, "vi"),
        ir.met,
        ir.shortfall ?? "",
        indicatorNote(ir, fractions.has(ir.indicatorId)),
      ]);
    }
  }
  return [...rows, ...notes(ctx, EXPLAIN_HEADER.length)];
}
