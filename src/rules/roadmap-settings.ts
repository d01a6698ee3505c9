import { InputError, Problem, problem } from "./message";
import { PlanSettings } from "./report";
import { CommuneRef } from "./roadmap";
import { defaultEffortTable, effortTableFromDocument } from "./roadmap-effort";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Roadmap settings as a JSON file ("ntm-roadmap/1"), for the command line and for sharing between offices:
 * `start_year`, `target_year`, `per_commune` {min, max}, `target`, `reward_per_area`, `capacity`
 * {completions_per_year, budget_per_year}, `communes_meeting_standard` (["Xã Tiên Kiên", …] or
 * [{district, commune}]), and `effort` (an effort document, "ntm-roadmap-effort/1", whose entries override
 * the shipped classes). Values are checked again by the planner (checkRoadmapOptions).
 */
export function roadmapSettingsFromDocument(doc: unknown, where = "roadmap.json"): PlanSettings {
  if (!isObject(doc)) {
    throw new InputError([
      problem(
        "roadmap-document",
        where,
        "Tệp lộ trình phải là một đối tượng JSON.",
        "The roadmap file must be a JSON object."
      ),
    ]);
  }
  const problems: Problem[] = [];
  const at = (field: string) => `${where} › ${field}`;
  const number = (field: string, v: unknown): number | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    problems.push(
      problem(
        "roadmap-field",
        at(field),
        `Cần một số (đang là "${String(v)}").`,
        `A number is needed (got "${String(v)}").`
      )
    );
    return undefined;
  };
  const settings: PlanSettings = {};
  const startYear = number("start_year", doc.start_year);
  if (startYear !== undefined) settings.startYear = startYear;
  const targetYear = number("target_year", doc.target_year);
  if (targetYear !== undefined) settings.targetYear = targetYear;
  const target = number("target", doc.target);
  if (target !== undefined) settings.target = target;
  const reward = number("reward_per_area", doc.reward_per_area);
  if (reward !== undefined) settings.rewardPerArea = reward;
  if (doc.per_commune !== undefined) {
    const pc = isObject(doc.per_commune) ? doc.per_commune : {};
    const min = number("per_commune › min", pc.min);
    const max = number("per_commune › max", pc.max);
    if (min !== undefined && max !== undefined) settings.perCommune = { min, max };
    else problems.push(problem("roadmap-field", at("per_commune"), "Cần { min, max }.", "{ min, max } is needed."));
  }
  if (doc.capacity !== undefined) {
    const c = isObject(doc.capacity) ? doc.capacity : {};
    const completionsPerYear = number("capacity › completions_per_year", c.completions_per_year);
    const budgetPerYear = number("capacity › budget_per_year", c.budget_per_year);
    settings.capacity = {
      ...(completionsPerYear !== undefined ? { completionsPerYear } : {}),
      ...(budgetPerYear !== undefined ? { budgetPerYear } : {}),
    };
  }
  if (doc.communes_meeting_standard !== undefined) {
    const list = Array.isArray(doc.communes_meeting_standard) ? doc.communes_meeting_standard : [];
    const communes: CommuneRef[] = [];
    list.forEach((c, k) => {
      const ref = communeRef(c);
      if (ref) communes.push(ref);
      else {
        problems.push(
          problem(
            "roadmap-field",
            at(`communes_meeting_standard[${k}]`),
            "Cần tên xã, hoặc { district, commune }.",
            "A commune name, or { district, commune }, is needed."
          )
        );
      }
    });
    if (!Array.isArray(doc.communes_meeting_standard)) {
      problems.push(
        problem(
          "roadmap-field",
          at("communes_meeting_standard"),
          "Cần một danh sách xã.",
          "A list of communes is needed."
        )
      );
    }
    settings.communesMeetingStandard = communes;
  }
  if (doc.effort !== undefined) {
    try {
      settings.effort = effortTableFromDocument(doc.effort, at("effort"), defaultEffortTable());
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  return settings;
}

/**
 * A commune at the standard as a settings file or the workbook setting names it: "Xã Tiên Kiên", or
 * { district, commune }. Names are trimmed; an empty name names no commune (undefined), since it would
 * match every area whose commune cell is blank.
 */
export function communeRef(v: unknown): CommuneRef | undefined {
  if (typeof v === "string") return v.trim() ? { commune: v.trim() } : undefined;
  if (!isObject(v) || typeof v.commune !== "string" || !v.commune.trim()) return undefined;
  return { commune: v.commune.trim(), ...(typeof v.district === "string" ? { district: v.district } : {}) };
}
