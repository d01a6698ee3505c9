import { AreaInput, Reading } from "../../src/rules/assessment/assessment";
import { Indicator, Ruleset, thresholdFor } from "../../src/rules/ruleset/ruleset";
export { seededRandom } from "../../src/rules/seeded-random";

/** A reading exactly at the threshold in force (which meets every operator but strict ones). */
export function atThreshold(i: Indicator, year?: number): Reading {
  const t = thresholdFor(i, { year });
  return typeof t === "boolean" ? { kind: "boolean", value: t, raw: t } : { kind: "number", value: t, raw: t };
}

/** An area that meets every indicator of the ruleset. */
export function passingArea(ruleset: Ruleset, name = "Khu 1", commune = "Xã Tiên Kiên"): AreaInput {
  const indicators: Record<string, Reading> = {};
  for (const i of ruleset.indicators) indicators[i.id] = atThreshold(i);
  return { commune, name, indicators, criteria: {} };
}

/** A realistic random area: most indicators near their thresholds, some blank or unreadable. */
export function randomArea(ruleset: Ruleset, random: () => number, index: number): AreaInput {
  const indicators: Record<string, Reading> = {};
  for (const i of ruleset.indicators) {
    const roll = random();
    if (roll < 0.03) {
      indicators[i.id] = { kind: "missing", raw: null };
      continue;
    }
    if (roll < 0.04) {
      indicators[i.id] = { kind: "unreadable", raw: "#N/A", reason: { vi: "lỗi", en: "error" } };
      continue;
    }
    const t = i.threshold;
    if (typeof t === "boolean") {
      const v = random() < 0.8 ? t : !t;
      indicators[i.id] = { kind: "boolean", value: v, raw: v };
    } else if (i.unit === "percent") {
      const v = Math.round(Math.min(100, Math.max(0, t + (random() - 0.35) * 30)) * 10) / 10;
      indicators[i.id] = { kind: "number", value: v, raw: v };
    } else if (i.unit === "count") {
      const v = random() < 0.75 ? 0 : Math.floor(random() * 4);
      indicators[i.id] = { kind: "number", value: v, raw: v };
    } else {
      const v = Math.round(t * (0.8 + random() * 0.4));
      indicators[i.id] = { kind: "number", value: v, raw: v };
    }
  }
  return { row: index + 5, commune: `Xã ${1 + (index % 12)}`, name: `Khu ${index + 1}`, indicators, criteria: {} };
}
