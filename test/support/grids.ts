import { CellValue, MergedRange } from "../../src/rules/reading/cell";
import { SheetData } from "../../src/rules/workbook";
import { SAMPLE_INDICATOR_COLUMNS, SAMPLE_LOWER_HEADER, SAMPLE_UPPER_HEADER, SAMPLE_WIDTH } from "./sample-district";

/**
 * District sheets as staff make them: title rows, a header of one to three rows (criterion above its
 * indicators, merged cells), a column-numbering row, commune section rows and total rows.
 */

/** A row of `width` cells, blank except where given. */
export function row(width: number, cells: Record<number, CellValue> = {}): CellValue[] {
  return Array.from({ length: width }, (_, c) => cells[c] ?? null);
}

/** A row from a list, padded to `width`. */
export function line(width: number, cells: CellValue[]): CellValue[] {
  return Array.from({ length: width }, (_, c) => cells[c] ?? null);
}

const range = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });

// ---------------------------------------------------------------------------------------------
// Indicator values, two header rows: "1. Giao thông" merged over its three indicators.

// The header and columns are those of the pane's sample district (test/support/sample-district.ts).
export const ROLLUP_WIDTH = SAMPLE_WIDTH;

/** Upper header row: fixed columns and criteria (each over its indicator columns). */
const rollupUpper = row(ROLLUP_WIDTH, SAMPLE_UPPER_HEADER);

/** Lower header row: indicators as district staff abbreviate them. Hộ nghèo and An ninh have none. */
const rollupLower = row(ROLLUP_WIDTH, SAMPLE_LOWER_HEADER);

/** The indicator each rollup column holds, by column. */
export const ROLLUP_INDICATORS: Record<number, string> = SAMPLE_INDICATOR_COLUMNS;

/** One area's values in rollup column order, from column 3 (Số hộ) on. */
function rollupValues(v: {
  households: number;
  people: number;
  roads: [CellValue, CellValue, CellValue];
  poor: CellValue;
  income: CellValue;
  met: number;
  year?: number;
  note?: string;
}): Record<number, CellValue> {
  return {
    3: v.households,
    4: v.people,
    5: v.roads[0],
    6: v.roads[1],
    7: v.roads[2],
    8: 92,
    9: "Đạt",
    10: 99.5,
    11: "Có",
    12: "x",
    13: 0,
    14: "80,5",
    15: v.income,
    16: v.poor,
    17: 91,
    18: "Có",
    19: 0.88,
    20: "Đạt",
    21: 82,
    22: 95,
    23: 71,
    24: 65,
    25: "Đạt",
    26: "Đạt",
    27: v.met,
    28: v.year ?? null,
    29: v.note ?? null,
  };
}

const TITLE_ROWS: CellValue[][] = [
  row(ROLLUP_WIDTH, { 0: "UBND HUYỆN THANH BA", 20: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }),
  row(ROLLUP_WIDTH, { 0: "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI NĂM 2019" }),
  row(ROLLUP_WIDTH, { 0: "Huyện: Thanh Ba" }),
  row(ROLLUP_WIDTH, { 0: "(Kèm theo báo cáo số 125/BC-UBND ngày 15/11/2019 của UBND huyện Thanh Ba)" }),
  row(ROLLUP_WIDTH),
];

/** Rows (zero-based) of the indicator rollup. */
export const ROLLUP = { headerTop: 5, headerBottom: 6, numbering: 7, dataStart: 8 } as const;

/**
 * The district indicator rollup of Thanh Ba: two header rows, numbering row, two communes as section
 * rows ("I | Xã Vũ Yển"), a subtotal, an area with no values, an area row without a name, a total.
 */
