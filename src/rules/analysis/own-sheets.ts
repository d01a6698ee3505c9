import { InputError, problem } from "../message";
import { writableSheet } from "../report/output-text";
import { printSetupOf } from "../report/print-setup";
import { Ruleset } from "../ruleset/ruleset";
import { rulesetToDocument } from "../ruleset/ruleset-document";
import { rulesetFromTable } from "../ruleset/ruleset-table";
import { toSavedMapping } from "../reading/sheet-table";
import { chooseSheetNames, SETTING_KEYS, SHEET_NAMES, SheetData, SheetOutput, Workbook } from "../workbook";
import { TableChoice } from "./analysis-shapes";

/* The add-in's own sheets and settings in the user's workbook: written whole, never over a sheet the user owns. */

export interface WriteOutcome {
  written: string[];
  /** A user's sheet already had the wanted name: the add-in used another and says so. */
  renamed: Array<{ wanted: string; used: string }>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Write the add-in's sheets in one batch. Only sheets the add-in owns are replaced; a user's sheet that
 * carries one of the names is left alone and the add-in writes "name (2)".
 */
async function ownership(workbook: Workbook): Promise<{ existing: string[]; owned: string[] }> {
  const existing = await workbook.sheetNames();
  const ownedText = await workbook.loadSetting(SETTING_KEYS.ownedSheets);
  const parsed = ownedText ? safeJson(ownedText) : undefined;
  const owned = Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === "string") : [];
  return { existing, owned };
}

/** The values of one of the add-in's own sheets from an earlier run (e.g. the roadmap), if there is one. */
export async function previousOwnSheet(workbook: Workbook, wanted: string): Promise<SheetData | undefined> {
  const { existing, owned } = await ownership(workbook);
  const name = chooseSheetNames([wanted], existing, owned).names.get(wanted) ?? wanted;
  return existing.includes(name) && owned.includes(name) ? workbook.readSheet(name) : undefined;
}

export async function writeOwnSheets(workbook: Workbook, sheets: SheetOutput[]): Promise<WriteOutcome> {
  const { existing, owned } = await ownership(workbook);
  const { names, renamed } = chooseSheetNames(
    sheets.map((s) => s.name),
    existing,
    owned
  );
  // Cell texts as Excel can hold them, whichever host writes (Office.js has the same limits as a file);
  // every sheet print-ready unless it says otherwise.
  const out = sheets.map((s) => {
    const sheet = writableSheet(s);
    return { ...sheet, name: names.get(s.name) ?? s.name, print: sheet.print ?? printSetupOf(sheet) };
  });
  await workbook.writeSheets(out);
  const nowOwned = [...new Set([...owned.filter((n) => existing.includes(n)), ...out.map((s) => s.name)])];
  await workbook.saveSetting(SETTING_KEYS.ownedSheets, JSON.stringify(nowOwned));
  return { written: out.map((s) => s.name), renamed };
}

/**
 * Keep the mapping of every table (the user's corrections with it) inside the workbook, for the next
 * opening and the custom functions: one setting, a list of one saved mapping per table.
 */
export async function saveMappings(workbook: Workbook, tables: TableChoice[]): Promise<void> {
  await workbook.saveSetting(
    SETTING_KEYS.mapping,
    JSON.stringify(tables.map((t) => toSavedMapping(t.sheet, t.layout)))
  );
}

/** Read the criteria sheet back (an officer corrected a threshold) and keep it in the workbook. */
export async function reloadRulesetFromSheet(
  workbook: Workbook,
  base: Ruleset,
  sheetName: string = SHEET_NAMES.ruleset
): Promise<Ruleset> {
  const names = await workbook.sheetNames();
  if (!names.includes(sheetName)) {
    throw new InputError([
      problem(
        "no-sheet",
        sheetName,
        `Chưa có trang "${sheetName}": hãy ghi bộ tiêu chí ra trang trước.`,
        `No sheet "${sheetName}": write the criteria to a sheet first.`
      ),
    ]);
  }
  const data = await workbook.readSheet(sheetName);
  const ruleset = rulesetFromTable(data.values, base, sheetName);
  await workbook.saveSetting(SETTING_KEYS.ruleset, JSON.stringify(rulesetToDocument(ruleset)));
  return ruleset;
}
