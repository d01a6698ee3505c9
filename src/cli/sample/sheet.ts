import { CellValue, columnLetter, MergedRange } from "../../rules/reading/cell";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { seededRandom } from "../../rules/seeded-random";
import { SampleGrid } from "./grid";
import { DISTRICT_TITLE, roman, writeHeaderBand, writeTitles } from "./headers";
import { District } from "./places";
import { Columns, tableColumns, writeIndicators, writeStatuses, yesNoStyles } from "./area";
import { areaNames, communesFor, missedCriteria, pick } from "./values";

/**
 * A district roll-up workbook as district staff make it, with values typed the ways people type them
 * and a spread of results like Phú Thọ's around 2019 (a few areas at 13/13, many one to three short).
 * Each generated area carries the criteria it was built to miss, so tests can check the analysis
 * against what the sheet was made to say.
 */

export type SampleLayout = "indicators" | "status";

export interface SampleOptions {
  district: District;
  areas: number;
  layout: SampleLayout;
  seed: number;
  /** The review year in the title (values are drawn for about 2019). */
  year?: number;
  // Variants of the same form, as districts make them differently.
  /** Header rows: 1 (status layout only), 2, or 3 (a group label above the criteria). */
  headerRows?: 1 | 2 | 3;
  /** How criteria are numbered in the header: "1. Giao thông", "TC1 Giao thông", "Tiêu chí 1: Giao thông". */
  criterionStyle?: "number" | "tc" | "words";
  /** A column-numbering row under the header: "(1) (2) …", "1 2 …", or none. */
  numbering?: "parenthesised" | "plain" | "none";
  /** Commune section rows ("I", "Xã Tiên Kiên"); without them the commune is written on every row. */
  sections?: boolean;
  /** "Cộng xã …" subtotal rows after each commune. */
  subtotals?: boolean;
  /** Unit the income header states: đồng (values like "38.500.000", "36 triệu") or triệu đồng (38,5). */
  incomeUnit?: "dong" | "million";
  /** Merged header and title cells (false: labels typed once, neighbours blank). */
  merges?: boolean;
  /** Title rows above the table ("UBND HUYỆN …", "Huyện: …"); without them the table starts at A1. */
  titles?: boolean;
  sheetName?: string;
  /**
   * One commune's own table: every area in this commune ("Xã Thanh Thủy"), no commune column or section
   * rows. Its title names the commune (or, with `titlePlace: "none"`, no place at all) and no district:
   * since 2025 communes report to the province directly.
   */
  commune?: string;
  /** What the title rows name: the district (default), the commune, or no place (the sheet name says it). */
  titlePlace?: "district" | "commune" | "none";
}

/** What an area row was generated to say. */
export interface SampleArea {
  /** 1-based sheet row (for a sideways form: the row of the area names). */
  row: number;
  /** 1-based sheet column of an area of a sideways form (one area per column). */
  column?: number;
  /** The sheet it is on, in a workbook of several. */
  sheet?: string;
  commune: string;
  name: string;
  /** Criterion ids not met: built to fail, or with a blank or error in one of their cells. */
  notMet: string[];
}

export type SampleCell =
  | CellValue
  | Date
  | { error: "#N/A" }
  | { formula: string; result: number | { error: "#N/A" } }
  | { value: number; numFmt: string };

export interface SampleSheet {
  name: string;
  district: District;
  layout: SampleLayout;
  /** "columns": a sideways form, one area per column (its valueColumns are then rows). */
  orientation?: "rows" | "columns";
  rows: SampleCell[][];
  merges: MergedRange[];
  columnWidths: number[];
  /** Zero-based rows of the header band and the first row after it (numbering row included). */
  headerTop: number;
  headerBottom: number;
  /** First row under the header band and its numbering row. */
  dataStart: number;
  areas: SampleArea[];
  communes: string[];
  /** The criterion or indicator each value column holds (zero-based column), in ruleset order. */
  valueColumns: Array<{ column: number; criterionId: string; indicatorId?: string }>;
}

function subtotal(
  column: number,
  top: number,
  bottom: number,
  rows: SampleCell[][]
): { formula: string; result: number } {
  let sum = 0;
  for (let r = top; r <= bottom; r++) {
    const v = rows[r][column];
    if (typeof v === "number") sum += v;
  }
  return { formula: `SUBTOTAL(9,${columnLetter(column)}${top + 1}:${columnLetter(column)}${bottom + 1})`, result: sum };
}

function columnWidths(columns: Columns, layout: SampleLayout): number[] {
  const { col, first, afterValues } = columns;
  return Array.from({ length: columns.width }, (_, c) =>
    c === 0
      ? 5
      : c === col.commune || c === col.area
        ? 18
        : c < first
          ? 9
          : c < afterValues
            ? layout === "status"
              ? 10
              : 12
            : 14
  );
}

