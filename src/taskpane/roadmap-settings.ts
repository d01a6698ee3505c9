import { formatNumber } from "../rules/format";
import { Language, Problem, problem } from "../rules/message";
import { PlanSettings, planYears } from "../rules/report";
import { checkRoadmapOptions, DEFAULT_PER_COMMUNE } from "../rules/roadmap";
import { parseLocaleNumber } from "../rules/values";

/** Workbook setting holding the roadmap settings of the pane's roadmap tab (JSON of RoadmapSettings). */
export const ROADMAP_SETTINGS_KEY = "ntm.roadmapSettings";

/** What an officer sets in the roadmap tab; everything else of PlanSettings keeps the core's defaults. */
export type RoadmapSettings = Pick<
  PlanSettings,
  "startYear" | "targetYear" | "perCommune" | "target" | "rewardPerArea" | "capacity"
>;

/** The form as typed: text, so "1.000.000" and a half-typed year survive until they are read. */
export interface RoadmapForm {
  startYear: string;
  targetYear: string;
  perCommuneMin: string;
  perCommuneMax: string;
  target: string;
  rewardPerArea: string;
  completionsPerYear: string;
}

export type RoadmapField = keyof RoadmapForm;

/**
 * Where the core's checkRoadmapOptions locates a fault, per field: the pane marks the field and reports its
 * own "not a number" under the same name. Only the marking depends on these texts, never the messages.
 */
const FIELD_WHERE: Record<RoadmapField, string[]> = {
  startYear: ["Năm bắt đầu / start year"],
  targetYear: ["Năm mục tiêu / target year"],
  perCommuneMin: ["Số khu/xã/năm tối thiểu / min per commune", "Số khu/xã/năm / per commune"],
  perCommuneMax: ["Số khu/xã/năm tối đa / max per commune", "Số khu/xã/năm / per commune"],
  target: ["Mục tiêu của huyện / district target"],
  rewardPerArea: ["Mức thưởng mỗi khu / reward per area"],
  completionsPerYear: ["Số tiêu chí hoàn thành được mỗi năm / completions per year"],
};

const text = (n: number | undefined, language: Language, grouped = false): string =>
  n === undefined ? "" : grouped ? formatNumber(n, language, 0) : String(n);

/** The form showing saved settings (per commune: the letter's 2–3 when not set). */
export function formOf(settings: RoadmapSettings, language: Language): RoadmapForm {
  const pc = settings.perCommune ?? DEFAULT_PER_COMMUNE;
  return {
    startYear: text(settings.startYear, language),
    targetYear: text(settings.targetYear, language),
    perCommuneMin: String(pc.min),
    perCommuneMax: String(pc.max),
    target: text(settings.target, language),
    rewardPerArea: text(settings.rewardPerArea, language, true),
    completionsPerYear: text(settings.capacity?.completionsPerYear, language),
  };
}

/**
 * Read the form: empty fields are left to the core's defaults, numbers are read the Vietnamese way
 * ("1.000.000"), and the result is checked by the core's checkRoadmapOptions with the years it would use.
 */
export function readForm(
  form: RoadmapForm,
  assessmentYear?: number
): { settings: RoadmapSettings; problems: Problem[]; fields: Set<RoadmapField> } {
  const problems: Problem[] = [];
  const read = (field: RoadmapField): number | undefined => {
    const raw = form[field].trim();
    if (raw === "") return undefined;
    const n = parseLocaleNumber(raw, true);
    if (n === undefined) {
      problems.push(
        problem("roadmap-not-a-number", FIELD_WHERE[field][0], `Không phải là số: "${raw}".`, `Not a number: "${raw}".`)
      );
    }
    return n;
  };
  const settings: RoadmapSettings = {};
  const startYear = read("startYear");
  const targetYear = read("targetYear");
  const min = read("perCommuneMin");
  const max = read("perCommuneMax");
  const target = read("target");
  const reward = read("rewardPerArea");
  const completions = read("completionsPerYear");
  if (startYear !== undefined) settings.startYear = startYear;
  if (targetYear !== undefined) settings.targetYear = targetYear;
  if (min !== undefined || max !== undefined) {
    settings.perCommune = { min: min ?? DEFAULT_PER_COMMUNE.min, max: max ?? DEFAULT_PER_COMMUNE.max };
  }
  if (target !== undefined) settings.target = target;
  if (reward !== undefined) settings.rewardPerArea = reward;
  if (completions !== undefined) settings.capacity = { completionsPerYear: completions };
  problems.push(...checkRoadmapOptions({ ...settings, ...planYears(settings, assessmentYear) }));
  const fields = new Set<RoadmapField>();
  for (const p of problems) {
    for (const [field, wheres] of Object.entries(FIELD_WHERE) as Array<[RoadmapField, string[]]>) {
      if (wheres.includes(p.where)) fields.add(field);
    }
  }
  return { settings, problems, fields };
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Settings read back from the workbook: only the known numeric fields, anything else dropped. */
export function settingsFromJson(textValue: string | undefined): RoadmapSettings {
  if (!textValue) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== "object") return {};
  const o = parsed as Record<string, unknown>;
  const out: RoadmapSettings = {};
  const startYear = num(o.startYear);
  const targetYear = num(o.targetYear);
  const target = num(o.target);
  const reward = num(o.rewardPerArea);
  if (startYear !== undefined) out.startYear = startYear;
  if (targetYear !== undefined) out.targetYear = targetYear;
  if (target !== undefined) out.target = target;
  if (reward !== undefined) out.rewardPerArea = reward;
  const pc = o.perCommune && typeof o.perCommune === "object" ? (o.perCommune as Record<string, unknown>) : undefined;
  const min = num(pc?.min);
  const max = num(pc?.max);
  if (min !== undefined && max !== undefined) out.perCommune = { min, max };
  const cap = o.capacity && typeof o.capacity === "object" ? (o.capacity as Record<string, unknown>) : undefined;
  const completions = num(cap?.completionsPerYear);
  if (completions !== undefined) out.capacity = { completionsPerYear: completions };
  return out;
}

/** "1.000.000 đồng" / "1,000,000 VND". */
export function money(n: number, language: Language): string {
  return `${formatNumber(n, language, 0)} ${language === "vi" ? "đồng" : "VND"}`;
}
