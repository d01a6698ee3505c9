import { Language } from "../rules/message";
import { STRINGS, Strings } from "../taskpane/strings";

/** The page's own texts, around the pane: Vietnamese first, English on the switch. */
export interface PageStrings {
  title: string;
  subtitle: string;
  english: string;
  privacyTitle: string;
  privacyBody: string;
  filesHeading: string;
  filesHelp: string;
  pick: string;
  drop: string;
  reading: string;
  noFiles: string;
  fileLine: (sheets: number, kilobytes: number) => string;
  renamedFile: (original: string) => string;
  remove: string;
  removeLabel: (file: string) => string;
  removeAll: string;
  fileErrorsTitle: string;
  fileErrorsHelp: string;
  ambiguousSheets: (sheets: string, files: string) => string;
  elsewhereTitle: string;
  elsewhereBody: string;
  version: (version: string) => string;
}

const vi: PageStrings = {
  title: "Rà soát khu dân cư nông thôn mới",
  subtitle: "Bộ tiêu chí khu dân cư NTM tỉnh Phú Thọ · trang web, không cần Excel",
  english: "English",
  privacyTitle: "Tệp của bạn không rời khỏi máy tính này",
  privacyBody:
    "Trang đọc và phân tích tệp ngay trong trình duyệt: không tải lên, không gửi đi đâu. Trình duyệt chặn mọi kết nối mạng của trang (chính sách Content-Security-Policy: connect-src 'none'), nên trang chạy được cả khi không có mạng, kể cả khi mở từ tệp .html lưu trên máy.",
  filesHeading: "Tệp số liệu (.xlsx)",
  filesHelp:
    "Chọn một tệp, hoặc nhiều tệp (các huyện, các xã) để tổng hợp toàn tỉnh. Mọi trang, mọi bảng của từng tệp đều được đọc.",
  pick: "Chọn tệp…",
  drop: "hoặc kéo thả tệp vào đây",
  reading: "Đang đọc tệp…",
  noFiles: "Chưa chọn tệp nào.",
  fileLine: (n, kb) => `${n} trang, ${kb.toLocaleString("vi-VN")} KB`,
  renamedFile: (o) => `gọi là tên này để phân biệt với một tệp khác cũng tên “${o}”`,
  remove: "Bỏ",
  removeLabel: (f) => `Bỏ tệp ${f}`,
  removeAll: "Bỏ tất cả",
  fileErrorsTitle: "Không đọc được tệp",
  fileErrorsHelp:
    "Hãy bỏ tệp lỗi (hoặc sửa rồi chọn lại). Trang chưa phân tích khi còn tệp không đọc được, để bảng tổng hợp không thiếu mất một huyện, một xã mà trông vẫn đầy đủ.",
  ambiguousSheets: (s, f) =>
    `Nhiều tệp (${f}) cùng có trang ${s}: không trang nào trong số đó được dùng (bộ tiêu chí đã sửa, lộ trình năm trước). Muốn dùng, chỉ chọn một tệp có trang đó.`,
  elsewhereTitle: "Khác với add-in trong Excel",
  elsewhereBody:
    "Trang web không sửa tệp của bạn: kết quả nằm trong báo cáo tải về, thiết lập chỉ giữ đến khi đóng trang. Trong Excel (Microsoft 365, Excel 2021 trở lên), add-in còn tô màu ô chưa đạt ngay trên trang số liệu của bạn, lưu cách ghép cột và thiết lập trong sổ, và có các hàm =NTM.* trong ô.",
  version: (v) => `Phiên bản ${v}`,
};

const en: PageStrings = {
  title: "New rural residential areas review",
  subtitle: "Phú Thọ residential area (KDC NTM) criteria · web page, no Excel needed",
  english: "English",
  privacyTitle: "Your files never leave this computer",
  privacyBody:
    "The page reads and analyses the files inside the browser: nothing is uploaded or sent anywhere. The browser blocks every network connection of the page (Content-Security-Policy: connect-src 'none'), so it also works offline, even opened from a saved .html file.",
  filesHeading: "Data files (.xlsx)",
  filesHelp:
    "Pick one file, or several (districts, communes) for the province roll-up. Every sheet and every table of each file is read.",
  pick: "Pick files…",
  drop: "or drop files here",
  reading: "Reading the files…",
  noFiles: "No file picked yet.",
  fileLine: (n, kb) => `${n} sheets, ${kb.toLocaleString("en-US")} KB`,
  renamedFile: (o) => `called so to tell it from another file also named “${o}”`,
  remove: "Remove",
  removeLabel: (f) => `Remove file ${f}`,
  removeAll: "Remove all",
  fileErrorsTitle: "Files that cannot be read",
  fileErrorsHelp:
    "Remove the faulty files (or fix them and pick them again). Nothing is analysed while a picked file cannot be read, so that a roll-up never misses a district or commune while looking complete.",
  ambiguousSheets: (s, f) =>
    `Several files (${f}) have sheet ${s}: none of them is used (corrected criteria, last year's roadmap). To use one, pick only one file that has it.`,
  elsewhereTitle: "Unlike the add-in in Excel",
  elsewhereBody:
    "The web page does not change your files: the results are in the report you download, and settings last until the page is closed. In Excel (Microsoft 365, Excel 2021 or later) the add-in also highlights unmet cells on your own data sheet, keeps the column mapping and settings in the workbook, and offers the =NTM.* cell functions.",
  version: (v) => `Version ${v}`,
};

export const PAGE_STRINGS: Record<Language, PageStrings> = { vi, en };

