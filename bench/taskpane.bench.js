"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = taskpaneBench;
const perf_hooks_1 = require("perf_hooks");
const assess_1 = require("../src/rules/assess");
const actions_1 = require("../src/taskpane/actions");
const excel_workbook_1 = require("../src/taskpane/excel-workbook");
const excel_double_1 = require("../src/taskpane/testing/excel-double");
const sample_district_1 = require("../src/taskpane/testing/sample-district");
const ruleset_document_1 = require("../src/rules/ruleset-document");
const ROUNDS = 3;
/** One "Phân tích" click on a district sheet of `areas` areas, Excel replaced by the double. */
async function analyseOnce(areas, seed, clicks = 1) {
    const double = new excel_double_1.ExcelDouble([(0, sample_district_1.sampleDistrict)({ areas, hideAreaRows: 2, seed })]);
    let excelMs = 0;
    const run = async (batch) => {
        const t = perf_hooks_1.performance.now();
        try {
            return await double.run(batch);
        }
        finally {
            excelMs += perf_hooks_1.performance.now() - t;
        }
    };
    const actions = (0, actions_1.createPaneActions)(new excel_workbook_1.ExcelWorkbook(run));
    // A copy of the ruleset the pane loaded: its own Assessor, whose engine has judged no value yet.
    const ruleset = (0, ruleset_document_1.parseRulesetJson)(JSON.stringify((0, ruleset_document_1.rulesetToDocument)((await actions.loadRuleset()).ruleset)));
    const found = await actions.detect(ruleset);
    const request = { sheet: found.sheet, layout: found.layout, ruleset, language: "vi" };
    // Earlier clicks (a re-analysis is measured on the last one, its rows already seen).
    for (let k = 1; k < clicks; k++)
        await actions.analyse({ ...request, highlight: true });
    excelMs = 0;
    const syncsBefore = double.state.syncs;
    const runsBefore = (0, assess_1.assessorFor)(ruleset).engineRuns;
    const t0 = perf_hooks_1.performance.now();
    await actions.analyse({ ...request, highlight: true });
    return {
        totalMs: perf_hooks_1.performance.now() - t0,
        excelMs,
        syncs: double.state.syncs - syncsBefore,
        engineRuns: (0, assess_1.assessorFor)(ruleset).engineRuns - runsBefore,
    };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * The pane's analysis of 5,000 areas with Excel mocked: the whole click (core included) and the part spent
 * in the Office.js layer (excel-workbook.ts over the double, which applies every queued operation), median
 * of three rounds after a warm-up; a second click on the same sheet; and the round trips, the same for 10
 * and 5,000 areas.
 */
async function taskpaneBench() {
    // Each round a district never seen before (its own seed), on a fresh Assessor.
    await analyseOnce(500, 1);
    const rounds = [];
    for (let k = 0; k < ROUNDS; k++)
        rounds.push(await analyseOnce(5000, 100 + k));
    const again = [];
    for (let k = 0; k < ROUNDS; k++)
        again.push(await analyseOnce(5000, 200 + k, 2));
    const small = await analyseOnce(10, 2);
    const total = median(rounds.map((r) => r.totalMs));
    const excel = median(rounds.map((r) => r.excelMs));
    return [
        { name: "pane analysis 5000 areas (Excel mocked)", value: total, unit: "ms" },
        { name: "pane analysis 5000 areas: Office.js layer over the Excel double", value: excel, unit: "ms" },
        { name: "pane analysis 5000 areas: core (src/rules) and pane", value: total - excel, unit: "ms" },
        {
            name: "pane analysis 5000 areas: engine runs (most distinct values of one indicator)",
            value: rounds[0].engineRuns,
            unit: "runs",
        },
        {
            name: "pane re-analysis of the same 5000 areas (second click)",
            value: median(again.map((r) => r.totalMs)),
            unit: "ms",
        },
        { name: "pane analysis context.sync() calls, 5000 areas", value: rounds[0].syncs, unit: "syncs" },
        { name: "pane analysis context.sync() calls, 10 areas", value: small.syncs, unit: "syncs" },
    ];
}
