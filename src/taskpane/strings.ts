import { Language, Problem, problem } from "../rules/message";

/** Every text the pane shows, Vietnamese first; the English switch picks the other column. */
export interface Strings {
  appTitle: string;
  appSubtitle: string;
  english: string;
  tabsLabel: string;
  tabTable: string;
  tabResults: string;
  tabCriteria: string;
  tabRoadmap: string;
  notInExcel: string;
  working: string;
  statusLabel: string;
  errorTitle: string;
  excelError: (message: string) => string;
  dismiss: string;

  // Table (mapping)
  tableIntro: string;
  findTable: string;
  detectActive: string;
  sheetLine: (sheet: string) => string;
  headerLine: (top: number, bottom: number, data: number) => string;
  /** A sideways table's header and data, by column letter. */
  headerColumnsLine: (top: string, bottom: string, data: string) => string;
  sidewaysLine: string;
  communeLine: (commune: string, fromSheet: boolean) => string;
  tablesHeading: string;
  tableChoiceLabel: string;
  tableItem: (sheet: string, range: string, sideways: boolean) => string;
  includeTable: (sheet: string, range: string) => string;
  skippedSheetsHeading: string;
  rowsHeading: string;
  unmappedRowsHeading: string;
  rowRoleLabel: (row: number, header: string) => string;
  noTableIncluded: string;
  savedSource: string;
  detectedSource: string;
  manualSource: string;
  districtLine: (district: string) => string;
  columnsHeading: string;
  unmappedHeading: string;
  noUnmapped: string;
  columnName: (letter: string) => string;
  columnRoleLabel: (letter: string, header: string) => string;
  ignoreColumn: string;
  confidence: (percent: number) => string;
  checkThis: string;
  uncovered: (ids: string) => string;
  saveMapping: string;
  mappingSaved: string;
  unsaved: string;
  tableFound: (sheet: string, columns: number) => string;
  tablesFound: (tables: number, sheets: string) => string;
  tableManual: (sheet: string) => string;

  // Results
  analyse: string;
  highlightOption: string;
  yearLabel: string;
  yearHint: string;
  yearInvalid: string;
  clearHighlights: string;
  needTable: string;
  provisionalTitle: string;
  summaryHeading: string;
  countAreas: string;
  countMeetsAll: string;
  countShort1: string;
  countShort2: string;
  countShort3: string;
  closeHeading: string;
  closeNone: string;
  closeMore: (n: number, sheet: string) => string;
  shortBy: (n: number) => string;
  selectRowLabel: (area: string, row: number) => string;
  selectColumnLabel: (area: string, column: string) => string;
  holdingHeading: string;
  holdingNone: string;
  holdingLine: (failing: number, total: number) => string;
  onlyGapLine: (n: number) => string;
  noDataLine: (n: number) => string;
  writtenHeading: string;
  renamed: (wanted: string, used: string) => string;
  highlighted: (n: number, sheet: string) => string;
  legendUnmet: string;
  legendMissing: string;
  highlightFailed: string;
  cleared: (n: number, sheet: string) => string;
  problemsHeading: (n: number) => string;
  problemsMore: (n: number) => string;
  skippedLine: (sections: number, totals: number, other: number) => string;
  hiddenIncluded: (n: number) => string;
  analysed: (n: number, sheet: string) => string;
  dossierLabel: string;
  dossierHint: string;
  wordHeading: string;
  wordIntro: string;
  wordDownload: string;
  wordBlocked: string;
  wordSaved: (fileName: string) => string;
  rowSelected: (area: string, row: number) => string;
  columnSelected: (area: string, column: string) => string;
  notesHeading: string;
  /** Where the report is a file to download (the web page). */
  downloadReport: string;
  reportSaved: (fileName: string) => string;

  // Criteria
  criteriaCounts: (criteria: number, indicators: number, unverified: number) => string;
  criteriaBuiltIn: string;
  criteriaFromWorkbook: string;
  writeCriteria: string;
  criteriaWritten: (sheet: string) => string;
  reloadCriteria: string;
  resetCriteria: string;
  criteriaReloaded: string;
  criteriaReloadedRecomputed: (n: number) => string;
  criteriaReset: string;
  criteriaRefused: (n: number) => string;
  criteriaHelp: string;

