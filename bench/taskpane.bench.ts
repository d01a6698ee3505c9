import { performance } from "perf_hooks";
import { createPaneActions } from "../src/taskpane/actions";
import { ExcelRun, ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { ExcelDouble } from "../src/taskpane/testing/excel-double";
import { sampleDistrict } from "../src/taskpane/testing/sample-district";
import type { Figure } from "./run";

const ROUNDS = 3;

/** One "Phân tích" click on a district sheet of `areas` areas, Excel replaced by the double. */
async function analyseOnce(areas: number): Promise<{ totalMs: number; excelMs: number; syncs: number }> {
  const double = new ExcelDouble([sampleDistrict({ areas, hideAreaRows: 2 })]);
  let excelMs = 0;
  const run: ExcelRun = async (batch) => {
    const t = performance.now();
    try {
      return await double.run(batch);
    } finally {
      excelMs += performance.now() - t;
    }
  };
  const actions = createPaneActions(new ExcelWorkbook(run));
  const info = await actions.loadRuleset();
  const found = await actions.detect(info.ruleset);
  excelMs = 0;
  const syncsBefore = double.state.syncs;
  const t0 = performance.now();
  await actions.analyse({
    sheet: found.sheet,
    layout: found.layout,
    ruleset: info.ruleset,
    language: "vi",
    highlight: true,
  });
  return { totalMs: performance.now() - t0, excelMs, syncs: double.state.syncs - syncsBefore };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The pane's analysis of 5,000 areas with Excel mocked: the whole click (core included) and the part spent
 * in the Office.js layer (excel-workbook.ts over the double, which applies every queued operation), median
 * of three rounds after a warm-up; and the round trips, the same for 10 and 5,000 areas.
 */
export default async function taskpaneBench(): Promise<Figure[]> {
  await analyseOnce(500);
  const rounds = [];
  for (let k = 0; k < ROUNDS; k++) rounds.push(await analyseOnce(5000));
  const small = await analyseOnce(10);
  const total = median(rounds.map((r) => r.totalMs));
  const excel = median(rounds.map((r) => r.excelMs));
  return [
    { name: "pane analysis 5000 areas (Excel mocked)", value: total, unit: "ms" },
    { name: "pane analysis 5000 areas: Office.js layer over the Excel double", value: excel, unit: "ms" },
    { name: "pane analysis 5000 areas: core (src/rules) and pane", value: total - excel, unit: "ms" },
    { name: "pane analysis context.sync() calls, 5000 areas", value: rounds[0].syncs, unit: "syncs" },
    { name: "pane analysis context.sync() calls, 10 areas", value: small.syncs, unit: "syncs" },
  ];
}
