import ExcelJS from "exceljs";
import { MergedRange } from "../../rules/reading/cell";
import { communeIdentity } from "../../rules/reading/places";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { seededRandom } from "../../rules/seeded-random";
import { SampleArea, SampleCell, SampleOptions, SampleSheet, sampleSheet } from "./sheet";
import { criterionHeader, indicatorHeader } from "./headers";
import { addSampleSheet } from "./xlsx";
import { District } from "./places";

/**
 * The shapes workbooks come in, besides the district roll-up: a workbook of one sheet per commune after a
 * cover sheet, a commune's own workbook (its name in the title, no commune column), and a commune's form
 * turned sideways (criteria down the rows, one column per area). All made from the same generated areas,
 * deterministically: the same seed gives the same workbook.
 */

export const SAMPLE_SHAPES = ["district", "communes", "commune", "sideways"] as const;
export type SampleShape = (typeof SAMPLE_SHAPES)[number];

export interface SampleBook {
  shape: SampleShape;
  /** The tables' sheets, in tab order after the cover. */
  sheets: SampleSheet[];
  /** A cover or instructions sheet before them, not a table. */
  cover?: { name: string; rows: string[][] };
  /** Every area, each with its sheet. */
  areas: SampleArea[];
  communes: string[];
}

export interface BookOptions extends SampleOptions {
  shape: SampleShape;
}

/**
 * A commune's own seed: the same seed and commune give the same table in every shape, and two communes
 * of one sample do not get the same figures.
 */
function communeSeed(seed: number, commune: string): number {
  let h = seed >>> 0;
  for (const ch of communeIdentity(commune)) h = (Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0) % 2 ** 31;
  return h;
}

/** "Xã Minh Lương" → "Minh Lương": how a workbook of one sheet per commune names its sheets. */
const withoutKind = (commune: string): string => commune.replace(/^(Xã|Phường|Thị trấn)\s+/u, "");

/** A seeded choice of `count` communes of the district, in the district's order. */
function chooseCommunes(district: District, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const names = [...district.communes];
  while (names.length > Math.max(1, count)) names.splice(Math.floor(random() * names.length), 1);
  return names;
}

/** Areas split over the communes as evenly as they go, the first ones one more. */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, k) => Math.floor(total / parts) + (k < total % parts ? 1 : 0));
}

const range = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });

/**
 * A commune's form turned sideways, from the commune's generated table: the title naming the commune,
 * then "TT | Tên tiêu chí | Nội dung chỉ tiêu | Khu 1 | Khu 2 | …" with each criterion's name merged
 * down over its indicator rows, "Số tiêu chí đạt" and "Năm dự kiến đạt chuẩn" under them.
 */
export function sidewaysSheet(
  ruleset: Ruleset,
  base: SampleSheet,
  options: { year: number; commune: string; income: "dong" | "million" }
): SampleSheet {
  const areas = base.areas;
  const width = 3 + areas.length;
  const blank = (): SampleCell[] => new Array<SampleCell>(width).fill(null);
  const rows: SampleCell[][] = [];
  const merges: MergedRange[] = [];
  const upper = options.commune.toLocaleUpperCase("vi");
  const right = Math.max(3, width - 4);
  rows.push(blank(), blank(), blank(), blank(), blank());
  rows[0][0] = `UBND ${upper}`;
  rows[0][right] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  rows[1][right] = "Độc lập - Tự do - Hạnh phúc";
  rows[3][0] = `BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ THEO BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI NĂM ${options.year} - ${upper}`;
  merges.push(range(0, 0, 0, 2), range(3, 0, 3, width - 1));
  if (width - 1 > right) merges.push(range(0, right, 0, width - 1), range(1, right, 1, width - 1));
  const headerTop = rows.length;
  const head = blank();
  const names = blank();
  head[0] = "TT";
  head[1] = "Tên tiêu chí";
  head[2] = "Nội dung chỉ tiêu";
  head[3] = "Kết quả thực hiện của các khu dân cư";
  areas.forEach((a, k) => (names[3 + k] = a.name));
  rows.push(head, names);
  merges.push(
    range(headerTop, 0, headerTop + 1, 0),
    range(headerTop, 1, headerTop + 1, 1),
    range(headerTop, 2, headerTop + 1, 2)
  );
  if (width - 1 > 3) merges.push(range(headerTop, 3, headerTop, width - 1));
  const dataStart = rows.length;
  const valueRows: SampleSheet["valueColumns"] = [];
  // The base table's cell of one area in one of its value columns.
  const cellOf = (a: SampleArea, column: number): SampleCell => base.rows[a.row - 1][column];
  ruleset.criteria.forEach((criterion, k) => {
    const lines = base.valueColumns.filter((v) => v.criterionId === criterion.id);
    const first = rows.length;
    for (const v of lines) {
      const row = blank();
      const indicator = v.indicatorId ? ruleset.indicators.find((i) => i.id === v.indicatorId) : undefined;
      row[2] = indicator ? indicatorHeader(indicator, options.income) : "Tự đánh giá (Đạt/Chưa đạt)";
      areas.forEach((a, n) => (row[3 + n] = cellOf(a, v.column)));
      valueRows.push({
        column: rows.length,
        criterionId: v.criterionId,
        ...(v.indicatorId ? { indicatorId: v.indicatorId } : {}),
      });
      rows.push(row);
    }
    rows[first][0] = k + 1;
    rows[first][1] = criterionHeader(criterion, k, "number").replace(/^\d+\.\s*/, "");
    if (lines.length > 1) merges.push(range(first, 0, rows.length - 1, 0), range(first, 1, rows.length - 1, 1));
  });
  const met = blank();
  met[1] = "Số tiêu chí đạt";
  areas.forEach((a, n) => (met[3 + n] = ruleset.criteria.length - a.notMet.length));
  const year = blank();
  year[1] = "Năm dự kiến đạt chuẩn";
  const yearColumn = base.rows[base.headerTop].findIndex((v) => v === "Năm dự kiến đạt chuẩn");
  areas.forEach((a, n) => (year[3 + n] = yearColumn >= 0 ? cellOf(a, yearColumn) : null));
  rows.push(met, year, blank());
  const signature = blank();
  signature[1] = "NGƯỜI LẬP BIỂU";
  signature[right] = `TM. ỦY BAN NHÂN DÂN ${upper}`;
  rows.push(signature);
  return {
    name: "Rà soát KDC",
    district: base.district,
    layout: base.layout,
    orientation: "columns",
    rows,
    merges,
    columnWidths: [5, 22, 40, ...areas.map(() => 12)],
    headerTop,
    headerBottom: headerTop + 1,
    dataStart,
    areas: areas.map((a, n) => ({ ...a, row: headerTop + 2, column: 4 + n })),
    communes: [options.commune],
    valueColumns: valueRows,
  };
}

