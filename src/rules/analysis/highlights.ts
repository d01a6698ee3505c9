import { Orientation, sheetAddress } from "../reading/orientation";
import { Indicator, Ruleset, thresholdFor } from "../ruleset/ruleset";
import { Highlight, SheetHighlights } from "../workbook";
import { HIGHLIGHT_FILL } from "../palette";
import { SheetAnalysis } from "./analysis-shapes";

/*
 * Highlights: conditional formats on the user's own sheet that follow the data when a value changes,
 * an unmet value's cell in one fill and a missing one's in another. The only marks the add-in puts on a
 * user's sheet; a new analysis removes its old ones first (see the Workbook port).
 */

/** Consecutive rows grouped into blocks, so section and total rows between them stay unpainted. */
function rowBlocks(rows: number[]): Array<[number, number]> {
  const sorted = rows.slice().sort((a, b) => a - b);
  const blocks: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && r <= last[1]) continue; // a row listed twice
    if (last && r === last[1] + 1) last[1] = r;
    else blocks.push([r, r]);
  }
  return blocks;
}

const NOT_MET_WORDS = '{"Chưa đạt","Không đạt","Không","Chưa","Chưa có","Không có"}';

/** The Excel condition (on the top-left cell `a`) that an indicator value fails its threshold. */
function failFormula(a: string, indicator: Indicator, threshold: number | boolean, divisor: number): string {
  if (typeof threshold === "boolean") {
    const yes = '{"Đạt","Có","x","TRUE"}';
    return threshold
      ? `OR(${a}=FALSE,ISNUMBER(MATCH(TRIM(${a}),${NOT_MET_WORDS},0)))`
      : `OR(${a}=TRUE,ISNUMBER(MATCH(TRIM(${a}),${yes},0)))`;
  }
  const t = threshold / divisor;
  const op = { ">=": "<", "<=": ">", ">": "<=", "<": ">=", "==": "<>" }[indicator.operator];
  return `AND(ISNUMBER(${a}),${a}${op}${t})`;
}

/** The areas' lines of a table by their group (see groupKey): a group may have thresholds of its own. */
function linesByGroup(analysis: SheetAnalysis, o: Orientation): Map<string | undefined, number[]> {
  const byGroup = new Map<string | undefined, number[]>();
  for (const a of analysis.assessments) {
    const line = ((o === "rows" ? a.area.row : a.area.column) ?? 0) - 1;
    if (line < 0) continue;
    const list = byGroup.get(a.area.group);
    if (list) list.push(line);
    else byGroup.set(a.area.group, [line]);
  }
  return byGroup;
}

/**
 * One "unmet" and one "missing" conditional format per mapped indicator (or status) column, over the
 * area rows only (for a sideways table: along its rows, over the area columns). Numbers are compared in
 * the sheet's own terms: a "0%" column holds fractions, a "(triệu đồng)" column holds millions.
 */
export function gapHighlights(analysis: SheetAnalysis, ruleset: Ruleset, year?: number): Highlight[] {
  const o = analysis.layout.orientation ?? "rows";
  // The areas' lines in the table's view: sheet rows, or sheet columns sideways.
  const lines = analysis.assessments
    .map((a) => ((o === "rows" ? a.area.row : a.area.column) ?? 0) - 1)
    .filter((r) => r >= 0);
  const blocks = rowBlocks(lines);
  if (blocks.length === 0) return [];
  const groups = linesByGroup(analysis, o);
  const highlights: Highlight[] = [];
  for (const col of analysis.layout.columns) {
    const range = blocks
      .map((b) => `${sheetAddress(o, b[0], col.column)}:${sheetAddress(o, b[1], col.column)}`)
      .join(",");
    const top = sheetAddress(o, blocks[0][0], col.column);
    if (col.role.kind === "indicator") {
      const id = col.role.indicatorId;
      const indicator = ruleset.indicators.find((i) => i.id === id);
      if (!indicator) continue;
      // Most of the column's area cells formatted as a percentage: the sheet holds fractions.
      let cells = 0;
      let percent = 0;
      if (indicator.unit === "percent") {
        for (let k = 0; k < lines.length; k++) {
          cells++;
          if (analysis.view.numberFormats?.[lines[k]]?.[col.column]?.includes("%")) percent++;
        }
      }
      const percentFormatted = percent > cells / 2;
      const divisor = percentFormatted ? 100 : (col.scale ?? 1);
      // One format per threshold in force: areas of another group (nhóm 1/2/3, xã ĐBKK) may have another.
      // One format per threshold in force: areas of a group (nhóm 1/2/3, xã ĐBKK) may have their own.
      const byThreshold = new Map<number | boolean, number[]>();
      for (const [group, own] of groups) {
        const threshold = thresholdFor(indicator, { year, group });
        byThreshold.set(threshold, [...(byThreshold.get(threshold) ?? []), ...own]);
      }
      for (const [threshold, own] of byThreshold) {
        const ownBlocks = byThreshold.size === 1 ? blocks : rowBlocks(own);
        const ownTop = sheetAddress(o, ownBlocks[0][0], col.column);
        highlights.push({
          range:
            byThreshold.size === 1
              ? range
              : ownBlocks
                  .map((b) => `${sheetAddress(o, b[0], col.column)}:${sheetAddress(o, b[1], col.column)}`)
                  .join(","),
          formula: `=${failFormula(ownTop, indicator, threshold, divisor)}`,
          fill: HIGHLIGHT_FILL.unmet,
          label: id,
        });
      }
      highlights.push({ range, formula: `=LEN(TRIM(${top}))=0`, fill: HIGHLIGHT_FILL.missing, label: `${id}:missing` });
    } else if (col.role.kind === "criterion") {
      const id = col.role.criterionId;
      highlights.push({
        range,
        formula: `=OR(${top}=FALSE,ISNUMBER(MATCH(TRIM(${top}),${NOT_MET_WORDS},0)))`,
        fill: HIGHLIGHT_FILL.unmet,
        label: id,
      });
      highlights.push({ range, formula: `=LEN(TRIM(${top}))=0`, fill: HIGHLIGHT_FILL.missing, label: `${id}:missing` });
    }
  }
  return highlights;
}

/** Every table's highlights, grouped by the sheet they go on (tables sharing a sheet share one list). */
export function workbookHighlights(tables: SheetAnalysis[], ruleset: Ruleset, year?: number): SheetHighlights[] {
  const bySheet = new Map<string, Highlight[]>();
  for (const t of tables) {
    const list = bySheet.get(t.sheet) ?? [];
    list.push(...gapHighlights(t, ruleset, year));
    bySheet.set(t.sheet, list);
  }
  return [...bySheet].map(([sheet, highlights]) => ({ sheet, highlights }));
}
