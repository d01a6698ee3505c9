import { deepFreeze } from "../frozen";
import defaults from "../rulesets/roadmap-effort-phu-tho.json";
import { InputError, Message, msg, Problem, problem } from "../message";
import { Ruleset } from "../ruleset/ruleset";

/**
 * How hard a criterion is to complete and who can pay for it: the two facts the letter's planning rules
 * turn on ("tiêu chí dễ đạt, cần ít nguồn lực" and "tiêu chí khó huy động nguồn lực xã hội hóa").
 * The file format ("ntm-roadmap-effort/1") is shipped as defaults and can be replaced or overridden.
 */
export type EffortClass = "low" | "medium" | "high";
export const EFFORT_CLASSES: readonly EffortClass[] = ["low", "medium", "high"];

/** Weights used in the gap size (summed over an area's unmet criteria). */
export const EFFORT_WEIGHT: Record<EffortClass, number> = { low: 1, medium: 2, high: 3 };

export const EFFORT_LABEL: Record<EffortClass, Message> = {
  low: msg("Thấp", "low"),
  medium: msg("Trung bình", "medium"),
  high: msg("Cao", "high"),
};

/** Who can realistically fund a criterion: the community and businesses (xã hội hóa), or only the state. */
export type Funding = "community" | "state";
export const FUNDINGS: readonly Funding[] = ["community", "state"];

/** Where a planned completion's resources come from in the plan. */
export type SupportSource = "state-support" | "community";

export const SUPPORT_LABEL: Record<SupportSource, Message> = {
  "state-support": msg("Ngân sách hỗ trợ", "state support"),
  community: msg("Xã hội hóa", "community mobilisation"),
};

export interface CriterionEffort {
  criterionId: string;
  effort: EffortClass;
  funding: Funding;
  /** State support for one area to complete the criterion (VND); only needed under a budget limit. */
  supportCost?: number;
  why: Message;
}

export interface EffortTable {
  id: string;
  title: Message;
  note: Message;
  /** By criterion id ("TC01"). */
  criteria: Record<string, CriterionEffort>;
}

/**
 * The letter's rule for direct support: criteria that are easy and need few resources, and criteria for
 * which money cannot easily be raised socially. Everything else relies on community mobilisation.
 */
export function supportSource(e: CriterionEffort): SupportSource {
  return e.effort === "low" || e.funding === "state" ? "state-support" : "community";
}

