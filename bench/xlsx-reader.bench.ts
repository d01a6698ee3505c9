import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { DISTRICTS } from "../src/cli/sample/places";
import { readXlsx } from "../src/xlsx/read-workbook";
import { tempDir, writeDistrict } from "../test/support/workbooks";
import { workbookFile } from "../test/support/xlsx-files";
import type { Figure } from "./run";

const RUNS = 7;

/** Median time of `RUNS` calls after one warm-up. */
async function median(work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/**
 * The .xlsx reader alone, on files as the command line gets them: one district of a 10,000-area
 * province (770 areas), and the whole province in one workbook; exceljs's full load of the same file as
 * a reference (it is no longer used for reading).
 */
export default async function xlsxReaderBench(): Promise<Figure[]> {
  const dir = tempDir("bench-reader");
  try {
    const figures: Figure[] = [];
    for (const [label, areas] of [
      ["district 770 areas", 770],
      ["province 10000 areas in one workbook", 10_000],
    ] as const) {
      const file = path.join(dir, `${areas}.xlsx`);
      await writeDistrict(file, { district: DISTRICTS[0], areas, seed: 11 });
      const bytes = new Uint8Array(fs.readFileSync(file));
      const read = readXlsx(bytes);
      if (read.sheets[0].values.length < areas) throw new Error(`${label}: ${read.sheets[0].values.length} rows read`);
      figures.push({
        name: `read ${label} (${(bytes.length / 1024).toFixed(0)} KB)`,
        value: await median(() => readXlsx(bytes)),
        unit: "ms",
      });
      figures.push({
        name: `read ${label}, exceljs load (reference)`,
        value: await median(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)),
        unit: "ms",
      });
    }
    // The most work a file within the limits can ask: two sheets of 47 MB of blank cells (96 MB of tags).
    const row = `<row>${"<c/>".repeat(16_384)}</row>`;
    const data = row.repeat(Math.floor((47 * 1024 * 1024) / row.length));
    const worst = new Uint8Array(
      workbookFile({
        sheets: [
          { name: "A", data },
          { name: "B", data },
        ],
      })
    );
    const t0 = performance.now();
    readXlsx(worst);
    figures.push({
      name: "read the largest input accepted (2 sheets, 94 MB of cell tags)",
      value: performance.now() - t0,
      unit: "ms",
    });
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