  // Roadmap
  roadmapIntro: string;
  roadmapWritten: string;
  roadmapSettingsHeading: string;
  startYearLabel: string;
  startYearHint: (year: number) => string;
  targetYearLabel: string;
  targetYearHint: (year: number) => string;
  perCommuneLegend: string;
  perCommuneMin: string;
  perCommuneMax: string;
  targetLabel: string;
  targetHint: string;
  rewardLabel: string;
  rewardHint: string;
  rewardRead: (amount: string) => string;
  completionsLabel: string;
  completionsHint: string;
  communesLegend: string;
  communesHelp: (min: number, max: number) => string;
  communesNeedAnalysis: string;
  communeNotInTable: string;
  effortHeading: (changed: number) => string;
  effortHelp: string;
  effortFundingNote: string;
  effortCriterionColumn: string;
  effortClassColumn: string;
  effortDefault: (label: string) => string;
  effortReset: string;
  settingsInvalid: string;
  planRoadmap: string;
  roadmapPlanned: (start: number, target: number) => string;
  planHeading: (start: number, target: number) => string;
  yearLine: (year: number, planned: number, cumulative: number, target?: number) => string;
  alreadyMeetingLine: (n: number, total: number) => string;
  rewardSpending: (amount: string) => string;
  yearAreasLabel: (year: number) => string;
  yearMore: (n: number, sheet: string) => string;
  stepsCount: (n: number) => string;
  targetNotReachedTitle: string;
  deferredLine: (n: number, year: number) => string;
  planNotesHeading: (n: number) => string;
  rulesHeading: string;
  noPlanYet: string;
  reviewHeading: string;
  reviewHelp: (year: number) => string;
  reviewButton: string;
  reviewRefused: string;
  reviewResultHeading: (year: number) => string;
  reviewDue: (year: number) => string;
  reviewReached: string;
  reviewSlipped: string;
  reviewEarly: string;
  reviewed: (year: number, sheet: string) => string;
  reviewNotesHeading: (n: number) => string;
  notesMore: (n: number, sheet: string) => string;

  // Problems the pane itself reports (through the core's Problem, so both languages travel together)
  sheetProtected: (sheet: string) => string;
}

