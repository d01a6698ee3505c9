import { formatNumber } from "../rules/format";
import { Language, Problem, problem } from "../rules/message";
import { planYears } from "../rules/report/build-report";
import { checkRoadmapOptions } from "../rules/roadmap/plan-options";
import { communeMatches } from "../rules/roadmap/area-plan";
import { CommuneRef, DEFAULT_PER_COMMUNE } from "../rules/roadmap/plan-shapes";
import { defaultEffortTable, EffortClass, EffortTable, effortTableFromDocument } from "../rules/roadmap/roadmap-effort";
import { defaultEffort, EffortOverrides, effortOverrides, RoadmapSettings } from "../rules/roadmap-settings";
import { foldText } from "../rules/ruleset/ruleset";
import { parseLocaleNumber } from "../rules/reading/values";

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
 * What the form does not show (a yearly budget from a settings file) is kept from the `saved` settings.
 */
export function readForm(
  form: RoadmapForm,
  assessmentYear?: number,
  saved: RoadmapSettings = {}
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
  const budgetPerYear = saved.capacity?.budgetPerYear;
  if (completions !== undefined || budgetPerYear !== undefined) {
    settings.capacity = {
      ...(completions !== undefined ? { completionsPerYear: completions } : {}),
      ...(budgetPerYear !== undefined ? { budgetPerYear } : {}),
    };
  }
  problems.push(...checkRoadmapOptions({ ...settings, ...planYears(settings, assessmentYear) }));
  const fields = new Set<RoadmapField>();
  for (const p of problems) {
    for (const [field, wheres] of Object.entries(FIELD_WHERE) as Array<[RoadmapField, string[]]>) {
      if (wheres.includes(p.where)) fields.add(field);
    }
  }
  return { settings, problems, fields };
}

/** The form's numbers with the communes ticked and the effort table chosen (left out when at the defaults). */
export function withChoices(
  settings: RoadmapSettings,
  communes: CommuneRef[],
  effort: EffortTable | undefined
): RoadmapSettings {
  const out: RoadmapSettings = { ...settings };
  delete out.communesMeetingStandard;
  delete out.effort;
  if (communes.length > 0) out.communesMeetingStandard = communes;
  if (effortOverrides(effort)) out.effort = effort;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Communes already at the commune standard

/** One checkbox of the list "Xã đã đạt chuẩn nông thôn mới". */
export interface CommuneChoice {
  key: string;
  district?: string;
  commune: string;
  /** What is saved when the box is ticked: the name, with the district only when another commune shares it. */
  ref: CommuneRef;
  /** The name shown ("Xã Tiên Kiên", or "Xã Tiên Kiên (Lâm Thao)" when two districts have one). */
  label: string;
  /** False for a saved commune no area of the table belongs to (kept so that it can be unticked). */
  inTable: boolean;
}

/**
 * The communes of the assessed areas in sheet order, then the saved ones no area belongs to. Communes are
 * told apart as the core tells them apart (folded district and name).
 */
export function communeChoices(
  areas: ReadonlyArray<{ district?: string; commune: string }>,
  saved: readonly CommuneRef[]
): CommuneChoice[] {
  const found = new Map<string, { district?: string; commune: string }>();
  for (const a of areas) {
    if (!a.commune.trim()) continue;
    const key = `${foldText(a.district ?? "")}|${foldText(a.commune)}`;
    if (!found.has(key)) found.set(key, { district: a.district, commune: a.commune });
  }
  const names = new Map<string, number>();
  for (const c of found.values()) names.set(foldText(c.commune), (names.get(foldText(c.commune)) ?? 0) + 1);
  const choices: CommuneChoice[] = [...found.entries()].map(([key, c]) => {
    const shared = (names.get(foldText(c.commune)) ?? 0) > 1 && c.district !== undefined;
    return {
      key,
      district: c.district,
      commune: c.commune,
      ref: shared ? { district: c.district, commune: c.commune } : { commune: c.commune },
      label: shared ? `${c.commune} (${c.district})` : c.commune,
      inTable: true,
    };
  });
  const listed = [...found.values()];
  const seen = new Set<string>();
  for (const r of saved) {
    const key = `saved|${foldText(r.district ?? "")}|${foldText(r.commune)}`;
    if (seen.has(key) || listed.some((c) => communeMatches(r, c))) continue;
    seen.add(key);
    const label = r.district ? `${r.commune} (${r.district})` : r.commune;
    choices.push({ key, district: r.district, commune: r.commune, ref: r, label, inTable: false });
  }
  return choices;
}

/** Whether the saved communes tick this box. */
export function isTicked(choice: CommuneChoice, saved: readonly CommuneRef[]): boolean {
  return saved.some((r) => communeMatches(r, choice));
}

/** The communes to save after ticking or unticking one box: one reference per ticked box, in list order. */
export function tickCommune(
  choices: readonly CommuneChoice[],
  saved: readonly CommuneRef[],
  key: string,
  ticked: boolean
): CommuneRef[] {
  return choices.filter((c) => (c.key === key ? ticked : isTicked(c, saved))).map((c) => c.ref);
}

// ---------------------------------------------------------------------------------------------
// Effort classes per criterion

/** The shipped table with these overrides, read as the core reads a settings document's `effort`. */
const withOverrides = (overrides: EffortOverrides | undefined): EffortTable | undefined =>
  overrides ? effortTableFromDocument(overrides, "effort", defaultEffortTable()) : undefined;

/** The table with one criterion's class changed (undefined: back to the shipped table). */
export function withEffortClass(
  table: EffortTable | undefined,
  criterionId: string,
  effort: EffortClass
): EffortTable | undefined {
  const base = table ?? defaultEffortTable();
  const current = base.criteria[criterionId] ?? defaultEffort(criterionId);
  return withOverrides(
    effortOverrides({ ...base, criteria: { ...base.criteria, [criterionId]: { ...current, effort } } })
  );
}

/** The class a criterion has in the table (or by default). */
export function effortOf(table: EffortTable | undefined, criterionId: string): EffortClass {
  return (table?.criteria[criterionId] ?? defaultEffort(criterionId)).effort;
}

/** "1.000.000 đồng" / "1,000,000 VND". */
export function money(n: number, language: Language): string {
  return `${formatNumber(n, language, 0)} ${language === "vi" ? "đồng" : "VND"}`;
}
