import { analyseAndWrite } from "../src/rules/analysis/runs";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { gapHighlights } from "../src/rules/analysis/highlights";
import { WorkbookAnalysis } from "../src/rules/analysis/analysis-shapes";
import { CellValue } from "../src/rules/reading/cell";
import { InputError, Problem } from "../src/rules/message";
import { transposedView } from "../src/rules/reading/orientation";
import { communeIdentity } from "../src/rules/reading/places";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { fromSavedMapping, toSavedMapping } from "../src/rules/reading/sheet-table";
import { MemoryWorkbook, SETTING_KEYS, SHEET_NAMES, SheetData } from "../src/rules/workbook";
import { statusRollup } from "./support/grids";
import { bookSheets, sheetDataOf, shapeBook } from "./support/shapes";

const rs = embeddedRuleset();

async function problemsOf(p: Promise<unknown>): Promise<Problem[]> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error
  );
  if (e instanceof InputError) return e.problems;
  throw new Error(`expected an InputError, got ${String(e)}`);
}

const areasOf = (a: WorkbookAnalysis) => a.tables.flatMap((t) => t.assessments);

describe("every shape of workbook, read whole", () => {
  test("one sheet per commune after a cover: every sheet read, the cover passed over, each commune from its sheet name", async () => {
    const book = shapeBook({ shape: "communes" });
    expect(book.sheets.length).toBeGreaterThanOrEqual(3);
    const analysis = await analyseWorkbook(new MemoryWorkbook(bookSheets(book)), { ruleset: rs });
    expect(analysis.tables.map((t) => t.sheet)).toEqual(book.sheets.map((s) => s.name));
    expect(analysis.skippedSheets).toEqual([expect.objectContaining({ sheet: "Hướng dẫn", reason: "instructions" })]);
    const read = areasOf(analysis);
    expect(read.map((a) => [a.area.sheet, a.area.name, a.area.row, a.notMet])).toEqual(
      book.areas.map((a) => [a.sheet, a.name, a.row, a.notMet])
    );
    for (const a of read) {
      // The title names no place: the commune is the sheet's name, the same commune the areas were made for.
      expect(a.area.commune).toBe(a.area.sheet);
      expect(communeIdentity(a.area.commune)).toBe(
        communeIdentity(book.areas.find((b) => b.sheet === a.area.sheet)?.commune ?? "")
      );
      expect(a.area.district).toBeUndefined();
    }
    for (const t of analysis.tables) {
      expect(t.district).toBeUndefined();
      expect(t.notes.map((n) => n.code)).toContain("commune-from-sheet");
    }
  });

  test("a commune's own workbook: no commune column, the commune from the title, no district", async () => {
    const book = shapeBook({ shape: "commune", commune: "Xã Thanh Thủy" });
    const analysis = await analyseWorkbook(new MemoryWorkbook(bookSheets(book)), { ruleset: rs });
    const read = areasOf(analysis);
    expect(read.map((a) => [a.area.commune, a.area.name, a.area.row, a.notMet])).toEqual(
      book.areas.map((a) => ["Xã Thanh Thủy", a.name, a.row, a.notMet])
    );
    expect(read.every((a) => a.area.district === undefined)).toBe(true);
    expect(analysis.tables[0].notes.map((n) => n.code)).toContain("commune-from-title");
  });

  test.each(["indicators", "status"] as const)(
    "a commune's form turned sideways (%s): one area per column, read as well as the usual table",
    async (layout) => {
      const book = shapeBook({ shape: "sideways", commune: "Xã Thanh Thủy", layout, areas: 14 });
      const analysis = await analyseWorkbook(new MemoryWorkbook(bookSheets(book)), { ruleset: rs });
      const [table] = analysis.tables;
      expect(table.layout.orientation).toBe("columns");
      expect(table.notes[0].code).toBe("sideways");
      const read = table.assessments;
      expect(read.map((a) => [a.area.commune, a.area.name, a.area.column, a.area.row, a.notMet])).toEqual(
        book.areas.map((a) => ["Xã Thanh Thủy", a.name, a.column, undefined, a.notMet])
      );
      // Unreadable cells are located on the real sheet: a column letter of an area, a row of an indicator.
      for (const p of table.problems) {
        const [, letters] = /^([A-Z]+)\d+$/.exec(p.where) ?? [];
        expect(read.some((a) => a.area.column === letters.charCodeAt(0) - 64)).toBe(true);
      }
    }
  );

  test("a sideways table's highlights run along its rows, over the area columns only", async () => {
    const book = shapeBook({ shape: "sideways", commune: "Xã Thanh Thủy", areas: 5 });
    const data = sheetDataOf(book.sheets[0]);
    const workbook = new MemoryWorkbook([data]);
    const run = await analyseAndWrite(workbook, { ruleset: rs });
    const [table] = run.analysis.tables;
    const hs = workbook.highlights.get(data.name) ?? [];
    expect(hs.length).toBe(gapHighlights(table, rs).length);
    expect(hs.length).toBeGreaterThan(0);
    const first = Math.min(...table.assessments.map((a) => a.area.column ?? 0));
    const last = Math.max(...table.assessments.map((a) => a.area.column ?? 0));
    const letter = (n: number) => String.fromCharCode(64 + n);
    for (const h of hs) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(h.range);
      expect(m).not.toBeNull();
      const [, from, r1, to, r2] = m as RegExpExecArray;
      expect([from, to, r1]).toEqual([letter(first), letter(last), r2]);
      // The condition is written on the range's top-left cell.
      expect(h.formula).toContain(`${letter(first)}${r1}`);
      const label = String(data.values[Number(r1) - 1][2] ?? data.values[Number(r1) - 1][1]);
      expect(label).not.toBe("");
    }
    // The mapping is saved sideways, by sheet row, and read back the same.
    const [saved] = JSON.parse(workbook.settings.get(SETTING_KEYS.mapping) as string);
    expect(saved.orientation).toBe("columns");
    expect(saved.columns.every((c: { row?: number; column?: string }) => c.row !== undefined && !c.column)).toBe(true);
    const back = fromSavedMapping(saved, rs);
    expect("code" in back).toBe(false);
    expect(toSavedMapping(data.name, back as never)).toEqual(saved);
    // A second run reads it through the saved mapping, to the same results.
    const again = await analyseWorkbook(workbook, { ruleset: rs });
    expect(areasOf(again).map((a) => [a.area.name, a.notMet])).toEqual(
      table.assessments.map((a) => [a.area.name, a.notMet])
    );
  });

  test("a mapping saved by an earlier version (one object, no orientation) still loads, for its sheet", async () => {
    const sheet = sheetDataOf(shapeBook({ shape: "commune", commune: "Xã Thanh Thủy" }).sheets[0]);
    const workbook = new MemoryWorkbook([sheet]);
    const first = await analyseWorkbook(workbook, { ruleset: rs });
    const old = toSavedMapping(sheet.name, first.tables[0].layout);
    expect(old.orientation).toBeUndefined();
    // The user had ignored the households column: the saved mapping, not detection, must say so.
    old.columns = old.columns.filter((c) => c.role.kind !== "households");
    workbook.settings.set(SETTING_KEYS.mapping, JSON.stringify(old));
    const again = await analyseWorkbook(workbook, { ruleset: rs });
    expect(again.tables[0].layout.columns.some((c) => c.role.kind === "households")).toBe(false);
    expect(areasOf(again).map((a) => a.notMet)).toEqual(areasOf(first).map((a) => a.notMet));
  });

  test("the add-in's own sheets are passed over on a second run, each with the reason", async () => {
    const book = shapeBook({ shape: "commune", commune: "Xã Thanh Thủy" });
    const workbook = new MemoryWorkbook(bookSheets(book));
    await analyseAndWrite(workbook, { ruleset: rs });
    workbook.settings.delete(SETTING_KEYS.mapping);
    const again = await analyseWorkbook(workbook, { ruleset: rs });
    const own = again.skippedSheets.filter((s) => s.reason === "own").map((s) => s.sheet);
    expect(own).toEqual(expect.arrayContaining([SHEET_NAMES.areas, SHEET_NAMES.ruleset, SHEET_NAMES.sources]));
    expect(again.tables).toHaveLength(1);
  });

  test("two communes' tables stacked on one sheet: two tables, each with the commune its own title names", async () => {
    const a = shapeBook({ shape: "commune", commune: "Xã Minh Lương", areas: 5, seed: 3 }).sheets[0];
    const b = shapeBook({ shape: "commune", commune: "Phường Âu Cơ", areas: 4, seed: 4 }).sheets[0];
    const first = sheetDataOf(a);
    const second = sheetDataOf(b);
    const offset = first.values.length + 2;
    const stacked: SheetData = {
      name: "Tổng hợp",
      values: [...first.values, [], [], ...second.values],
      numberFormats: [...(first.numberFormats ?? []), [], [], ...(second.numberFormats ?? [])],
      merges: [
        ...(first.merges ?? []),
        ...(second.merges ?? []).map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
      ],
    };
    const analysis = await analyseWorkbook(new MemoryWorkbook([stacked]), { ruleset: rs });
    expect(analysis.tables).toHaveLength(2);
    const [one, two] = analysis.tables;
    expect(one.assessments.map((x) => [x.area.commune, x.area.name, x.area.row])).toEqual(
      a.areas.map((x) => ["Xã Minh Lương", x.name, x.row])
    );
    expect(two.assessments.map((x) => [x.area.commune, x.area.name, x.area.row, x.notMet])).toEqual(
      b.areas.map((x) => ["Phường Âu Cơ", x.name, x.row + offset, x.notMet])
    );
    expect(one.range).not.toBe(two.range);
  });
});

