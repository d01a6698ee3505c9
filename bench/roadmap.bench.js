"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = default_1;
/**
 * The roadmap of a 2,000-area province over 5 years (target: under 200 ms). Inputs are assessed by the
 * real Assessor from seeded random indicator values; only the planning (and, separately, the sheet
 * building) is timed: median of 15 runs after 3 warm-up runs.
 */
const perf_hooks_1 = require("perf_hooks");
const roadmap_1 = require("../src/rules/roadmap");
const roadmap_sheet_1 = require("../src/rules/roadmap-sheet");
const roadmap_fixtures_1 = require("../test/roadmap-fixtures");
function median(run, warmup = 3, runs = 15) {
    for (let i = 0; i < warmup; i++)
        run();
    const times = [];
    for (let i = 0; i < runs; i++) {
        const t0 = perf_hooks_1.performance.now();
        run();
        times.push(perf_hooks_1.performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}
async function default_1() {
    const areas = 2000;
    const assessments = await (0, roadmap_fixtures_1.assessSpecs)((0, roadmap_fixtures_1.syntheticSpecs)(areas, 20210101), 2021);
    const options = { startYear: 2021, targetYear: 2025, target: 1736, rewardPerArea: 50000000 };
    const limited = { ...options, capacity: { completionsPerYear: 900, budgetPerYear: 20000000000 } };
    const plan = (0, roadmap_1.planRoadmap)(roadmap_fixtures_1.ruleset, assessments, options);
    const previous = (0, roadmap_sheet_1.buildRoadmapSheets)(plan).sheets[0].rows;
    return [
        {
            name: `roadmap ${areas} areas x 5 years`,
            value: median(() => (0, roadmap_1.planRoadmap)(roadmap_fixtures_1.ruleset, assessments, options)),
            unit: "ms",
        },
        {
            name: `roadmap ${areas} areas x 5 years, capacity and budget`,
            value: median(() => (0, roadmap_1.planRoadmap)(roadmap_fixtures_1.ruleset, assessments, limited)),
            unit: "ms",
        },
        {
            name: `roadmap sheets ${areas} areas, carrying over`,
            value: median(() => (0, roadmap_sheet_1.buildRoadmapSheets)(plan, { previous })),
            unit: "ms",
        },
    ];
}
