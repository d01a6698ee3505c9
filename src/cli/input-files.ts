import * as fs from "fs";
import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

/*
 * Reading the files a user names (workbooks, ruleset and roadmap settings): only regular files, under a
 * size limit, each way of failing a message naming the file (exit 3; a caller may say it is another class).
 * Workbooks are parsed in read-files.ts; writing outputs is output-files.ts.
 */

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
const JSON_FILE_LIMIT = 16 * 1024 * 1024;

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
