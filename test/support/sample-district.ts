import { CellValue, MergedRange } from "../../src/rules/reading/cell";
import { SheetData } from "../../src/rules/workbook";
import { seededRandom } from "../../src/rules/seeded-random";

/**
 * A district roll-up sheet as staff make it, of any size, for the pane's tests, benchmark and end-to-end
 * run: title rows, a two-row header (criterion merged over its indicators), a column-numbering row,
 * commune section rows, commune subtotals and a grand total. Values are deterministic.
 */

export const SAMPLE_WIDTH = 30;
export const SAMPLE_HEADER_TOP = 5;
/** Zero-based row of the first commune section row. */
export const SAMPLE_DATA_START = 8;
export const AREAS_PER_COMMUNE = 12;

/** Upper header row: fixed columns and criteria (each over its indicator columns). */
export const SAMPLE_UPPER_HEADER: Record<number, string> = {
  0: "TT",
  1: "Xã",
  2: "Khu dân cư",
  3: "Số hộ",
  4: "Số nhân khẩu",
  5: "1. Giao thông",
  8: "2. Thủy lợi",
  9: "3. Điện",
  11: "4. Cơ sở vật chất văn hóa",
  13: "5. Nhà ở dân cư",
  15: "6. Thu nhập",
  16: "7. Hộ nghèo",
  17: "8. Lao động có việc làm",
  18: "9. Tổ chức sản xuất",
  19: "10. Y tế",
  20: "11. Văn hóa",
  22: "12. Môi trường",
  26: "13. An ninh, trật tự xã hội",
  27: "Tổng số tiêu chí đạt",
  28: "Năm dự kiến đạt chuẩn",
  29: "Ghi chú",
};

/** Lower header row: indicators as district staff abbreviate them. Hộ nghèo and An ninh have none. */
export const SAMPLE_LOWER_HEADER: Record<number, string> = {
  5: "Đường trục thôn, liên thôn được cứng hóa (%)",
  6: "Đường ngõ, xóm sạch, không lầy lội (%)",
  7: "Đường trục chính nội đồng (%)",
  8: "Tỷ lệ diện tích được tưới, tiêu chủ động (%)",
  9: "Hệ thống điện đảm bảo kỹ thuật",
  10: "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn (%)",
  11: "Nhà văn hóa đạt chuẩn",
  12: "Khu thể thao",
  13: "Số nhà tạm, dột nát (nhà)",
  14: "Tỷ lệ hộ có nhà ở đạt chuẩn (%)",
  15: "Thu nhập bình quân (triệu đồng/người/năm)",
  17: "Tỷ lệ lao động có việc làm (%)",
  18: "Có tổ hợp tác/HTX",
  19: "Tỷ lệ tham gia BHYT (%)",
  20: "Đạt danh hiệu KDC văn hóa",
  21: "Tỷ lệ hộ gia đình văn hóa (%)",
  22: "Hộ dùng nước hợp vệ sinh (%)",
  23: "Nhà tiêu, nhà tắm, bể nước HVS (%)",
  24: "Chuồng trại chăn nuôi HVS (%)",
  25: "Thu gom, xử lý chất thải theo quy định",
};

/** The indicator each value column holds, with its threshold and kind, to generate plausible values. */
const COLUMNS: Array<{ column: number; id: string; kind: "percent" | "yes" | "count" | "income" | "poor" }> = [
  { column: 5, id: "TC01.1", kind: "percent" },
  { column: 6, id: "TC01.2", kind: "percent" },
  { column: 7, id: "TC01.3", kind: "percent" },
  { column: 8, id: "TC02.1", kind: "percent" },
  { column: 9, id: "TC03.1", kind: "yes" },
  { column: 10, id: "TC03.2", kind: "percent" },
  { column: 11, id: "TC04.1", kind: "yes" },
  { column: 12, id: "TC04.2", kind: "yes" },
  { column: 13, id: "TC05.1", kind: "count" },
  { column: 14, id: "TC05.2", kind: "percent" },
  { column: 15, id: "TC06.1", kind: "income" },
  { column: 16, id: "TC07.1", kind: "poor" },
  { column: 17, id: "TC08.1", kind: "percent" },
  { column: 18, id: "TC09.1", kind: "yes" },
  { column: 19, id: "TC10.1", kind: "percent" },
  { column: 20, id: "TC11.1", kind: "yes" },
  { column: 21, id: "TC11.2", kind: "percent" },
  { column: 22, id: "TC12.1", kind: "percent" },
  { column: 23, id: "TC12.2", kind: "percent" },
  { column: 24, id: "TC12.3", kind: "percent" },
  { column: 25, id: "TC12.4", kind: "yes" },
  { column: 26, id: "TC13.1", kind: "yes" },
];

/** The indicator held by each value column of the sample. */
export const SAMPLE_INDICATOR_COLUMNS: Record<number, string> = Object.fromEntries(
  COLUMNS.map((c) => [c.column, c.id])
);

const PERCENT_THRESHOLD: Record<string, number> = {
  "TC01.1": 70,
  "TC01.2": 80,
  "TC01.3": 70,
  "TC02.1": 80,
  "TC03.2": 95,
  "TC05.2": 75,
  "TC08.1": 90,
  "TC10.1": 85,
  "TC11.2": 70,
  "TC12.1": 90,
  "TC12.2": 70,
  "TC12.3": 60,
};

/** The BHYT column is typed as fractions under a "0%" format, as some staff do. */
const FRACTION_COLUMN = 19;

const COMMUNES = [
  "Vũ Yển",
  "Hanh Cù",
  "Thanh Hà",
  "Đồng Xuân",
  "Yển Khê",
  "Ninh Dân",
  "Chí Tiên",
  "Sơn Cương",
  "Thanh Vân",
  "Hoàng Cương",
];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

