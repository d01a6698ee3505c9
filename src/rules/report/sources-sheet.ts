import { CellValue } from "../reading/cell";
import { Language, Message, Problem } from "../message";
import { Orientation } from "../reading/orientation";
import { SHEET_NAMES, SheetOutput } from "../workbook";

/**
 * The report's account of how the workbooks were read: each table (where, which way round, how many
 * areas, which commune it was given), each sheet passed over and why, and every note on the reading.
 */

export interface TableRead {
  /** The file (command line) or workbook the table came from. */
  source: string;
  sheet: string;
  range: string;
  orientation: Orientation;
  areas: number;
  district?: string;
  /** The commune given to every area of a table without a commune column or section rows. */
  commune?: string;
  notes: Problem[];
}

export interface SheetSkipped {
  source: string;
  sheet: string;
  message: Message;
}

export interface ReadingSummary {
  tables: TableRead[];
  skipped: SheetSkipped[];
}

const T = {
  title: { vi: "CÁC BẢNG ĐÃ ĐỌC VÀ CÁC TRANG BỎ QUA", en: "TABLES READ AND SHEETS PASSED OVER" },
  subtitle: {
    vi: "Mọi kết quả trong báo cáo này lấy từ các bảng dưới đây; trang bỏ qua không được tính.",
    en: "Every result of this report comes from the tables below; sheets passed over are not counted.",
  },
  source: { vi: "Tệp / sổ", en: "File / workbook" },
  sheet: { vi: "Trang", en: "Sheet" },
  range: { vi: "Vùng", en: "Range" },
  way: { vi: "Chiều bảng", en: "Orientation" },
  areas: { vi: "Số khu", en: "Areas" },
  district: { vi: "Huyện (theo sổ)", en: "District (as the workbook says)" },
  commune: { vi: "Xã (khi bảng không có cột xã)", en: "Commune (when the table has no commune column)" },
  note: { vi: "Ghi chú / lý do bỏ qua", en: "Notes / why passed over" },
  rows: { vi: "mỗi khu một dòng", en: "one area per row" },
  columns: { vi: "bảng ngang: mỗi khu một cột", en: "sideways: one area per column" },
  skipped: { vi: "bỏ qua", en: "passed over" },
} as const;

export function sourcesSheet(summary: ReadingSummary, language: Language = "vi"): SheetOutput {
  const rows: CellValue[][] = [[T.title[language]], [T.subtitle[language]], []];
  const tableHeaderRow = rows.length;
  rows.push([
    T.source[language],
    T.sheet[language],
    T.range[language],
    T.way[language],
    T.areas[language],
    T.district[language],
    T.commune[language],
    T.note[language],
  ]);
  for (const t of summary.tables) {
    rows.push([
      t.source,
      t.sheet,
      t.range,
      T[t.orientation][language],
      t.areas,
      t.district ?? "",
      t.commune ?? "",
      t.notes.map((n) => n.message[language]).join(" | "),
    ]);
  }
  for (const s of summary.skipped) {
    rows.push([s.source, s.sheet, "", T.skipped[language], 0, "", "", s.message[language]]);
  }
  return {
    name: SHEET_NAMES.sources,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    columnWidths: [24, 20, 14, 26, 8, 16, 22, 90],
  };
}
