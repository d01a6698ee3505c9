import * as path from "path";
import { MemoryWorkbook } from "../rules/workbook";
import { XLSX_LIMITS } from "../xlsx/limits";
import { readXlsx, WorkbookSnapshot } from "../xlsx/read-workbook";
import { XlsxReadError } from "../xlsx/read-error";
import { CliError, EXIT } from "./exit-codes";
import { readInputBytes } from "./input-files";

/**
 * An input workbook read into memory by the one .xlsx reader (src/xlsx), every sheet. A file it
 * refuses gets its one message, located as "file › where", and exit code 3: it is not read again
 * another way. A few tens of milliseconds a district, so files are read one after the other.
 */
export function snapshotFile(file: string): WorkbookSnapshot {
  const bytes = readInputBytes(file, XLSX_LIMITS.fileBytes);
  try {
    return readXlsx(bytes, { fileName: path.basename(file) });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    const p = e.problem;
    throw new CliError(EXIT.inputFile, [{ ...p, where: p.where ? `${file} › ${p.where}` : file }]);
  }
}

/** The snapshot as a Workbook the pipeline reads (the active sheet as in the file). */
export function snapshotWorkbook(snapshot: WorkbookSnapshot): MemoryWorkbook {
  const workbook = new MemoryWorkbook(snapshot.sheets);
  if (snapshot.active !== undefined) workbook.active = snapshot.active;
  return workbook;
}
