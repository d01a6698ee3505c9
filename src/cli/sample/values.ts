import { Indicator, Ruleset, thresholdFor } from "../../rules/ruleset/ruleset";
import type { SampleCell } from "./sheet";
import { District, PLACE_NAMES } from "./places";

/**
 * What a generated area holds, drawn from a seeded random source: which criteria it misses (the spread of
 * Phú Thọ around 2019), its communes and names, and each value typed the ways people type them. The
 * order of draws is part of the output: the same seed gives the same workbook.
 */

export type Random = () => number;

export const pickWeighted = <T>(random: Random, items: Array<[T, number]>): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
};

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** How many criteria an area misses, around 2019: few complete, most one to four short. */
const SHORT_WEIGHTS: Array<[number, number]> = [
  [0, 8],
  [1, 21],
  [2, 22],
  [3, 17],
  [4, 10],
  [5, 7],
  [6, 5],
  [7, 3],
  [8, 2],
  [9, 2],
  [10, 1],
  [11, 1],
  [12, 0.5],
  [13, 0.5],
];

/** How often each criterion is the one missed (income, production, environment the hardest). */
const MISS_WEIGHT: Record<string, number> = {
  TC01: 1.0,
  TC02: 0.5,
  TC03: 0.3,
  TC04: 0.9,
  TC05: 0.8,
  TC06: 1.3,
  TC07: 1.0,
  TC08: 0.5,
  TC09: 1.2,
  TC10: 0.9,
  TC11: 0.6,
  TC12: 1.4,
  TC13: 0.2,
};

/** Per value cell: left blank, or an Excel error (#N/A) from a broken lookup. */
export const BLANK_RATE = 0.003;
export const ERROR_RATE = 0.0015;

const viNumber = (n: number): string => String(n).replace(".", ",");
const round1 = (n: number): number => Math.round(n * 10) / 10;
const dots = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** A percentage as 85, "85%", 0.85 with a % format, "85,5", or 85.5. */
function percentCell(value: number, random: Random): SampleCell {
  const roll = random();
  if (roll < 0.5) return Math.round(value);
  if (roll < 0.62) return `${viNumber(round1(value))}%`;
  if (roll < 0.76)
    return { value: Math.round(value * 10) / 1000, numFmt: Number.isInteger(round1(value)) ? "0%" : "0.0%" };
  if (roll < 0.92) return viNumber(round1(value));
  return round1(value);
}

/** An income in millions of đồng, typed for a header in đồng or in triệu đồng. */
function incomeCell(millions: number, unit: "dong" | "million", random: Random): SampleCell {
  const roll = random();
  if (unit === "million") {
    if (roll < 0.6) return millions;
    if (roll < 0.8) return viNumber(millions);
    if (roll < 0.9) return `${viNumber(millions)} triệu`;
    return `${viNumber(millions)} tr`;
  }
  if (roll < 0.4) return dots(millions * 1e6);
  if (roll < 0.65) return { value: Math.round(millions * 1e6), numFmt: "#,##0" };
  if (roll < 0.8) return `${viNumber(millions)} triệu`;
  if (roll < 0.9) return `${viNumber(millions)} tr`;
  // A bare figure under a đồng header: staff meant millions.
  return millions;
}

/** Yes/no words of one column: each column keeps its own habit. */
export const YES_NO_STYLES: Array<{ yes: string; no: string[] }> = [
  { yes: "Đạt", no: ["Chưa đạt", "Chưa đạt", "Không đạt"] },
  { yes: "Có", no: ["Không", "Chưa có"] },
  { yes: "x", no: [""] },
];

/** One indicator's cell, meeting its threshold or not. */
export function indicatorCell(
  indicator: Indicator,
  meets: boolean,
  year: number,
  income: "dong" | "million",
  yesNo: { yes: string; no: string[] },
  random: Random
): SampleCell {
  const t = thresholdFor(indicator, { year });
  if (typeof t === "boolean") {
    const yes = meets === t;
    return yes ? yesNo.yes : pick(random, yesNo.no) || null;
  }
  const op = indicator.operator;
  const r = random();
  if (indicator.unit === "percent") {
    let v: number;
    if (op === "<=" || op === "<") v = meets ? round1(r * t * 0.95) : round1(t + 0.5 + r * 12);
    else
      v = meets
        ? Math.min(100, Math.max(t, round1(t + (100 - t) * r ** 0.6)))
        : Math.max(0, round1(t - 1 - r * Math.min(t - 1, 30)));
    return percentCell(v, random);
  }
  if (indicator.unit === "vnd_per_person_year") {
    const m = t / 1e6;
    const v = meets ? round1(m + r ** 1.3 * 20) : round1(Math.max(12, m * 0.62 + r * (m * 0.38 - 0.6)));
    return incomeCell(v, income, random);
  }
  // Counts: "Số nhà tạm, dột nát" must be 0.
  if (op === "==" || op === "<=") {
    if (meets) return pick(random, [t, t, t, t === 0 ? "Không" : t, String(t)]);
    const n = t + 1 + Math.floor(r * 4);
    return random() < 0.2 ? `${n} nhà` : n;
  }
  return meets ? t + Math.floor(r * 5) : Math.max(0, t - 1 - Math.floor(r * Math.max(1, t)));
}

export function communesFor(district: District, areas: number, random: Random): Array<{ name: string; size: number }> {
  const count = Math.max(1, Math.min(district.communes.length, Math.round(areas / 11)));
  const names = [...district.communes];
  // A seeded choice of communes, kept in the list's (the district's) order.
  while (names.length > count) names.splice(Math.floor(random() * names.length), 1);
  const sizes = names.map(() => Math.floor(areas / count));
  const remainder = areas - sizes.reduce((s, n) => s + n, 0);
  for (let k = 0; k < remainder; k++) sizes[k % count]++;
  for (let k = 0; k < count * 2 && count > 1; k++) {
    const from = Math.floor(random() * count);
    const to = Math.floor(random() * count);
    const move = Math.floor(random() * 3);
    if (from !== to && sizes[from] - move >= 4) {
      sizes[from] -= move;
      sizes[to] += move;
    }
  }
  return names.map((name, k) => ({ name, size: sizes[k] }));
}

export function areaNames(size: number, random: Random): string[] {
  if (random() < 0.65) return Array.from({ length: size }, (_, k) => `Khu ${k + 1}`);
  const pool = [...PLACE_NAMES];
  return Array.from({ length: size }, (_, k) => {
    if (pool.length === 0) return `Khu ${k + 1}`;
    const name = pool.splice(Math.floor(random() * pool.length), 1)[0];
    const kind =
      name === "Mới"
        ? "Xóm"
        : pickWeighted(random, [
            ["Thôn", 4],
            ["Xóm", 2],
            ["Khu", 3],
          ] as Array<[string, number]>);
    return `${kind} ${name}`;
  });
}

/** Which criteria an area misses: a number drawn from the 2019 spread, criteria weighted by difficulty. */
export function missedCriteria(ruleset: Ruleset, random: Random): Set<string> {
  const k = pickWeighted(random, SHORT_WEIGHTS);
  const pool = ruleset.criteria.map((c): [string, number] => [c.id, MISS_WEIGHT[c.id] ?? 1]);
  const missed = new Set<string>();
  while (missed.size < Math.min(k, ruleset.criteria.length)) {
    const id = pickWeighted(
      random,
      pool.filter(([c]) => !missed.has(c))
    );
    missed.add(id);
  }
  return missed;
}
