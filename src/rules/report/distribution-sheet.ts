import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { SHEET_NAMES, SheetOutput } from "../workbook";
import { SheetResult, pick, L, label, titleRows } from "./report-labels";

/** How many areas meet 0, 1, … 13 criteria, with a column chart. */
export function distributionSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const all = results.flatMap((r) => r.assessments);
  const total = ruleset.criteria.length;
  const counts = new Array<number>(total + 1).fill(0);
  for (const a of all) counts[a.metCount]++;
  const { rows, warningRows } = titleRows(L.distributionTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([label("metCount", language), label("areaCount", language)]);
  const firstRow = rows.length;
  counts.forEach((count, met) => rows.push([`${met}/${total}`, count]));
  return {
    name: SHEET_NAMES.distribution,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [18, 16],
    chart: {
      title: pick(L.distributionTitle, language),
      headerRow: tableHeaderRow,
      firstRow,
      lastRow: rows.length - 1,
      categoryColumn: 0,
      valueColumns: [1],
      kind: "column",
    },
  };
}
