import { analyseAndWrite } from "../src/rules/analysis/runs";
import { printSetupOf, wrappedLines } from "../src/rules/report/print-setup";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { MemoryWorkbook, SHEET_NAMES, SheetOutput } from "../src/rules/workbook";
import { indicatorRollup } from "./support/grids";

const rs = embeddedRuleset();

describe("print setup of the add-in's sheets", () => {
  test("every sheet written is set to A4, one page wide, its table header on each page, page numbers in the footer", async () => {
    const wb = new MemoryWorkbook([indicatorRollup({ merges: true })]);
    await analyseAndWrite(wb, { ruleset: rs, year: 2020 });
    expect(wb.outputs.size).toBeGreaterThanOrEqual(8);
    for (const sheet of wb.outputs.values()) {
      expect(sheet.print).toBeDefined();
      const print = sheet.print!;
      expect(print).toMatchObject({ paper: "A4", pagesWide: 1, footer: "Trang &P/&N" });
      expect(print.repeatRows).toEqual({ first: sheet.tableHeaderRow, last: sheet.tableHeaderRow });
      expect(print.columns).toBe(Math.max(...sheet.rows.map((r) => r.length)));
    }
    // The per-area table (some 230 characters wide) prints landscape; the two-column distribution portrait.
    expect(wb.outputs.get(SHEET_NAMES.areas)!.print!.orientation).toBe("landscape");
    expect(wb.outputs.get(SHEET_NAMES.distribution)!.print!.orientation).toBe("portrait");
  });

  const sheet = (rows: SheetOutput["rows"], widths: number[]): SheetOutput => ({
    name: "NTM - Thử",
    rows,
    headerRows: 4,
    tableHeaderRow: 3,
    warningRows: [1],
    columnWidths: widths,
  });

  test("a row of one long text is spread over the table; short ones and table rows are left alone", () => {
    const note = "⚠ NGƯỠNG TẠM TÍNH: ".padEnd(200, "x");
    const s = sheet(
      [["TIÊU ĐỀ"], [note], [], ["TT", "Xã", "Khu"], [1, "Xã A", "Khu 1"], ["Quy tắc: ".padEnd(120, "y")]],
      [20, 20, 20]
    );
    const print = printSetupOf(s);
    // "TIÊU ĐỀ" fits column A; the note (bold: wider characters) and the rule line below the table do not.
    expect(print.banners.map((b) => b.row)).toEqual([1, 5]);
    const [noteBanner, ruleBanner] = print.banners;
    // In a 60-wide table, bold: 53 characters a line. "⚠ NGƯỠNG TẠM TÍNH:" on one, then the 181-letter
    // word broken over four.
    expect(noteBanner.lines).toBe(5);
    expect(ruleBanner.lines).toBeLessThan(noteBanner.lines);
    expect(print.wrapRows).toEqual({ first: 4, last: 5 });
    expect(print.orientation).toBe("portrait");
  });

  test("a wrapped row is as many lines high as its longest text needs in its column, wrapped at words", () => {
    const words = Array.from({ length: 12 }, () => "khu dân").join(" "); // 95 characters
    const s = sheet(
      [["T"], [], [], ["Dòng trên trang gốc", "Ghi chú"], [1, "".padEnd(100, "a")], [2, "ngắn"], [3, words]],
      [10, 40]
    );
    expect(wrappedLines(s, 5)).toBe(1);
    // 45 characters a line (38.5 / 0.85): a 100-letter word breaks twice; words do not pack as tight.
    expect(wrappedLines(s, 4)).toBe(3);
    expect(wrappedLines(s, 6)).toBe(3);
    // The bold header in a 10-wide column, as LibreOffice prints it: "Dòng / trên / trang / gốc".
    expect(wrappedLines(s, 3)).toBe(4);
  });
});
