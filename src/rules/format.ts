import { Language } from "./message";
import { ThresholdValue, Unit, Operator } from "./ruleset";

/** Vietnamese number style: "1.234.000", "85,5"; English: "1,234,000", "85.5". */
export function formatNumber(n: number, language: Language = "vi", maxFractionDigits = 2): string {
  const factor = 10 ** maxFractionDigits;
  const rounded = Math.round(n * factor) / factor;
  const [intPart, frac] = Math.abs(rounded).toString().split(".");
  const group = language === "vi" ? "." : ",";
  const decimal = language === "vi" ? "," : ".";
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (rounded < 0 ? "-" : "") + grouped + (frac ? decimal + frac : "");
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

/** "≥ 70%", "≤ 12%", "= Có". */
export function formatCondition(operator: Operator, threshold: ThresholdValue, unit: Unit, language: Language = "vi"): string {
  const sign: Record<Operator, string> = { ">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<" };
  return `${sign[operator]} ${formatValue(threshold, unit, language)}`;
}
