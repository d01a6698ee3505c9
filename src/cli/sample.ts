import ExcelJS from "exceljs";
import { CellValue, columnLetter, MergedRange } from "../rules/reading/cell";
import { Criterion, Indicator, Ruleset, thresholdFor } from "../rules/ruleset/ruleset";
import { District, PLACE_NAMES } from "./sample-places";
import { seededRandom } from "../rules/seeded-random";

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

// ---------------------------------------------------------------------------------------------
// Randomness

type Random = () => number;

const pickWeighted = <T>(random: Random, items: Array<[T, number]>): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
};

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** How many criteria an area misses, around 2019: few complete, most one to four short. */
const SHORT_WEIGHTS: Array<[number, number]> = [
  [0, 8],
  [1, 21],
  [2, 22],
  [3, 17],
  [4, 10],
  [5, 7],
  [6, 5],
  [7, 3],
  [8, 2],
  [9, 2],
  [10, 1],
  [11, 1],
  [12, 0.5],
  [13, 0.5],
];

/** How often each criterion is the one missed (income, production, environment the hardest). */
const MISS_WEIGHT: Record<string, number> = {
  TC01: 1.0,
  TC02: 0.5,
  TC03: 0.3,
  TC04: 0.9,
  TC05: 0.8,
  TC06: 1.3,
  TC07: 1.0,
  TC08: 0.5,
  TC09: 1.2,
  TC10: 0.9,
  TC11: 0.6,
  TC12: 1.4,
  TC13: 0.2,
};

/** Per value cell: left blank, or an Excel error (#N/A) from a broken lookup. */
const BLANK_RATE = 0.003;
const ERROR_RATE = 0.0015;

// ---------------------------------------------------------------------------------------------
// Header texts as staff write them

/** Short criterion names for headers. */
const CRITERION_SHORT: Record<string, string> = {
  TC04: "Cơ sở vật chất văn hóa",
};

/** Indicator labels as district staff abbreviate them; `income` gets its unit appended. */
const INDICATOR_LABEL: Record<string, string> = {
  "TC01.1": "Đường trục thôn, liên thôn được cứng hóa (%)",
  "TC01.2": "Đường ngõ, xóm sạch, không lầy lội (%)",
  "TC01.3": "Đường trục chính nội đồng (%)",
  "TC02.1": "Diện tích được tưới, tiêu chủ động (%)",
  "TC03.1": "Hệ thống điện đảm bảo kỹ thuật",
  "TC03.2": "Hộ sử dụng điện thường xuyên, an toàn (%)",
  "TC04.1": "Nhà văn hóa đạt chuẩn",
  "TC04.2": "Khu thể thao",
  "TC05.1": "Số nhà tạm, dột nát (nhà)",
  "TC05.2": "Hộ có nhà ở đạt chuẩn (%)",
  "TC06.1": "Thu nhập bình quân",
  "TC07.1": "Tỷ lệ hộ nghèo (%)",
  "TC08.1": "Lao động có việc làm (%)",
  "TC09.1": "Có tổ hợp tác/HTX",
  "TC10.1": "Tỷ lệ tham gia BHYT (%)",
  "TC11.1": "Đạt danh hiệu KDC văn hóa",
  "TC11.2": "Hộ gia đình văn hóa (%)",
  "TC12.1": "Hộ dùng nước hợp vệ sinh (%)",
  "TC12.2": "Nhà tiêu, nhà tắm, bể nước HVS (%)",
  "TC12.3": "Chuồng trại chăn nuôi HVS (%)",
  "TC12.4": "Thu gom, xử lý chất thải theo quy định",
  "TC13.1": "An ninh, trật tự xã hội",
};

/** An indicator's header as staff write it; income with the unit its figures are typed in. */
export function indicatorHeader(i: Indicator, income: "dong" | "million"): string {
  const text = INDICATOR_LABEL[i.id] ?? i.nameVi;
  return i.unit === "vnd_per_person_year" ? `${text} (${income === "dong" ? "đồng" : "triệu đồng"}/người/năm)` : text;
}

