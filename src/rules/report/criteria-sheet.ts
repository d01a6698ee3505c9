import { CellValue } from "../reading/cell";
import { formatCondition } from "../format";
import { DistrictSummary, ShortfallCounts, summariseDistrict } from "./district-summary";
import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { ChartSpec, SHEET_NAMES, SheetOutput } from "../workbook";
import { SheetResult, pick, L, label, percent, titleRows } from "./report-labels";

/** Per criterion (and indicator): how many areas it holds back — what the province asks. */
export function criteriaSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const all = results.flatMap((r) => r.assessments);
  const { rows, warningRows } = titleRows(L.criteriaTitle, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([
    label("criterion", language),
    label("criterionName", language),
    label("condition", language),
    label("failing", language),
    label("failingShare", language),
    label("noData", language),
    label("onlyGap", language),
  ]);
  const holdingBack = summariseDistrict(all, ruleset).holdingBack;
  const byCriterion = new Map(holdingBack.map((h) => [h.criterionId, h]));
  // Assessments list criteria and indicators in ruleset order: count by position, in one pass.
  const unmetCount = ruleset.criteria.map((c) => new Array<number>(c.indicators.length).fill(0));
  const missingCount = ruleset.criteria.map((c) => new Array<number>(c.indicators.length).fill(0));
  for (const a of all) {
    for (let ci = 0; ci < unmetCount.length; ci++) {
      const results = a.criteria[ci]?.indicators ?? [];
      for (let ii = 0; ii < results.length && ii < unmetCount[ci].length; ii++) {
        const status = results[ii].status;
        if (status === "unmet" || status === "unreadable") unmetCount[ci][ii]++;
        else if (status === "missing") missingCount[ci][ii]++;
      }
    }
  }
  ruleset.criteria.forEach((c, ci) => {
    const h = byCriterion.get(c.id);
    const failing = h?.failing ?? 0;
    rows.push([
      c.id,
      language === "vi" ? c.nameVi : c.nameEn,
      "",
      failing,
      percent(failing, all.length),
      h?.noData ?? 0,
      h?.onlyGap ?? 0,
    ]);
    c.indicators.forEach((i, ii) => {
      const unmet = unmetCount[ci][ii];
      const missing = missingCount[ci][ii];
      const threshold = all[0]?.criteria[ci]?.indicators[ii]?.threshold ?? i.threshold;
      rows.push([
        i.id,
        `   ${language === "vi" ? i.nameVi : i.nameEn}`,
        formatCondition(i.operator, threshold, i.unit, language),
        unmet,
        percent(unmet, all.length),
        missing,
        "",
      ]);
    });
  });
  return {
    name: SHEET_NAMES.criteria,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [9, 70, 22, 14, 14, 14, 16],
    chart: holdingBack.length > 0 ? rankingBlock(rows, holdingBack, ruleset, language) : undefined,
  };
}

/**
 * Below the criteria table, the criteria holding most areas back, most first, in two adjacent columns,
 * and the bar chart over them.
 */
function rankingBlock(
  rows: CellValue[][],
  holdingBack: DistrictSummary["holdingBack"],
  ruleset: Ruleset,
  language: Language
): ChartSpec {
  rows.push([]);
  const headerRow = rows.length;
  rows.push(["", pick(L.holdingTitle, language), label("failing", language)]);
  for (const h of holdingBack) {
    const c = ruleset.criteria.find((x) => x.id === h.criterionId);
    rows.push(["", c ? `${c.id} ${language === "vi" ? c.nameVi : c.nameEn}` : h.criterionId, h.failing]);
  }
  return {
    title: pick(L.holdingTitle, language),
    headerRow,
    firstRow: headerRow + 1,
    lastRow: rows.length - 1,
    categoryColumn: 1,
    valueColumns: [2],
    kind: "bar",
  };
}

/** The headings of a tally row's columns, in its order (the communes' and the province's sheets). */
export const tallyHeader = (language: Language): string[] =>
  (["areas", "meetsAll", "short1", "short2", "short3", "meetsShare"] as const).map((k) => label(k, language));

export const tallyRow = (t: ShortfallCounts): CellValue[] => [
  t.areas,
  t.meetsAll,
  t.short1,
  t.short2,
  t.short3,
  percent(t.meetsAll, t.areas),
];
