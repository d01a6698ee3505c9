import { AreaAssessment } from "../assessment/assessment";
import { shortfallCounts, summariseDistrict, unitOf } from "./district-summary";
import { Language } from "../message";
import { Ruleset } from "../ruleset/ruleset";
import { SHEET_NAMES, SheetOutput } from "../workbook";
import { SheetResult, L, label, titleRows } from "./report-labels";
import { tallyHeader, tallyRow } from "./criteria-sheet";

/** What the province roll-up counts under the province: districts, communes, or both where some name no district. */
function provinceUnits(results: SheetResult[], language: Language) {
  const units = new Map<string, { label: string; kind: "district" | "commune"; list: AreaAssessment[] }>();
  for (const r of results) {
    for (const a of r.assessments) {
      const u = unitOf(a, r, language);
      let g = units.get(u.key);
      if (!g) units.set(u.key, (g = { label: u.label, kind: u.kind, list: [] }));
      g.list.push(a);
    }
  }
  return [...units.values()];
}

/**
 * Province roll-up: one row per district where the workbooks name one, else per commune (since 2025
 * communes report to the province directly), then the criteria failing in each.
 */
export function provinceSheet(results: SheetResult[], ruleset: Ruleset, language: Language = "vi"): SheetOutput {
  const units = provinceUnits(results, language);
  const kinds = new Set(units.map((u) => u.kind));
  const title = kinds.size > 1 ? L.provinceByUnit : kinds.has("commune") ? L.provinceByCommune : L.provinceTitle;
  const unitLabel =
    kinds.size > 1
      ? label("unit", language)
      : kinds.has("commune")
        ? label("commune", language)
        : label("district", language);
  const { rows, warningRows } = titleRows(title, ruleset, language);
  const tableHeaderRow = rows.length;
  rows.push([unitLabel, ...tallyHeader(language)]);
  const summaries = units.map((u) => ({ label: u.label, summary: summariseDistrict(u.list, ruleset) }));
  for (const { label: name, summary } of summaries) rows.push([name, ...tallyRow(summary)]);
  rows.push([language === "vi" ? "Toàn tỉnh" : "Province", ...tallyRow(shortfallCounts(units.flatMap((u) => u.list)))]);
  rows.push([]);
  rows.push([
    language === "vi"
      ? `SỐ KHU CHƯA ĐẠT THEO TIÊU CHÍ VÀ ${kinds.size > 1 ? "HUYỆN / XÃ" : kinds.has("commune") ? "XÃ" : "HUYỆN"}`
      : `AREAS NOT MEETING EACH CRITERION, BY ${kinds.size > 1 ? "DISTRICT / COMMUNE" : kinds.has("commune") ? "COMMUNE" : "DISTRICT"}`,
  ]);
  rows.push([
    label("criterion", language),
    label("criterionName", language),
    ...units.map((u) => u.label),
    language === "vi" ? "Toàn tỉnh" : "Province",
  ]);
  const failing = summaries.map(({ summary }) => new Map(summary.holdingBack.map((h) => [h.criterionId, h.failing])));
  for (const c of ruleset.criteria) {
    const perUnit = failing.map((byCriterion) => byCriterion.get(c.id) ?? 0);
    rows.push([c.id, language === "vi" ? c.nameVi : c.nameEn, ...perUnit, perUnit.reduce((x, y) => x + y, 0)]);
  }
  return {
    name: SHEET_NAMES.province,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [16, 40, 12, 12, 12, 12, 12],
  };
}