const vi: Strings = {
  appTitle: "Khu dân cư nông thôn mới",
  appSubtitle: "Bộ tiêu chí khu dân cư NTM tỉnh Phú Thọ",
  english: "English",
  tabsLabel: "Các bước",
  tabTable: "Bảng số liệu",
  tabResults: "Kết quả",
  tabCriteria: "Bộ tiêu chí",
  tabRoadmap: "Lộ trình",
  notInExcel: "Hãy mở ngăn tác vụ này trong Excel.",
  working: "Đang xử lý…",
  statusLabel: "Thông báo",
  errorTitle: "Chưa làm được",
  excelError: (m) => `Excel báo lỗi: ${m}`,
  dismiss: "Đóng",

  tableIntro:
    "Mở sổ số liệu (bảng tổng hợp mỗi dòng một khu, sổ của xã, mỗi xã một trang, hay bảng ngang mỗi khu một cột), rồi bấm “Tìm bảng”: mọi trang có bảng đều được đọc.",
  findTable: "Tìm bảng",
  detectActive: "Dò lại trên trang đang mở",
  sheetLine: (s) => `Trang: ${s}`,
  headerLine: (t, b, d) => (t === b ? `Tiêu đề ở dòng ${t}` : `Tiêu đề ở dòng ${t}–${b}`) + `, số liệu từ dòng ${d}`,
  headerColumnsLine: (t, b, d) =>
    (t === b ? `Tiêu đề ở cột ${t}` : `Tiêu đề ở cột ${t}–${b}`) + `, số liệu từ cột ${d}`,
  sidewaysLine: "Bảng ngang: tiêu chí, chỉ tiêu theo dòng, mỗi khu dân cư một cột. Chọn nội dung cho từng dòng.",
  communeLine: (c, s) => `Xã: ${c} (lấy từ ${s ? "tên trang" : "tiêu đề"}, vì bảng không có cột xã)`,
  tablesHeading: "Các bảng tìm thấy",
  tableChoiceLabel: "Bảng đang xem cách ghép",
  tableItem: (s, r, w) => `Trang “${s}” (${r})${w ? ", bảng ngang" : ""}`,
  includeTable: (s, r) => `Đọc bảng trên trang “${s}” (${r})`,
  skippedSheetsHeading: "Trang bỏ qua",
  rowsHeading: "Dòng đã nhận ra",
  unmappedRowsHeading: "Dòng chưa nhận ra",
  rowRoleLabel: (n, h) => `Dòng ${n}${h ? ` (${h})` : ""}: nội dung`,
  noTableIncluded: "Hãy chọn ít nhất một bảng để đọc.",
  savedSource: "Dùng cách ghép cột đã lưu trong sổ",
  detectedSource: "Cột được nhận dạng tự động",
  manualSource:
    "Không nhận ra cột tiêu chí, chỉ tiêu nào. Dòng tiêu đề của trang được đưa ra dưới đây: hãy chọn cho từng cột tiêu chí hoặc chỉ tiêu của nó, rồi lưu cách ghép cột.",
  districtLine: (d) => `Huyện: ${d}`,
  columnsHeading: "Cột đã nhận ra",
  unmappedHeading: "Cột chưa nhận ra",
  noUnmapped: "Không có.",
  columnName: (l) => `Cột ${l}`,
  columnRoleLabel: (l, h) => `Cột ${l}${h ? ` (${h})` : ""}: nội dung`,
  ignoreColumn: "(bỏ qua cột này)",
  confidence: (p) => `độ tin cậy ${p}%`,
  checkThis: "cần kiểm tra",
  uncovered: (ids) => `Chưa có cột nào cho tiêu chí: ${ids}. Các tiêu chí này sẽ tính là thiếu số liệu.`,
  saveMapping: "Lưu cách ghép cột",
  mappingSaved: "Đã lưu cách ghép cột vào sổ: lần mở sau và các hàm NTM sẽ dùng nó.",
  unsaved: "Có thay đổi chưa lưu (sẽ được lưu khi phân tích).",
  tableFound: (s, n) => `Đã tìm thấy bảng trên trang “${s}”: ${n} cột được nhận ra.`,
  tablesFound: (n, s) => `Đã tìm thấy bảng: ${n} bảng trên các trang ${s}.`,
  tableManual: (s) => `Trang “${s}”: không nhận ra cột tiêu chí nào; hãy ghép cột bằng tay.`,

  analyse: "Phân tích và ghi kết quả",
  highlightOption: "Tô màu chỗ còn thiếu trên trang số liệu",
  yearLabel: "Năm đánh giá (không bắt buộc)",
  yearHint: "Để trống: dùng ngưỡng chung của bộ tiêu chí.",
  yearInvalid: "Năm phải là số từ 2000 đến 2100.",
  clearHighlights: "Xóa tô màu của add-in",
  needTable: "Hãy tìm bảng trước (thẻ “Bảng số liệu”).",
  provisionalTitle: "Ngưỡng tạm tính",
  summaryHeading: "Tổng quan",
  countAreas: "Số khu dân cư",
  countMeetsAll: "Đạt chuẩn (đạt tất cả)",
  countShort1: "Còn thiếu 1 tiêu chí",
  countShort2: "Còn thiếu 2 tiêu chí",
  countShort3: "Thiếu từ 3 tiêu chí",
  closeHeading: "Khu gần đạt chuẩn (thiếu 1–2 tiêu chí)",
  closeNone: "Không có khu nào chỉ thiếu 1–2 tiêu chí.",
  closeMore: (n, s) => `… và ${n} khu khác (xem trang “${s}”).`,
  shortBy: (n) => `thiếu ${n}`,
  selectRowLabel: (a, r) => `${a}: chọn dòng ${r} trên trang số liệu`,
  selectColumnLabel: (a, c) => `${a}: chọn cột ${c} trên trang số liệu`,
  holdingHeading: "Tiêu chí cản trở nhiều khu nhất",
  holdingNone: "Mọi khu đều đạt mọi tiêu chí.",
  holdingLine: (f, t) => `${f}/${t} khu chưa đạt`,
  onlyGapLine: (n) => `${n} khu chỉ còn thiếu tiêu chí này`,
  noDataLine: (n) => `${n} khu thiếu số liệu`,
  writtenHeading: "Đã ghi các trang kết quả",
  renamed: (w, u) => `Trang “${w}” là trang của bạn nên được giữ nguyên; kết quả ghi vào “${u}”.`,
  highlighted: (n, s) => `Đã tô màu ${n} quy tắc trên trang “${s}”.`,
  legendUnmet: "chưa đạt ngưỡng",
  legendMissing: "thiếu số liệu",
  highlightFailed: "Chưa tô màu được trên trang số liệu; các trang kết quả vẫn đã được ghi.",
  cleared: (n, s) => `Đã xóa ${n} định dạng tô màu của add-in trên trang “${s}”; định dạng của bạn giữ nguyên.`,
  problemsHeading: (n) => `Số liệu cần xem lại (${n})`,
  problemsMore: (n) => `… và ${n} chỗ khác (xem trang kết quả theo khu).`,
  skippedLine: (s, t, o) => `Không tính là khu: ${s} dòng tên xã, ${t} dòng cộng/tổng, ${o} dòng trống hoặc ghi chú.`,
  hiddenIncluded: (n) => `${n} khu đang bị ẩn hoặc lọc vẫn được đánh giá.`,
  analysed: (n, s) => `Đã phân tích ${n} khu dân cư trên trang “${s}”.`,
  dossierLabel: "Hồ sơ công nhận cho các khu",
  dossierHint:
    "Ghi Xã/Khu, cách nhau bằng dấu chấm phẩy (vd. Xã Đại An/Khu 5; Xã Vân Lĩnh/Khu 2). Để trống: các khu đạt đủ tiêu chí.",
  wordHeading: "Báo cáo Word",
  wordIntro:
    "Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP: kết quả rà soát, biểu đồ, lộ trình, phụ lục hồ sơ công nhận; số, ngày, người ký để trống cho cán bộ điền.",
  wordDownload: "Tải báo cáo Word (.docx)",
  wordBlocked:
    "Excel trên máy tính không cho khung tác vụ tải tệp về. Để lấy báo cáo Word: mở sổ này bằng Excel cho web (trình duyệt) rồi bấm lại, hoặc dùng dòng lệnh: ntm analyse TỆP.xlsx --docx bao-cao.docx.",
  wordSaved: (f) => `Đã tạo báo cáo Word “${f}” (xem thư mục tải về của trình duyệt).`,
  rowSelected: (a, r) => `Đã chọn dòng ${r} (${a}).`,
  columnSelected: (a, c) => `Đã chọn cột ${c} (${a}).`,
  notesHeading: "Cách đọc bảng",
  downloadReport: "Tải báo cáo (.xlsx)",
  reportSaved: (f) => `Đã tải báo cáo “${f}” (xem thư mục Tải về của trình duyệt).`,

  criteriaCounts: (c, i, u) => `${c} tiêu chí, ${i} chỉ tiêu; ${u} ngưỡng chưa được xác minh.`,
  criteriaBuiltIn: "Đang dùng bộ tiêu chí kèm theo add-in.",
  criteriaFromWorkbook: "Đang dùng bộ tiêu chí đã sửa, lưu trong sổ này.",
  writeCriteria: "Ghi bộ tiêu chí ra trang",
  criteriaWritten: (s) => `Đã ghi bộ tiêu chí ra trang “${s}”. Sửa ngưỡng ở đó rồi bấm “Nạp lại bộ tiêu chí”.`,
  reloadCriteria: "Nạp lại bộ tiêu chí",
  resetCriteria: "Dùng lại bộ tiêu chí gốc",
  criteriaReloaded: "Đã nạp bộ tiêu chí từ trang và lưu trong sổ; các hàm NTM dùng bộ mới.",
  criteriaReloadedRecomputed: (n) => `Đã nạp bộ tiêu chí mới và tính lại ${n} khu dân cư.`,
  criteriaReset: "Đã quay về bộ tiêu chí kèm theo add-in.",
  criteriaRefused: (n) =>
    `Không nạp: trang bộ tiêu chí có ${n} lỗi. Sửa các ô dưới đây rồi nạp lại; bộ tiêu chí đang dùng không đổi.`,
  criteriaHelp:
    "Người có văn bản chính thức có thể sửa ngưỡng, tên, thêm hoặc bỏ chỉ tiêu ngay trên trang bộ tiêu chí, rồi nạp lại: mọi kết quả được tính lại. Cột “Cách tính đạt”: Tất cả, Một trong, Ít nhất 3/4; ngưỡng riêng theo năm hoặc nhóm xã (Nhóm 2, Xã ĐBKK) ghi ở dòng thêm của chỉ tiêu.",

  roadmapIntro:
    "Lộ trình đưa các khu dân cư đạt chuẩn theo năm: khu nào, năm nào, tiêu chí nào trước. Thiết lập dưới đây được lưu trong sổ.",
  roadmapWritten: "Lộ trình đã được ghi ra các trang",
  roadmapSettingsHeading: "Thiết lập lộ trình",
  startYearLabel: "Năm bắt đầu",
  startYearHint: (y) => `Để trống: ${y} (năm đánh giá, hoặc năm nay).`,
  targetYearLabel: "Năm mục tiêu",
  targetYearHint: (y) => `Để trống: ${y} (năm bắt đầu + 4).`,
  perCommuneLegend: "Số khu được công nhận mỗi xã mỗi năm",
  perCommuneMin: "Tối thiểu",
  perCommuneMax: "Tối đa",
  targetLabel: "Mục tiêu của huyện (không bắt buộc)",
  targetHint: "Số khu đạt chuẩn (lũy kế) đến năm mục tiêu.",
  rewardLabel: "Mức thưởng mỗi khu được công nhận mới (đồng, không bắt buộc)",
  rewardHint: "Ví dụ: 50.000.000",
  rewardRead: (a) => `Hiểu là ${a}.`,
  completionsLabel: "Năng lực: số lượt tiêu chí hoàn thành được mỗi năm (không bắt buộc)",
  completionsHint: "Để trống: không giới hạn.",
  communesLegend: "Xã đã đạt chuẩn nông thôn mới",
  communesHelp: (min, max) =>
    `Xã được đánh dấu không bị đặt mục tiêu ${min}–${max} khu mỗi năm: không có mức tối thiểu, vẫn tối đa ${max} khu/năm.`,
  communesNeedAnalysis: "Phân tích (thẻ “Kết quả”) để hiện danh sách xã của huyện.",
  communeNotInTable: "không có khu nào trong bảng",
  effortHeading: (n) => (n > 0 ? `Mức độ khó của từng tiêu chí (đã đổi ${n})` : "Mức độ khó của từng tiêu chí"),
  effortHelp:
    "Trong mỗi khu, tiêu chí mức thấp làm trước, rồi trung bình, rồi cao. Mặc định là đề xuất của nhóm phát triển, không phải văn bản chính thức; chỉ các dòng đã đổi được lưu.",
  effortFundingNote:
    "Nguồn lực (ngân sách hay xã hội hóa) giữ như mặc định; muốn sửa, dùng tệp lộ trình của dòng lệnh (mục effort).",
  effortCriterionColumn: "Tiêu chí",
  effortClassColumn: "Mức độ",
  effortDefault: (l) => `${l} (mặc định)`,
  effortReset: "Khôi phục mặc định",
  settingsInvalid: "Thiết lập chưa hợp lệ",
  planRoadmap: "Lưu thiết lập và lập lộ trình",
  roadmapPlanned: (s, t) => `Đã lưu thiết lập và lập lộ trình ${s}–${t}.`,
  planHeading: (s, t) => `Lộ trình ${s}–${t}`,
  yearLine: (y, p, c, t) => `${y}: ${p} khu (lũy kế ${c}${t === undefined ? "" : ` / mục tiêu ${t}`})`,
  alreadyMeetingLine: (n, total) => `Đã đạt chuẩn từ đầu: ${n}/${total} khu.`,
  rewardSpending: (a) => `Thưởng: ${a}`,
  yearAreasLabel: (y) => `Các khu dự kiến đạt chuẩn năm ${y}`,
  yearMore: (n, s) => `… và ${n} khu khác (xem trang “${s}”).`,
  stepsCount: (n) => `còn ${n} tiêu chí`,
  targetNotReachedTitle: "Không đạt mục tiêu của huyện",
  deferredLine: (n, y) => `${n} khu để sau năm ${y}.`,
  planNotesHeading: (n) => `Lưu ý về lộ trình (${n})`,
  rulesHeading: "Quy tắc lập lộ trình",
  noPlanYet: "Chưa có lộ trình: bấm “Lưu thiết lập và lập lộ trình” (hoặc phân tích ở thẻ “Kết quả”).",
  reviewHeading: "Rà soát tiến độ hằng năm",
  reviewHelp: (y) =>
    `So lộ trình đã ghi với số liệu năm ${y}: khu dự kiến đến hết năm ${y - 1} đã đạt chuẩn hay chưa; phần còn lại được lập lại từ năm ${y}.`,
  reviewButton: "Rà soát tiến độ năm nay",
  reviewRefused: "Chưa rà soát được",
  reviewResultHeading: (y) => `Kết quả rà soát năm ${y}`,
  reviewDue: (y) => `Dự kiến đến hết năm ${y - 1}`,
  reviewReached: "Đã đạt chuẩn",
  reviewSlipped: "Chưa đạt, chậm so với lộ trình",
  reviewEarly: "Đạt chuẩn sớm hơn lộ trình",
  reviewed: (y, s) => `Đã rà soát tiến độ năm ${y} và ghi trang “${s}”.`,
  reviewNotesHeading: (n) => `Lưu ý khi rà soát (${n})`,
  notesMore: (n, s) => `… và ${n} lưu ý khác (xem trang “${s}”).`,

  sheetProtected: (s) =>
    `Trang “${s}” đang được bảo vệ nên add-in không tô màu được. Bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang) rồi phân tích lại.`,
};

