import type ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

/** What a file's first bytes say it is. */
export type FileKind = "zip" | "cfb" | "empty" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): an encrypted .xlsx, or an Excel 97–2003 .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Buffer, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, k) => bytes[k] === b);

export function fileKind(bytes: Buffer): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return "zip";
  if (startsWith(bytes, CFB)) return "cfb";
  return "other";
}

const inputError = (file: string, code: string, vi: string, en: string) =>
  new CliError(EXIT.inputFile, [problem(code, file, vi, en)]);

/** Read a file the user named, with a clear message for each way it can be missing. */
export function readInputBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw inputError(file, "file-missing", "Không tìm thấy tệp.", "File not found.");
  }
  if (stat.isDirectory()) {
    throw inputError(
      file,
      "file-is-folder",
      "Đây là một thư mục, không phải tệp .xlsx.",
      "This is a folder, not an .xlsx file."
    );
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(file, "file-unreadable", `Không đọc được tệp (${reason}).`, `Cannot read the file (${reason}).`);
  }
}

/**
 * An input workbook, loaded from its bytes (the file itself is only read, never written; bytes already
 * read are passed in). Whatever is not a readable .xlsx gets a message saying what it is and what to do.
 */
export async function loadWorkbook(file: string, bytes: Buffer = readInputBytes(file)): Promise<ExcelJS.Workbook> {
  const ext = path.extname(file).toLowerCase();
  switch (fileKind(bytes)) {
    case "empty":
      throw inputError(file, "file-empty", "Tệp rỗng (0 byte).", "The file is empty (0 bytes).");
    case "cfb":
      throw inputError(
        file,
        "file-protected-or-xls",
        "Tệp được đặt mật khẩu hoặc là tệp .xls cũ (Excel 97–2003). Hãy mở bằng Excel, bỏ mật khẩu hoặc chọn Lưu thành › Sổ làm việc Excel (.xlsx), rồi chạy lại.",
        "The file is password-protected or an old .xls (Excel 97–2003). Open it in Excel, remove the password or Save As › Excel Workbook (.xlsx), then run again."
      );
    case "other":
      throw inputError(
        file,
        "file-not-xlsx",
        `Tệp không phải sổ làm việc Excel .xlsx${ext && ext !== ".xlsx" ? ` (đuôi ${ext})` : ""}. Hãy mở bằng Excel và Lưu thành .xlsx.`,
        `The file is not an Excel .xlsx workbook${ext && ext !== ".xlsx" ? ` (extension ${ext})` : ""}. Open it in Excel and Save As .xlsx.`
      );
    case "zip":
      break;
  }
  // Loaded here, not with the module: most files never get this far (see read-files.ts).
  const { default: exceljs } = await import("exceljs");
  const workbook = new exceljs.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw inputError(
      file,
      "file-corrupt",
      `Tệp .xlsx bị hỏng hoặc không phải sổ làm việc Excel (${reason}). Hãy mở bằng Excel, Lưu thành bản mới rồi chạy lại.`,
      `The .xlsx file is corrupt or not an Excel workbook (${reason}). Open it in Excel, save a new copy, then run again.`
    );
  }
  if (workbook.worksheets.length === 0) {
    throw inputError(file, "file-no-sheets", "Sổ làm việc không có trang tính nào.", "The workbook has no worksheets.");
  }
  return workbook;
}

/** Two paths naming the same file (an output must never replace an input). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Write a file whole or not at all: `write` fills a temporary file in the same folder, which is then
 * flushed and renamed over the target, so a reader never sees half a file and a failure leaves any
 * earlier one in place.
 */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
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
  }
}

export function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  return writeAtomically(target, async (tmp) => fs.writeFileSync(tmp, bytes, { flag: "wx" }));
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
