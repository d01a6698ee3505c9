/**
 * The roadmap of a 2,000-area province over 5 years (target: under 200 ms). Inputs are assessed by the
 * real Assessor from seeded random indicator values; only the planning (and, separately, the sheet
 * building) is timed: median of 15 runs after 3 warm-up runs.
 */
import { performance } from "perf_hooks";
import { planRoadmap } from "../src/rules/roadmap/plan";
import { RoadmapOptions } from "../src/rules/roadmap/plan-shapes";
import { buildRoadmapSheets } from "../src/rules/roadmap/roadmap-sheet";
import { assessSpecs, ruleset, syntheticSpecs } from "../test/roadmap-fixtures";

function median(run: () => void, warmup = 3, runs = 15): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export default async function (): Promise<Array<{ name: string; value: number; unit: string }>> {
  const areas = 2000;
  const assessments = await assessSpecs(syntheticSpecs(areas, 20210101), 2021);
  const options: RoadmapOptions = { startYear: 2021, targetYear: 2025, target: 1736, rewardPerArea: 50_000_000 };
  const limited: RoadmapOptions = { ...options, capacity: { completionsPerYear: 900, budgetPerYear: 20_000_000_000 } };
  const plan = planRoadmap(ruleset, assessments, options);
  const previous = buildRoadmapSheets(plan).sheets[0].rows;
  return [
    {
      name: `roadmap ${areas} areas x 5 years`,
      value: median(() => planRoadmap(ruleset, assessments, options)),
      unit: "ms",
    },
    {
      name: `roadmap ${areas} areas x 5 years, capacity and budget`,
      value: median(() => planRoadmap(ruleset, assessments, limited)),
      unit: "ms",
    },
    {
      name: `roadmap sheets ${areas} areas, carrying over`,
      value: median(() => buildRoadmapSheets(plan, { previous })),
      unit: "ms",
    },
  ];
}