/** Single-indicator criteria whose one header cell spans the criterion and indicator rows. */
const SPANNING = new Set(["TC07", "TC13"]);

const criterionNumber = (c: Criterion, k: number): number => Number(/\d+/.exec(c.id)?.[0] ?? k + 1);

export function criterionHeader(c: Criterion, k: number, style: SampleOptions["criterionStyle"]): string {
  const n = criterionNumber(c, k);
  const name = CRITERION_SHORT[c.id] ?? c.nameVi;
  if (style === "tc") return `TC${n}\n${name}`;
  if (style === "words") return `Tiêu chí ${n}: ${name}`;
  return `${n}. ${name}`;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
function roman(n: number): string {
  if (n <= 10) return ROMAN[n - 1];
  const tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
  return n < 100 ? tens[Math.floor(n / 10)] + (n % 10 ? ROMAN[(n % 10) - 1] : "") : String(n);
}

// ---------------------------------------------------------------------------------------------
// Values typed the ways people type them

const viNumber = (n: number): string => String(n).replace(".", ",");
const round1 = (n: number): number => Math.round(n * 10) / 10;
const dots = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** A percentage as 85, "85%", 0.85 with a % format, "85,5", or 85.5. */
function percentCell(value: number, random: Random): SampleCell {
  const roll = random();
  if (roll < 0.5) return Math.round(value);
  if (roll < 0.62) return `${viNumber(round1(value))}%`;
  if (roll < 0.76)
    return { value: Math.round(value * 10) / 1000, numFmt: Number.isInteger(round1(value)) ? "0%" : "0.0%" };
  if (roll < 0.92) return viNumber(round1(value));
  return round1(value);
}

/** An income in millions of đồng, typed for a header in đồng or in triệu đồng. */
function incomeCell(millions: number, unit: "dong" | "million", random: Random): SampleCell {
  const roll = random();
  if (unit === "million") {
    if (roll < 0.6) return millions;
    if (roll < 0.8) return viNumber(millions);
    if (roll < 0.9) return `${viNumber(millions)} triệu`;
    return `${viNumber(millions)} tr`;
  }
  if (roll < 0.4) return dots(millions * 1e6);
  if (roll < 0.65) return { value: Math.round(millions * 1e6), numFmt: "#,##0" };
  if (roll < 0.8) return `${viNumber(millions)} triệu`;
  if (roll < 0.9) return `${viNumber(millions)} tr`;
  // A bare figure under a đồng header: staff meant millions.
  return millions;
}

/** Yes/no words of one column: each column keeps its own habit. */
const YES_NO_STYLES: Array<{ yes: string; no: string[] }> = [
  { yes: "Đạt", no: ["Chưa đạt", "Chưa đạt", "Không đạt"] },
  { yes: "Có", no: ["Không", "Chưa có"] },
  { yes: "x", no: [""] },
];

/** One indicator's cell, meeting its threshold or not. */
function indicatorCell(
  indicator: Indicator,
  meets: boolean,
  year: number,
  income: "dong" | "million",
  yesNo: { yes: string; no: string[] },
  random: Random
): SampleCell {
  const t = thresholdFor(indicator, { year });
  if (typeof t === "boolean") {
    const yes = meets === t;
    return yes ? yesNo.yes : pick(random, yesNo.no) || null;
  }
  const op = indicator.operator;
  const r = random();
  if (indicator.unit === "percent") {
    let v: number;
    if (op === "<=" || op === "<") v = meets ? round1(r * t * 0.95) : round1(t + 0.5 + r * 12);
    else
      v = meets
        ? Math.min(100, Math.max(t, round1(t + (100 - t) * r ** 0.6)))
        : Math.max(0, round1(t - 1 - r * Math.min(t - 1, 30)));
    return percentCell(v, random);
  }
  if (indicator.unit === "vnd_per_person_year") {
    const m = t / 1e6;
    const v = meets ? round1(m + r ** 1.3 * 20) : round1(Math.max(12, m * 0.62 + r * (m * 0.38 - 0.6)));
    return incomeCell(v, income, random);
  }
  // Counts: "Số nhà tạm, dột nát" must be 0.
  if (op === "==" || op === "<=") {
    if (meets) return pick(random, [t, t, t, t === 0 ? "Không" : t, String(t)]);
    const n = t + 1 + Math.floor(r * 4);
    return random() < 0.2 ? `${n} nhà` : n;
  }
  return meets ? t + Math.floor(r * 5) : Math.max(0, t - 1 - Math.floor(r * Math.max(1, t)));
}

// ---------------------------------------------------------------------------------------------
// The sheet

const range = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });

