"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = assessBench;
const perf_hooks_1 = require("perf_hooks");
const assess_1 = require("../src/rules/assess");
const format_1 = require("../src/rules/format");
const ruleset_document_1 = require("../src/rules/ruleset-document");
const ruleset_1 = require("../src/rules/ruleset");
const areas_1 = require("../test/support/areas");
const AREAS = 10000;
/** The same verdicts and explanations without the engine: the floor the core is measured against. */
function handAssess(ruleset, area) {
    const notMet = [];
    const criteria = ruleset.criteria.map((c) => {
        const reasons = [];
        const indicators = c.indicators.map((i) => {
            const r = area.indicators[i.id];
            const t = (0, ruleset_1.thresholdFor)(i, {});
            const v = r && (r.kind === "number" || r.kind === "boolean") ? r.value : undefined;
            const op = i.operator;
            const met = v !== undefined &&
                (op === ">=" ? v >= t : op === "<=" ? v <= t : op === ">" ? v > t : op === "<" ? v < t : v === t);
            const shortfall = !met && typeof v === "number" && typeof t === "number"
                ? op === "<="
                    ? v - t
                    : op === "=="
                        ? Math.abs(v - t)
                        : t - v
                : undefined;
            if (!met)
                reasons.push(`${i.id} = ${v === undefined ? "?" : (0, format_1.formatValue)(v, i.unit)}, cần ${(0, format_1.formatCondition)(op, t, i.unit)}`);
            return { id: i.id, met, shortfall };
        });
        const met = indicators.every((x) => x.met);
        if (!met)
            notMet.push(c.id);
        return { id: c.id, met, indicators, reason: met ? "Đạt" : `Chưa đạt: ${reasons.join("; ")}.` };
    });
    return { criteria, notMet, metCount: criteria.length - notMet.length };
}
async function assessBench() {
    const ruleset = (0, ruleset_document_1.embeddedRuleset)();
    const random = (0, areas_1.seededRandom)(7);
    const areas = Array.from({ length: AREAS }, (_, k) => (0, areas_1.randomArea)(ruleset, random, k));
    const warmRandom = (0, areas_1.seededRandom)(8);
    const warmUp = Array.from({ length: 500 }, (_, k) => (0, areas_1.randomArea)(ruleset, warmRandom, k));
    // A fresh Assessor each round, after warming the code on another: every measured value is new to the
    // engine (a value judged before is not run again, which would measure the memory, not the engine).
    const fresh = async () => {
        await new assess_1.Assessor(ruleset).assessAll(warmUp);
        return new assess_1.Assessor(ruleset);
    };
    // Median of three rounds: one noisy neighbour on a 2-core machine should not decide the figure.
    let results = [];
    const rounds = [];
    let runs = 0;
    for (let k = 0; k < 3; k++) {
        const assessor = await fresh();
        const before = assessor.engineRuns;
        const t = perf_hooks_1.performance.now();
        results = await assessor.assessAll(areas, { year: 2020 });
        rounds.push(perf_hooks_1.performance.now() - t);
        runs = assessor.engineRuns - before;
    }
    const engineMs = rounds.sort((a, b) => a - b)[1];
    let t0 = perf_hooks_1.performance.now();
    for (let k = 0; k < 500; k++)
        handAssess(ruleset, areas[k]);
    t0 = perf_hooks_1.performance.now();
    const hand = areas.map((a) => handAssess(ruleset, a));
    const handMs = perf_hooks_1.performance.now() - t0;
    // Both must agree, or the comparison means nothing.
    // The same again, also rendering every criterion's sentence (what a report of every area shows).
    const withText = await fresh();
    t0 = perf_hooks_1.performance.now();
    let chars = 0;
    for (const a of areas)
        for (const c of (await withText.assess(a, { year: 2020 })).criteria)
            chars += (0, assess_1.criterionReason)(c).vi.length;
    const textMs = perf_hooks_1.performance.now() - t0;
    if (chars === 0)
        throw new Error("no explanation text rendered");
    const disagreements = results.filter((r, k) => r.metCount !== hand[k].metCount).length;
    if (disagreements > 0)
        throw new Error(`engine and hand loop disagree on ${disagreements} areas`);
    const engineRate = AREAS / (engineMs / 1000);
    const handRate = AREAS / (handMs / 1000);
    return [
        { name: "assess with explanations", value: engineRate, unit: "areas/s" },
        { name: "assess with explanations and every sentence rendered", value: AREAS / (textMs / 1000), unit: "areas/s" },
        { name: "hand-written comparison loop", value: handRate, unit: "areas/s" },
        { name: "hand loop / engine ratio", value: handRate / engineRate, unit: "x" },
        {
            name: `engine runs for ${AREAS} random areas (most distinct values of one indicator)`,
            value: runs,
            unit: "runs",
        },
    ];
}
