import { logicToText } from "../rules/ruleset/criterion-logic-codec";
import { formatValue, OPERATOR_SIGN, UNIT_LABEL } from "../rules/format";
import { Indicator, thresholdFor, ThresholdValue, ThresholdVariant } from "../rules/ruleset/ruleset";
import { indicatorArgument, yearArgument } from "./criterion-argument";
import { isBlank, Table, toCell } from "./excel-cells";
import { FormulaContext, notes } from "./formula-context";

/** The ruleset functions: NTM.THRESHOLD (one threshold in force) and NTM.CRITERIA (the whole ruleset). */

/**
 * NTM.THRESHOLD: the threshold in force for an indicator, a year and a group ("Nhóm 2", "ĐBKK"); a group
 * the ruleset has no thresholds of its own for takes the common ones.
 */
export function threshold(ctx: FormulaContext, indicator: unknown, year: unknown, group: unknown): ThresholdValue {
  const i = indicatorArgument(ctx.ruleset, indicator);
  const g = toCell(group);
  return thresholdFor(i, { year: yearArgument(year), group: isBlank(g) ? undefined : String(g) });
}

export const CRITERIA_HEADER = [
  "Mã tiêu chí",
  "Tiêu chí",
  "Tiêu chí (tiếng Anh)",
  "Mã chỉ tiêu",
  "Chỉ tiêu",
  "Chỉ tiêu (tiếng Anh)",
  "Đơn vị",
  "Toán tử",
  "Ngưỡng",
  "Ngưỡng riêng (năm, nhóm)",
  "Đã xác minh",
  "Cách tính đạt",
];

function variantText(i: Indicator, v: ThresholdVariant): string {
  const years =
    v.fromYear !== undefined && v.toYear !== undefined
      ? `${v.fromYear}–${v.toYear}`
      : v.fromYear !== undefined
        ? `từ ${v.fromYear}`
        : v.toYear !== undefined
          ? `đến ${v.toYear}`
          : "";
  const scope = [years, v.group !== undefined ? `nhóm "${v.group}"` : ""].filter((s) => s).join(", ");
  return `${scope}: ${formatValue(v.value, i.unit, "vi")}`;
}

/** NTM.CRITERIA: the ruleset in force as a table, one row per indicator, with its status noted. */
export function criteriaTable(ctx: FormulaContext): Table {
  const rows: Table = [CRITERIA_HEADER];
  for (const c of ctx.ruleset.criteria) {
    const logic = logicToText(
      c.logic,
      c.indicators.map((i) => i.id)
    );
    for (const i of c.indicators) {
      rows.push([
        c.id,
        c.nameVi,
        c.nameEn,
        i.id,
        i.nameVi,
        i.nameEn,
        UNIT_LABEL[i.unit].vi,
        OPERATOR_SIGN[i.operator],
        typeof i.threshold === "boolean" ? (i.threshold ? "Có" : "Không") : i.threshold,
        i.variants.map((v) => variantText(i, v)).join("; "),
        i.verified,
        logic,
      ]);
    }
  }
  const s = ctx.ruleset.source;
  const source = [s.document, s.date, s.issuer].filter((x) => x).join(", ");
  const sourceRow = source
    ? [["Nguồn", `${ctx.ruleset.title} (${source})`, ...Array.from({ length: CRITERIA_HEADER.length - 2 }, () => "")]]
    : [];
  return [...rows, ...notes(ctx, CRITERIA_HEADER.length), ...sourceRow];
}