function communesFor(district: District, areas: number, random: Random): Array<{ name: string; size: number }> {
  const count = Math.max(1, Math.min(district.communes.length, Math.round(areas / 11)));
  const names = [...district.communes];
  // A seeded choice of communes, kept in the list's (the district's) order.
  while (names.length > count) names.splice(Math.floor(random() * names.length), 1);
  const sizes = names.map(() => Math.floor(areas / count));
  const remainder = areas - sizes.reduce((s, n) => s + n, 0);
  for (let k = 0; k < remainder; k++) sizes[k % count]++;
  for (let k = 0; k < count * 2 && count > 1; k++) {
    const from = Math.floor(random() * count);
    const to = Math.floor(random() * count);
    const move = Math.floor(random() * 3);
    if (from !== to && sizes[from] - move >= 4) {
      sizes[from] -= move;
      sizes[to] += move;
    }
  }
  return names.map((name, k) => ({ name, size: sizes[k] }));
}

function areaNames(size: number, random: Random): string[] {
  if (random() < 0.65) return Array.from({ length: size }, (_, k) => `Khu ${k + 1}`);
  const pool = [...PLACE_NAMES];
  return Array.from({ length: size }, (_, k) => {
    if (pool.length === 0) return `Khu ${k + 1}`;
    const name = pool.splice(Math.floor(random() * pool.length), 1)[0];
    const kind =
      name === "Mới"
        ? "Xóm"
        : pickWeighted(random, [
            ["Thôn", 4],
            ["Xóm", 2],
            ["Khu", 3],
          ] as Array<[string, number]>);
    return `${kind} ${name}`;
  });
}

/** Which criteria an area misses: a number drawn from the 2019 spread, criteria weighted by difficulty. */
function missedCriteria(ruleset: Ruleset, random: Random): Set<string> {
  const k = pickWeighted(random, SHORT_WEIGHTS);
  const pool = ruleset.criteria.map((c): [string, number] => [c.id, MISS_WEIGHT[c.id] ?? 1]);
  const missed = new Set<string>();
  while (missed.size < Math.min(k, ruleset.criteria.length)) {
    const id = pickWeighted(
      random,
      pool.filter(([c]) => !missed.has(c))
    );
    missed.add(id);
  }
  return missed;
}

