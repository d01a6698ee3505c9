import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { Problem } from "../rules/message";
import { MemoryWorkbook, SheetData } from "../rules/workbook";
import { CliError, ExitCode } from "./exit-codes";
import { loadWorkbook } from "./files";
import { XlsxWorkbook } from "./xlsx-workbook";

/**
 * Input files read into memory: every sheet's values, formats, merges and hidden rows, through the
 * exceljs Workbook. Parsing .xlsx is most of the command's work, so several files are parsed in
 * parallel on worker threads; the analysis then runs on the snapshots.
 */
export interface WorkbookSnapshot {
  names: string[];
  active?: string;
  sheets: SheetData[];
}

export async function snapshotFile(file: string): Promise<WorkbookSnapshot> {
  const workbook = new XlsxWorkbook(await loadWorkbook(file));
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

export type ReadOutcome = { file: string; snapshot: WorkbookSnapshot } | { file: string; error: CliError };

/** What a worker answers for one file. */
export type WorkerReply =
  | { id: number; snapshot: WorkbookSnapshot }
  | { id: number; error: { exitCode: ExitCode; problems: Problem[] } }
  | { id: number; crash: string };

export async function readOne(file: string): Promise<ReadOutcome> {
  try {
    return { file, snapshot: await snapshotFile(file) };
  } catch (e) {
    if (e instanceof CliError) return { file, error: e };
    throw e;
  }
}

const WORKER_SCRIPT = path.join(__dirname, "read-worker.js");
const MAX_WORKERS = 4;

/**
 * Read every file, in order of the list. Several files are parsed on up to four worker threads (one per
 * core); from sources run by ts-node, or for one file, in this thread.
 */
export async function readFiles(files: string[]): Promise<ReadOutcome[]> {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const threads = Math.min(files.length, cores, MAX_WORKERS);
  if (threads < 2 || !__filename.endsWith(".js")) {
    const out: ReadOutcome[] = [];
    for (const file of files) out.push(await readOne(file));
    return out;
  }
  const results = new Array<ReadOutcome>(files.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SCRIPT));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const id = next++;
              worker.postMessage({ id, file: files[id] });
            };
            worker.on("message", (reply: WorkerReply) => {
              const file = files[reply.id];
              if ("crash" in reply) return reject(new Error(reply.crash));
              results[reply.id] =
                "snapshot" in reply
                  ? { file, snapshot: reply.snapshot }
                  : { file, error: new CliError(reply.error.exitCode, reply.error.problems) };
              send();
            });
            worker.on("error", reject);
            send();
          })
      )
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
