import { Criterion, Indicator, Ruleset } from "../../rules/ruleset/ruleset";
import type { SampleOptions } from "./sheet";
import { SampleGrid } from "./grid";
import { District } from "./places";

/** Header and title texts as district and commune staff write them. */

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
export function roman(n: number): string {
  if (n <= 10) return ROMAN[n - 1];
  const tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
  return n < 100 ? tens[Math.floor(n / 10)] + (n % 10 ? ROMAN[(n % 10) - 1] : "") : String(n);
}

export const DISTRICT_TITLE: Record<District["kind"], string> = {
  huyện: "HUYỆN",
  "thị xã": "THỊ XÃ",
  "thành phố": "THÀNH PHỐ",
};
const DISTRICT_LABEL: Record<District["kind"], string> = {
  huyện: "Huyện",
  "thị xã": "Thị xã",
  "thành phố": "Thành phố",
};

/** Where the fixed and value columns of a generated table are. */
export interface TableColumns {
  /** Fixed columns before the values: TT, Xã (not in a commune's own table), Khu dân cư, Số hộ, … */
  lead: string[];
  /** After the values: totals, expected year, notes. */
  trail: string[];
  /** First value column, and the first column after them. */
  first: number;
  afterValues: number;
}

/**
 * Title rows, as on every district report: the issuer, the national motto, the title, the place, the
 * report it comes with. A commune's own table names its commune; a workbook of one sheet per commune
 * may name no place (the sheet name says it). `right`: where the motto and the signature block start.
 */
export function writeTitles(
  grid: SampleGrid,
  options: { district: District; commune?: string; titlePlace: "district" | "commune" | "none"; year: number },
  right: number,
  random: () => number
): void {
  const { district, titlePlace, year } = options;
  const width = grid.width;
  const communeUpper = options.commune?.toLocaleUpperCase("vi");
  const issuer =
    titlePlace === "district"
      ? `UBND ${DISTRICT_TITLE[district.kind]} ${district.name.toLocaleUpperCase("vi")}`
      : titlePlace === "commune"
        ? `UBND ${communeUpper}`
        : "UBND TỈNH PHÚ THỌ";
  let { row, r } = grid.addRow();
  row[0] = issuer;
  row[right] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  grid.merge(r, 0, r, 4);
  grid.merge(r, right, r, width - 1);
  ({ row, r } = grid.addRow());
  row[right] = "Độc lập - Tự do - Hạnh phúc";
  grid.merge(r, right, r, width - 1);
  grid.addRow();
  ({ row, r } = grid.addRow());
  row[0] =
    `BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ CÁC KHU DÂN CƯ THEO BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI NĂM ${year}` +
    (titlePlace === "commune" ? ` - ${communeUpper}` : "");
  grid.merge(r, 0, r, width - 1);
  if (titlePlace === "district") {
    ({ row, r } = grid.addRow());
    row[0] = `${DISTRICT_LABEL[district.kind]}: ${district.name}`;
    grid.merge(r, 0, r, width - 1);
  }
  ({ row, r } = grid.addRow());
  const report = `${100 + Math.floor(random() * 300)}/BC-UBND ngày ${10 + Math.floor(random() * 18)}/11/${year}`;
  row[0] =
    titlePlace === "district"
      ? `(Kèm theo Báo cáo số ${report} của UBND ${district.kind} ${district.name})`
      : `(Kèm theo Báo cáo số ${report})`;
  grid.merge(r, 0, r, width - 1);
  grid.addRow();
}

/**
 * The header band: fixed columns merged down the band, the criteria (over their indicators, in the
 * indicator layout) and, with three rows or in the status layout, a group label above them. Returns the
 * band's first and last rows.
 */
export function writeHeaderBand(
  grid: SampleGrid,
  ruleset: Ruleset,
  columns: TableColumns,
  options: {
    layout: "indicators" | "status";
    headerRows: 1 | 2 | 3;
    criterionStyle: SampleOptions["criterionStyle"];
    income: "dong" | "million";
  }
): { headerTop: number; headerBottom: number } {
  const { layout, headerRows } = options;
  const { first, afterValues } = columns;
  const headerTop = grid.rows.length;
  const band = Array.from({ length: headerRows }, () => grid.addRow().row);
  const headerBottom = headerTop + headerRows - 1;
  const fixedHeader = (c: number, text: string) => {
    band[0][c] = text;
    grid.merge(headerTop, c, headerBottom, c);
  };
  columns.lead.forEach((t, k) => fixedHeader(k, t));
  columns.trail.forEach((t, k) => fixedHeader(afterValues + k, t));
  const criteriaRow = headerRows === 3 ? 1 : 0;
  if (headerRows === 3 || (layout === "status" && headerRows === 2)) {
    band[0][first] = layout === "status" ? "Kết quả đánh giá các tiêu chí" : "Kết quả thực hiện các tiêu chí";
    grid.merge(headerTop, first, headerTop, afterValues - 1);
  }
  if (layout === "status") {
    const row = headerRows === 1 ? 0 : headerRows - 1;
    ruleset.criteria.forEach((c, k) => (band[row][first + k] = criterionHeader(c, k, options.criterionStyle)));
    return { headerTop, headerBottom };
  }
  const indicatorRow = criteriaRow + 1;
  let c = first;
  ruleset.criteria.forEach((criterion, k) => {
    const span = criterion.indicators.length;
    const label = criterionHeader(criterion, k, options.criterionStyle);
    if (span === 1 && SPANNING.has(criterion.id)) {
      band[criteriaRow][c] = criterion.id === "TC07" ? `${label} (%)` : label;
      grid.merge(headerTop + criteriaRow, c, headerTop + indicatorRow, c);
    } else {
      band[criteriaRow][c] = label;
      grid.merge(headerTop + criteriaRow, c, headerTop + criteriaRow, c + span - 1);
      criterion.indicators.forEach((i, n) => (band[indicatorRow][c + n] = indicatorHeader(i, options.income)));
    }
    c += span;
  });
  return { headerTop, headerBottom };
}