const DISTRICT_TITLE: Record<District["kind"], string> = {
  huyện: "HUYỆN",
  "thị xã": "THỊ XÃ",
  "thành phố": "THÀNH PHỐ",
};
const DISTRICT_LABEL: Record<District["kind"], string> = {
  huyện: "Huyện",
  "thị xã": "Thị xã",
  "thành phố": "Thành phố",
};

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
  const titlePlace = options.titlePlace ?? (ownCommune === undefined ? "district" : "commune");
  const subtotals = options.subtotals ?? false;
  const income = options.incomeUnit ?? "dong";
  const withMerges = options.merges ?? true;
  const district = options.district;
  const upperName = district.name.toLocaleUpperCase("vi");

  // Columns: fixed ones, then indicators (or one status per criterion), then the trailing fixed ones.
  // One commune's table has no commune column.
  const lead = [
    "TT",
    ...(ownCommune === undefined ? ["Xã"] : []),
    "Khu dân cư",
    "Số hộ",
    ...(layout === "indicators" ? ["Số nhân khẩu"] : []),
  ];
  const valueColumns =
    layout === "indicators"
      ? ruleset.indicators.map((i) => ({ criterion: i.criterionId, indicator: i as Indicator | undefined }))
      : ruleset.criteria.map((c) => ({ criterion: c.id, indicator: undefined as Indicator | undefined }));
  const trail =
    layout === "indicators"
      ? ["Tổng số tiêu chí đạt", "Năm dự kiến đạt chuẩn", "Đã công nhận (năm, số QĐ)", "Ghi chú"]
      : ["Tổng số tiêu chí đạt", "Năm dự kiến đạt chuẩn", "Ghi chú"];
  const first = lead.length;
  const afterValues = first + valueColumns.length;
  const width = afterValues + trail.length;
  const shift = ownCommune === undefined ? 0 : -1;
  const col = {
    order: 0,
    commune: ownCommune === undefined ? 1 : -1,
    area: 2 + shift,
    households: 3 + shift,
    people: layout === "indicators" ? 4 + shift : -1,
    met: afterValues,
    year: afterValues + 1,
  };
  const blank = (): SampleCell[] => new Array<SampleCell>(width).fill(null);
  const rows: SampleCell[][] = [];
  const merges: MergedRange[] = [];
  const merge = (m: MergedRange) => withMerges && (m.bottom > m.top || m.right > m.left) && merges.push(m);

  // Title rows, as on every district report: the issuer, the national motto, the title, the place, the
  // report it comes with. A commune's own table names its commune; a workbook of one sheet per commune
  // may name no place (the sheet name says it).
  const right = Math.max(first + 6, width - 9);
  const communeUpper = ownCommune?.toLocaleUpperCase("vi");
  const issuer =
    titlePlace === "district"
      ? `UBND ${DISTRICT_TITLE[district.kind]} ${upperName}`
      : titlePlace === "commune"
        ? `UBND ${communeUpper}`
        : "UBND TỈNH PHÚ THỌ";
  let r = rows.length;
  if (options.titles ?? true) {
    rows.push(blank());
    rows[r][0] = issuer;
    rows[r][right] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    merge(range(r, 0, r, 4));
    merge(range(r, right, r, width - 1));
    r = rows.length;
    rows.push(blank());
    rows[r][right] = "Độc lập - Tự do - Hạnh phúc";
    merge(range(r, right, r, width - 1));
    rows.push(blank());
    r = rows.length;
    rows.push(blank());
    rows[r][0] =
      `BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ CÁC KHU DÂN CƯ THEO BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI NĂM ${year}` +
      (titlePlace === "commune" ? ` - ${communeUpper}` : "");
    merge(range(r, 0, r, width - 1));
    if (titlePlace === "district") {
      r = rows.length;
      rows.push(blank());
      rows[r][0] = `${DISTRICT_LABEL[district.kind]}: ${district.name}`;
      merge(range(r, 0, r, width - 1));
    }
    r = rows.length;
    rows.push(blank());
    const report = `${100 + Math.floor(random() * 300)}/BC-UBND ngày ${10 + Math.floor(random() * 18)}/11/${year}`;
    rows[r][0] =
      titlePlace === "district"
        ? `(Kèm theo Báo cáo số ${report} của UBND ${district.kind} ${district.name})`
        : `(Kèm theo Báo cáo số ${report})`;
    merge(range(r, 0, r, width - 1));
    rows.push(blank());
  }

  // The header band.
  const headerTop = rows.length;
  const band = Array.from({ length: headerRows }, blank);
  rows.push(...band);
  const headerBottom = headerTop + headerRows - 1;
  const fixedHeader = (c: number, text: string) => {
    band[0][c] = text;
    merge(range(headerTop, c, headerBottom, c));
  };
  lead.forEach((t, k) => fixedHeader(k, t));
  trail.forEach((t, k) => fixedHeader(afterValues + k, t));
  const criteriaRow = headerRows === 3 ? 1 : 0;
  if (headerRows === 3 || (layout === "status" && headerRows === 2)) {
    band[0][first] = layout === "status" ? "Kết quả đánh giá các tiêu chí" : "Kết quả thực hiện các tiêu chí";
    merge(range(headerTop, first, headerTop, afterValues - 1));
  }
  if (layout === "status") {
    const row = headerRows === 1 ? 0 : headerRows - 1;
    ruleset.criteria.forEach((c, k) => (band[row][first + k] = criterionHeader(c, k, options.criterionStyle)));
  } else {
    const indicatorRow = criteriaRow + 1;
    let c = first;
    ruleset.criteria.forEach((criterion, k) => {
      const span = criterion.indicators.length;
      const label = criterionHeader(criterion, k, options.criterionStyle);
      if (span === 1 && SPANNING.has(criterion.id)) {
        band[criteriaRow][c] = criterion.id === "TC07" ? `${label} (%)` : label;
        merge(range(headerTop + criteriaRow, c, headerTop + indicatorRow, c));
      } else {
        band[criteriaRow][c] = label;
        merge(range(headerTop + criteriaRow, c, headerTop + criteriaRow, c + span - 1));
        criterion.indicators.forEach((i, n) => (band[indicatorRow][c + n] = indicatorHeader(i, income)));
      }
      c += span;
    });
  }
  if (numbering !== "none") {
    rows.push(Array.from({ length: width }, (_, c) => (numbering === "plain" ? c + 1 : `(${c + 1})`)));
  }

  // Column habits: each yes/no column keeps its words ("Có tổ hợp tác" is answered Có/Không).
  const yesNo = new Map<number, { yes: string; no: string[] }>();
  valueColumns.forEach((v, k) => {
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
    yesNo.set(first + k, style);
  });

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
      r = rows.length;
      rows.push(blank());
      rows[r][0] = roman(ck + 1);
      rows[r][1] = commune.name;
      merge(range(r, 1, r, 4));
    }
    const communeFirst = rows.length;
    areaNames(commune.size, random).forEach((name, ak) => {
      r = rows.length;
      const row = blank();
      rows.push(row);
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
      const notMet = new Set(missed);
      if (layout === "status") {
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
        row[col.met] = {
          formula: `COUNTIF(${columnLetter(first)}${r + 1}:${columnLetter(afterValues - 1)}${r + 1},"Đạt")`,
          result: metCount,
        };
      } else {
        for (const criterion of ruleset.criteria) {
          const failing = new Set<string>();
          if (missed.has(criterion.id)) {
            const ids = criterion.indicators.map((i) => i.id);
            failing.add(pick(random, ids));
            if (ids.length > 1 && random() < 0.3) failing.add(pick(random, ids));
          }
          for (const indicator of criterion.indicators) {
            const c = first + ruleset.indicators.indexOf(indicator);
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
                      formula: `VLOOKUP(${columnLetter(col.area)}${r + 1},'Số liệu xã'!A:Z,${c},FALSE)`,
                      result: { error: "#N/A" },
                    };
              continue;
            }
            row[c] = indicatorCell(indicator, !failing.has(indicator.id), year, income, yesNo.get(c)!, random);
            // "x" or blank: a blank "no" leaves the cell empty, read as missing and so not met.
            if (row[c] === null) notMet.add(criterion.id);
          }
        }
        row[col.met] = ruleset.criteria.length - notMet.size;
      }
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
    if (subtotals) {
      r = rows.length;
      rows.push(blank());
      rows[r][1] = `Cộng ${commune.name.replace(/^Xã /, "xã ")}`;
      rows[r][col.households] = subtotal(col.households, communeFirst, r - 1, rows);
    }
  });
  r = rows.length;
  rows.push(blank());
  rows[r][1] = "Tổng cộng";
  // SUBTOTAL skips the communes' own subtotals, as staff rely on.
  rows[r][col.households] = { ...subtotal(col.households, dataStart, r - 1, rows), result: totalHouseholds };
  if (col.people >= 0) rows[r][col.people] = { ...subtotal(col.people, dataStart, r - 1, rows), result: totalPeople };
  rows[r][col.met] = areas.filter((a) => a.notMet.length === 0).length;
  rows.push(blank());
  r = rows.length;
  rows.push(blank());
  rows[r][1] = "NGƯỜI LẬP BIỂU";
  rows[r][right] = `TM. ỦY BAN NHÂN DÂN ${DISTRICT_TITLE[district.kind]}`;
  merge(range(r, right, r, width - 1));

  const columnWidths = Array.from({ length: width }, (_, c) =>
    c === 0
      ? 5
      : c === col.commune
        ? 18
        : c === col.area
          ? 18
          : c < first
            ? 9
            : c < afterValues
              ? layout === "status"
                ? 10
                : 12
              : 14
  );
  return {
    name: options.sheetName ?? "Tổng hợp KDC",
    district,
    layout,
    rows,
    merges,
    columnWidths,
    headerTop,
    headerBottom,
    dataStart,
    areas,
    communes: communes.map((c) => c.name),
    valueColumns: valueColumns.map((v, k) => ({
      column: first + k,
      criterionId: v.criterion,
      ...(v.indicator ? { indicatorId: v.indicator.id } : {}),
    })),
  };
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