/** Used for a criterion the table does not list: visible as needing the budget rather than silently easy. */
export function fallbackEffort(criterionId: string): CriterionEffort {
  return {
    criterionId,
    effort: "medium",
    funding: "state",
    why: msg(
      "Không có trong bảng mức độ: tạm coi là mức trung bình, cần ngân sách.",
      "Not in the effort table: taken as medium effort, needing the state budget."
    ),
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/**
 * Read an effort document, or throw an InputError naming each faulty field. With `base`, the document
 * overrides only the criteria it lists.
 */
export function effortTableFromDocument(doc: unknown, where = "effort", base?: EffortTable): EffortTable {
  if (!isObject(doc) || !isObject(doc.criteria)) {
    throw new InputError([
      problem(
        "effort-document",
        where,
        'Tệp mức độ tiêu chí phải là đối tượng JSON có mục "criteria".',
        'The effort file must be a JSON object with a "criteria" object.'
      ),
    ]);
  }
  const problems: Problem[] = [];
  // Keyed by the file's own keys: no prototype, so "__proto__" or "constructor" is just an unknown criterion.
  const criteria: Record<string, CriterionEffort> = Object.assign(Object.create(null), base?.criteria);
  for (const [id, entry] of Object.entries(doc.criteria)) {
    const at = `${where} › ${id}`;
    if (!isObject(entry)) {
      problems.push(problem("effort-entry", at, "Mục phải là một đối tượng.", "The entry must be an object."));
      continue;
    }
    const effort = entry.effort as EffortClass;
    if (!EFFORT_CLASSES.includes(effort)) {
      problems.push(
        problem(
          "effort-class",
          `${at} › effort`,
          `Mức độ phải là ${EFFORT_CLASSES.join(", ")} (đang là "${String(entry.effort)}").`,
          `effort must be one of ${EFFORT_CLASSES.join(", ")} (got "${String(entry.effort)}").`
        )
      );
    }
    const funding = entry.funding as Funding;
    if (!FUNDINGS.includes(funding)) {
      problems.push(
        problem(
          "effort-funding",
          `${at} › funding`,
          `Nguồn lực phải là ${FUNDINGS.join(" hoặc ")} (đang là "${String(entry.funding)}").`,
          `funding must be ${FUNDINGS.join(" or ")} (got "${String(entry.funding)}").`
        )
      );
    }
    const cost = entry.support_cost;
    const costOk =
      cost === undefined || cost === null || (typeof cost === "number" && Number.isFinite(cost) && cost >= 0);
    if (!costOk) {
      problems.push(
        problem(
          "effort-cost",
          `${at} › support_cost`,
          `Kinh phí hỗ trợ phải là số không âm (đang là "${String(cost)}").`,
          `support_cost must be a non-negative number (got "${String(cost)}").`
        )
      );
    }
    criteria[id] = {
      criterionId: id,
      effort,
      funding,
      supportCost: typeof cost === "number" ? cost : undefined,
      why: msg(text(entry.why_vi), text(entry.why_en) || text(entry.why_vi)),
    };
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    id: text(doc.id) || base?.id || "custom",
    title: doc.title_vi
      ? msg(text(doc.title_vi), text(doc.title_en) || text(doc.title_vi))
      : (base?.title ?? msg("", "")),
    note: doc.note_vi ? msg(text(doc.note_vi), text(doc.note_en) || text(doc.note_vi)) : (base?.note ?? msg("", "")),
    criteria,
  };
}

/** Back to the file format, so an adjusted table can be saved in the workbook settings and shared. */
export function effortTableToDocument(table: EffortTable): Json {
  const criteria: Json = {};
  for (const [id, e] of Object.entries(table.criteria)) {
    criteria[id] = {
      effort: e.effort,
      funding: e.funding,
      ...(e.supportCost !== undefined ? { support_cost: e.supportCost } : {}),
      why_vi: e.why.vi,
      why_en: e.why.en,
    };
  }
  return {
    format: "ntm-roadmap-effort/1",
    id: table.id,
    title_vi: table.title.vi,
    title_en: table.title.en,
    note_vi: table.note.vi,
    note_en: table.note.en,
    criteria,
  };
}

/** Read once, when the module loads: a constant. */
const DEFAULT_EFFORT: EffortTable = deepFreeze(effortTableFromDocument(defaults, "roadmap-effort-phu-tho.json"));

/** The shipped classes for the embedded Phú Thọ ruleset (TC01–TC13). */
export function defaultEffortTable(): EffortTable {
  return DEFAULT_EFFORT;
}

/** Criteria of the ruleset the table does not list, and table entries the ruleset does not have. */
export function checkEffortTable(table: EffortTable, ruleset: Ruleset): Problem[] {
  const out: Problem[] = [];
  const known = new Set(ruleset.criteria.map((c) => c.id));
  for (const c of ruleset.criteria) {
    if (!table.criteria[c.id]) {
      out.push(
        problem(
          "effort-missing",
          c.id,
          `Tiêu chí ${c.id} chưa có trong bảng mức độ: tạm coi là mức trung bình, cần ngân sách.`,
          `Criterion ${c.id} is not in the effort table: taken as medium effort, needing the state budget.`
        )
      );
    }
  }
  for (const id of Object.keys(table.criteria)) {
    if (!known.has(id)) {
      out.push(
        problem(
          "effort-unknown",
          id,
          `Bảng mức độ có tiêu chí ${id} không có trong bộ tiêu chí; bỏ qua.`,
          `The effort table lists ${id}, which the ruleset does not have; ignored.`
        )
      );
    }
  }
  return out;
}
