import * as path from "path";
import { reloadRulesetFromSheet } from "../rules/analysis/own-sheets";
import { InputError, problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset/ruleset";
import { embeddedRuleset, parseRulesetJson } from "../rules/ruleset/ruleset-document";
import { SHEET_NAMES } from "../rules/workbook";
import { CliError, EXIT } from "./exit-codes";
import { readJsonText } from "./input-files";
import { snapshotFile, snapshotWorkbook } from "./read-files";

const rulesetError = (where: string, vi: string, en: string) =>
  new CliError(EXIT.ruleset, [problem("ruleset-file", where, vi, en)]);

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
      readRulesetFile(() => readJsonText(file)),
      name
    );
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.ruleset, e.problems);
    if (e instanceof CliError) throw new CliError(EXIT.ruleset, e.problems);
    throw e;
  }
}

/** Read the ruleset file (or workbook) with `read`; a fault reading it is said to be the ruleset file's. */
function readRulesetFile<T>(read: () => T): T {
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
  const workbook = snapshotWorkbook(readRulesetFile(() => snapshotFile(file)));
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