/** The pane's texts where the page words them for files and a downloaded report. */
export const PANE_STRINGS: Record<Language, Strings> = {
  vi: {
    ...STRINGS.vi,
    excelError: (m) => `Trang gặp lỗi: ${m}`,
    tableIntro:
      "Mọi trang của các tệp đã chọn đều được đọc: bảng tổng hợp mỗi dòng một khu, sổ của xã, mỗi xã một trang, hay bảng ngang mỗi khu một cột. Trang được ghi kèm tệp như Excel ghi: [tệp]trang.",
    savedSource: "Cách ghép cột của lần phân tích trước",
    unsaved: "Đã sửa cách ghép cột: bấm “Phân tích” ở thẻ “Kết quả” để dùng.",
    analyse: "Phân tích",
    analysed: (n) => `Đã phân tích ${n} khu dân cư. Bấm “Tải báo cáo (.xlsx)” để lưu kết quả.`,
    writtenHeading: "Báo cáo gồm các trang",
    closeMore: (n, s) => `… và ${n} khu khác (xem trang “${s}” của báo cáo).`,
    yearMore: (n, s) => `… và ${n} khu khác (xem trang “${s}” của báo cáo).`,
    notesMore: (n, s) => `… và ${n} lưu ý khác (xem trang “${s}” của báo cáo).`,
    problemsMore: (n) => `… và ${n} chỗ khác (xem trang kết quả theo khu của báo cáo).`,
    criteriaBuiltIn: "Đang dùng bộ tiêu chí kèm theo công cụ.",
    criteriaFromWorkbook: "Đang dùng bộ tiêu chí đã sửa, nạp từ tệp đã chọn (đến khi đóng trang).",
    criteriaHelp:
      "Sửa ngưỡng khi có văn bản chính thức: tải báo cáo, sửa trang “NTM - Bộ tiêu chí” của nó bằng Excel và lưu; chọn tệp đó cùng các tệp số liệu, rồi bấm “Nạp lại bộ tiêu chí”: mọi kết quả được tính lại.",
    criteriaReloaded: "Đã nạp bộ tiêu chí từ trang “NTM - Bộ tiêu chí”; dùng đến khi đóng trang.",
    roadmapIntro:
      "Lộ trình đưa các khu dân cư đạt chuẩn theo năm: khu nào, năm nào, tiêu chí nào trước. Thiết lập dưới đây giữ đến khi đóng trang; lộ trình nằm trong báo cáo tải về.",
    roadmapWritten: "Lộ trình nằm trong các trang của báo cáo",
    planRoadmap: "Lập lộ trình",
    roadmapPlanned: (s, t) => `Đã lập lộ trình ${s}–${t}.`,
    noPlanYet: "Chưa có lộ trình: bấm “Lập lộ trình” (hoặc phân tích ở thẻ “Kết quả”).",
    reviewHelp: (y) =>
      `Chọn báo cáo năm trước (có trang “NTM - Lộ trình”) cùng các tệp số liệu năm ${y}: khu dự kiến đến hết năm ${y - 1} đã đạt chuẩn hay chưa; phần còn lại được lập lại từ năm ${y}.`,
    reviewed: (y, s) => `Đã rà soát tiến độ năm ${y}; kết quả ở trang “${s}” của báo cáo.`,
  },
  en: {
    ...STRINGS.en,
    excelError: (m) => `The page met an error: ${m}`,
    tableIntro:
      "Every sheet of the picked files is read: a district roll-up with one area per row, a commune's workbook, one sheet per commune, or a sideways form with one area per column. Sheets are named with their file as Excel names them: [file]sheet.",
    savedSource: "The column mapping of the last analysis",
    unsaved: "Column mapping changed: “Analyse” in the “Results” tab uses it.",
    analyse: "Analyse",
    analysed: (n) => `${n} residential areas analysed. “Download the report (.xlsx)” keeps the results.`,
    writtenHeading: "The report's sheets",
    closeMore: (n, s) => `… and ${n} more (see the report's sheet “${s}”).`,
    yearMore: (n, s) => `… and ${n} more (see the report's sheet “${s}”).`,
    notesMore: (n, s) => `… and ${n} more notes (see the report's sheet “${s}”).`,
    problemsMore: (n) => `… and ${n} more (see the report's per-area sheet).`,
    criteriaBuiltIn: "Using the criteria that come with the tool.",
    criteriaFromWorkbook: "Using corrected criteria, loaded from a picked file (until the page is closed).",
    criteriaHelp:
      "To correct thresholds from the official text: download the report, edit its “NTM - Bộ tiêu chí” sheet in Excel and save; pick that file with the data files, then “Reload the criteria”: every result is recomputed.",
    criteriaReloaded: "Criteria loaded from the “NTM - Bộ tiêu chí” sheet, until the page is closed.",
    roadmapIntro:
      "The roadmap bringing the residential areas to the standard year by year: which areas, which year, which criteria first. The settings below last until the page is closed; the roadmap is in the downloaded report.",
    roadmapWritten: "The roadmap is in the report's sheets",
    planRoadmap: "Plan the roadmap",
    roadmapPlanned: (s, t) => `Roadmap ${s}–${t} planned.`,
    noPlanYet: "No roadmap yet: “Plan the roadmap” (or analyse in the “Results” tab).",
    reviewHelp: (y) =>
      `Pick last year's report (with its “NTM - Lộ trình” sheet) with the ${y} data files: did the areas planned up to ${y - 1} reach the standard; the rest is re-planned from ${y}.`,
    reviewed: (y, s) => `Progress reviewed for ${y}; see the report's sheet “${s}”.`,
  },
};
