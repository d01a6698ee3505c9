import { Criterion, findCriterion, findIndicator, Indicator, Ruleset } from "../rules/ruleset/ruleset";
import { argumentText, fault, isBlank, quote, toCell } from "./excel-cells";

/** The criterion, indicator and year a formula names ("TC07", 7, "TC07.1", "Tỷ lệ hộ nghèo", 2025). */

export const criterionLabel = (c: Criterion): string => `${c.id} ${c.nameVi}`;

/** A criterion, or else an indicator (NTM.MET takes either). */
export function criterionOrIndicator(ruleset: Ruleset, arg: unknown): { criterion?: Criterion; indicator?: Indicator } {
  const text = argumentText(arg);
  if (text === "") {
    throw fault("criterion-missing", 'Thiếu mã tiêu chí (ví dụ "TC07").', 'The criterion id is missing (e.g. "TC07").');
  }
  const criterion = findCriterion(ruleset, text);
  if (criterion) return { criterion };
  const indicator = findIndicator(ruleset, text);
  if (indicator) return { indicator };
  const first = ruleset.criteria[0]?.id ?? "";
  const last = ruleset.criteria[ruleset.criteria.length - 1]?.id ?? "";
  throw fault(
    "criterion-unknown",
    `Không có tiêu chí ${quote(text)} trong bộ tiêu chí: dùng mã ${first}…${last}, tên tiêu chí, hoặc mã chỉ tiêu (ví dụ ${ruleset.indicators[0]?.id}).`,
    `There is no criterion ${quote(text)} in the ruleset: use an id ${first}…${last}, a criterion name, or an indicator id (e.g. ${ruleset.indicators[0]?.id}).`
  );
}

/** An indicator, or a criterion of one indicator; a criterion of several is refused, listing them. */
export function indicatorArgument(ruleset: Ruleset, arg: unknown): Indicator {
  const text = argumentText(arg);
  if (text === "") {
    throw fault(
      "indicator-missing",
      'Thiếu mã chỉ tiêu (ví dụ "TC01.1").',
      'The indicator id is missing (e.g. "TC01.1").'
    );
  }
  const indicator = findIndicator(ruleset, text);
  if (indicator) return indicator;
  const criterion = findCriterion(ruleset, text);
  if (criterion && criterion.indicators.length === 1) return criterion.indicators[0];
  if (criterion) {
    const ids = criterion.indicators.map((i) => i.id).join(", ");
    throw fault(
      "indicator-ambiguous",
      `${criterionLabel(criterion)} có ${criterion.indicators.length} chỉ tiêu (${ids}): hãy ghi mã chỉ tiêu.`,
      `${criterion.id} ${criterion.nameEn} has ${criterion.indicators.length} indicators (${ids}): give the indicator id.`
    );
  }
  throw fault(
    "indicator-unknown",
    `Không có chỉ tiêu ${quote(text)} trong bộ tiêu chí: dùng mã như ${ruleset.indicators[0]?.id} hoặc tên chỉ tiêu.`,
    `There is no indicator ${quote(text)} in the ruleset: use an id such as ${ruleset.indicators[0]?.id} or the indicator's name.`
  );
}

/** A year from 1990 to 2100, or undefined when left blank. */
export function yearArgument(arg: unknown): number | undefined {
  const c = toCell(arg);
  if (isBlank(c)) return undefined;
  const n = typeof c === "number" ? c : typeof c === "string" ? Number(c.trim()) : NaN;
  if (Number.isInteger(n) && n >= 1990 && n <= 2100) return n;
  throw fault(
    "year",
    `Năm không hợp lệ: ${quote(String(c))} (cần một năm như 2025).`,
    `Not a valid year: ${quote(String(c))} (use a year such as 2025).`
  );
}
