import { AreaAssessment } from "../assessment/assessment";
import { communeKeyOf, districtOf, shortfallCounts } from "./district-summary";
import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { SHEET_NAMES, SheetOutput } from "../workbook";
import { SheetResult, L, label, titleRows } from "./report-labels";
import { severalDistricts } from "./areas-sheet";
import { tallyHeader, tallyRow } from "./criteria-sheet";

/** The areas of one commune, under its district where the workbook names one ("" otherwise). */
export interface CommuneGroup {
  district: string;
  commune: string;
  assessments: AreaAssessment[];
}

/**
 * Areas grouped by commune, in the order the tables list them: a commune is one group however many tables
 * or files its areas come from (see communeKeyOf). The rows of the per-commune summaries.
 */
export function communeGroups(results: SheetResult[]): CommuneGroup[] {
  const groups = new Map<string, CommuneGroup>();
  for (const r of results) {
    for (const a of r.assessments) {
      const key = communeKeyOf(a, r);
      let g = groups.get(key);
      if (!g) {
        g = { district: districtOf(a, r) ?? "", commune: a.area.commune, assessments: [] };
        groups.set(key, g);
      }
      g.assessments.push(a);
    }
  }
  return [...groups.values()];
}

/** Per commune: areas, areas meeting all, areas one or two criteria short, under its district where named. */
export function communesSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const withDistrict = severalDistricts(results);
  const { rows, warningRows } = titleRows(L.communesTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([
    ...(withDistrict ? [label("district", language)] : []),
    label("commune", language),
    ...tallyHeader(language),
  ]);
  for (const g of communeGroups(results)) {
    rows.push([...(withDistrict ? [g.district] : []), g.commune, ...tallyRow(shortfallCounts(g.assessments))]);
  }
  const total = shortfallCounts(results.flatMap((r) => r.assessments));
  rows.push([...(withDistrict ? [""] : []), language === "vi" ? "Tổng cộng" : "Total", ...tallyRow(total)]);
  return {
    name: SHEET_NAMES.communes,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [...(withDistrict ? [16] : []), 22, 12, 14, 14, 14, 14, 14],
  };
}
