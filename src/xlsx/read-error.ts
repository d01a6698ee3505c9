import { problem, Problem } from "../rules/message";

/**
 * Why a workbook was not read: one located, bilingual problem. `where` is inside the file (a part, a
 * sheet's cell); the host adds the file's name. Codes: file-empty, file-protected-or-xls, file-not-xlsx,
 * file-corrupt, file-no-sheets, file-too-large.
 */
export class XlsxReadError extends Error {
  readonly problem: Problem;
  constructor(code: string, where: string, vi: string, en: string) {
    super(`${where ? `${where}: ` : ""}${en}`);
    this.name = "XlsxReadError";
    this.problem = problem(code, where, vi, en);
  }
}

/** The file is damaged or was not written as Excel writes: the advice is the same for every such fault. */
export function corrupt(where: string, vi: string, en: string): XlsxReadError {
  return new XlsxReadError(
    "file-corrupt",
    where,
    `Tệp .xlsx bị hỏng: ${vi} Hãy mở bằng Excel, Lưu thành bản mới rồi chạy lại.`,
    `The .xlsx file is corrupt: ${en} Open it in Excel, save a new copy, then run again.`
  );
}

/** Thousands grouped the Vietnamese way (1.048.576) and the English way (1,048,576). */
export const count = (n: number) => ({ vi: n.toLocaleString("vi-VN"), en: n.toLocaleString("en-US") });

/** A cap passed: what was seen, the limit, and what to do. */
export function tooLarge(where: string, vi: string, en: string): XlsxReadError {
  return new XlsxReadError("file-too-large", where, vi, en);
}