const en: Strings = {
  appTitle: "New-rural residential areas",
  appSubtitle: "Phú Thọ residential-area (KDC NTM) criteria",
  english: "English",
  tabsLabel: "Steps",
  tabTable: "Data table",
  tabResults: "Results",
  tabCriteria: "Criteria",
  tabRoadmap: "Roadmap",
  notInExcel: "Open this task pane in Excel.",
  working: "Working…",
  statusLabel: "Messages",
  errorTitle: "Not done",
  excelError: (m) => `Excel reported an error: ${m}`,
  dismiss: "Dismiss",

  tableIntro:
    "Open the data workbook (a roll-up with one area per row, a commune's workbook, one sheet per commune, or a sideways table with one area per column), then “Find the table”: every sheet with a table is read.",
  findTable: "Find the table",
  detectActive: "Detect again on the active sheet",
  sheetLine: (s) => `Sheet: ${s}`,
  headerLine: (t, b, d) => (t === b ? `Header in row ${t}` : `Header in rows ${t}–${b}`) + `, data from row ${d}`,
  headerColumnsLine: (t, b, d) =>
    (t === b ? `Header in column ${t}` : `Header in columns ${t}–${b}`) + `, data from column ${d}`,
  sidewaysLine:
    "A sideways table: criteria and indicators down the rows, one column per area. Choose what each row holds.",
  communeLine: (c, s) => `Commune: ${c} (from the ${s ? "sheet name" : "title"}, as the table has no commune column)`,
  tablesHeading: "Tables found",
  tableChoiceLabel: "Table whose mapping is shown",
  tableItem: (s, r, w) => `Sheet “${s}” (${r})${w ? ", sideways" : ""}`,
  includeTable: (s, r) => `Read the table on sheet “${s}” (${r})`,
  skippedSheetsHeading: "Sheets passed over",
  rowsHeading: "Recognised rows",
  unmappedRowsHeading: "Rows not recognised",
  rowRoleLabel: (n, h) => `Row ${n}${h ? ` (${h})` : ""}: content`,
  noTableIncluded: "Choose at least one table to read.",
  savedSource: "Using the column mapping saved in the workbook",
  detectedSource: "Columns recognised automatically",
  manualSource:
    "No criterion or indicator column was recognised. The sheet's header row is shown below: give each column its criterion or indicator, then save the mapping.",
  districtLine: (d) => `District: ${d}`,
  columnsHeading: "Recognised columns",
  unmappedHeading: "Columns not recognised",
  noUnmapped: "None.",
  columnName: (l) => `Column ${l}`,
  columnRoleLabel: (l, h) => `Column ${l}${h ? ` (${h})` : ""}: content`,
  ignoreColumn: "(ignore this column)",
  confidence: (p) => `confidence ${p}%`,
  checkThis: "check",
  uncovered: (ids) => `No column for criteria: ${ids}. They will count as missing data.`,
  saveMapping: "Save the mapping",
  mappingSaved: "Mapping saved in the workbook: the next opening and the NTM functions will use it.",
  unsaved: "Unsaved changes (saved when you analyse).",
  tableFound: (s, n) => `Table found on sheet “${s}”: ${n} columns recognised.`,
  tablesFound: (n, s) => `Tables found: ${n} tables on sheets ${s}.`,
  tableManual: (s) => `Sheet “${s}”: no criterion column recognised; map the columns by hand.`,

  analyse: "Analyse and write results",
  highlightOption: "Highlight gaps on the data sheet",
  yearLabel: "Assessment year (optional)",
  yearHint: "Empty: the ruleset's general thresholds.",
  yearInvalid: "The year must be a number from 2000 to 2100.",
  clearHighlights: "Clear the add-in's highlights",
  needTable: "Find the table first (“Data table” tab).",
  provisionalTitle: "Provisional thresholds",
  summaryHeading: "Overview",
  countAreas: "Residential areas",
  countMeetsAll: "Meeting the standard (all met)",
  countShort1: "One criterion short",
  countShort2: "Two criteria short",
  countShort3: "Three or more short",
  closeHeading: "Areas close to the standard (1–2 criteria short)",
  closeNone: "No area is only 1–2 criteria short.",
  closeMore: (n, s) => `… and ${n} more (see sheet “${s}”).`,
  shortBy: (n) => `${n} short`,
  selectRowLabel: (a, r) => `${a}: select row ${r} on the data sheet`,
  selectColumnLabel: (a, c) => `${a}: select column ${c} on the data sheet`,
  holdingHeading: "Criteria holding most areas back",
  holdingNone: "Every area meets every criterion.",
  holdingLine: (f, t) => `${f}/${t} areas not meeting it`,
  onlyGapLine: (n) => `the only gap of ${n} areas`,
  noDataLine: (n) => `${n} areas without data`,
  writtenHeading: "Result sheets written",
  renamed: (w, u) => `Sheet “${w}” is yours and was left alone; the results went to “${u}”.`,
  highlighted: (n, s) => `${n} highlight rules added on sheet “${s}”.`,
  legendUnmet: "below the threshold",
  legendMissing: "no data",
  highlightFailed: "Gaps not highlighted on the data sheet; the result sheets were written.",
  cleared: (n, s) => `${n} of the add-in's highlight formats removed from sheet “${s}”; your own formats are kept.`,
  problemsHeading: (n) => `Values to check (${n})`,
  problemsMore: (n) => `… and ${n} more (see the per-area result sheet).`,
  skippedLine: (s, t, o) =>
    `Not counted as areas: ${s} commune rows, ${t} subtotal/total rows, ${o} blank or note rows.`,
  hiddenIncluded: (n) => `${n} hidden or filtered-out areas are assessed too.`,
  analysed: (n, s) => `${n} residential areas analysed on sheet “${s}”.`,
  dossierLabel: "Recognition dossier for the areas",
  dossierHint:
    "Write Commune/Area, separated by semicolons (e.g. Xã Đại An/Khu 5; Xã Vân Lĩnh/Khu 2). Empty: the areas meeting every criterion.",
  wordHeading: "Word report",
  wordIntro:
    "A report in the state's document form (Decree 30/2020): results, charts, roadmap, recognition dossier annex; number, date and signer left for the officer.",
  wordDownload: "Download the Word report (.docx)",
  wordBlocked:
    "Excel on Windows and Mac does not let a task pane download files. To get the Word report, open this workbook in Excel on the web (a browser) and click again, or use the command line: ntm analyse FILE.xlsx --docx report.docx.",
  wordSaved: (f) => `Word report “${f}” made (see the browser's downloads).`,
  rowSelected: (a, r) => `Row ${r} selected (${a}).`,
  columnSelected: (a, c) => `Column ${c} selected (${a}).`,
  notesHeading: "How the tables were read",
  downloadReport: "Download the report (.xlsx)",
  reportSaved: (f) => `Report “${f}” downloaded (see the browser's Downloads folder).`,

  criteriaCounts: (c, i, u) => `${c} criteria, ${i} indicators; ${u} thresholds not verified.`,
  criteriaBuiltIn: "Using the criteria that ship with the add-in.",
  criteriaFromWorkbook: "Using corrected criteria saved in this workbook.",
  writeCriteria: "Write the criteria to a sheet",
  criteriaWritten: (s) => `Criteria written to sheet “${s}”. Correct a threshold there, then “Reload the criteria”.`,
  reloadCriteria: "Reload the criteria",
  resetCriteria: "Back to the built-in criteria",
  criteriaReloaded: "Criteria reloaded from the sheet and saved in the workbook; the NTM functions use them.",
  criteriaReloadedRecomputed: (n) => `New criteria loaded and ${n} residential areas recomputed.`,
  criteriaReset: "Back to the criteria that ship with the add-in.",
  criteriaRefused: (n) =>
    `Not loaded: the criteria sheet has ${n} faults. Fix the cells below and reload; the criteria in use are unchanged.`,
  criteriaHelp:
    "An officer holding the official annex can correct thresholds and names, add or drop indicators on the criteria sheet, then reload: every result is recomputed. Column “Cách tính đạt”: Tất cả (all), Một trong (any), Ít nhất 3/4 (at least 3 of 4); thresholds by year or commune group (Nhóm 2, Xã ĐBKK) go on an extra row of the indicator.",

  roadmapIntro:
    "The year-by-year roadmap to the standard: which areas, which year, which criteria first. The settings below are kept in the workbook.",
  roadmapWritten: "The roadmap was written to",
  roadmapSettingsHeading: "Roadmap settings",
  startYearLabel: "Start year",
  startYearHint: (y) => `Empty: ${y} (the assessment year, or this year).`,
  targetYearLabel: "Target year",
  targetYearHint: (y) => `Empty: ${y} (start year + 4).`,
  perCommuneLegend: "Areas recognised per commune per year",
  perCommuneMin: "Minimum",
  perCommuneMax: "Maximum",
  targetLabel: "District target (optional)",
  targetHint: "Areas at the standard (cumulative) by the target year.",
  rewardLabel: "Reward per newly recognised area (VND, optional)",
  rewardHint: "For example: 50.000.000 or 50,000,000",
  rewardRead: (a) => `Read as ${a}.`,
  completionsLabel: "Capacity: criterion completions per year (optional)",
  completionsHint: "Empty: no limit.",
  communesLegend: "Communes already at the new-countryside standard",
  communesHelp: (min, max) =>
    `Ticked communes get no aim of ${min}–${max} areas a year: no minimum, still at most ${max} a year.`,
  communesNeedAnalysis: "Analyse (“Results” tab) to list the district's communes.",
  communeNotInTable: "no area in the table",
  effortHeading: (n) => (n > 0 ? `Effort per criterion (${n} changed)` : "Effort per criterion"),
  effortHelp:
    "Within each area, low-effort criteria come first, then medium, then high. The defaults are the development team's proposal, not an official text; only changed rows are saved.",
  effortFundingNote:
    "Funding (state or community) keeps its default; the command line's roadmap file (effort) can change it.",
  effortCriterionColumn: "Criterion",
  effortClassColumn: "Effort",
  effortDefault: (l) => `${l} (default)`,
  effortReset: "Restore the defaults",
  settingsInvalid: "Settings to correct",
  planRoadmap: "Save the settings and plan",
  roadmapPlanned: (s, t) => `Settings saved and the roadmap ${s}–${t} planned.`,
  planHeading: (s, t) => `Roadmap ${s}–${t}`,
  yearLine: (y, p, c, t) => `${y}: ${p} areas (cumulative ${c}${t === undefined ? "" : ` / target ${t}`})`,
  alreadyMeetingLine: (n, total) => `At the standard from the start: ${n}/${total} areas.`,
  rewardSpending: (a) => `Rewards: ${a}`,
  yearAreasLabel: (y) => `Areas planned to reach the standard in ${y}`,
  yearMore: (n, s) => `… and ${n} more (see sheet “${s}”).`,
  stepsCount: (n) => `${n} criteria to go`,
  targetNotReachedTitle: "District target not reachable",
  deferredLine: (n, y) => `${n} areas left for after ${y}.`,
  planNotesHeading: (n) => `Notes on the roadmap (${n})`,
  rulesHeading: "How the roadmap is planned",
  noPlanYet: "No roadmap yet: “Save the settings and plan” (or analyse in the “Results” tab).",
  reviewHeading: "Yearly progress review",
  reviewHelp: (y) =>
    `Compares the written roadmap with the ${y} data: did the areas planned up to ${y - 1} reach the standard; the rest is re-planned from ${y}.`,
  reviewButton: "Review this year's progress",
  reviewRefused: "Not reviewed",
  reviewResultHeading: (y) => `Review of ${y}`,
  reviewDue: (y) => `Planned up to ${y - 1}`,
  reviewReached: "Reached the standard",
  reviewSlipped: "Not yet, behind the roadmap",
  reviewEarly: "Reached ahead of the roadmap",
  reviewed: (y, s) => `Progress reviewed for ${y} and written to sheet “${s}”.`,
  reviewNotesHeading: (n) => `Notes from the review (${n})`,
  notesMore: (n, s) => `… and ${n} more notes (see sheet “${s}”).`,

  sheetProtected: (s) =>
    `Sheet “${s}” is protected, so the add-in cannot highlight it. Unprotect the sheet (Review › Unprotect Sheet) and analyse again.`,
};

export const STRINGS: Record<Language, Strings> = { vi, en };

/** A problem found by the pane or its Excel layer, in both languages like the core's. */
export function hostProblem(code: "sheetProtected", where: string): Problem {
  return problem("sheet-protected", where, vi[code](where), en[code](where));
}

/**
 * Anything else Excel or the browser threw, kept as a located problem so the pane shows it the same way; in the
 * words of the texts given (the web page's say the page, not Excel, met it).
 */
export function errorProblem(error: unknown, where = "", strings: Record<Language, Strings> = STRINGS): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return problem("excel-error", where, strings.vi.excelError(detail), strings.en.excelError(detail));
}
