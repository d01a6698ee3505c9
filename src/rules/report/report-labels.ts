import { AreaAssessment } from "../assessment/assessment";
import { CellValue } from "../reading/cell";
import { Language, Message, Problem } from "../message";
import { Ruleset } from "../ruleset/ruleset";

/* What every report sheet shares: the analysed table's shape, the sheets' labels in both languages, their title rows. */

/** One analysed table: the areas of one table (a district, a commune, a sheet of a workbook) with their assessments. */
export interface SheetResult {
  /** File name (command line) or workbook name: where the areas came from, never their district. */
  source: string;
  sheet: string;
  /** Only where the workbook names it (a title "Huyện: …"); areas may carry their own. */
  district?: string;
  assessments: AreaAssessment[];
  problems: Problem[];
}

export const pick = (m: Message, language: Language): string => m[language];

/** The note every result sheet carries while thresholds are not verified. */
export function provisionalNote(ruleset: Ruleset, language: Language = "vi"): string {
  if (!ruleset.provisional) return "";
  return language === "vi"
    ? `⚠ NGƯỠNG TẠM TÍNH: ${ruleset.statusNote.vi}`
    : `⚠ PROVISIONAL THRESHOLDS: ${ruleset.statusNote.en}`;
}

export const L = {
  areasTitle: {
    vi: "KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ THEO BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI",
    en: "RESIDENTIAL AREAS ASSESSED AGAINST THE NEW-RURAL AREA CRITERIA",
  },
  criteriaTitle: { vi: "SỐ KHU DÂN CƯ CHƯA ĐẠT THEO TỪNG TIÊU CHÍ", en: "AREAS NOT MEETING EACH CRITERION" },
  communesTitle: { vi: "TỔNG HỢP THEO XÃ", en: "SUMMARY BY COMMUNE" },
  distributionTitle: { vi: "PHÂN BỐ KHU DÂN CƯ THEO SỐ TIÊU CHÍ ĐẠT", en: "AREAS BY NUMBER OF CRITERIA MET" },
  holdingTitle: {
    vi: "Tiêu chí có nhiều khu chưa đạt nhất",
    en: "Criteria holding most areas back",
  },
  rulesetTitle: {
    vi: 'BỘ TIÊU CHÍ ĐANG DÙNG (sửa ngưỡng tại đây rồi bấm "Nạp lại bộ tiêu chí")',
    en: 'CRITERIA IN USE (correct a threshold here, then "Reload criteria")',
  },
  provinceTitle: { vi: "TỔNG HỢP TOÀN TỈNH THEO HUYỆN", en: "PROVINCE ROLL-UP BY DISTRICT" },
  provinceByCommune: { vi: "TỔNG HỢP TOÀN TỈNH THEO XÃ", en: "PROVINCE ROLL-UP BY COMMUNE" },
  provinceByUnit: {
    vi: "TỔNG HỢP TOÀN TỈNH THEO HUYỆN (NƠI SỔ GHI HUYỆN) VÀ THEO XÃ",
    en: "PROVINCE ROLL-UP BY DISTRICT (WHERE A WORKBOOK NAMES ONE) AND BY COMMUNE",
  },
  yes: { vi: "Đạt chuẩn", en: "Meets the standard" },
  notYet: { vi: "Chưa đạt", en: "Not yet" },
} as const;

const H = {
  order: { vi: "TT", en: "No." },
  district: { vi: "Huyện", en: "District" },
  commune: { vi: "Xã", en: "Commune" },
  area: { vi: "Khu dân cư", en: "Residential area" },
  row: { vi: "Dòng trên trang gốc", en: "Source row" },
  rowOrColumn: { vi: "Dòng / cột trên trang gốc", en: "Source row / column" },
  sheet: { vi: "Trang", en: "Sheet" },
  fileSheet: { vi: "Tệp › trang", en: "File › sheet" },
  unit: { vi: "Huyện / xã", en: "District / commune" },
  met: { vi: "Số tiêu chí đạt", en: "Criteria met" },
  total: { vi: "Tổng số tiêu chí", en: "Criteria in set" },
  status: { vi: "Kết quả", en: "Result" },
  notMet: { vi: "Tiêu chí chưa đạt", en: "Criteria not met" },
  gaps: { vi: "Thiếu hụt (so với ngưỡng)", en: "Shortfalls (against thresholds)" },
  missing: { vi: "Thiếu số liệu / không đọc được", en: "No or unreadable data" },
  criterion: { vi: "Mã", en: "Id" },
  criterionName: { vi: "Tiêu chí / chỉ tiêu", en: "Criterion / indicator" },
  condition: { vi: "Ngưỡng", en: "Threshold" },
  failing: { vi: "Số khu chưa đạt", en: "Areas not meeting" },
  failingShare: { vi: "Tỷ lệ khu chưa đạt (%)", en: "Share of areas not meeting (%)" },
  noData: { vi: "Số khu thiếu số liệu", en: "Areas without data" },
  onlyGap: { vi: "Số khu chỉ còn thiếu tiêu chí này", en: "Areas for which it is the only gap" },
  areas: { vi: "Số khu dân cư", en: "Areas" },
  meetsAll: { vi: "Đạt chuẩn (đạt tất cả)", en: "Meeting all" },
  short1: { vi: "Còn thiếu 1 tiêu chí", en: "One criterion short" },
  short2: { vi: "Còn thiếu 2 tiêu chí", en: "Two criteria short" },
  short3: { vi: "Còn thiếu từ 3 tiêu chí", en: "Three or more short" },
  meetsShare: { vi: "Tỷ lệ đạt chuẩn (%)", en: "Share meeting (%)" },
  metCount: { vi: "Số tiêu chí đạt", en: "Criteria met" },
  areaCount: { vi: "Số khu dân cư", en: "Number of areas" },
} as const;

export const label = (k: keyof typeof H, language: Language) => H[k][language];
export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

export function titleRows(
  title: Message,
  ruleset: Ruleset,
  language: Language,
  subtitle?: string,
  notes: string[] = []
): { rows: CellValue[][]; warningRows: number[] } {
  const rows: CellValue[][] = [[pick(title, language)]];
  rows.push([subtitle ?? `${ruleset.title}${ruleset.source.document ? ` (${ruleset.source.document})` : ""}`]);
  const warningRows: number[] = [];
  for (const note of [provisionalNote(ruleset, language), ...notes]) {
    if (!note) continue;
    warningRows.push(rows.length);
    rows.push([note]);
  }
  rows.push([]);
  return { rows, warningRows };
}
