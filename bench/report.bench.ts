import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { ResvgRasterizer } from "../src/cli/resvg-rasterizer";
import { XlsxWorkbook } from "../src/documents/xlsx-workbook";
import { sampleWorkbook } from "../src/cli/sample/xlsx";
import { renderReport, wordReportOf } from "../src/documents/rendered-report";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { writeOwnSheets } from "../src/rules/analysis/own-sheets";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { builtCli, district, districtSheet, readableDistrict, tempDir } from "../test/support/workbooks";
import type { Figure } from "./run";

const AREAS = 150;
const RUNS = 3;

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What a district officer waits for: `ntm analyse` of a 150-area district writing the .xlsx report and the
 * Word report with their charts, as a process (median of three after a warm-up); then the parts in this
 * process: the charts, the Word document, the workbook.
 */
export default async function reportBench(): Promise<Figure[]> {
  const dir = tempDir("report-bench");
  try {
    const sheet = districtSheet({ district: district("Thanh Ba"), areas: AREAS, seed: 5 });
    const input = path.join(dir, "thanh-ba.xlsx");
    await sampleWorkbook(sheet).xlsx.writeFile(input);
    const bin = builtCli();
    const run = () => {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [bin, "analyse", input, "--out", path.join(dir, "r.xlsx"), "--docx", path.join(dir, "r.docx"), "--force"],
        { encoding: "utf8", env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") } }
      );
      if (r.status !== 0) throw new Error(`ntm analyse failed (${r.status}):\n${r.stderr}`);
      return performance.now() - t0;
    };
    run();
    const process150 = median(Array.from({ length: RUNS }, run));

    const ruleset = embeddedRuleset();
    const [analysis] = (await analyseWorkbook(await readableDistrict(sheet), { ruleset, year: 2019 })).tables;
    const options = { year: 2019 };
    const rasterizer = new ResvgRasterizer();
    const parts = { charts: [] as number[], word: [] as number[], workbook: [] as number[] };
    for (let k = 0; k < RUNS + 1; k++) {
      let t = performance.now();
      const rendered = await renderReport([analysis], ruleset, "vi", options, rasterizer);
      parts.charts.push(performance.now() - t);
      t = performance.now();
      const bytes = await wordReportOf([analysis], ruleset, rendered, options);
      parts.word.push(performance.now() - t);
      t = performance.now();
      const workbook = new ExcelJS.Workbook();
      await writeOwnSheets(new XlsxWorkbook(workbook, { pictures: rendered.pictures }), rendered.report.sheets);
      await workbook.xlsx.writeBuffer();
      parts.workbook.push(performance.now() - t);
      if (bytes.length < 10_000) throw new Error("the Word report is too small to be whole");
    }
    // The first round warms up.
    const warm = (xs: number[]) => median(xs.slice(1));
    return [
      {
        name: `district ${AREAS} areas: ntm analyse --out .xlsx --docx .docx end to end`,
        value: process150,
        unit: "ms",
      },
      { name: "  report model and its 3 charts (echarts SVG, resvg PNG)", value: warm(parts.charts), unit: "ms" },
      { name: "  Word report (docx)", value: warm(parts.word), unit: "ms" },
      { name: "  .xlsx report with pictures and print setup", value: warm(parts.workbook), unit: "ms" },
      { name: "Word report size", value: fs.statSync(path.join(dir, "r.docx")).size / 1024, unit: "KB" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
