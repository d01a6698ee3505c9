import { SheetData } from "../rules/workbook";
import { noUse, XLSX_LIMITS, XlsxLimits } from "./limits";
import { isType, readWorkbookPart, refuseBinaryWorkbook, relationshipsOf, workbookPartOf } from "./package";
import { corrupt, tooLarge, XlsxReadError } from "./read-error";
import { readSharedStrings } from "./shared-strings";
import { readStyles } from "./styles";
import { readWorksheet } from "./worksheet";
import { ZipArchive } from "./zip";

/** A workbook as read from its file: what the hosts' Workbook gives the analysis, for every sheet. */
export interface WorkbookSnapshot {
  /** Worksheet names in tab order (chart sheets have no cells and are left out). */
  names: string[];
  /** The sheet Excel opens on. */
  active?: string;
  sheets: SheetData[];
}

export interface ReadOptions {
  /** The file's name, for what a message can say about its extension. */
  fileName?: string;
  limits?: XlsxLimits;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): an encrypted .xlsx, or an Excel 97–2003 .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, k) => bytes[k] === b);

function extensionNote(fileName: string | undefined): { vi: string; en: string } {
  const ext = /\.[^./\\]+$/.exec(fileName ?? "")?.[0].toLowerCase();
  return ext && ext !== ".xlsx" ? { vi: ` (đuôi ${ext})`, en: ` (extension ${ext})` } : { vi: "", en: "" };
}

/** What the first bytes say the file is, refused with its own message when it is not a zip. */
function classify(bytes: Uint8Array, options: ReadOptions, limits: XlsxLimits): void {
  if (bytes.length === 0)
    throw new XlsxReadError("file-empty", "", "Tệp rỗng (0 byte).", "The file is empty (0 bytes).");
  if (startsWith(bytes, CFB)) {
    throw new XlsxReadError(
      "file-protected-or-xls",
      "",
      "Tệp được đặt mật khẩu hoặc là tệp .xls cũ (Excel 97–2003). Hãy mở bằng Excel, bỏ mật khẩu hoặc chọn Lưu thành › Sổ làm việc Excel (.xlsx), rồi chạy lại.",
      "The file is password-protected or an old .xls (Excel 97–2003). Open it in Excel, remove the password or Save As › Excel Workbook (.xlsx), then run again."
    );
  }
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, EMPTY_ZIP)) {
    const ext = extensionNote(options.fileName);
    throw new XlsxReadError(
      "file-not-xlsx",
      "",
      `Tệp không phải sổ làm việc Excel .xlsx${ext.vi}. Hãy mở bằng Excel và Lưu thành .xlsx.`,
      `The file is not an Excel .xlsx workbook${ext.en}. Open it in Excel and Save As .xlsx.`
    );
  }
  const large = fileTooLarge(bytes.length, limits);
  if (large) throw large;
}

/**
 * A file of `size` bytes is over the limit: the refusal, which a host can give before it loads the bytes (a web
 * page asked for a 2 GB file); undefined when the size is within the limit.
 */
export function fileTooLarge(size: number, limits: XlsxLimits = XLSX_LIMITS): XlsxReadError | undefined {
  if (size <= limits.fileBytes) return undefined;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  return tooLarge(
    "",
    `Tệp lớn ${mb(size)} MB, vượt giới hạn ${mb(limits.fileBytes)} MB.`,
    `The file is ${mb(size)} MB, over the limit of ${mb(limits.fileBytes)} MB.`
  );
}

/**
 * Read an .xlsx file's bytes: every worksheet's values, number formats, merges, hidden rows and
 * protection, as Excel saved them. Uses no host API (no file system, no Node buffers): the command
 * line and a web page read the same way. Whatever it cannot read with certainty refuses the file with
 * an XlsxReadError naming what was seen; nothing is guessed and nothing is read a second way.
 */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const limits = options.limits ?? XLSX_LIMITS;
  classify(bytes, options, limits);
  const zip = new ZipArchive(bytes, limits);
  const workbookPart = workbookPartOf(zip);
  if (workbookPart === undefined || !zip.has(workbookPart)) {
    throw new XlsxReadError(
      "file-not-xlsx",
      "",
      "Tệp là một tệp nén (zip) nhưng không phải sổ làm việc Excel (có thể là tệp Word, PowerPoint…). Hãy chọn đúng tệp .xlsx.",
      "The file is a zip but not an Excel workbook (perhaps a Word or PowerPoint file). Choose the .xlsx file."
    );
  }
  refuseBinaryWorkbook(workbookPart);
  const book = readWorkbookPart(zip, workbookPart);
  const relationships = relationshipsOf(zip, workbookPart);
  const related = (kind: string) => [...relationships.values()].find((r) => isType(r, kind) && zip.has(r.part))?.part;
  const sharedPart = related("sharedStrings");
  const stylesPart = related("styles");
  const worksheetParts = book.sheets
    .map((entry) => relationships.get(entry.id))
    .filter((r) => isType(r, "worksheet"))
    .map((r) => (r as { part: string }).part);
  zip.checkSizes([sharedPart, stylesPart, ...worksheetParts].filter((p): p is string => p !== undefined));
  const context = {
    sharedStrings: sharedPart === undefined ? undefined : readSharedStrings(zip, sharedPart, limits),
    styles: stylesPart === undefined ? undefined : readStyles(zip, stylesPart),
    date1904: book.date1904,
    limits,
    used: noUse(),
  };

  const names: string[] = [];
  const sheets: SheetData[] = [];
  const parts = new Set<string>();
  let active: string | undefined;
  book.sheets.forEach((entry, k) => {
    const relationship = relationships.get(entry.id);
    if (relationship === undefined) {
      throw corrupt(
        workbookPart,
        `trang "${entry.name}" không trỏ tới phần nào.`,
        `sheet "${entry.name}" points to no part.`
      );
    }
    // Chart sheets and dialog sheets hold no cells; Office.js does not list them as worksheets.
    if (!isType(relationship, "worksheet")) return;
    if (parts.has(relationship.part.toLowerCase())) {
      throw corrupt(
        relationship.part,
        `hai trang tính dùng chung phần ${relationship.part}.`,
        `two sheets share the part ${relationship.part}.`
      );
    }
    parts.add(relationship.part.toLowerCase());
    sheets.push(readWorksheet(zip, relationship.part, entry.name, context));
    names.push(entry.name);
    if (k === book.activeTab) active = entry.name;
  });
  if (sheets.length === 0) {
    throw new XlsxReadError(
      "file-no-sheets",
      "",
      "Sổ làm việc không có trang tính nào.",
      "The workbook has no worksheets."
    );
  }
  return { names, active, sheets };
}
