/**
 * NTM.SCORE under recalculation: Excel issues many calls at once. 5,000 concurrent calls (Promise.all) on
 * distinct rows (every call assessed), and 5,000 on 50 repeated rows (answered from the cache after the
 * first of each). Targets: ≥ 5,000 calls/s distinct, ≥ 100,000 calls/s repeated.
 */
import { performance } from "perf_hooks";
import { setRuleset } from "../src/functions/addin-state";
import { score } from "../src/functions/functions";
import { CellValue } from "../src/rules/reading/cell";
import { embeddedRuleset, rulesetFromDocument, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { Ruleset } from "../src/rules/ruleset/ruleset";
import { seededRandom } from "../test/support/areas";
import type { Figure } from "./run";

const CALLS = 5_000;
const REPEATED_ROWS = 50;
const ROUNDS = 5;

/** A row as Excel passes it (1×22), values near the thresholds, some typed as text, a few blank or #N/A. */
function excelRow(ruleset: Ruleset, random: () => number): CellValue[][] {
  return [
    ruleset.indicators.map((i): CellValue => {
      const roll = random();
      if (roll < 0.02) return "";
      if (roll < 0.03) return "#N/A";
      if (typeof i.threshold === "boolean") return random() < 0.85 ? "Đạt" : "Chưa đạt";
      const v = i.threshold === 0 ? Math.floor(random() * 3) : i.threshold * (0.85 + random() * 0.3);
      const rounded = Math.round(v * 10) / 10;
      return random() < 0.2 ? String(rounded).replace(".", ",") : rounded;
    }),
  ];
}

/** A fresh copy of the ruleset: new caches, so every distinct row is really assessed. */
function freshRuleset(): Ruleset {
  const ruleset = rulesetFromDocument(rulesetToDocument(embeddedRuleset()));
  setRuleset(ruleset);
  return ruleset;
}

async function callsPerSecond(rows: CellValue[][][]): Promise<number> {
  const start = performance.now();
  const results = await Promise.all(rows.map((r) => score(r, null as unknown as undefined)));
  const seconds = (performance.now() - start) / 1000;
  if (results.some((n) => typeof n !== "number")) throw new Error("SCORE did not return numbers");
  return rows.length / seconds;
}

export default async function functionsBench(): Promise<Figure[]> {
  const random = seededRandom(11);
  let distinct = 0;
  let repeated = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let ruleset = freshRuleset();
    // Warm the engine and the JIT on other rows first: setup is once per ruleset, not per call.
    await callsPerSecond(Array.from({ length: 500 }, () => excelRow(ruleset, random)));
    distinct = Math.max(distinct, await callsPerSecond(Array.from({ length: CALLS }, () => excelRow(ruleset, random))));
    ruleset = freshRuleset();
    await callsPerSecond(Array.from({ length: 500 }, () => excelRow(ruleset, random)));
    const pool = Array.from({ length: REPEATED_ROWS }, () => excelRow(ruleset, random));
    // Each call gets its own array, as Excel passes a new one per call.
    const calls = Array.from({ length: CALLS }, (_, k) => pool[k % REPEATED_ROWS].map((row) => [...row]));
    repeated = Math.max(repeated, await callsPerSecond(calls));
  }
  setRuleset(undefined);
  return [
    { name: "score concurrent distinct", value: distinct, unit: "calls/s" },
    { name: "score concurrent repeated", value: repeated, unit: "calls/s" },
  ];
}
