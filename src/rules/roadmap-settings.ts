import { InputError, Problem, problem } from "./message";
import { CommuneRef, RoadmapOptions } from "./roadmap/plan-shapes";
import {
  CriterionEffort,
  defaultEffortTable,
  EffortTable,
  effortTableFromDocument,
  fallbackEffort,
} from "./roadmap/roadmap-effort";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What an officer sets for the roadmap, in the command line's file and in the pane's workbook setting alike;
 * everything else keeps the planner's defaults.
 */
export type RoadmapSettings = Partial<RoadmapOptions>;

export const ROADMAP_SETTINGS_FORMAT = "ntm-roadmap/1";

/** One entry of an effort document ("ntm-roadmap-effort/1"). */
export interface EffortEntry {
  effort: CriterionEffort["effort"];
  funding: CriterionEffort["funding"];
  support_cost?: number;
}

/** The `effort` of a settings document: an effort document listing only the criteria it overrides. */
export interface EffortOverrides {
  format: "ntm-roadmap-effort/1";
  criteria: Record<string, EffortEntry>;
}

/** Roadmap settings as JSON ("ntm-roadmap/1"): the `--roadmap` file and the pane's `ntm.roadmapSettings`. */
export interface RoadmapSettingsDocument {
  format: typeof ROADMAP_SETTINGS_FORMAT;
  start_year?: number;
  target_year?: number;
  per_commune?: { min: number; max: number };
  target?: number;
  reward_per_area?: number;
  capacity?: { completions_per_year?: number; budget_per_year?: number };
  communes_meeting_standard?: Array<string | { district: string; commune: string }>;
  effort?: EffortOverrides;
}

/**
 * The pane saved its settings with these names before it wrote "ntm-roadmap/1": a document naming a field
 * only this way is read as if it used the file's name, so that settings kept in a workbook are not lost.
 */
const EARLIER_NAMES: Record<string, string> = {
  startYear: "start_year",
  targetYear: "target_year",
  perCommune: "per_commune",
  rewardPerArea: "reward_per_area",
  communesMeetingStandard: "communes_meeting_standard",
  completionsPerYear: "completions_per_year",
  budgetPerYear: "budget_per_year",
};

function withFileNames(o: Json): Json {
  const out: Json = { ...o };
  for (const [earlier, name] of Object.entries(EARLIER_NAMES)) {
    if (out[name] === undefined && o[earlier] !== undefined) out[name] = o[earlier];
  }
  return out;
}

/**
 * The settings a document gives, every fault located (`where › field`) and its field left out (the planner's
 * default holds): `start_year`, `target_year`, `per_commune` {min, max}, `target`, `reward_per_area`,
 * `capacity` {completions_per_year, budget_per_year}, `communes_meeting_standard` (["Xã Tiên Kiên", …] or
 * [{district, commune}]), and `effort` (an effort document, "ntm-roadmap-effort/1", whose entries override
 * the shipped classes; a faulty entry is left out, the others kept). Values are checked again by the
 * planner (checkRoadmapOptions).
 */