describe("never a silent wrong answer", () => {
  /** A per-area evaluation form (one row per indicator): not a table of areas either way round. */
  function evaluationForm(): SheetData {
    const header = ["TT", "Tên tiêu chí", "Nội dung chỉ tiêu", "Chỉ tiêu quy định", "Kết quả thực hiện", "Tự đánh giá"];
    const rows: CellValue[][] = [["BẢNG TỰ ĐÁNH GIÁ KHU DÂN CƯ NÔNG THÔN MỚI - KHU 3, XÃ MINH LƯƠNG"], [], header];
    rs.criteria.forEach((c, k) =>
      c.indicators.forEach((i, n) =>
        rows.push([n === 0 ? k + 1 : null, n === 0 ? c.nameVi : null, i.nameVi, "theo quy định", "85", "Đạt"])
      )
    );
    return { name: "Khu 3", values: rows };
  }

  test("a table that reads wrong both ways round is refused, saying what was seen, and nothing is written", async () => {
    const workbook = new MemoryWorkbook([evaluationForm()]);
    const problems = await problemsOf(analyseAndWrite(workbook, { ruleset: rs }));
    expect(problems.map((p) => p.code)).toEqual(["implausible-table"]);
    expect(problems[0].where).toMatch(/^Khu 3!/);
    expect(problems[0].message.vi).toMatch(/xoay ngang/);
    expect(problems[0].message.vi).toMatch(/Đã thử đọc cả theo chiều ngang/);
    expect(problems[0].message.en).toMatch(/turned sideways/);
    expect(workbook.outputs.size).toBe(0);
    expect(workbook.calls.highlight).toBe(0);
  });

  test("a plausible table on another sheet does not save a refused one: the whole analysis is refused", async () => {
    const good = sheetDataOf(shapeBook({ shape: "commune", commune: "Xã Minh Lương" }).sheets[0]);
    const workbook = new MemoryWorkbook([good, evaluationForm()]);
    const problems = await problemsOf(analyseAndWrite(workbook, { ruleset: rs }));
    expect(problems.map((p) => p.code)).toEqual(["implausible-table"]);
    expect(workbook.outputs.size).toBe(0);
    // Leaving that sheet out (the command line's --sheet) reads the rest.
    const narrowed = await analyseWorkbook(workbook, { ruleset: rs, sheets: [good.name] });
    expect(narrowed.tables).toHaveLength(1);
  });

  /** A status table of `n` areas: one Đạt/Chưa đạt per criterion, cells and names from the callbacks. */
  function statusTable(
    n: number,
    name: (k: number) => CellValue,
    cell: (k: number, c: number) => CellValue
  ): SheetData {
    const header = ["TT", "Khu dân cư", ...rs.criteria.map((c, k) => `${k + 1}. ${c.nameVi}`)];
    const rows: CellValue[][] = [["BIỂU TỔNG HỢP KHU DÂN CƯ - XÃ MINH LƯƠNG"], [], header];
    for (let k = 0; k < n; k++) rows.push([k + 1, name(k), ...rs.criteria.map((_, c) => cell(k, c))]);
    return { name: "Minh Lương", values: rows };
  }

  test.each([
    [
      "areas-unnamed",
      statusTable(
        6,
        (k) => (k < 2 ? `Khu ${k + 1}` : null),
        () => "Đạt"
      ),
    ],
    [
      "values-unreadable",
      statusTable(
        6,
        (k) => `Khu ${k + 1}`,
        (_, c) => (c === 0 ? "Đạt" : "chưa có số liệu")
      ),
    ],
    [
      "all-failing",
      statusTable(
        4,
        (k) => `Khu ${k + 1}`,
        () => "Chưa đạt"
      ),
    ],
  ])("refused with what was seen: %s (exit 4 on the command line)", async (code, sheet) => {
    const problems = await problemsOf(analyseAndWrite(new MemoryWorkbook([sheet]), { ruleset: rs }));
    expect(problems.map((p) => p.code)).toEqual(["implausible-table"]);
    expect(problems[0].where).toMatch(/^Minh Lương!A3:/);
    const said = {
      "areas-unnamed": /không có tên/,
      "values-unreadable": /ô số liệu đọc được/,
      "all-failing": /không đạt tiêu chí nào/,
    };
    expect(problems[0].message.vi).toMatch(said[code as keyof typeof said]);
  });

  test("the same tables a little short of each limit are read", async () => {
    const fine = [
      statusTable(
        6,
        (k) => (k < 3 ? `Khu ${k + 1}` : null),
        () => "Đạt"
      ),
      statusTable(
        5,
        (k) => `Khu ${k + 1}`,
        (_, c) => (c < 3 ? "Đạt" : "chưa có số liệu")
      ),
      statusTable(
        4,
        (k) => `Khu ${k + 1}`,
        (k, c) => (k === 0 && c === 0 ? "Đạt" : "Chưa đạt")
      ),
    ];
    for (const sheet of fine) {
      const analysis = await analyseWorkbook(new MemoryWorkbook([sheet]), { ruleset: rs });
      expect(areasOf(analysis).length).toBeGreaterThan(0);
    }
  });

  test("a reading that goes wrong the first way round is read again the other way, and says so", async () => {
    // A district status table whose notes column names a missing criterion on every row: down that column
    // criteria outnumber those across the header, so the sideways reading is tried first, and fails.
    const sheet = shapeBook({ shape: "district", layout: "status", areas: 24, sections: false }).sheets[0];
    const plain = sheetDataOf(sheet);
    const noted = sheetDataOf(sheet);
    const notes = noted.values[sheet.headerTop].findIndex((v) => v === "Ghi chú");
    for (const a of sheet.areas) noted.values[a.row - 1][notes] = a.notMet.length > 0 ? "Môi trường" : "Thu nhập";
    const analysis = await analyseWorkbook(new MemoryWorkbook([noted]), { ruleset: rs });
    const expected = await analyseWorkbook(new MemoryWorkbook([plain]), { ruleset: rs });
    expect(areasOf(analysis).map((a) => [a.area.name, a.area.row, a.notMet])).toEqual(
      areasOf(expected).map((a) => [a.area.name, a.area.row, a.notMet])
    );
    expect(analysis.tables[0].layout.orientation ?? "rows").toBe("rows");
    expect(analysis.tables[0].notes.map((n) => n.code)).toContain("read-again");
    expect(expected.tables[0].notes.map((n) => n.code)).not.toContain("read-again");
  });

  test("the transposed view of the view is the sheet", () => {
    const sheet = statusRollup();
    const back = transposedView(transposedView({ ...sheet, merges: [{ top: 0, left: 1, bottom: 2, right: 1 }] }));
    const width = Math.max(...sheet.values.map((r) => r.length));
    expect(back.values).toEqual(sheet.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)));
    expect(back.merges).toEqual([{ top: 0, left: 1, bottom: 2, right: 1 }]);
  });
});