/** A district's (or a commune's) roll-up sheet: titles, header band, areas by commune, totals, signature. */
export function sampleSheet(ruleset: Ruleset, options: SampleOptions): SampleSheet {
  const random = seededRandom(options.seed);
  const year = options.year ?? 2019;
  const layout = options.layout;
  const headerRows = options.headerRows ?? 2;
  if (headerRows === 1 && layout === "indicators")
    throw new Error("The indicator layout needs two or three header rows");
  const numbering = options.numbering ?? "parenthesised";
  const ownCommune = options.commune;
  const sections = ownCommune === undefined && (options.sections ?? true);
  const income = options.incomeUnit ?? "dong";
  const district = options.district;
  const columns = tableColumns(ruleset, layout, ownCommune);
  const { col, width } = columns;
  const grid = new SampleGrid(width, options.merges ?? true);
  const rows = grid.rows;

  const right = Math.max(columns.first + 6, width - 9);
  if (options.titles ?? true) {
    const titlePlace = options.titlePlace ?? (ownCommune === undefined ? "district" : "commune");
    writeTitles(grid, { district, commune: ownCommune, titlePlace, year }, right, random);
  }
  const { headerTop, headerBottom } = writeHeaderBand(grid, ruleset, columns, {
    layout,
    headerRows,
    criterionStyle: options.criterionStyle,
    income,
  });
  if (numbering !== "none") {
    rows.push(Array.from({ length: width }, (_, c) => (numbering === "plain" ? c + 1 : `(${c + 1})`)));
  }
  const yesNo = yesNoStyles(columns, layout, random);

  const areas: SampleArea[] = [];
  const communes =
    ownCommune === undefined
      ? communesFor(district, options.areas, random)
      : [{ name: ownCommune, size: options.areas }];
  const dataStart = rows.length;
  let totalHouseholds = 0;
  let totalPeople = 0;
  communes.forEach((commune, ck) => {
    if (sections) {
      const { row, r } = grid.addRow();
      row[0] = roman(ck + 1);
      row[1] = commune.name;
      grid.merge(r, 1, r, 4);
    }
    const communeFirst = rows.length;
    areaNames(commune.size, random).forEach((name, ak) => {
      const { row, r } = grid.addRow();
      row[0] = ak + 1;
      if (col.commune >= 0) row[col.commune] = sections ? null : commune.name;
      row[col.area] = name;
      const households = 60 + Math.floor(random() * 260);
      row[col.households] = households;
      totalHouseholds += households;
      if (col.people >= 0) {
        const people = Math.round(households * (3.4 + random() * 0.9));
        row[col.people] = people;
        totalPeople += people;
      }
      const missed = missedCriteria(ruleset, random);
      const notMet =
        layout === "status"
          ? writeStatuses(row, r, ruleset, columns, yesNo, missed, random)
          : writeIndicators(row, r, ruleset, columns, yesNo, missed, { year, income, random });
      const short = notMet.size;
      row[col.year] =
        short === 0 ? null : short <= 2 ? year + 1 : short <= 4 ? year + 2 : year + 3 + Math.floor(random() * 3);
      if (layout === "indicators" && short === 0 && random() < 0.6) {
        row[col.year + 1] =
          random() < 0.5
            ? `${year - 1}, QĐ ${1000 + Math.floor(random() * 3000)}/QĐ-UBND`
            : new Date(Date.UTC(year - 1, 11, 20));
      }
      if (random() < 0.03) row[width - 1] = pick(random, ["Đang sáp nhập", "Khu mới chia tách", "Số liệu ước"]);
      areas.push({
        row: r + 1,
        commune: commune.name,
        name,
        notMet: ruleset.criteria.map((c) => c.id).filter((id) => notMet.has(id)),
      });
    });
    if (options.subtotals ?? false) {
      const { row, r } = grid.addRow();
      row[1] = `Cộng ${commune.name.replace(/^Xã /, "xã ")}`;
      row[col.households] = subtotal(col.households, communeFirst, r - 1, rows);
    }
  });
  const { row: total, r } = grid.addRow();
  total[1] = "Tổng cộng";
  // SUBTOTAL skips the communes' own subtotals, as staff rely on.
  total[col.households] = { ...subtotal(col.households, dataStart, r - 1, rows), result: totalHouseholds };
  if (col.people >= 0) total[col.people] = { ...subtotal(col.people, dataStart, r - 1, rows), result: totalPeople };
  total[col.met] = areas.filter((a) => a.notMet.length === 0).length;
  grid.addRow();
  const signature = grid.addRow();
  signature.row[1] = "NGƯỜI LẬP BIỂU";
  signature.row[right] = `TM. ỦY BAN NHÂN DÂN ${DISTRICT_TITLE[district.kind]}`;
  grid.merge(signature.r, right, signature.r, width - 1);

  return {
    name: options.sheetName ?? "Tổng hợp KDC",
    district,
    layout,
    rows,
    merges: grid.merges,
    columnWidths: columnWidths(columns, layout),
    headerTop,
    headerBottom,
    dataStart,
    areas,
    communes: communes.map((c) => c.name),
    valueColumns: columns.values.map((v, k) => ({
      column: columns.first + k,
      criterionId: v.criterion,
      ...(v.indicator ? { indicatorId: v.indicator.id } : {}),
    })),
  };
}
