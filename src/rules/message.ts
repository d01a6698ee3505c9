/** Every user-facing text of the core is bilingual: Vietnamese first, English available. */
export interface Message {
  vi: string;
  en: string;
}

export type Language = "vi" | "en";

/** A fault in user input (a ruleset, a sheet, a cell), located so the user can find and fix it. */
export interface Problem {
  code: string;
  /** Where: a cell ("D7"), a column ("cột F"), a ruleset path ("TC07.1 › threshold"), a file name. */
  where: string;
  message: Message;
}

export function msg(vi: string, en: string): Message {
  return { vi, en };
}

export function problem(code: string, where: string, vi: string, en: string): Problem {
  return { code, where, message: { vi, en } };
}

/** "D7: Ngưỡng phải là số … / D7: Threshold must be a number …" */
export function formatProblem(p: Problem, language?: Language): string {
  const prefix = p.where ? `${p.where}: ` : "";
  if (language) return prefix + p.message[language];
  return `${prefix}${p.message.vi} / ${p.message.en}`;
}

/** Thrown for faulty user input; carries every problem found, not just the first. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p)).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}
