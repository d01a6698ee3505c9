import * as fs from "fs";
import * as path from "path";
import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

const inputError = (file: string, code: string, vi: string, en: string) =>
  new CliError(EXIT.inputFile, [problem(code, file, vi, en)]);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/**
 * Read a file the user named, with a clear message for each way it can fail. Only a regular file is
 * read (a folder, a FIFO or a device such as /dev/zero is refused before any byte is read, so nothing
 * hangs or grows without end), and only up to `maxBytes`.
 */
export function readInputBytes(file: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer before it is refused below.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw inputError(file, "file-missing", "Không tìm thấy tệp.", "File not found.");
    }
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(file, "file-unreadable", `Không đọc được tệp (${reason}).`, `Cannot read the file (${reason}).`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) {
      throw inputError(
        file,
        "file-is-folder",
        "Đây là một thư mục, không phải một tệp.",
        "This is a folder, not a file."
      );
    }
    if (!stat.isFile()) {
      throw inputError(
        file,
        "file-not-regular",
        "Đây không phải một tệp thường trên đĩa (mà là thiết bị, FIFO hay socket): ntm chỉ đọc tệp.",
        "This is not a regular file on disk (a device, FIFO or socket): ntm reads files only."
      );
    }
    if (stat.size > maxBytes) {
      throw inputError(
        file,
        "file-too-large",
        `Tệp lớn ${mb(stat.size)} MB, vượt giới hạn ${mb(maxBytes)} MB.`,
        `The file is ${mb(stat.size)} MB, over the limit of ${mb(maxBytes)} MB.`
      );
    }
    // No more than the size seen: a file that grows while it is read is not followed.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = fs.readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(file, "file-unreadable", `Không đọc được tệp (${reason}).`, `Cannot read the file (${reason}).`);
  } finally {
    fs.closeSync(fd);
  }
}

/** A settings file (a ruleset or roadmap .json) is small; anything larger is not one. */
export const JSON_FILE_LIMIT = 16 * 1024 * 1024;

/** A .json settings file as text (a byte-order mark dropped); its faults are exit code 3 (the caller may say 5). */
export function readJsonText(file: string): string {
  const bytes = readInputBytes(file, JSON_FILE_LIMIT);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(EXIT.inputFile, [
      problem("file-encoding", file, "Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text."),
    ]);
  }
}

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
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
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
