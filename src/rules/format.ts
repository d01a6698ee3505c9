import { Language } from "./message";
import { ThresholdValue, Unit, Operator } from "./ruleset/ruleset";

/** Vietnamese number style: "1.234.000", "85,5"; English: "1,234,000", "85.5". */
export function formatNumber(n: number, language: Language = "vi", maxFractionDigits = 2): string {
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(n * factor) / factor;
  const abs = Math.abs(rounded);
  const whole = Math.trunc(abs);
  let intPart = String(whole);
  if (whole >= 1000) {
    const group = language === "vi" ? "." : ",";
    let grouped = "";
    for (let end = intPart.length; end > 0; end -= 3) {
      grouped = intPart.slice(Math.max(0, end - 3), end) + (grouped ? group + grouped : "");
    }
    intPart = grouped;
  }
  const frac = abs === whole ? "" : (String(abs).split(".")[1] ?? "");
  return (rounded < 0 ? "-" : "") + intPart + (frac ? (language === "vi" ? "," : ".") + frac : "");
}

const UNIT_SUFFIX: Record<Unit, { vi: string; en: string }> = {
  percent: { vi: "%", en: "%" },
  boolean: { vi: "", en: "" },
  count: { vi: "", en: "" },
  vnd_per_person_year: { vi: " đ/người/năm", en: " VND/person/year" },
  number: { vi: "", en: "" },
};

export const UNIT_LABEL: Record<Unit, { vi: string; en: string }> = {
  percent: { vi: "%", en: "percent" },
  boolean: { vi: "Có/Không", en: "yes/no" },
  count: { vi: "số lượng", en: "count" },
  vnd_per_person_year: { vi: "đồng/người/năm", en: "VND/person/year" },
  number: { vi: "số", en: "number" },
};

export function formatValue(value: ThresholdValue, unit: Unit, language: Language = "vi"): string {
  if (typeof value === "boolean") {
    if (language === "vi") return value ? "Có" : "Không";
    return value ? "Yes" : "No";
  }
  return formatNumber(value, language) + UNIT_SUFFIX[unit][language];
}

/** How an operator is written for people: "≥", "≤", "=". */
export const OPERATOR_SIGN: Record<Operator, string> = { ">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<" };

/** "≥ 70%", "≤ 12%", "= Có". */
export function formatCondition(
  operator: Operator,
  threshold: ThresholdValue,
  unit: Unit,
  language: Language = "vi"
): string {
  return `${OPERATOR_SIGN[operator]} ${formatValue(threshold, unit, language)}`;
}
