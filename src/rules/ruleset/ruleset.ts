import { Logic } from "./criterion-logic";
import { foldText } from "../fold";
import { Message } from "../message";

export { foldText };

/** Units an indicator is measured in. */
export type Unit = "percent" | "boolean" | "count" | "vnd_per_person_year" | "number";
export const UNITS: readonly Unit[] = ["percent", "boolean", "count", "vnd_per_person_year", "number"];

/** How a value is compared with the threshold. */
export type Operator = ">=" | "<=" | "==" | ">" | "<";
export const OPERATORS: readonly Operator[] = [">=", "<=", "==", ">", "<"];

export type ThresholdValue = number | boolean;

/**
 * A threshold that applies only in some assessment years and/or to one group of areas or communes
 * (income rising each year; the commune groups nhóm 1/2/3 of QĐ 51/2025/QĐ-TTg; relaxed values for xã
 * đặc biệt khó khăn).
 */
export interface ThresholdVariant {
  value: ThresholdValue;
  fromYear?: number;
  toYear?: number;
  /** The group as the ruleset writes it ("Nhóm 1", "ĐBKK"); compared by groupKey. Undefined: any group. */
  group?: string;
  basis?: string;
}

export interface Indicator {
  id: string;
  criterionId: string;
  nameVi: string;
  nameEn: string;
  unit: Unit;
  operator: Operator;
  /** The default threshold, used when no variant matches. */
  threshold: ThresholdValue;
  variants: ThresholdVariant[];
  verified: boolean;
  /** Where the number comes from. */
  basis: string;
  /** Other header texts that name this indicator in district workbooks. */
  aliases: string[];
}

export interface Criterion {
  id: string;
  nameVi: string;
  nameEn: string;
  /** The heading the criterion sits under in the set ("Hạ tầng kinh tế - xã hội"); not an area group. */
  group: string;
  indicators: Indicator[];
  /** How its indicators make its verdict (all of them unless the ruleset says otherwise). */
  logic: Logic;
  aliases: string[];
}

export interface Ruleset {
  id: string;
  title: string;
  /** True unless the ruleset says it is official and every threshold is verified. */
  provisional: boolean;
  statusNote: Message;
  source: { document: string; date: string; issuer: string };
  criteria: Criterion[];
  /** All indicators in criterion order. */
  indicators: Indicator[];
}

export interface AssessmentContext {
  year?: number;
  /** The group of the area or its commune ("Nhóm 2", "xã ĐBKK"), in any spelling groupKey understands. */
  group?: string;
}

const DIFFICULT = /\bdbkk\b|dac biet kho khan/;

/**
 * The key a group is compared by, so that a table's, a file's and a sheet's spellings agree: "Nhóm 1",
 * "nhom 1", "Xã nhóm I" and a bare 1 are "nhom 1"; "Xã ĐBKK", "ĐBKK" and "xã đặc biệt khó khăn" are
 * "dbkk"; any other text folded, without a leading "xã"/"khu"/"thôn". Blank: no group.
 */
export function groupKey(text: string | number | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = foldText(String(text)).replace(/^(xa|khu|thon|phuong) /, "");
  if (t === "") return undefined;
  if (DIFFICULT.test(t)) return "dbkk";
  const numbered = /^(?:nhom|group)? ?(?:0*(\d+)|(i{1,3}|iv|vi{0,3}|ix|x))$/.exec(t);
  if (!numbered) return t;
  return `nhom ${numbered[1] ?? ROMAN.indexOf(numbered[2]) + 1}`;
}

const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/** A group key as people write it: "nhom 2" → "nhóm 2", "dbkk" → "xã ĐBKK". */
export function groupLabel(key: string): string {
  if (key === "dbkk") return "xã ĐBKK";
  const n = /^nhom (\d+)$/.exec(key);
  return n ? `nhóm ${n[1]}` : key;
}

/** The groups (keys) some threshold of the ruleset depends on. */
export function rulesetGroups(ruleset: Ruleset): Set<string> {
  const groups = new Set<string>();
  for (const i of ruleset.indicators) {
    for (const v of i.variants) {
      const key = groupKey(v.group);
      if (key !== undefined) groups.add(key);
    }
  }
  return groups;
}

/**
 * The threshold in force for an indicator: the most specific matching variant wins
 * (group + years, then group, then years), else the default.
 */
export function thresholdFor(indicator: Indicator, context: AssessmentContext = {}): ThresholdValue {
  const group = groupKey(context.group);
  let best: ThresholdVariant | undefined;
  let bestScore = -1;
  for (const v of indicator.variants) {
    if (v.group !== undefined && groupKey(v.group) !== group) continue;
    const hasYears = v.fromYear !== undefined || v.toYear !== undefined;
    if (hasYears) {
      if (context.year === undefined) continue;
      if (v.fromYear !== undefined && context.year < v.fromYear) continue;
      if (v.toYear !== undefined && context.year > v.toYear) continue;
    }
    const score = (v.group !== undefined ? 2 : 0) + (hasYears ? 1 : 0);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best ? best.value : indicator.threshold;
}

export function findCriterion(ruleset: Ruleset, idOrName: string): Criterion | undefined {
  const key = foldText(idOrName);
  const asId = canonicalCriterionId(idOrName);
  return ruleset.criteria.find(
    (c) => c.id === asId || foldText(c.id) === key || foldText(c.nameVi) === key || foldText(c.nameEn) === key
  );
}

export function findIndicator(ruleset: Ruleset, idOrName: string): Indicator | undefined {
  const key = foldText(idOrName);
  const asId = canonicalIndicatorId(idOrName);
  return ruleset.indicators.find(
    (i) => i.id === asId || foldText(i.id) === key || foldText(i.nameVi) === key || foldText(i.nameEn) === key
  );
}

/** "TC7.1", "tc 07.1", "7.1", "7,1", "chỉ tiêu 7.1" → "TC07.1"; anything else unchanged. */
export function canonicalIndicatorId(text: string): string {
  const m = /^(?:tc|tieu chi|chi tieu)? ?0*(\d{1,2}) ?[.,] ?0*(\d{1,2})$/.exec(foldText(text));
  return m ? `TC${m[1].padStart(2, "0")}.${Number(m[2])}` : text.trim();
}

/** "tc7", "TC 07", "7" → "TC07"; anything else unchanged. */
export function canonicalCriterionId(text: string): string {
  const m = /^\s*(?:tc|tieu chi)?\s*0*(\d{1,2})\s*$/i.exec(foldText(text));
  return m ? `TC${m[1].padStart(2, "0")}` : text.trim();
}
