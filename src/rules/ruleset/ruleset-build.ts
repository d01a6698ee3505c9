import { allOf, checkLogic } from "./criterion-logic";
import { readLogic } from "./criterion-logic-codec";
import { Problem, problem, InputError } from "../message";
import {
  Unit,
  UNITS,
  Operator,
  OPERATORS,
  ThresholdValue,
  ThresholdVariant,
  Indicator,
  Criterion,
  Ruleset,
  groupKey,
} from "./ruleset";

/* A ruleset built from a draft (a JSON document, the criteria sheet): every fault collected, located by criterion, indicator and field. */

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