export function readRoadmapSettings(
  doc: unknown,
  where = "roadmap.json"
): { settings: RoadmapSettings; problems: Problem[] } {
  if (!isObject(doc)) {
    const refused = problem(
      "roadmap-document",
      where,
      "Tệp lộ trình phải là một đối tượng JSON.",
      "The roadmap file must be a JSON object."
    );
    return { settings: {}, problems: [refused] };
  }
  const o = withFileNames(doc);
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
  const settings: RoadmapSettings = {};
  const startYear = number("start_year", o.start_year);
  if (startYear !== undefined) settings.startYear = startYear;
  const targetYear = number("target_year", o.target_year);
  if (targetYear !== undefined) settings.targetYear = targetYear;
  const target = number("target", o.target);
  if (target !== undefined) settings.target = target;
  const reward = number("reward_per_area", o.reward_per_area);
  if (reward !== undefined) settings.rewardPerArea = reward;
  if (o.per_commune !== undefined) {
    const pc = isObject(o.per_commune) ? o.per_commune : {};
    const min = number("per_commune › min", pc.min);
    const max = number("per_commune › max", pc.max);
    if (min !== undefined && max !== undefined) settings.perCommune = { min, max };
    else problems.push(problem("roadmap-field", at("per_commune"), "Cần { min, max }.", "{ min, max } is needed."));
  }
  if (o.capacity !== undefined) {
    const c = isObject(o.capacity) ? withFileNames(o.capacity) : {};
    const completionsPerYear = number("capacity › completions_per_year", c.completions_per_year);
    const budgetPerYear = number("capacity › budget_per_year", c.budget_per_year);
    settings.capacity = {
      ...(completionsPerYear !== undefined ? { completionsPerYear } : {}),
      ...(budgetPerYear !== undefined ? { budgetPerYear } : {}),
    };
  }
  if (o.communes_meeting_standard !== undefined) {
    const list = Array.isArray(o.communes_meeting_standard) ? o.communes_meeting_standard : [];
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
    if (!Array.isArray(o.communes_meeting_standard)) {
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
  if (o.effort !== undefined) {
    const effort = readEffort(o.effort, at("effort"));
    problems.push(...effort.problems);
    if (effort.table) settings.effort = effort.table;
  }
  return { settings, problems };
}

/** The effort table a document's `effort` gives: the shipped one with its readable entries; the faults. */
function readEffort(doc: unknown, where: string): { table?: EffortTable; problems: Problem[] } {
  try {
    return { table: effortTableFromDocument(doc, where, defaultEffortTable()), problems: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (!isObject(doc) || !isObject(doc.criteria)) return { problems: e.problems };
    const readable = Object.entries(doc.criteria).filter(([id, entry]) => {
      try {
        effortTableFromDocument({ criteria: { [id]: entry } }, where);
        return true;
      } catch (fault) {
        if (fault instanceof InputError) return false;
        throw fault;
      }
    });
    const kept = effortTableFromDocument({ criteria: Object.fromEntries(readable) }, where, defaultEffortTable());
    return { table: kept, problems: e.problems };
  }
}

/** The command line's `--roadmap` file: its settings, or an InputError listing every located fault. */
export function roadmapSettingsFromDocument(doc: unknown, where = "roadmap.json"): RoadmapSettings {
  const { settings, problems } = readRoadmapSettings(doc, where);
  if (problems.length) throw new InputError(problems);
  return settings;
}

/**
 * The document of some settings, as the command line reads it: the fields set, the communes at the standard
 * when there are any, and of the effort table only the criteria that differ from the shipped one.
 */
export function roadmapSettingsToDocument(settings: RoadmapSettings): RoadmapSettingsDocument {
  const doc: RoadmapSettingsDocument = { format: ROADMAP_SETTINGS_FORMAT };
  if (settings.startYear !== undefined) doc.start_year = settings.startYear;
  if (settings.targetYear !== undefined) doc.target_year = settings.targetYear;
  if (settings.perCommune) doc.per_commune = { min: settings.perCommune.min, max: settings.perCommune.max };
  if (settings.target !== undefined) doc.target = settings.target;
  if (settings.rewardPerArea !== undefined) doc.reward_per_area = settings.rewardPerArea;
  const { completionsPerYear, budgetPerYear } = settings.capacity ?? {};
  if (completionsPerYear !== undefined || budgetPerYear !== undefined) {
    doc.capacity = {
      ...(completionsPerYear !== undefined ? { completions_per_year: completionsPerYear } : {}),
      ...(budgetPerYear !== undefined ? { budget_per_year: budgetPerYear } : {}),
    };
  }
  if (settings.communesMeetingStandard?.length) {
    doc.communes_meeting_standard = settings.communesMeetingStandard.map((c) =>
      c.district === undefined ? c.commune : { district: c.district, commune: c.commune }
    );
  }
  const overrides = effortOverrides(settings.effort);
  if (overrides) doc.effort = overrides;
  return doc;
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

/** The shipped class of a criterion (the team's proposal), or the core's fallback for one it does not list. */
export function defaultEffort(criterionId: string): CriterionEffort {
  return defaultEffortTable().criteria[criterionId] ?? fallbackEffort(criterionId);
}

/** The criteria whose class, funding or cost differ from the shipped ones; undefined when none does. */
export function effortOverrides(table: EffortTable | undefined): EffortOverrides | undefined {
  if (!table) return undefined;
  const criteria: Record<string, EffortEntry> = {};
  for (const [id, e] of Object.entries(table.criteria)) {
    const d = defaultEffort(id);
    if (e.effort === d.effort && e.funding === d.funding && e.supportCost === d.supportCost) continue;
    criteria[id] = {
      effort: e.effort,
      funding: e.funding,
      ...(e.supportCost !== undefined ? { support_cost: e.supportCost } : {}),
    };
  }
  return Object.keys(criteria).length > 0 ? { format: "ntm-roadmap-effort/1", criteria } : undefined;
}
