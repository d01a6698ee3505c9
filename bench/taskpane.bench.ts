import { performance } from "perf_hooks";
import { createPaneActions } from "../src/taskpane/actions";
import { ExcelRun, ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { ExcelDouble } from "../test/support/office/excel-double";
import { sampleDistrict } from "../test/support/sample-district";
import { parseRulesetJson, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { recordingDocuments } from "../test/support/documents";
import type { Figure } from "./run";

const ROUNDS = 3;

/** One "Phân tích" click on a district sheet of `areas` areas, Excel replaced by the double. */
async function analyseOnce(
  areas: number,
  seed: number,
  clicks = 1
): Promise<{ totalMs: number; excelMs: number; syncs: number }> {
  const double = new ExcelDouble([sampleDistrict({ areas, hideAreaRows: 2, seed })]);
  let excelMs = 0;
  const run: ExcelRun = async (batch) => {
    const t = performance.now();
    try {
      return await double.run(batch);
    } finally {
      excelMs += performance.now() - t;
    }
  };
  const actions = createPaneActions(new ExcelWorkbook(run), recordingDocuments(false));
  // A copy of the ruleset the pane loaded (each analysis assesses with an Assessor of its own).
  const ruleset = parseRulesetJson(JSON.stringify(rulesetToDocument((await actions.loadRuleset()).ruleset)));
  const found = await actions.detect(ruleset);
  const tables = found.tables.map((t) => ({ sheet: t.sheet, layout: t.layout }));
  const request = { tables, ruleset, language: "vi" as const };
  // Earlier clicks (a re-analysis is measured on the last one, its rows already seen).
  for (let k = 1; k < clicks; k++) await actions.analyse({ ...request, highlight: true });
  excelMs = 0;
  const syncsBefore = double.state.syncs;
  const t0 = performance.now();
  await actions.analyse({ ...request, highlight: true });
  return {
    totalMs: performance.now() - t0,
    excelMs,
    syncs: double.state.syncs - syncsBefore,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ROUNDS_WARM = 5;

/**
 * The pane's analysis of 5,000 areas with Excel mocked: the whole click (core included) and the part spent
 * in the Office.js layer (excel-workbook.ts over the double, which applies every queued operation). The
 * first click of a fresh process (nothing compiled yet, as the first click after opening the pane), then
 * the median of five clicks on districts never seen before, each on a fresh Assessor; a second click on
 * the same sheet; and the round trips, the same for 10 and 5,000 areas.
 */
export default async function taskpaneBench(): Promise<Figure[]> {
  const cold = await analyseOnce(5000, 99);
  await analyseOnce(5000, 98); // and one more, so that the measured clicks run compiled code
  const rounds = [];
  for (let k = 0; k < ROUNDS_WARM; k++) rounds.push(await analyseOnce(5000, 100 + k));
  const again = [];
  for (let k = 0; k < ROUNDS; k++) again.push(await analyseOnce(5000, 200 + k, 2));
  const small = await analyseOnce(10, 2);
  const total = median(rounds.map((r) => r.totalMs));
  const excel = median(rounds.map((r) => r.excelMs));
  return [
    { name: "pane analysis 5000 areas (Excel mocked)", value: total, unit: "ms" },
    { name: "pane analysis 5000 areas: Office.js layer over the Excel double", value: excel, unit: "ms" },
    { name: "pane analysis 5000 areas: core (src/rules) and pane", value: total - excel, unit: "ms" },
    {
      name: "pane first analysis in a fresh process (nothing compiled yet), 5000 areas",
      value: cold.totalMs,
      unit: "ms",
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
