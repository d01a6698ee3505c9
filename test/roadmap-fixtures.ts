import { Assessor } from "../src/rules/assessment/assess";
import { AreaAssessment, AreaInput, Reading } from "../src/rules/assessment/assessment";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { Indicator, Ruleset } from "../src/rules/ruleset/ruleset";
import { seededRandom } from "../src/rules/seeded-random";

/** Areas for roadmap tests and the benchmark, assessed by the real Assessor. */

export const ruleset: Ruleset = embeddedRuleset();

function reading(v: number | boolean | null): Reading {
  if (v === null) return { kind: "missing", raw: null };
  return typeof v === "boolean"
    ? { kind: "boolean", value: v, raw: v ? "Có" : "Không" }
    : { kind: "number", value: v, raw: v };
}

/** A value that meets the indicator's threshold. */
function passing(i: Indicator): number | boolean {
  return i.threshold;
}

/** A value that fails the indicator by `severity` (0–1] of its range. */
export function failing(i: Indicator, severity: number): number | boolean {
  const s = Math.min(1, Math.max(0.05, severity));
  const t = i.threshold;
  if (typeof t === "boolean") return !t;
  if (i.operator === ">=" || i.operator === ">") return Math.round(t * (1 - s) * 100) / 100;
  if (i.operator === "<=" || i.operator === "<")
    return Math.round((t + s * ((i.unit === "percent" ? 100 : 2 * t + 10) - t)) * 100) / 100;
  return t + Math.max(1, Math.ceil(s * 5));
}

export interface AreaSpec {
  commune: string;
  name: string;
  district?: string;
  row?: number;
  canMobilise?: boolean;
  /** Indicator id → value; unlisted indicators meet their threshold. `null` = missing. */
  values?: Record<string, number | boolean | null>;
}

export function areaInput(spec: AreaSpec): AreaInput {
  const indicators: Record<string, Reading> = {};
  for (const i of ruleset.indicators) {
    const v = spec.values && i.id in spec.values ? spec.values[i.id] : passing(i);
    indicators[i.id] = reading(v);
  }
  return {
    row: spec.row,
    district: spec.district,
    commune: spec.commune,
    name: spec.name,
    indicators,
    criteria: {},
    canMobilise: spec.canMobilise,
  };
}

export function assessSpecs(specs: AreaSpec[], year = 2021): Promise<AreaAssessment[]> {
  return new Assessor(ruleset).assessAll(specs.map(areaInput), { year });
}

/** Fail whole criteria: every indicator of each listed criterion fails by `severity`. */
export function failCriteria(ids: string[], severity = 0.5): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const c of ruleset.criteria)
    if (ids.includes(c.id)) for (const i of c.indicators) out[i.id] = failing(i, severity);
  return out;
}

/**
 * A synthetic province: `areas` areas in communes of about 10, each indicator failing with probability
 * `failRate` (by a random severity), a third of areas able to mobilise resources.
 */
export function syntheticSpecs(areas: number, seed: number, failRate = 0.12): AreaSpec[] {
  const random = seededRandom(seed);
  const specs: AreaSpec[] = [];
  for (let n = 0; n < areas; n++) {
    const commune = Math.floor(n / 10);
    const values: Record<string, number | boolean> = {};
    for (const i of ruleset.indicators) if (random() < failRate) values[i.id] = failing(i, random());
    specs.push({
      district: `Huyện ${1 + Math.floor(commune / 15)}`,
      commune: `Xã ${commune + 1}`,
      name: `Khu ${(n % 10) + 1}`,
      row: n + 5,
      canMobilise: random() < 1 / 3,
      values,
    });
  }
  return specs;
}