const blank = (): CellValue[] => new Array<CellValue>(SAMPLE_WIDTH).fill("");

export interface SampleOptions {
  areas: number;
  name?: string;
  seed?: number;
  /** Zero-based sheet rows to mark hidden (as a filter would). */
  hideAreaRows?: number;
}

export interface SampleDistrict extends SheetData {
  /** 1-based sheet rows of the areas, in order. */
  areaRows: number[];
}

/** One district sheet with `areas` residential areas, twelve to a commune. */
export function sampleDistrict(options: SampleOptions): SampleDistrict {
  const random = seededRandom(options.seed ?? 2019);
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (row: CellValue[], percentColumn = false) => {
    values.push(row);
    formats.push(row.map((_, c) => (percentColumn && c === FRACTION_COLUMN ? "0%" : "General")));
  };
  const title = (text: string, at = 0) => {
    const r = blank();
    r[at] = text;
    push(r);
  };
  title("UBND HUYỆN THANH BA");
  title("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI NĂM 2019");
  title("Huyện: Thanh Ba");
  title("(Kèm theo báo cáo số 125/BC-UBND ngày 15/11/2019 của UBND huyện Thanh Ba)");
  push(blank());
  push(Array.from({ length: SAMPLE_WIDTH }, (_, c) => SAMPLE_UPPER_HEADER[c] ?? ""));
  push(Array.from({ length: SAMPLE_WIDTH }, (_, c) => SAMPLE_LOWER_HEADER[c] ?? ""));
  push(Array.from({ length: SAMPLE_WIDTH }, (_, c) => `(${c + 1})`));

  const areaRows: number[] = [];
  const communes = Math.ceil(options.areas / AREAS_PER_COMMUNE);
  let made = 0;
  for (let k = 0; k < communes; k++) {
    const commune = `Xã ${COMMUNES[k % COMMUNES.length]}${k >= COMMUNES.length ? ` ${Math.floor(k / COMMUNES.length) + 1}` : ""}`;
    const section = blank();
    section[0] = ROMAN[k % ROMAN.length] + (k >= ROMAN.length ? String(Math.floor(k / ROMAN.length)) : "");
    section[1] = commune;
    push(section);
    let households = 0;
    for (let n = 0; n < AREAS_PER_COMMUNE && made < options.areas; n++, made++) {
      const r = blank();
      r[0] = n + 1;
      r[2] = `Khu ${n + 1}`;
      r[3] = 120 + Math.floor(random() * 200);
      households += r[3] as number;
      r[4] = (r[3] as number) * 4;
      // Most areas sit near the thresholds: a few criteria short is the common case.
      const weak = random();
      for (const c of COLUMNS) {
        const fails = random() < (weak < 0.25 ? 0.02 : weak < 0.7 ? 0.07 : 0.2);
        if (random() < 0.01) {
          r[c.column] = "";
          continue;
        }
        switch (c.kind) {
          case "percent": {
            const t = PERCENT_THRESHOLD[c.id];
            const v = fails
              ? Math.max(0, t - 1 - Math.round(random() * 20))
              : Math.min(100, t + Math.round(random() * (100 - t)));
            r[c.column] = c.column === FRACTION_COLUMN ? v / 100 : v;
            break;
          }
          case "yes":
            r[c.column] = fails ? "Chưa đạt" : "Đạt";
            break;
          case "count":
            r[c.column] = fails ? 1 + Math.floor(random() * 3) : 0;
            break;
          case "income":
            r[c.column] = fails ? 30 + Math.round(random() * 50) / 10 : 36 + Math.round(random() * 80) / 10;
            break;
          case "poor":
            r[c.column] = fails ? 12.5 + Math.round(random() * 60) / 10 : Math.round(random() * 110) / 10;
            break;
        }
      }
      areaRows.push(values.length + 1);
      push(r, true);
    }
    const subtotal = blank();
    subtotal[1] = `Cộng ${commune.toLocaleLowerCase("vi")}`;
    subtotal[3] = households;
    push(subtotal);
  }
  const total = blank();
  total[1] = "Tổng cộng";
  push(total);

  const merges: MergedRange[] = [
    { top: 0, left: 0, bottom: 0, right: 4 },
    { top: 1, left: 0, bottom: 1, right: 29 },
    // Fixed columns span both header rows; each criterion spans its indicators.
    ...[0, 1, 2, 3, 4, 27, 28, 29].map((c) => ({
      top: SAMPLE_HEADER_TOP,
      left: c,
      bottom: SAMPLE_HEADER_TOP + 1,
      right: c,
    })),
    { top: SAMPLE_HEADER_TOP, left: 5, bottom: SAMPLE_HEADER_TOP, right: 7 },
    { top: SAMPLE_HEADER_TOP, left: 9, bottom: SAMPLE_HEADER_TOP, right: 10 },
    { top: SAMPLE_HEADER_TOP, left: 11, bottom: SAMPLE_HEADER_TOP, right: 12 },
    { top: SAMPLE_HEADER_TOP, left: 13, bottom: SAMPLE_HEADER_TOP, right: 14 },
    { top: SAMPLE_HEADER_TOP, left: 20, bottom: SAMPLE_HEADER_TOP, right: 21 },
    { top: SAMPLE_HEADER_TOP, left: 22, bottom: SAMPLE_HEADER_TOP, right: 25 },
  ];
  const hiddenRows = areaRows.slice(0, options.hideAreaRows ?? 0).map((r) => r - 1);
  return { name: options.name ?? "Tổng hợp KDC", values, numberFormats: formats, merges, hiddenRows, areaRows };
}