export function indicatorRollup(options: { merges: boolean }): SheetData {
  const w = ROLLUP_WIDTH;
  const values: CellValue[][] = [
    ...TITLE_ROWS,
    rollupUpper,
    rollupLower,
    row(w, Object.fromEntries(Array.from({ length: w }, (_, c) => [c, `(${c + 1})`]))),
    row(w, { 0: "I", 1: "Xã Vũ Yển" }), // 9
    row(w, {
      0: 1,
      2: "Khu 1",
      ...rollupValues({
        households: 215,
        people: 812,
        roads: [100, 85, 70],
        poor: 2.8,
        income: 38.5,
        met: 13,
        note: "Đã đạt",
      }),
    }),
    row(w, {
      0: 2,
      2: "Khu 2",
      ...rollupValues({
        households: 180,
        people: 690,
        roads: ["75%", "60,5", 50],
        poor: "5,1",
        income: "32",
        met: 10,
        year: 2021,
      }),
    }),
    row(w, { 0: 3, 2: "Khu 3" }), // 12: a named area with no values yet
    row(w, { 1: "Cộng xã Vũ Yển", 3: 395, 4: 1502 }),
    row(w, { 0: "II", 1: "Xã Hanh Cù" }), // 14
    row(w, {
      0: 1,
      2: "Khu Đồng Lạng",
      ...rollupValues({
        households: 240,
        people: 905,
        roads: [90, 80, 75],
        poor: 3.2,
        income: 40,
        met: 12,
        year: 2020,
      }),
    }),
    row(w), // 16: blank between areas
    row(w, {
      0: 2,
      ...rollupValues({
        households: 150,
        people: 560,
        roads: [60, 55, "#N/A"],
        poor: 6,
        income: 29.5,
        met: 9,
        year: 2022,
      }),
    }), // 17: no area name
    row(w, { 0: "", 1: "Tổng cộng", 3: 785, 4: 2967 }),
    row(w),
    row(w, { 20: "Người lập biểu" }),
  ];
  const numberFormats = values.map((r) => r.map((_, c) => (c === 19 ? "0%" : "General")));
  const sheet: SheetData = { name: "Tổng hợp KDC", values, numberFormats };
  if (options.merges) {
    const h = ROLLUP.headerTop;
    sheet.merges = [
      range(0, 0, 0, 8),
      range(1, 0, 1, w - 1),
      range(3, 0, 3, w - 1),
      // Fixed columns and one-indicator criteria without a sub-header span both header rows.
      ...[0, 1, 2, 3, 4, 16, 26, 27, 28, 29].map((c) => range(h, c, h + 1, c)),
      range(h, 5, h, 7),
      range(h, 9, h, 10),
      range(h, 11, h, 12),
      range(h, 13, h, 14),
      range(h, 20, h, 21),
      range(h, 22, h, 25),
      range(9, 1, 9, w - 1),
      range(14, 1, 14, w - 1),
    ];
  }
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// One status per criterion, one header row with every numbering style and typing habit.

export const STATUS_HEADERS: CellValue[] = [
  "STT",
  "Tên xã",
  "Khu dân cư\n(thôn, xóm)",
  "TC1\nGiao thông",
  "Tiêu chí 2: Thủy lợi",
  "3. ĐIỆN",
  "IV. Cơ sở vật chất văn hóa",
  "(5) Nha o dan cu",
  "TC06",
  "Tiêu chí 7",
  "8.\u00a0Lao động có việc làm",
  "a) Tổ chức sản xuất",
  "TC 10 - Y tế",
  "11. Văn hóa",
  "12. Môi trường",
  "13. An ninh trật tự",
  "Tổng số\ntiêu chí đạt",
  "Đã công nhận\n(năm, số QĐ)",
  "Có khả năng huy động nguồn lực",
];

export const STATUS_WIDTH = STATUS_HEADERS.length;

/** "1" Đạt, "0" Chưa đạt, "x" x, anything else blank. */
const statuses = (pattern: string): CellValue[] =>
  [...pattern].map((ch) => (ch === "1" ? "Đạt" : ch === "x" ? "x" : ch === "0" ? "Chưa đạt" : null));

/**
 * Tam Nông, status layout: title rows, a one-row header, "1 2 3 …" numbering, a section row typed
 * in the first column and merged across, a hidden area, and "Toàn huyện".
 */
export function statusRollup(): SheetData {
  const w = STATUS_WIDTH;
  const values: CellValue[][] = [
    row(w, { 0: "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ KHU DÂN CƯ NÔNG THÔN MỚI" }),
    row(w, { 0: "Huyện Tam Nông" }),
    row(w),
    STATUS_HEADERS,
    line(
      w,
      Array.from({ length: w }, (_, c) => c + 1)
    ), // 4
    row(w, { 0: "Xã Dị Nậu" }), // 5
    line(w, [1, "", "Khu 4", ...statuses("1111111111111"), 13, "2018, QĐ 1234/QĐ-UBND", "Có"]),
    line(w, [2, "", "Khu 5", ...statuses("1101x1-100111"), 9, null, "Không"]),
    row(w, { 0: "Xã Thọ Văn" }), // 8
    line(w, [1, "Thọ Văn", "Thôn Xuân Thọ", ...statuses("0000000000000"), 0]),
    line(w, [2, "", "Khu Phú Thọ", ...statuses("1111111111110"), 12]), // 10: hidden (filtered out)
    line(w, ["", "Toàn huyện", "", null, null, null, null, null, null, null, null, null, null, null, null, null, 34]),
  ];
  return {
    name: "Tam Nông",
    values,
    merges: [range(5, 0, 5, w - 1), range(8, 0, 8, w - 1)],
    hiddenRows: [10],
  };
}

// ---------------------------------------------------------------------------------------------
// Three header rows: a group label, criteria, then their indicators numbered "a)", "b)".

export const THREE_ROW_WIDTH = 12;

export function threeRowHeader(options: { merges: boolean }): SheetData {
  const w = THREE_ROW_WIDTH;
  const values: CellValue[][] = [
    row(w, { 0: "BIỂU TỔNG HỢP HIỆN TRẠNG CÁC KHU DÂN CƯ" }),
    row(w, { 0: "Xã: Tiên Kiên" }),
    row(w, { 0: "TT", 1: "Tên khu dân cư", 2: "Kết quả thực hiện các tiêu chí", 11: "Ghi chú" }),
    row(w, { 2: "Tiêu chí 1\nGiao thông", 5: "Tiêu chí 6\nThu nhập", 6: "Tiêu chí 12\nMôi trường", 10: "Xã ĐBKK" }),
    row(w, {
      2: "a)",
      3: "b)",
      4: "c)",
      5: "(tr.đ/người/năm)",
      6: "a) Nước sinh hoạt hợp vệ sinh",
      7: "b) Nhà tiêu, nhà tắm hợp vệ sinh",
      8: "c) Chuồng trại chăn nuôi",
      9: "d) Chất thải rắn được thu gom",
    }),
    line(w, ["A", "B", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    line(w, [1, "Khu 7", 100, 90, 80, "42,5", 98, 80, 70, "Đạt", "x"]),
    line(w, [2, "Khu 8", 80, "", 60, 35, 90, 75, 60, "Chưa đạt", null, "Đang sáp nhập"]),
  ];
  const sheet: SheetData = { name: "Tiên Kiên", values };
  if (options.merges) {
    sheet.merges = [
      range(2, 0, 4, 0),
      range(2, 1, 4, 1),
      range(2, 2, 2, 9),
      range(2, 11, 4, 11),
      range(3, 2, 3, 4),
      range(3, 5, 4, 5),
      range(3, 6, 3, 9),
      range(3, 10, 4, 10),
    ];
  }
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// Small sheets for the edge cases.

/** A staff list: text columns, none of them a criterion. */
export function staffList(): SheetData {
  return {
    name: "Cán bộ",
    values: [
      ["DANH SÁCH CÁN BỘ PHỤ TRÁCH", null, null, null],
      [null, null, null, null],
      ["Họ và tên", "Chức vụ", "Đơn vị công tác", "Số điện thoại"],
      ["Nguyễn Văn An", "Phó chủ tịch", "UBND xã Tiên Kiên", "0912 345 678"],
      ["Trần Thị Bình", "Công chức", "UBND xã Hà Thạch", "0987 654 321"],
    ],
  };
}

export function emptySheet(): SheetData {
  return {
    name: "Sheet1",
    values: [
      [null, "", null],
      [" ", null, "\u00a0"],
    ],
  };
}
