import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { RULESET_TABLE_COLUMNS, rulesetToTable } from "../ruleset/ruleset-table";
import { SHEET_NAMES, SheetOutput } from "../workbook";
import { L, titleRows } from "./report-labels";

/** The ruleset in use as an editable table, under the provisional note; read back by rulesetFromTable. */
export function rulesetSheet(ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const { rows, warningRows } = titleRows(L.rulesetTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push(...rulesetToTable(ruleset, language));
  return {
    name: SHEET_NAMES.ruleset,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: RULESET_TABLE_COLUMNS.map((c) => c.width),
  };
}
