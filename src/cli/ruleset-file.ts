import * as path from "path";
import { reloadRulesetFromSheet } from "../rules/analysis";
import { InputError, problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset";
import { embeddedRuleset, parseRulesetJson } from "../rules/ruleset-document";
import { SHEET_NAMES } from "../rules/workbook";
import { CliError, EXIT } from "./exit-codes";
import { readInputBytes } from "./files";
import { snapshotFile, snapshotWorkbook } from "./read-files";

/** A settings file (a ruleset or roadmap .json) is small; anything larger is not one. */
export const JSON_FILE_LIMIT = 16 * 1024 * 1024;

const rulesetError = (where: string, vi: string, en: string) =>
  new CliError(EXIT.ruleset, [problem("ruleset-file", where, vi, en)]);

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
 * The ruleset to assess with: the embedded one, a ruleset file (.json), or the criteria sheet an officer
 * corrected in a report or workbook (.xlsx with a "NTM - Bộ tiêu chí" sheet).
 */
export async function loadRuleset(file: string | undefined): Promise<Ruleset> {
  if (file === undefined) return embeddedRuleset();
  const name = path.basename(file);
  try {
    if (/\.xls[xm]$/i.test(file)) return await rulesetFromWorkbook(file);
    return parseRulesetJson(
      readOr(() => readJsonText(file)),
      name
    );
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.ruleset, e.problems);
    if (e instanceof CliError) throw new CliError(EXIT.ruleset, e.problems);
    throw e;
  }
}

/** A fault reading the file, said to be the ruleset file's. */
function readOr<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    throw new CliError(
      EXIT.ruleset,
      e.problems.map((p) => ({
        ...p,
        message: {
          vi: `Không đọc được tệp bộ tiêu chí: ${p.message.vi}`,
          en: `Cannot read the ruleset file: ${p.message.en}`,
        },
      }))
    );
  }
}

async function rulesetFromWorkbook(file: string): Promise<Ruleset> {
  const workbook = snapshotWorkbook(readOr(() => snapshotFile(file)));
  const names = await workbook.sheetNames();
  const sheet = names.find((n) => n === SHEET_NAMES.ruleset) ?? names.find((n) => n.startsWith(SHEET_NAMES.ruleset));
  if (!sheet) {
    throw rulesetError(
      file,
      `Sổ làm việc không có trang "${SHEET_NAMES.ruleset}". Các trang: ${names.join(", ")}.`,
      `The workbook has no "${SHEET_NAMES.ruleset}" sheet. Sheets: ${names.join(", ")}.`
    );
  }
  return reloadRulesetFromSheet(workbook, embeddedRuleset(), sheet);
}
