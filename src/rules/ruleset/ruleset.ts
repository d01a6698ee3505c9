import { allOf, checkLogic, Logic } from "./criterion-logic";
import { readLogic } from "./criterion-logic-codec";
import { foldText } from "../fold";
import { Problem, problem, InputError, Message } from "../message";

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
  return ruleset.indicators.find(
    (i) => foldText(i.id) === key || foldText(i.nameVi) === key || foldText(i.nameEn) === key
  );
}

/** "tc7", "TC 07", "7" → "TC07"; anything else unchanged. */
export function canonicalCriterionId(text: string): string {
  const m = /^\s*(?:tc|tieu chi)?\s*0*(\d{1,2})\s*$/i.exec(foldText(text));
  return m ? `TC${m[1].padStart(2, "0")}` : text.trim();
}

// ---------------------------------------------------------------------------------------------
// Checking: every fault is collected, located by criterion/indicator and field.

export function checkThreshold(
  unit: Unit,
  operator: Operator,
  value: unknown,
  where: string,
  field: string,
  cells: Partial<Record<string, string>> = {}
): Problem[] {
  const at = cells[field] ?? `${where} › ${field}`;
  if (value === undefined || value === null || value === "") {
    return [problem("threshold-missing", at, "Thiếu ngưỡng.", "Threshold is missing.")];
  }
  if (unit === "boolean") {
    if (typeof value !== "boolean") {
      return [
        problem(
          "threshold-type",
          at,
          `Chỉ tiêu Có/Không cần ngưỡng Có hoặc Không (đang là "${String(value)}").`,
          `A yes/no indicator needs a threshold of true or false (got "${String(value)}").`
        ),
      ];
    }
    if (operator !== "==") {
      return [
        problem(
          "operator-unit",
          `${where} › operator`,
          `Chỉ tiêu Có/Không chỉ dùng toán tử "==" (đang là "${operator}").`,
          `A yes/no indicator only takes the "==" operator (got "${operator}").`
        ),
      ];
    }
    return [];
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return [
      problem(
        "threshold-type",
        at,
        `Ngưỡng phải là một số (đang là "${String(value)}").`,
        `Threshold must be a number (got "${String(value)}").`
      ),
    ];
  }
  if (unit === "percent" && (value < 0 || value > 100)) {
    return [
      problem(
        "threshold-range",
        at,
        `Ngưỡng tỷ lệ phải từ 0 đến 100 (đang là ${value}).`,
        `A percent threshold must be between 0 and 100 (got ${value}).`
      ),
    ];
  }
  if (value < 0) {
    return [
      problem(
        "threshold-range",
        at,
        `Ngưỡng không được âm (đang là ${value}).`,
        `Threshold must not be negative (got ${value}).`
      ),
    ];
  }
  return [];
}

/** The shape both the JSON document and the sheet table are turned into before checking. */
export interface RulesetDraft {
  id?: unknown;
  title?: unknown;
  status?: unknown;
  statusNote?: { vi?: unknown; en?: unknown };
  source?: { document?: unknown; date?: unknown; issuer?: unknown };
  criteria: Array<{
    id: unknown;
    nameVi: unknown;
    nameEn?: unknown;
    group?: unknown;
    aliases?: unknown;
    /** Where this criterion came from (a sheet row), for messages; else its id. */
    where?: string;
    /** Its logic as written: a file's JSON value or a cell's text (see criterion-logic-codec); none: all. */
    logic?: unknown;
    /** Where the logic was written (a cell), for messages; else "<criterion> › logic". */
    logicWhere?: string;
    indicators: Array<{
      id: unknown;
      nameVi: unknown;
      nameEn?: unknown;
      unit: unknown;
      operator: unknown;
      threshold: unknown;
      variants?: Array<{
        value: unknown;
        fromYear?: unknown;
        toYear?: unknown;
        group?: unknown;
        basis?: unknown;
        where?: string;
      }>;
      verified?: unknown;
      basis?: unknown;
      aliases?: unknown;
      where?: string;
      /** Cell of each field (threshold, operator, unit, id, name_vi) when read from a sheet. */
      cells?: Partial<Record<string, string>>;
    }>;
  }>;
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

function textList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(text).filter((s) => s !== "");
  if (typeof v === "string")
    return v
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
  return [];
}

