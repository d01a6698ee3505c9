import { InputError } from "../src/rules/message";
import { Highlight, SheetOutput } from "../src/rules/workbook";
import { chunkAreas, hiddenRowsFrom, parseAreas, rebaseFormula, splitAreas } from "../src/taskpane/a1";
import { HIGHLIGHT_MARKER, markedFormula } from "../src/rules/own-formats";
import { SHEET_COLOURS } from "../src/rules/palette";
import { CELLS_PER_SYNC, ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { DoubleConditionalFormat, ExcelDouble, SheetSeed } from "./support/office/excel-double";
import { sampleDistrict } from "./support/sample-district";

/**
 * The core's Workbook on Office.js (excel-workbook.ts) over the Excel double: what it reads and writes, and in
 * how many context.sync() calls. The double keeps Office.js's batch semantics (load before read, queued
 * operations applied at sync; see test/office-double.test.ts), so the counts are those Excel would see.
 */

function excel(seeds: SheetSeed[], settings: Record<string, unknown> = {}) {
  const double = new ExcelDouble(seeds, settings);
  return { double, workbook: new ExcelWorkbook(double.run) };
}

/** Syncs taken by one call. */
async function syncsOf<T>(double: ExcelDouble, call: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = double.state.syncs;
  const result = await call();
  return { result, syncs: double.state.syncs - before };
}

function district(areas: number, hide = 0) {
  const expected = sampleDistrict({ areas, hideAreaRows: hide });
  return { seed: expected as SheetSeed, expected };
}

describe("A1 addresses as Excel gives and takes them", () => {
  test("areas split on commas outside quoted sheet names; whole rows and columns; hidden rows from visible blocks", () => {
    expect(splitAreas("'Xã A, B'!A1:C2, 'Xã A, B'!D5")).toEqual(["A1:C2", "D5"]);
    expect(parseAreas("Sheet1!$B$3:$D$5,F7")).toEqual([
      { top: 2, left: 1, bottom: 4, right: 3 },
      { top: 6, left: 5, bottom: 6, right: 5 },
    ]);
    expect(parseAreas("3:5")[0]).toMatchObject({ top: 2, bottom: 4, left: 0 });
    expect(hiddenRowsFrom(parseAreas("A1:C3,A6:C8"), 9)).toEqual([3, 4, 8]);
  });

  test("a long multi-area range is cut into chunks, each formula moved to its chunk's top-left cell", () => {
    const range = Array.from({ length: 100 }, (_, k) => `F${10 + k * 3}:F${11 + k * 3}`).join(",");
    const chunks = chunkAreas(range);
    expect(chunks.map((c) => splitAreas(c.address).length)).toEqual([40, 40, 20]);
    expect(chunks[1].topLeft).toBe("F130");
    expect(chunks.flatMap((c) => splitAreas(c.address))).toEqual(splitAreas(range));
    // Long address lists are cut by length too, never past it.
    const short = chunkAreas(range, 40, 100);
    expect(short.every((c) => c.address.length <= 100)).toBe(true);
    expect(short.some((c) => c.address.length > 90)).toBe(true);
    expect(short.flatMap((c) => splitAreas(c.address))).toEqual(splitAreas(range));
    const f = '=OR(F10=FALSE,ISNUMBER(MATCH(TRIM(F10),{"F10","Chưa đạt"},0)),AF10>1)';
    expect(rebaseFormula(f, "F10", "F130")).toBe(
      '=OR(F130=FALSE,ISNUMBER(MATCH(TRIM(F130),{"F10","Chưa đạt"},0)),AF10>1)'
    );
  });
});

describe("ExcelWorkbook on the Excel double", () => {
  test("reads values, number formats, merged blocks, hidden rows and protection in two syncs", async () => {
    const { seed, expected } = district(10, 2);
    const { double, workbook } = excel([seed]);
    const { result: data, syncs } = await syncsOf(double, () => workbook.readSheet(seed.name));
    expect(syncs).toBe(2);
    expect(data.values).toEqual(expected.values);
    expect(data.numberFormats).toEqual(expected.numberFormats);
    expect(data.merges).toEqual(expected.merges);
    expect(data.hiddenRows).toEqual(expected.hiddenRows);
    expect(data.hiddenRows).toHaveLength(2);
    expect(data.protected).toBe(false);
    const locked = excel([{ ...seed, protected: true }]);
    expect((await locked.workbook.readSheet(seed.name)).protected).toBe(true);
  });

  test("5,000 areas take the same two syncs; past 250,000 cells one more sync per block, nothing lost", async () => {
    const counts: number[] = [];
    for (const areas of [10, 5000]) {
      const { seed, expected } = district(areas);
      const { double, workbook } = excel([seed]);
      const { result: data, syncs } = await syncsOf(double, () => workbook.readSheet(seed.name));
      expect(data.values).toHaveLength(expected.values.length);
      counts.push(syncs);
    }
    expect(counts).toEqual([2, 2]);
    const big = district(9000);
    expect(big.expected.values.length * big.expected.values[0].length).toBeGreaterThan(CELLS_PER_SYNC);
    const { double, workbook } = excel([big.seed]);
    const { result: data, syncs } = await syncsOf(double, () => workbook.readSheet(big.seed.name));
    expect(syncs).toBe(3);
    expect(data.values).toEqual(big.expected.values);
    expect(data.numberFormats).toEqual(big.expected.numberFormats);
  });

  test("an empty sheet reads as one blank cell, with no merges and every row visible", async () => {
    const { workbook } = excel([{ name: "Trống", values: [] }]);
    const data = await workbook.readSheet("Trống");
    expect(data).toMatchObject({ values: [[""]], numberFormats: [["General"]], merges: [], hiddenRows: [] });
  });

  test("sheet names, the active sheet and settings, one sync each; a saved setting reads back", async () => {
    const { double, workbook } = excel(
      [
        { name: "A", values: [[1]] },
        { name: "B", values: [[2]] },
      ],
      { "ntm.mapping": '{"sheet":"B"}' }
    );
    double.state.active = "B";
    const { syncs } = await syncsOf(double, async () => {
      expect(await workbook.sheetNames()).toEqual(["A", "B"]);
      expect(await workbook.activeSheetName()).toBe("B");
      expect(await workbook.loadSetting("ntm.mapping")).toBe('{"sheet":"B"}');
      expect(await workbook.loadSetting("ntm.nothing")).toBeUndefined();
      await workbook.saveSetting("ntm.ruleset", "{}");
    });
    expect(syncs).toBe(5);
    expect(Object.fromEntries(double.state.settings)).toEqual({ "ntm.mapping": '{"sheet":"B"}', "ntm.ruleset": "{}" });
    expect(await workbook.loadSetting("ntm.ruleset")).toBe("{}");
  });

  function output(name: string, rows: number): SheetOutput {
    return {
      name,
      rows: [
        ["TIÊU ĐỀ"],
        ["⚠ NGƯỠNG TẠM TÍNH"],
        [],
        ["Số tiêu chí đạt", "Số khu"],
        ...Array.from({ length: rows }, (_, k) => [`${k % 14}/13`, k, "=không phải công thức", null]),
      ],
      headerRows: 4,
      tableHeaderRow: 3,
      warningRows: [1],
      columnWidths: [18, 16, 10],
      columnFormats: { 1: "0", 2: "@" },
      chart: {
        title: "Phân bố",
        headerRow: 3,
        firstRow: 4,
        lastRow: 3 + rows,
        categoryColumn: 0,
        valueColumns: [1],
        kind: "column",
      },
    };
  }

  test("writes each sheet as one array with formats per column and a chart, in the same syncs for 10 and 5,000 rows", async () => {
    const shapes: Array<{ syncs: number; writes: number; formats: number }> = [];
    for (const rows of [10, 5000]) {
      const { double, workbook } = excel([{ name: "Dữ liệu", values: [[1]] }]);
      const { syncs } = await syncsOf(double, () =>
        workbook.writeSheets([output("NTM - Phân bố", rows), output("NTM - Theo xã", rows)])
      );
      expect(double.state.sheets.map((s) => s.name)).toEqual(["Dữ liệu", "NTM - Phân bố", "NTM - Theo xã"]);
      expect(double.state.calculationSuspensions).toBe(1);
      const sheet = double.sheet("NTM - Phân bố");
      expect(sheet.values).toHaveLength(rows + 4);
      // Text that Excel would take for a date or a formula is written as text (the double refuses it otherwise).
      expect(sheet.values[4]).toEqual(["0/13", 0, "=không phải công thức", ""]);
      expect(sheet.values.every((r) => r.length === 4)).toBe(true);
      // Number formats per column of the table's body, not per cell.
      expect(sheet.numberFormats[4]).toEqual(["General", "0", "@", "General"]);
      expect(sheet.numberFormats[3]).toEqual(["General", "General", "General", "General"]);
      expect(sheet.numberFormats[rows + 3]).toEqual(["General", "0", "@", "General"]);
      expect(sheet.charts).toEqual([
        expect.objectContaining({
          type: "ColumnClustered",
          source: `A4:B${rows + 4}`,
          seriesBy: "Columns",
          title: "Phân bố",
          legendVisible: false,
        }),
      ]);
      expect(sheet.frozenRows).toBe(4);
      // The palette's colours, as the command line's sheets have them.
      expect(sheet.tabColor).toBe(SHEET_COLOURS.tab);
      expect(sheet.formatLog).toContainEqual({
        address: "A4:D4",
        property: "fill.color",
        value: SHEET_COLOURS.tableHeader,
      });
      expect(sheet.formatLog).toContainEqual({
        address: "A2:D2",
        property: "fill.color",
        value: SHEET_COLOURS.warningFill,
      });
      expect(sheet.formatLog).toContainEqual({
        address: "A2:D2",
        property: "font.color",
        value: SHEET_COLOURS.warningText,
      });
      expect(sheet.columnWidths.get(0)).toBeGreaterThan(sheet.columnWidths.get(2) ?? Infinity);
      shapes.push({ syncs, writes: double.state.rangeWrites, formats: sheet.formatLog.length });
    }
    // The same operations for 10 and 5,000 rows: one values array and one number format array per column.
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0].syncs).toBe(2);
    expect(shapes[0].writes).toBe(2 * 3);
  });

  test("an owned sheet is cleared and refilled in place, its old chart and merged titles removed", async () => {
    const { double, workbook } = excel([{ name: "Dữ liệu", values: [[1]] }]);
    await workbook.writeSheets([output("NTM - Phân bố", 10)]);
    const sheet = double.sheet("NTM - Phân bố");
    const oldChart = sheet.charts[0].name;
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("NTM - Phân bố").getRange("A1:D1").merge(false);
      await context.sync();
    });
    const { syncs } = await syncsOf(double, () => workbook.writeSheets([output("NTM - Phân bố", 3)]));
    expect(syncs).toBe(3);
    // The same sheet (references to it survive), no sheet added.
    expect(double.state.sheets.map((s) => s.name)).toEqual(["Dữ liệu", "NTM - Phân bố"]);
    expect(double.sheet("NTM - Phân bố")).toBe(sheet);
    expect(sheet.merges).toEqual([]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].name).not.toBe(oldChart);
    // The last run's rows beyond the new table are blank.
    expect(sheet.values[6]).toEqual(["2/13", 2, "=không phải công thức", ""]);
    expect(sheet.values.slice(7).every((r) => r.every((v) => v === ""))).toBe(true);
  });

  const highlights = (areas: number): Highlight[] => {
    const blocks = Array.from(
      { length: Math.ceil(areas / 12) },
      (_, k) => `F${10 + k * 14}:F${9 + k * 14 + Math.min(12, areas - k * 12)}`
    );
    return [
      { range: blocks.join(","), formula: "=AND(ISNUMBER(F10),F10<0.7)", fill: "#F8CBAD", label: "TC01.1" },
      { range: blocks.join(","), formula: "=LEN(TRIM(F10))=0", fill: "#FFF2CC", label: "TC01.1:missing" },
    ];
  };

  type Format = Omit<DoubleConditionalFormat, "id">;
  const userFormat: Format = { type: "Custom", ranges: "F10:F20", formula: "=LEN(TRIM(F10))=0", fill: "#FFF2CC" };
  const ownFormat = (formula: string, ranges = "F11:F21"): Format => ({
    type: "Custom",
    ranges,
    formula: markedFormula(formula),
    fill: "#F8CBAD",
  });
  const colourScale: Format = { type: "ColorScale", ranges: "G10:G20", formula: "", fill: "" };

  test("highlights replace only the add-in's marked formats, in the same syncs for 10 and 5,000 areas", async () => {
    const shapes: number[] = [];
    for (const areas of [10, 5000]) {
      const mine = ownFormat("=AND(ISNUMBER(F11),F11<0.8)");
      const { double, workbook } = excel([
        { name: "Tổng hợp", values: [[1]], conditionalFormats: [userFormat, mine, colourScale] },
      ]);
      const hs = highlights(areas);
      const { result, syncs } = await syncsOf(double, () =>
        workbook.setHighlights([{ sheet: "Tổng hợp", highlights: hs }])
      );
      expect(result).toEqual([]);
      const formats = double.sheet("Tổng hợp").conditionalFormats;
      // The user's formats stay as they were; the add-in's old one is gone.
      expect(formats.filter((f) => !f.formula.includes(HIGHLIGHT_MARKER))).toEqual([
        { ...userFormat, id: "{user-1}" },
        { ...colourScale, id: "{user-3}" },
      ]);
      const ours = formats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER));
      const chunks = chunkAreas(hs[0].range);
      expect(ours).toHaveLength(chunks.length * 2);
      // Each chunk's formula is written for its own top-left cell; together the chunks cover the range.
      const unmet = ours.filter((f) => f.fill === "#F8CBAD").reverse();
      expect(unmet.map((f) => f.ranges)).toEqual(chunks.map((c) => c.address));
      expect(unmet[0].formula).toBe(`=AND(AND(ISNUMBER(F10),F10<0.7),${HIGHLIGHT_MARKER})`);
      chunks.forEach((c, k) => expect(unmet[k].formula).toContain(`ISNUMBER(${c.topLeft})`));
      expect(ours.filter((f) => f.fill === "#FFF2CC")).toHaveLength(chunks.length);
      shapes.push(syncs);
    }
    expect(shapes).toEqual([3, 3]);
  });

  test("several sheets take their highlights in the same three syncs as one", async () => {
    const sheets = ["Minh Lương", "Hùng Xuyên", "Chí Đám"];
    const { double, workbook } = excel(
      sheets.map((name) => ({ name, values: [[1]], conditionalFormats: [ownFormat("=LEN(TRIM(F10))=0")] }))
    );
    const { result, syncs } = await syncsOf(double, () =>
      workbook.setHighlights(sheets.map((sheet) => ({ sheet, highlights: highlights(30) })))
    );
    expect(result).toEqual([]);
    expect(syncs).toBe(3);
    for (const name of sheets) {
      const formats = double.sheet(name).conditionalFormats;
      expect(formats.map((f) => f.id)).not.toContain("{user-1}");
      expect(formats.length).toBe(chunkAreas(highlights(30)[0].range).length * 2);
    }
  });

  test("a protected sheet is left alone with a located problem; the other sheets are highlighted", async () => {
    const mine = ownFormat("=LEN(TRIM(F10))=0");
    const { double, workbook } = excel([
      { name: "Tổng hợp", values: [[1]], protected: true, conditionalFormats: [mine] },
      { name: "Xã khác", values: [[1]] },
    ]);
    const problems = await workbook.setHighlights([
      { sheet: "Tổng hợp", highlights: highlights(10) },
      { sheet: "Xã khác", highlights: highlights(10) },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "sheet-protected", where: "Tổng hợp" });
    expect(problems[0].message.vi).toMatch(/bảo vệ/);
    expect(double.sheet("Tổng hợp").conditionalFormats).toEqual([{ ...mine, id: "{user-1}" }]);
    expect(double.sheet("Xã khác").conditionalFormats.length).toBeGreaterThan(0);
    // Clearing a protected sheet is refused before anything changes.
    const error = await workbook.clearHighlights(["Tổng hợp", "Xã khác"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(double.sheet("Tổng hợp").conditionalFormats).toHaveLength(1);
    expect(double.sheet("Xã khác").conditionalFormats.length).toBeGreaterThan(0);
  });

  test("clearing removes the add-in's formats only and says how many", async () => {
    const other = { type: "Custom", ranges: "F10:F20", formula: '=AND(F10<1, ISTEXT("khác"))', fill: "#F8CBAD" };
    const lower = { ...ownFormat("=AND(ISNUMBER(G10),G10<0.8)"), formula: ownFormat("=G10").formula.toLowerCase() };
    const { double, workbook } = excel([
      { name: "Tổng hợp", values: [[1]], conditionalFormats: [ownFormat("=LEN(TRIM(F10))=0"), other, lower] },
    ]);
    expect(await workbook.clearHighlights(["Tổng hợp"])).toBe(2);
    expect(double.sheet("Tổng hợp").conditionalFormats).toEqual([{ ...other, id: "{user-2}" }]);
  });

  test("selecting an area's row activates its sheet and selects the row in one sync", async () => {
    const { double, workbook } = excel([
      { name: "Khác", values: [[1]] },
      { name: "Tổng hợp", values: [[1]] },
    ]);
    const { syncs } = await syncsOf(double, () => workbook.selectLine("Tổng hợp", "42:42"));
    expect(syncs).toBe(1);
    expect(double.state.active).toBe("Tổng hợp");
    expect(double.state.selection).toEqual({ sheet: "Tổng hợp", address: "A42:XFD42" });
  });
});
