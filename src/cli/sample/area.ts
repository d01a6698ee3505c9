import { columnLetter } from "../../rules/reading/cell";
import { Indicator, Ruleset } from "../../rules/ruleset/ruleset";
import type { SampleCell, SampleLayout } from "./sheet";
import { BLANK_RATE, ERROR_RATE, indicatorCell, pick, Random, YES_NO_STYLES } from "./values";

/**
 * The columns of a generated table and one area's values in them: a status per criterion, or indicator
 * values failing the criteria the area was drawn to miss.
 */

const INDICATOR_TRAIL = ["Tổng số tiêu chí đạt", "Năm dự kiến đạt chuẩn", "Đã công nhận (năm, số QĐ)", "Ghi chú"];
const STATUS_TRAIL = ["Tổng số tiêu chí đạt", "Năm dự kiến đạt chuẩn", "Ghi chú"];

/** Columns: fixed ones, then indicators (or one status per criterion), then the trailing fixed ones. */
export function tableColumns(ruleset: Ruleset, layout: SampleLayout, ownCommune: string | undefined) {
  const lead = [
    "TT",
    ...(ownCommune === undefined ? ["Xã"] : []),
    "Khu dân cư",
    "Số hộ",
    ...(layout === "indicators" ? ["Số nhân khẩu"] : []),
  ];
  const values =
    layout === "indicators"
      ? ruleset.indicators.map((i) => ({ criterion: i.criterionId, indicator: i as Indicator | undefined }))
      : ruleset.criteria.map((c) => ({ criterion: c.id, indicator: undefined as Indicator | undefined }));
  const trail = layout === "indicators" ? INDICATOR_TRAIL : STATUS_TRAIL;
  const first = lead.length;
  const afterValues = first + values.length;
  // One commune's table has no commune column.
  const shift = ownCommune === undefined ? 0 : -1;
  const col = {
    commune: ownCommune === undefined ? 1 : -1,
    area: 2 + shift,
    households: 3 + shift,
    people: layout === "indicators" ? 4 + shift : -1,
    met: afterValues,
    year: afterValues + 1,
  };
  return { lead, trail, values, first, afterValues, width: afterValues + trail.length, col };
}

export type Columns = ReturnType<typeof tableColumns>;
type YesNo = { yes: string; no: string[] };

/** Column habits: each yes/no column keeps its words ("Có tổ hợp tác" is answered Có/Không). */
export function yesNoStyles(columns: Columns, layout: SampleLayout, random: Random): Map<number, YesNo> {
  const yesNo = new Map<number, YesNo>();
  columns.values.forEach((v, k) => {
    const id = v.indicator?.id;
    const style =
      layout === "status"
        ? random() < 0.85
          ? YES_NO_STYLES[0]
          : { yes: "Đạt", no: ["Không đạt"] }
        : id === "TC04.2"
          ? YES_NO_STYLES[2]
          : id === "TC04.1" || id === "TC09.1"
            ? YES_NO_STYLES[1]
            : YES_NO_STYLES[random() < 0.8 ? 0 : 1];
    yesNo.set(columns.first + k, style);
  });
  return yesNo;
}

/** An area's status per criterion ("Đạt", "Chưa đạt"), and the formula counting them; returns the criteria not met. */
export function writeStatuses(
  row: SampleCell[],
  r: number,
  ruleset: Ruleset,
  columns: Columns,
  yesNo: Map<number, YesNo>,
  missed: Set<string>,
  random: Random
): Set<string> {
  const notMet = new Set(missed);
  const first = columns.first;
  ruleset.criteria.forEach((c, k) => {
    const style = yesNo.get(first + k)!;
    const roll = random();
    if (roll < BLANK_RATE) {
      notMet.add(c.id);
      return;
    }
    row[first + k] = missed.has(c.id) ? pick(random, style.no) : style.yes;
  });
  const metCount = ruleset.criteria.length - notMet.size;
  row[columns.col.met] = {
    formula: `COUNTIF(${columnLetter(first)}${r + 1}:${columnLetter(columns.afterValues - 1)}${r + 1},"Đạt")`,
    result: metCount,
  };
  return notMet;
}

/**
 * An area's indicator values, failing one or two indicators of each criterion it misses, with the odd
 * blank or #N/A; returns the criteria not met.
 */
export function writeIndicators(
  row: SampleCell[],
  r: number,
  ruleset: Ruleset,
  columns: Columns,
  yesNo: Map<number, YesNo>,
  missed: Set<string>,
  draw: { year: number; income: "dong" | "million"; random: Random }
): Set<string> {
  const { random } = draw;
  const notMet = new Set(missed);
  for (const criterion of ruleset.criteria) {
    const failing = new Set<string>();
    if (missed.has(criterion.id)) {
      const ids = criterion.indicators.map((i) => i.id);
      failing.add(pick(random, ids));
      if (ids.length > 1 && random() < 0.3) failing.add(pick(random, ids));
    }
    for (const indicator of criterion.indicators) {
      const c = columns.first + ruleset.indicators.indexOf(indicator);
      const roll = random();
      if (roll < BLANK_RATE) {
        notMet.add(criterion.id);
        continue;
      }
      if (roll < BLANK_RATE + ERROR_RATE) {
        notMet.add(criterion.id);
        row[c] =
          random() < 0.5
            ? { error: "#N/A" }
            : {
                formula: `VLOOKUP(${columnLetter(columns.col.area)}${r + 1},'Số liệu xã'!A:Z,${c},FALSE)`,
                result: { error: "#N/A" },
              };
        continue;
      }
      row[c] = indicatorCell(indicator, !failing.has(indicator.id), draw.year, draw.income, yesNo.get(c)!, random);
      // "x" or blank: a blank "no" leaves the cell empty, read as missing and so not met.
      if (row[c] === null) notMet.add(criterion.id);
    }
  }
  row[columns.col.met] = ruleset.criteria.length - notMet.size;
  return notMet;
}