// ---------------------------------------------------------------------------------------------
// To exceljs

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function toExcel(v: SampleCell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (v === undefined) return { value: null };
  if (v === null || typeof v !== "object" || v instanceof Date) return { value: v };
  if ("numFmt" in v) return { value: v.value, numFmt: v.numFmt };
  if ("formula" in v) {
    const result =
      typeof v.result === "number" ? v.result : { error: v.result.error as ExcelJS.CellErrorValue["error"] };
    return { value: { formula: v.formula, result } as ExcelJS.CellFormulaValue };
  }
  return { value: { error: v.error as ExcelJS.CellErrorValue["error"] } };
}

/** The sample sheet as an .xlsx workbook: merged titles and headers, borders, widths, frozen header. */
export function sampleWorkbook(sheet: SampleSheet, options: { year?: number } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same seed gives the same workbook content.
  const stamp = new Date(Date.UTC(options.year ?? 2019, 10, 25));
  wb.creator = `UBND ${sheet.district.kind} ${sheet.district.name}`;
  wb.created = stamp;
  wb.modified = stamp;
  addSampleSheet(wb, sheet);
  return wb;
}

/** Add a sample sheet to a workbook (tests put several tables in one file). */
export function addSampleSheet(wb: ExcelJS.Workbook, sheet: SampleSheet): ExcelJS.Worksheet {
  const lastHeader = sheet.dataStart - 1;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: lastHeader + 1, xSplit: 3 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const width = sheet.columnWidths.length;
  let tableEnd = sheet.rows.length - 1;
  while (tableEnd > 0 && sheet.rows[tableEnd].every((v) => v === null || v === "" || typeof v === "string")) tableEnd--;
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const { value, numFmt } = toExcel(cell);
      const target = row.getCell(c + 1);
      if (value !== null) target.value = value;
      if (numFmt) target.numFmt = numFmt;
      if (r >= sheet.headerTop && r <= tableEnd && c < width) target.border = THIN;
    });
    if (r < sheet.headerTop) row.font = { bold: true };
    if (r >= sheet.headerTop && r <= lastHeader) {
      row.font = { bold: true };
      row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let r = sheet.headerTop; r <= sheet.headerBottom; r++) ws.getRow(r + 1).height = 45;
  return ws;
}
