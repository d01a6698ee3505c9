import fc from "fast-check";
import { AreaInput, Reading } from "../../src/rules/assessment/assessment";
import { groupKey } from "../../src/rules/ruleset/ruleset";

/**
 * Random ruleset files ("ntm-ruleset/1") for property tests: a few criteria of a few indicators of every
 * unit and operator, thresholds by year and by group, and logic of every kind, nested; and random areas
 * for them, values drawn from small pools so that tuples repeat.
 */

export const GROUPS = ["Nhóm 1", "Nhóm 2", "Xã ĐBKK"];
/** How areas write their group: spellings of the ruleset's groups, one it does not know, none. */
const AREA_GROUPS = [undefined, "nhóm 1", "Nhóm 2", "xã đặc biệt khó khăn", "Nhóm 3"];

type Json = Record<string, unknown>;

/** A logic over `ids` built from a stream of random numbers: blocks of every kind, nested up to two levels. */
function buildLogic(ids: string[], next: () => number, depth = 0): Json | string {
  let items: Array<Json | string> = ids;
  if (ids.length >= 3 && depth < 2 && next() % 2 === 0) {
    // Split into two or three consecutive runs, each nested unless it is a single indicator.
    const cuts = new Set<number>();
    const parts = 2 + (next() % 2);
    while (cuts.size < Math.min(parts - 1, ids.length - 1)) cuts.add(1 + (next() % (ids.length - 1)));
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), ids.length];
    items = bounds.slice(1).map((end, k) => {
      const run = ids.slice(bounds[k], end);
      return run.length === 1 ? run[0] : buildLogic(run, next, depth + 1);
    });
  }
  const kind = next() % 3;
  if (kind === 0) return { all: items };
  if (kind === 1) return { any: items };
  return { at_least: 1 + (next() % items.length), of: items };
}

const unitArb = fc.constantFrom("percent", "boolean", "count", "number");

const indicatorArb = fc.record({
  unit: unitArb,
  operator: fc.constantFrom(">=", "<=", ">", "<", "=="),
  threshold: fc.constantFrom(0, 1, 5, 50, 80, 80.5, 100),
  yes: fc.boolean(),
  variants: fc.array(
    fc.record({
      value: fc.constantFrom(0, 2, 60, 90, 100),
      yes: fc.boolean(),
      from: fc.option(fc.integer({ min: 2018, max: 2022 }), { nil: undefined }),
      span: fc.integer({ min: 0, max: 3 }),
      to: fc.boolean(),
      group: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
    }),
    { maxLength: 3 }
  ),
  verified: fc.boolean(),
  aliases: fc.subarray(["ty le a", "chi so b"]),
});

/** A random ruleset file. */
export const rulesetDocArb = fc
  .record({
    criteria: fc.array(
      fc.record({
        indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 5 }),
        logic: fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 }),
        plain: fc.boolean(),
        name: fc.constantFrom("Giao thông", "Y tế", "Môi trường", "Thu nhập"),
      }),
      { minLength: 1, maxLength: 4 }
    ),
    official: fc.boolean(),
  })
  .map(({ criteria, official }) => ({
    format: "ntm-ruleset/1",
    id: "random",
    title: "Bộ tiêu chí thử",
    status: official ? "official" : "provisional",
    criteria: criteria.map((c, ci) => {
      const id = `TC${String(ci + 1).padStart(2, "0")}`;
      const ids = c.indicators.map((_, ii) => `${id}.${ii + 1}`);
      let k = 0;
      const next = () => c.logic[k++ % c.logic.length];
      return {
        id,
        name_vi: c.name,
        name_en: `Criterion ${ci + 1}`,
        group: "Nhóm tiêu chí",
        aliases: [],
        ...(c.plain ? {} : { logic: buildLogic(ids, next) }),
        indicators: c.indicators.map((i, ii) => {
          const yesNo = i.unit === "boolean";
          const value = (v: number, yes: boolean) => (yesNo ? yes : i.unit === "count" ? Math.round(v) : v);
          return {
            id: ids[ii],
            name_vi: `Chỉ tiêu ${ids[ii]}`,
            name_en: `Indicator ${ids[ii]}`,
            unit: i.unit,
            operator: yesNo ? "==" : i.operator,
            threshold: value(i.threshold, i.yes),
            thresholds: i.variants
              .map((v) => ({
                value: value(v.value, v.yes),
                from_year: v.from,
                to_year: v.to && v.from !== undefined ? v.from + v.span : undefined,
                group: v.group ?? (v.from === undefined ? GROUPS[0] : undefined),
              }))
              .map((v) => JSON.parse(JSON.stringify(v)) as Json),
            verified: i.verified,
            threshold_basis: "thử",
            aliases: i.aliases,
          };
        }),
      };
    }),
  }));

export type RulesetDoc = ReturnType<(typeof rulesetDocArb)["generate"]>["value"];

/** The few values areas take, so that tuples repeat: around the thresholds above, blank and unreadable. */
const READINGS: Reading[] = [
  ...[0, 1, 50, 80, 80.5, 100].map((v): Reading => ({ kind: "number", value: v, raw: v })),
  { kind: "boolean", value: true, raw: "Đạt" },
  { kind: "boolean", value: false, raw: "Chưa đạt" },
  { kind: "missing", raw: null },
  { kind: "unreadable", raw: "#N/A", reason: { vi: "lỗi", en: "error" } },
];

/**
 * A reading: often the very object another area has (as an analysis's ReadingMemory gives for a repeated
 * cell value, which the Assessor's shared results rely on), else a copy with its own raw text (another
 * cell, same value).
 */
const readingArb: fc.Arbitrary<Reading> = fc
  .record({ k: fc.nat({ max: READINGS.length - 1 }), copy: fc.nat({ max: 3 }) })
  .map(
    ({ k, copy }) => (copy === 0 ? { ...READINGS[k], raw: `ô ${String(READINGS[k].raw)}` } : READINGS[k]) as Reading
  );

/** Declared statuses, shared objects as readings are. */
const DECLARED: Reading[] = [
  { kind: "boolean", value: true, raw: "Đạt" },
  { kind: "boolean", value: false, raw: "Chưa đạt" },
];

/** Random areas for a ruleset with `indicatorIds` and `criterionIds`: values, a group, sometimes a declared status. */
export function areasArb(indicatorIds: string[], criterionIds: string[]): fc.Arbitrary<AreaInput[]> {
  return fc
    .array(
      fc.record({
        values: fc.array(readingArb, { minLength: indicatorIds.length, maxLength: indicatorIds.length }),
        blank: fc.array(fc.boolean(), { minLength: indicatorIds.length, maxLength: indicatorIds.length }),
        declared: fc.array(fc.option(fc.boolean(), { nil: undefined }), {
          minLength: criterionIds.length,
          maxLength: criterionIds.length,
        }),
        group: fc.constantFrom(...AREA_GROUPS),
      }),
      { minLength: 1, maxLength: 40 }
    )
    .map((list) =>
      list.map((a, n): AreaInput => {
        const indicators: Record<string, Reading> = {};
        // Some indicators have no column at all (no reading), as in a sheet of statuses only.
        indicatorIds.forEach((id, k) => {
          if (!a.blank[k] || k % 2 === 0) indicators[id] = a.values[k];
        });
        const criteria: Record<string, Reading> = {};
        criterionIds.forEach((id, k) => {
          const d = a.declared[k];
          if (d !== undefined) criteria[id] = DECLARED[d ? 0 : 1];
        });
        return { row: n + 5, commune: "Xã thử", name: `Khu ${n + 1}`, group: groupKey(a.group), indicators, criteria };
      })
    );
}
