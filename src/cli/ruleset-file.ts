import * as fs from "fs";
import * as path from "path";
import { reloadRulesetFromSheet } from "../rules/analysis";
import { InputError, problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset";
import { embeddedRuleset, parseRulesetJson } from "../rules/ruleset-document";
import { SHEET_NAMES } from "../rules/workbook";
import { CliError, EXIT } from "./exit-codes";
import { loadWorkbook } from "./files";
import { XlsxWorkbook } from "./xlsx-workbook";

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
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      throw rulesetError(
        file,
        "Không đọc được tệp bộ tiêu chí (không có hoặc không mở được).",
        "Cannot read the ruleset file (missing or not readable)."
      );
    }
    return parseRulesetJson(text, name);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.ruleset, e.problems);
    if (e instanceof CliError) throw new CliError(EXIT.ruleset, e.problems);
    throw e;
  }
}

async function rulesetFromWorkbook(file: string): Promise<Ruleset> {
  const workbook = new XlsxWorkbook(await loadWorkbook(file));
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
