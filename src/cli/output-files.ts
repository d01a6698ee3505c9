import * as fs from "fs";
import * as path from "path";
import { Message, problem } from "../rules/message";
import { usageError } from "./args";
import { CliError, EXIT } from "./exit-codes";

/*
 * Writing the files a command makes (reports, samples, ruleset files): the one check of an output path,
 * made before any work, then a write that is whole or nothing (a temporary file renamed over the target,
 * removed on failure or on SIGINT/SIGTERM), every failure exit 6 with a message. Reading inputs is
 * input-files.ts.
 */

/** What a command writes at one option: the option, the file's extension, what the file is (in messages). */
export interface OutputKind {
  option: "--out" | "--docx";
  extension: ".xlsx" | ".docx" | ".json";
  /** "Báo cáo" / "The report": the subject of "… must be an .xlsx file". */
  what: Message;
}

/** A file the command reads, with how the user knows it ("the --ruleset file"); not given: undefined. */
export interface CommandInput {
  file: string | undefined;
  what: Message;
}

const outputError = (out: string, vi: string, en: string) =>
  new CliError(EXIT.output, [problem("output", out, vi, en)]);

/**
 * The input that is the file `out` on disk, however either is named (another path, a symbolic or a hard
 * link). A file system that gives no file numbers (ino 0, e.g. FAT on Windows) is compared by real path.
 */
function inputAt(out: string, target: fs.Stats, inputs: CommandInput[]): CommandInput | undefined {
  return inputs.find(({ file }) => {
    if (file === undefined) return false;
    try {
      const s = fs.statSync(file);
      if (s.ino === 0 || target.ino === 0) return fs.realpathSync(file) === fs.realpathSync(out);
      return s.dev === target.dev && s.ino === target.ino;
    } catch {
      // An input that does not exist is refused when it is read.
      return false;
    }
  });
}

/**
 * The one check of an output path, for every command that writes a file, made before any work: not a
 * folder, the extension of what is written (else usage, exit 2), never one of the command's inputs (not
 * even with --force), not a file already there unless --force. Each refusal names the option and path.
 */
export function checkOutput(out: string, kind: OutputKind, inputs: CommandInput[], force: boolean): void {
  const { option, extension, what } = kind;
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(out);
  } catch {
    // Nothing there to replace (or a path that cannot be, such as under a file: writing says why).
    existing = undefined;
  }
  if (existing?.isDirectory()) {
    throw outputError(
      out,
      `Đây là một thư mục, không phải tệp; hãy cho ${option} một tên tệp ${extension}.`,
      `This is a folder, not a file; give ${option} a file name ending in ${extension}.`
    );
  }
  if (path.extname(out).toLowerCase() !== extension) {
    throw usageError(
      option,
      `${what.vi} phải là tệp ${extension}, không phải "${out}".`,
      `${what.en} must be an ${extension} file, not "${out}".`
    );
  }
  const input = existing && inputAt(out, existing, inputs);
  if (input) {
    throw outputError(
      out,
      `Tệp ghi ra không được ghi đè lên tệp đầu vào (${input.what.vi}). Hãy chọn tên khác với ${option}.`,
      `The output must not replace an input file (${input.what.en}). Choose another name with ${option}.`
    );
  }
  if (existing && !force) {
    throw outputError(
      out,
      `Tệp đã có. Thêm --force để ghi đè, hoặc chọn tên khác với ${option}.`,
      `The file already exists. Add --force to replace it, or choose another name with ${option}.`
    );
  }
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

/** Write `bytes` as an output (see writeOutput). */
export function writeFileOutput(target: string, bytes: Uint8Array): Promise<void> {
  return writeOutput(target, async (tmp) => fs.writeFileSync(tmp, bytes, { flag: "wx" }));
}
