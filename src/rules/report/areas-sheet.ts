import { AreaAssessment } from "../assessment/assessment";
import { CellValue } from "../reading/cell";
import { FORMULA_NO_RESULT } from "../reading/formula-results";
import { districtOf } from "./district-summary";
import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { fileAndSheet, SHEET_NAMES, SheetOutput } from "../workbook";
import { columnLetter } from "../reading/cell";
import { SheetResult, pick, L, label, titleRows } from "./report-labels";
import { gapText, missingText } from "./gap-text";

/** Whether the areas name more than one district (a district column, or several titled tables). */
export function severalDistricts(results: SheetResult[]): boolean {
  const seen = new Set<string | undefined>();
  for (const r of results) for (const a of r.assessments) seen.add(districtOf(a, r));
  return seen.size > 1;
}

/** A table's sheet by its own name: a sheet of one of several files ("[file]sheet") is shown with its file. */
const ownSheet = (r: SheetResult): string => fileAndSheet(r.sheet).sheet;

/** Where a table's areas came from, when there are several: the sheet, or the file and sheet. */
function placeOf(results: SheetResult[]): ((r: SheetResult) => string) | undefined {
  const sources = new Set(results.map((r) => r.source));
  const sheets = new Set(results.map((r) => `${r.source}\u0000${ownSheet(r)}`));
  if (sheets.size <= 1) return undefined;
  return sources.size > 1 ? (r) => `${r.source} › ${ownSheet(r)}` : ownSheet;
}

/** The area's place on its sheet: its row, or "cột E" for an area of a sideways table. */
function lineOf(a: AreaAssessment, language: Language): CellValue {
  if (a.area.row !== undefined) return a.area.row;
  if (a.area.column !== undefined) return `${language === "vi" ? "cột" : "column"} ${columnLetter(a.area.column - 1)}`;
  return "";
}

/**
 * Warnings about a whole sheet read (formulas with no saved result), shown under the areas sheet's title;
 * once per sheet, however many tables it holds.
 */
function sheetNotes(results: SheetResult[], language: Language): string[] {
  const notes = results.flatMap((r) =>
    r.problems
      .filter((p) => p.code === FORMULA_NO_RESULT)
      .map((p) => `⚠ ${r.source === r.sheet ? r.sheet : `${r.source} › ${ownSheet(r)}`}: ${p.message[language]}`)
  );
  return [...new Set(notes)];
}

/** Per area: where each one stands and what holds it back. */
export function areasSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const withDistrict = severalDistricts(results);
  const place = placeOf(results);
  const sideways = results.some((r) =>
    r.assessments.some((a) => a.area.row === undefined && a.area.column !== undefined)
  );
  const { rows, warningRows } = titleRows(L.areasTitle, ruleset, language, undefined, sheetNotes(results, language));
  const header = [
    label("order", language),
    ...(withDistrict ? [label("district", language)] : []),
    label("commune", language),
    label("area", language),
    ...(place ? [label(new Set(results.map((r) => r.source)).size > 1 ? "fileSheet" : "sheet", language)] : []),
    label(sideways ? "rowOrColumn" : "row", language),
    label("met", language),
    label("total", language),
    label("status", language),
    label("notMet", language),
    label("gaps", language),
    label("missing", language),
  ];
  const tableHeaderRow = rows.length;
  rows.push(header);
  let n = 0;
  for (const r of results) {
    for (const a of r.assessments) {
      n++;
      rows.push([
        n,
        ...(withDistrict ? [districtOf(a, r) ?? ""] : []),
        a.area.commune,
        a.area.name,
        ...(place ? [place(r)] : []),
        lineOf(a, language),
        a.metCount,
        a.total,
        a.meetsAll ? pick(L.yes, language) : `${pick(L.notYet, language)} (${a.metCount}/${a.total})`,
        a.notMet.join(", "),
        gapText(a, ruleset, language),
        missingText(a),
      ]);
    }
  }
  return {
    name: SHEET_NAMES.areas,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [6, ...(withDistrict ? [16] : []), 18, 24, ...(place ? [20] : []), 10, 10, 10, 18, 26, 80, 30],
  };
}