function optionalYear(v: unknown, at: string, field: string, problems: Problem[]): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  problems.push(
    problem("year", `${at} › ${field}`, `Năm không hợp lệ: "${String(v)}".`, `Not a valid year: "${String(v)}".`)
  );
  return undefined;
}

/**
 * Ids that name a property every JavaScript object has ("constructor", "__proto__", "toString"…):
 * results keyed by id would meet the property instead of the criterion. Refused, with the field named.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

const reservedId = (where: string, id: string): Problem =>
  problem(
    "reserved-id",
    where,
    `Mã "${id}" trùng một tên dành riêng của chương trình; hãy đặt mã khác (vd. TC14, TC14.1).`,
    `The id "${id}" is a name the program reserves; choose another (e.g. TC14, TC14.1).`
  );

/** Check a draft and build the ruleset, or throw an InputError listing every fault. */
export function buildRuleset(draft: RulesetDraft): Ruleset {
  const problems: Problem[] = [];
  const criteria: Criterion[] = [];
  const criterionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  if (draft.criteria.length === 0) {
    problems.push(
      problem("no-criteria", "criteria", "Bộ tiêu chí không có tiêu chí nào.", "The ruleset has no criteria.")
    );
  }
  draft.criteria.forEach((c, ci) => {
    const id = text(c.id);
    const where = c.where ?? (id || `tiêu chí thứ ${ci + 1} / criterion #${ci + 1}`);
    if (!id) problems.push(problem("criterion-id", `${where} › id`, "Thiếu mã tiêu chí.", "Criterion id is missing."));
    else if (RESERVED_IDS.has(id)) problems.push(reservedId(`${where} › id`, id));
    else if (criterionIds.has(id))
      problems.push(
        problem("duplicate-id", `${where} › id`, `Mã tiêu chí "${id}" bị trùng.`, `Duplicate criterion id "${id}".`)
      );
    criterionIds.add(id);
    const nameVi = text(c.nameVi);
    if (!nameVi)
      problems.push(problem("name", `${where} › name_vi`, "Thiếu tên tiêu chí.", "Criterion name is missing."));
    if (c.indicators.length === 0) {
      problems.push(
        problem("no-indicator", where, `Tiêu chí ${id} không có chỉ tiêu nào.`, `Criterion ${id} has no indicator.`)
      );
    }
    const indicators: Indicator[] = [];
    c.indicators.forEach((i, ii) => {
      const iid = text(i.id);
      const iwhere = i.where ?? (iid || `${id} › chỉ tiêu thứ ${ii + 1} / indicator #${ii + 1}`);
      const cells = i.cells ?? {};
      const at = (field: string) => cells[field] ?? `${iwhere} › ${field}`;
      if (!iid) problems.push(problem("indicator-id", at("id"), "Thiếu mã chỉ tiêu.", "Indicator id is missing."));
      else if (RESERVED_IDS.has(iid)) problems.push(reservedId(at("id"), iid));
      else if (indicatorIds.has(iid) || criterionIds.has(iid))
        problems.push(
          problem("duplicate-id", at("id"), `Mã chỉ tiêu "${iid}" bị trùng.`, `Duplicate indicator id "${iid}".`)
        );
      indicatorIds.add(iid);
      const nameViI = text(i.nameVi);
      if (!nameViI) problems.push(problem("name", at("name_vi"), "Thiếu tên chỉ tiêu.", "Indicator name is missing."));
      const unit = i.unit as Unit;
      let ok = true;
      if (!UNITS.includes(unit)) {
        ok = false;
        problems.push(
          problem(
            "unit",
            at("unit"),
            `Đơn vị không hợp lệ "${String(i.unit)}" (dùng: ${UNITS.join(", ")}).`,
            `Unknown unit "${String(i.unit)}" (use: ${UNITS.join(", ")}).`
          )
        );
      }
      const operator = i.operator as Operator;
      if (!OPERATORS.includes(operator)) {
        ok = false;
        problems.push(
          problem(
            "operator",
            at("operator"),
            `Toán tử không hợp lệ "${String(i.operator)}" (dùng: ${OPERATORS.join(" ")}).`,
            `Unknown operator "${String(i.operator)}" (use: ${OPERATORS.join(" ")}).`
          )
        );
      }
      if (ok) problems.push(...checkThreshold(unit, operator, i.threshold, iwhere, "threshold", cells));
      const variants: ThresholdVariant[] = [];
      for (const v of i.variants ?? []) {
        const vwhere = v.where ?? iwhere;
        if (ok)
          problems.push(
            ...checkThreshold(unit, operator, v.value, vwhere, "threshold", v.where ? { threshold: v.where } : {})
          );
        const fromYear = optionalYear(v.fromYear, vwhere, "from_year", problems);
        const toYear = optionalYear(v.toYear, vwhere, "to_year", problems);
        if (fromYear !== undefined && toYear !== undefined && fromYear > toYear) {
          problems.push(
            problem(
              "year-range",
              `${vwhere} › from_year`,
              `"Từ năm" (${fromYear}) sau "Đến năm" (${toYear}).`,
              `from_year (${fromYear}) is after to_year (${toYear}).`
            )
          );
        }
        const group = text(v.group) || undefined;
        if (fromYear === undefined && toYear === undefined && groupKey(group) === undefined) {
          problems.push(
            problem(
              "variant-scope",
              vwhere,
              "Ngưỡng riêng phải ghi năm áp dụng hoặc nhóm (nhóm xã, loại khu).",
              "A threshold variant must name its years or its group (commune group, area type)."
            )
          );
        }
        variants.push({
          value: v.value as ThresholdValue,
          fromYear,
          toYear,
          group,
          basis: text(v.basis) || undefined,
        });
      }
      if (i.verified !== undefined && typeof i.verified !== "boolean") {
        problems.push(
          problem(
            "verified",
            at("verified"),
            "'Đã xác minh' phải là Có hoặc Không.",
            "'verified' must be true or false."
          )
        );
      }
      indicators.push({
        id: iid,
        criterionId: id,
        nameVi: nameViI,
        nameEn: text(i.nameEn) || nameViI,
        unit,
        operator,
        threshold: i.threshold as ThresholdValue,
        variants,
        verified: i.verified === true,
        basis: text(i.basis),
        aliases: textList(i.aliases),
      });
    });
    const ids = indicators.map((i) => i.id);
    let logic = allOf(ids);
    if (c.logic !== undefined && indicators.length > 0 && ids.every((i) => i !== "")) {
      const logicWhere = c.logicWhere ?? `${where} › logic`;
      const read = readLogic(c.logic, logicWhere);
      problems.push(...read.problems);
      if (read.draft) {
        const checked = checkLogic(read.draft, ids, logicWhere);
        problems.push(...checked.problems);
        if (checked.logic) logic = checked.logic;
      }
    }
    criteria.push({
      id,
      nameVi,
      nameEn: text(c.nameEn) || nameVi,
      group: text(c.group),
      indicators,
      logic,
      aliases: textList(c.aliases),
    });
  });
  if (draft.status !== undefined && draft.status !== "provisional" && draft.status !== "official") {
    problems.push(
      problem(
        "status",
        "status",
        `Trạng thái phải là "provisional" hoặc "official" (đang là "${String(draft.status)}").`,
        `status must be "provisional" or "official" (got "${String(draft.status)}").`
      )
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  const indicators = criteria.flatMap((c) => c.indicators);
  const provisional = draft.status !== "official" || indicators.some((i) => !i.verified);
  return {
    id: text(draft.id) || "custom",
    title: text(draft.title) || "Bộ tiêu chí khu dân cư nông thôn mới",
    provisional,
    statusNote: {
      vi:
        text(draft.statusNote?.vi) ||
        (provisional ? "Ngưỡng tạm tính, chưa đối chiếu với văn bản chính thức." : "Ngưỡng đã xác minh."),
      en:
        text(draft.statusNote?.en) ||
        (provisional ? "Provisional thresholds, not checked against the official text." : "Verified thresholds."),
    },
    source: {
      document: text(draft.source?.document),
      date: text(draft.source?.date),
      issuer: text(draft.source?.issuer),
    },
    criteria,
    indicators,
  };
}
