import * as fs from "fs";
import * as path from "path";
import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

/*
 * Writing the files a command makes (reports, samples, ruleset files): checks of an output path, then a
 * write that is whole or nothing (a temporary file renamed over the target, removed on failure or on
 * SIGINT/SIGTERM), every failure exit 6 with a message. Reading inputs is input-files.ts.
 */

/**
 * Whether `out` is one of `inputs` (an output must never replace an input): the same file on disk,
 * however it is named (another path, a symbolic or a hard link).
 */
export function isInput(out: string, inputs: Array<string | undefined>): boolean {
  let target: fs.Stats;
  try {
    target = fs.statSync(out);
  } catch {
    // No file there yet: it is no input (an input that does not exist is refused when it is read).
    return false;
  }
  return inputs.some((input) => {
    if (input === undefined) return false;
    try {
      const s = fs.statSync(input);
      return s.dev === target.dev && s.ino === target.ino;
    } catch {
      return false;
    }
  });
}

/** The refusal when `--out` (or `--docx`) names an input file. */
export function outputIsInput(out: string, option = "--out"): CliError {
  return new CliError(EXIT.output, [
    problem(
      "output",
      out,
      `Tệp ghi ra không được ghi đè lên tệp đầu vào (tệp .xlsx, --ruleset hay --roadmap). Hãy chọn tên khác với ${option}.`,
      `The output must not replace an input file (an .xlsx, --ruleset or --roadmap). Choose another name with ${option}.`
    ),
  ]);
}

/** Temporary files being written, removed if the process is interrupted. */
const inFlight = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

/** Ctrl+C or a TERM while writing: remove the temporary files, then end as the signal would. */
function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of inFlight) fs.rmSync(tmp, { force: true });
  inFlight.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (inFlight.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  inFlight.add(tmp);
}

function untrack(tmp: string): void {
  inFlight.delete(tmp);
  if (inFlight.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/**
 * Write a file whole or not at all: `write` fills a temporary file in the same folder, which is then
 * flushed and renamed over the target, so a reader never sees half a file and a failure leaves any
 * earlier one in place. The temporary file is removed on failure and on SIGINT/SIGTERM.
 */
async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  track(tmp);
  try {
    await write(tmp);
    const fd = fs.openSync(tmp, "r+");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    untrack(tmp);
  }
}

/** What the system's error code means for the user. */
function writeReason(e: unknown): { vi: string; en: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return { vi: `ổ đĩa đã đầy; ${detail}`, en: `the disk is full; ${detail}` };
    case "EFBIG":
      return {
        vi: `tệp vượt giới hạn kích thước hoặc ổ đĩa đã đầy; ${detail}`,
        en: `the file size limit was hit or the disk is full; ${detail}`,
      };
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return { vi: `không có quyền ghi vào đó; ${detail}`, en: `no permission to write there; ${detail}` };
    case "ENOTDIR":
    case "EEXIST":
      return {
        vi: `không tạo được thư mục chứa tệp; ${detail}`,
        en: `the folder for the file cannot be made; ${detail}`,
      };
    default:
      return { vi: detail, en: detail };
  }
}

/**
 * Write an output of any command: its folder made if missing, the file written atomically; any
 * failure of the disk (full, no permission, a file where a folder should be) is exit 6 with a message.
 */
export async function writeOutput(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await writeAtomically(target, write);
  } catch (e) {
    const reason = writeReason(e);
    throw new CliError(EXIT.output, [
      problem("output", target, `Không ghi được tệp (${reason.vi}).`, `Cannot write the file (${reason.en}).`),
    ]);
  }
}

export function writeFileOutput(target: string, bytes: Uint8Array): Promise<void> {
  return writeOutput(target, async (tmp) => fs.writeFileSync(tmp, bytes, { flag: "wx" }));
}

/** A file the command would create must not replace one already there, unless --force says so. */
export function refuseExisting(out: string, force: boolean): void {
  if (!fs.existsSync(out) || force) return;
  throw new CliError(EXIT.output, [
    problem(
      "output",
      out,
      "Tệp đã có. Thêm --force để ghi đè, hoặc chọn tên khác với --out.",
      "The file already exists. Add --force to replace it, or choose another name with --out."
    ),
  ]);
}
