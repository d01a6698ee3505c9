import * as fs from "fs";
import { PassThrough } from "stream";
import { writeOwnSheets } from "../rules/analysis/own-sheets";
import { ChartSpec, SheetOutput } from "../rules/workbook";
import { ChartPicture } from "../documents/chart-picture";
import { XlsxWorkbook } from "../documents/xlsx-workbook";
import { writeOutput } from "./output-files";
import { finishReport } from "./xlsx-pictures";

/**
 * The report workbook with the same sheets the pane writes, written whole or not at all. A streaming
 * writer: each row goes to disk once, so a province report costs little time or memory; the charts
 * are added as pictures once it is written (exceljs draws no charts, and streams no pictures).
 */
export async function writeReport(
  out: string,
  sheets: SheetOutput[],
  pictures: ReadonlyMap<ChartSpec, ChartPicture>
): Promise<string[]> {
  let written: string[] = [];
  await writeOutput(out, async (tmp) => {
    // The streaming writer alone: loading all of exceljs would cost twice as long (its readers).
    const { default: WorkbookWriter } = await import("exceljs/lib/stream/xlsx/workbook-writer");
    const chunks: Buffer[] = [];
    const stream = new PassThrough().on("data", (c: Buffer) => chunks.push(c));
    // Uncompressed here: finishReport adds the pictures, then compresses once.
    const writer = new WorkbookWriter({ stream, zip: { store: true }, useStyles: true, useSharedStrings: false });
    writer.creator = "ntm";
    const workbook = new XlsxWorkbook(writer, { streaming: true, pictures });
    written = (await writeOwnSheets(workbook, sheets)).written;
    await writer.commit();
    fs.writeFileSync(tmp, finishReport(Buffer.concat(chunks), workbook.placedPictures), { flag: "wx" });
  });
  return written;
}
