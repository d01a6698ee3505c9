import { MemoryWorkbook, SheetData } from "../rules/workbook";
import { fileKind, loadWorkbook, readInputBytes } from "./files";
import { readXlsx } from "./xlsx-reader";
import { XlsxWorkbook } from "./xlsx-workbook";

/**
 * Input files read into memory: every sheet's values, formats, merges and hidden rows, by the fast
 * reader (xlsx-reader.ts) or, for what it does not read, through the exceljs Workbook. The fast reader
 * takes a few tens of milliseconds a district, less than starting a worker thread, so files are read
 * one after the other on this thread.
 */
export interface WorkbookSnapshot {
  names: string[];
  active?: string;
  sheets: SheetData[];
}

export async function snapshotFile(file: string): Promise<WorkbookSnapshot> {
  const bytes = readInputBytes(file);
  if (fileKind(bytes) === "zip") {
    try {
      return readXlsx(bytes);
    } catch {
      // Whatever the fast reader refuses (an unusual or broken file) is read, or refused, by exceljs.
    }
  }
  // loadWorkbook classifies the file (empty, password-protected, not a zip, corrupt) with its messages.
  const workbook = new XlsxWorkbook(await loadWorkbook(file, bytes));
  const names = await workbook.sheetNames();
  const sheets: SheetData[] = [];
  for (const name of names) sheets.push(await workbook.readSheet(name));
  return { names, active: await workbook.activeSheetName(), sheets };
}

/** The snapshot as a Workbook the pipeline reads (the active sheet as in the file). */
export function snapshotWorkbook(snapshot: WorkbookSnapshot): MemoryWorkbook {
  const workbook = new MemoryWorkbook(snapshot.sheets);
  if (snapshot.active !== undefined) workbook.active = snapshot.active;
  return workbook;
}