/** A commune given by the user: "Thanh Thủy" → "Xã Thanh Thủy"; one with its kind is kept. */
export function communeName(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return /^(xã|phường|thị trấn)\s/iu.test(t) ? t.charAt(0).toLocaleUpperCase("vi") + t.slice(1) : `Xã ${t}`;
}

/** A sample workbook of the shape asked for. */
export function sampleBook(ruleset: Ruleset, book: BookOptions & { commune?: string }): SampleBook {
  // The commune names the one commune of the "commune" and "sideways" shapes only.
  const { commune: oneCommune, shape, ...options } = book;
  const year = options.year ?? 2019;
  const tag = (sheet: SampleSheet): SampleArea[] => sheet.areas.map((a) => ({ ...a, sheet: sheet.name }));
  if (shape === "district") {
    const sheet = sampleSheet(ruleset, options);
    return { shape: "district", sheets: [sheet], areas: tag(sheet), communes: sheet.communes };
  }
  if (shape === "communes") {
    const count = Math.max(1, Math.min(options.district.communes.length, Math.round(options.areas / 11)));
    const communes = chooseCommunes(options.district, count, options.seed);
    const sizes = split(options.areas, communes.length);
    const sheets = communes.map((commune, k) =>
      sampleSheet(ruleset, {
        ...options,
        commune,
        areas: sizes[k],
        seed: communeSeed(options.seed, commune),
        // The sheet name says which commune; the title names none, as many such workbooks do.
        titlePlace: "none",
        sheetName: withoutKind(commune),
      })
    );
    const cover = {
      name: "Hướng dẫn",
      rows: [
        [`SỔ TỔNG HỢP KẾT QUẢ RÀ SOÁT KHU DÂN CƯ NÔNG THÔN MỚI NĂM ${year}`],
        ["Mỗi xã một trang; mỗi dòng một khu dân cư. Số liệu giả lập (ntm sample), không phải số liệu thật."],
        [`Các trang: ${sheets.map((s) => s.name).join(", ")}.`],
      ],
    };
    return { shape: "communes", sheets, cover, areas: sheets.flatMap(tag), communes };
  }
  const commune = oneCommune ?? options.district.communes[0];
  if (shape === "commune") {
    const sheet = sampleSheet(ruleset, {
      ...options,
      seed: communeSeed(options.seed, commune),
      commune,
      titlePlace: "commune",
      sheetName: "Tổng hợp KDC",
    });
    return { shape: "commune", sheets: [sheet], areas: tag(sheet), communes: [commune] };
  }
  // The commune's own table turned sideways: the same areas and values as its "commune" shape.
  const base = sampleSheet(ruleset, {
    ...options,
    seed: communeSeed(options.seed, commune),
    commune,
    titlePlace: "commune",
    headerRows: options.layout === "status" ? 1 : 2,
  });
  const sheet = sidewaysSheet(ruleset, base, { year, commune, income: options.incomeUnit ?? "dong" });
  return { shape: "sideways", sheets: [sheet], areas: tag(sheet), communes: [commune] };
}

/** The sample book as an .xlsx workbook: the cover first, then each table's sheet. */
export function sampleBookWorkbook(book: SampleBook, options: { year?: number; creator: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same seed gives the same workbook content.
  const stamp = new Date(Date.UTC(options.year ?? 2019, 10, 25));
  wb.creator = options.creator;
  wb.created = stamp;
  wb.modified = stamp;
  if (book.cover) {
    const ws = wb.addWorksheet(book.cover.name);
    ws.getColumn(1).width = 100;
    book.cover.rows.forEach((r) => ws.addRow(r));
    ws.getRow(1).font = { bold: true };
  }
  for (const sheet of book.sheets) addSampleSheet(wb, sheet);
  return wb;
}
