import fc from "fast-check";
import { AreaInput, Reading } from "../src/rules/assessment/assessment";
import { CellValue } from "../src/rules/reading/cell";
import { ColumnRole, recognizeHeaders } from "../src/rules/reading/columns";
import { Problem } from "../src/rules/message";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import {
  detectTable,
  fromSavedMapping,
  manualLayout,
  numberIsLabel,
  readAreaRow,
  readAreas,
  readMappingSetting,
  TableLayout,
  toSavedMapping,
  withOverride,
} from "../src/rules/reading/sheet-table";
import { SETTING_KEYS, SheetData } from "../src/rules/workbook";
import {
  emptySheet,
  indicatorRollup,
  line,
  ROLLUP,
  ROLLUP_INDICATORS,
  row,
  staffList,
  STATUS_HEADERS,
  STATUS_WIDTH,
  statusRollup,
  threeRowHeader,
} from "./support/grids";

const ruleset = embeddedRuleset();

const isProblem = (v: TableLayout | Problem): v is Problem => "code" in v;

function layoutOf(sheet: Pick<SheetData, "values" | "merges">): TableLayout {
  const found = detectTable(sheet, ruleset);
  if (isProblem(found)) throw new Error(`expected a table, got ${found.code}: ${found.message.en}`);
  return found;
}

const roleName = (role: ColumnRole): string =>
  role.kind === "indicator" ? role.indicatorId : role.kind === "criterion" ? role.criterionId : role.kind;

const columnOf = (layout: TableLayout, name: string): number | undefined =>
  layout.columns.find((c) => roleName(c.role) === name)?.column;

const value = (r: Reading | undefined): number | boolean | string | undefined =>
  r === undefined ? undefined : r.kind === "number" || r.kind === "boolean" ? r.value : r.kind;

const area = (areas: AreaInput[], name: string): AreaInput => {
  const found = areas.find((a) => a.name === name);
  if (!found) throw new Error(`no area ${name} among ${areas.map((a) => a.name).join(", ")}`);
  return found;
};

describe("finding the table", () => {
  test.each([{ merges: true }, { merges: false }])("indicator rollup under title rows (%p)", (opt) => {
    const layout = layoutOf(indicatorRollup(opt));
    expect(layout).toMatchObject({
      headerTop: ROLLUP.headerTop,
      headerBottom: ROLLUP.headerBottom,
      dataStart: ROLLUP.dataStart, // after the "(1) (2) (3)…" row
      layout: "indicators",
      district: "Thanh Ba",
    });
    for (const [column, id] of Object.entries(ROLLUP_INDICATORS)) expect(columnOf(layout, id)).toBe(Number(column));
    expect(columnOf(layout, "TC06.1") !== undefined && layout.columns[columnOf(layout, "TC06.1") ?? 0]?.scale).toBe(
      1e6
    );
    expect(layout.unmapped).toEqual([]);
  });

  test("status rollup: one header row, bare numbers 1 2 3 … under it", () => {
    const layout = layoutOf(statusRollup());
    expect(layout).toMatchObject({
      headerTop: 3,
      headerBottom: 3,
      dataStart: 5,
      layout: "status",
      district: "Tam Nông",
    });
    expect(layout.columns.map((c) => roleName(c.role))).toEqual([
      "order",
      "commune",
      "area",
      ...ruleset.criteria.map((c) => c.id),
      "metCount",
      "recognised",
      "canMobilise",
    ]);
  });

  test.each([{ merges: true }, { merges: false }])("three header rows, lettered numbering row (%p)", (opt) => {
    const layout = layoutOf(threeRowHeader(opt));
    expect(layout).toMatchObject({ headerTop: 2, headerBottom: 4, dataStart: 6, commune: "Xã Tiên Kiên" });
    expect(columnOf(layout, "TC12.4")).toBe(9);
  });

  test("a header right at the top with no numbering row", () => {
    const values: CellValue[][] = [
      ["Xã", "Thôn", "Giao thông", "Thủy lợi"],
      ["Hà Thạch", "Thôn 1", "Đạt", "Chưa đạt"],
    ];
    expect(layoutOf({ values })).toMatchObject({ headerTop: 0, headerBottom: 0, dataStart: 1, layout: "status" });
  });

  test("a second header row of units only belongs to the header and gives the scale", () => {
    const values: CellValue[][] = [
      ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI"], // no blank row under the title
      ["TT", "Khu dân cư", "Tỷ lệ hộ nghèo", "Thu nhập bình quân"],
      [null, null, "(%)", "(triệu đồng/người/năm)"],
      [1, "Khu 1", "3,2", "41,5"],
    ];
    const layout = layoutOf({ values });
    expect(layout).toMatchObject({ headerTop: 1, headerBottom: 2, dataStart: 3, layout: "indicators" });
    expect(layout.columns.find((c) => c.column === 3)).toMatchObject({
      role: { kind: "indicator", indicatorId: "TC06.1" },
      scale: 1e6,
    });
    const { areas } = readAreas({ name: "s", values }, layout, ruleset);
    expect(value(areas[0].indicators["TC06.1"])).toBe(41_500_000);
  });

  test("a commune heading right under the header is not taken for a header row", () => {
    const sheet = indicatorRollup({ merges: true });
    // No numbering row: "I | Xã Vũ Yển" follows the header directly.
    sheet.values.splice(ROLLUP.numbering, 1);
    sheet.merges = sheet.merges?.map((m) =>
      m.top > ROLLUP.numbering ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m
    );
    const layout = layoutOf(sheet);
    expect(layout).toMatchObject({ headerTop: ROLLUP.headerTop, headerBottom: ROLLUP.headerBottom, dataStart: 7 });
    const { areas, skipped } = readAreas(sheet, layout, ruleset);
    expect(skipped[0]).toEqual({ row: 8, reason: "section", text: "Xã Vũ Yển" });
    expect(areas[0]).toMatchObject({ row: 9, commune: "Xã Vũ Yển", name: "Khu 1" });
  });

  test("an empty sheet is a Problem, not a crash", () => {
    const found = detectTable(emptySheet(), ruleset);
    expect(found).toMatchObject({ code: "empty-sheet", where: "A1" });
    expect(detectTable({ values: [] }, ruleset)).toMatchObject({ code: "empty-sheet" });
  });

  test("a sheet without criterion columns names the header texts it found", () => {
    const found = detectTable(staffList(), ruleset);
    if (!isProblem(found)) throw new Error("expected a Problem");
    expect(found.code).toBe("no-table");
    expect(found.where).toBe("A3:D3");
    expect(found.message.vi).toContain('"Họ và tên", "Chức vụ"');
    expect(found.message.en).toContain('"Số điện thoại"');
  });

  test("a sheet with area columns but no criterion column is not taken for a table", () => {
    const found = detectTable(
      {
        values: [
          ["TT", "Xã", "Khu dân cư", "Số hộ"],
          [1, "Hà Thạch", "Khu 1", 120],
        ],
      },
      ruleset
    );
    expect(found).toMatchObject({ code: "no-table", where: "A1:D1" });
  });
});

describe("reading the areas", () => {
  test.each([{ merges: true }, { merges: false }])("indicator rollup: sections, totals, blanks (%p)", (opt) => {
    const sheet = indicatorRollup(opt);
    const { areas, skipped, problems } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => [a.row, a.commune, a.name])).toEqual([
      [10, "Xã Vũ Yển", "Khu 1"],
      [11, "Xã Vũ Yển", "Khu 2"],
      [12, "Xã Vũ Yển", "Khu 3"],
      [15, "Xã Hanh Cù", "Khu Đồng Lạng"],
      [17, "Xã Hanh Cù", "Dòng 17"],
    ]);
    expect(skipped).toEqual([
      { row: 9, reason: "section", text: "Xã Vũ Yển" },
      { row: 13, reason: "total", text: "Cộng xã Vũ Yển" },
      { row: 14, reason: "section", text: "Xã Hanh Cù" },
      { row: 16, reason: "blank" },
      { row: 18, reason: "total", text: "Tổng cộng" },
      { row: 19, reason: "blank" },
      { row: 20, reason: "blank", text: "Người lập biểu" },
    ]);
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ["area-name-missing", "C17"],
      ["unreadable-value", "H17"],
    ]);
    expect(problems[1].message.vi).toContain("#N/A");
    for (const a of areas) expect(a.district).toBe("Thanh Ba");
  });

  test("values are read in their indicator's unit, with the header's scale and the cell's format", () => {
    const sheet = indicatorRollup({ merges: false });
    const { areas } = readAreas(sheet, layoutOf(sheet), ruleset);
    const khu1 = area(areas, "Khu 1");
    expect(value(khu1.indicators["TC06.1"])).toBe(38_500_000); // "triệu đồng" header
    expect(value(khu1.indicators["TC10.1"])).toBe(88); // 0.88 in a "0%" cell
    expect(value(khu1.indicators["TC05.2"])).toBe(80.5); // "80,5"
    expect(value(khu1.indicators["TC03.1"])).toBe(true); // "Đạt"
    expect(value(khu1.indicators["TC04.2"])).toBe(true); // "x"
    expect(value(khu1.indicators["TC07.1"])).toBe(2.8); // "7. Hộ nghèo" over numbers: the indicator
    expect(Object.keys(khu1.indicators)).toHaveLength(22);
    expect(khu1.criteria).toEqual({});
    const khu2 = area(areas, "Khu 2");
    expect(value(khu2.indicators["TC01.1"])).toBe(75); // "75%"
    expect(value(khu2.indicators["TC06.1"])).toBe(32_000_000); // "32"
  });

  test("an area with a name and no values yet is still an area, all missing", () => {
    const sheet = indicatorRollup({ merges: true });
    const khu3 = area(readAreas(sheet, layoutOf(sheet), ruleset).areas, "Khu 3");
    expect(Object.values(khu3.indicators).every((r) => r.kind === "missing")).toBe(true);
    expect(Object.keys(khu3.indicators)).toHaveLength(22);
  });

  test("status rollup: declared statuses, commune column over section, hidden rows kept", () => {
    const sheet = statusRollup();
    const { areas, skipped, problems } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => [a.row, a.commune, a.name, a.canMobilise])).toEqual([
      [7, "Xã Dị Nậu", "Khu 4", true],
      [8, "Xã Dị Nậu", "Khu 5", false],
      [10, "Thọ Văn", "Thôn Xuân Thọ", undefined], // the commune column wins
      [11, "Xã Thọ Văn", "Khu Phú Thọ", undefined], // hidden (filtered out) but part of the district
    ]);
    expect(skipped).toEqual([
      { row: 6, reason: "section", text: "Xã Dị Nậu" },
      { row: 9, reason: "section", text: "Xã Thọ Văn" },
      { row: 12, reason: "total", text: "Toàn huyện" },
    ]);
    expect(problems).toEqual([]);
    const khu5 = area(areas, "Khu 5");
    expect(value(khu5.criteria.TC03)).toBe(false); // "Chưa đạt"
    expect(value(khu5.criteria.TC05)).toBe(true); // "x"
    expect(value(khu5.criteria.TC07)).toBe("missing");
    expect(Object.keys(khu5.criteria)).toHaveLength(13);
    expect(khu5.indicators).toEqual({});
  });

  test("the group from a “Xã ĐBKK” column marked x", () => {
    const sheet = threeRowHeader({ merges: true });
    const { areas } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => [a.name, a.commune, a.group])).toEqual([
      ["Khu 7", "Xã Tiên Kiên", "dbkk"],
      ["Khu 8", "Xã Tiên Kiên", undefined],
    ]);
    expect(value(areas[0].indicators["TC06.1"])).toBe(42_500_000);
  });

  test.each([["Tổng"], ["Cộng"], ["Tổng cộng"], ["TỔNG SỐ"], ["Toàn huyện"], ["Cộng:"], ["A. Tổng cộng toàn huyện"]])(
    "%p is a total row",
    (label) => {
      const sheet: SheetData = {
        name: "s",
        values: [
          ["TT", "Khu dân cư", "Giao thông"],
          [1, "Khu 1", "Đạt"],
          [null, label, 1],
        ],
      };
      const { areas, skipped } = readAreas(sheet, layoutOf(sheet), ruleset);
      expect(areas.map((a) => a.name)).toEqual(["Khu 1"]);
      expect(skipped).toEqual([{ row: 3, reason: "total", text: label }]);
    }
  );

  test("places whose names start like a total are areas", () => {
    const sheet: SheetData = {
      name: "s",
      values: [
        ["TT", "Xã", "Khu dân cư", "Giao thông"],
        [1, "Cộng Hòa", "Khu Tổng Kho", "Đạt"],
        [2, "Tổng Bạt", "Khu 2", "Đạt"],
      ],
    };
    const { areas, skipped } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => `${a.commune}/${a.name}`)).toEqual(["Cộng Hòa/Khu Tổng Kho", "Tổng Bạt/Khu 2"]);
    expect(skipped).toEqual([]);
  });

  test("commune headings written in different ways", () => {
    const w = 4;
    const sheet: SheetData = {
      name: "s",
      values: [
        ["TT", "Xã", "Khu dân cư", "Giao thông"],
        line(w, ["I", "Xã Hà Thạch"]),
        line(w, [1, null, "Khu 1", "Đạt"]),
        line(w, [null, null, "XÃ PHÚ HỘ"]), // typed in the area column, in capitals
        line(w, [1, null, "Khu 2", "Chưa đạt"]),
        line(w, ["Thị trấn Phong Châu"]), // merged across, text in the first cell
        line(w, [1, null, "Khu 3", "Đạt"]),
        line(w, [null, "Thanh Minh"]), // only the commune column
        line(w, [1, null, "Khu 4", "Đạt"]),
      ],
    };
    const { areas, skipped } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => `${a.commune}/${a.name}`)).toEqual([
      "Xã Hà Thạch/Khu 1",
      "Xã Phú Hộ/Khu 2", // capitals as in titles are not kept
      "Thị trấn Phong Châu/Khu 3",
      "Thanh Minh/Khu 4",
    ]);
    expect(skipped.map((s) => s.reason)).toEqual(["section", "section", "section", "section"]);
  });

  test("without an area column, areas are named by row and the user is told once", () => {
    const sheet: SheetData = {
      name: "s",
      values: [
        ["Giao thông", "Thủy lợi"],
        ["Đạt", "Đạt"],
        ["Chưa đạt", "Đạt"],
      ],
    };
    const { areas, problems } = readAreas(sheet, layoutOf(sheet), ruleset);
    expect(areas.map((a) => a.name)).toEqual(["Dòng 2", "Dòng 3"]);
    expect(problems.map((p) => [p.code, p.where])).toEqual([["no-area-column", "A1:B1"]]);
  });

  test("one row for a custom function: columns from a header range, formats from the row", () => {
    const { columns } = recognizeHeaders(
      [["Khu dân cư", "Xã", "Huyện", "Loại khu", "Có khả năng huy động nguồn lực", "Tỷ lệ hộ nghèo", "Y tế"]],
      ruleset,
      { sampleRows: [["Khu 1", "Hà Thạch", "Phù Ninh", "ĐBKK", "Có", 0.035, "Đạt"]] }
    );
    const input = readAreaRow(["Khu 1", "Hà Thạch", "Phù Ninh", "Xã ĐBKK", "Có", 0.035, "Đạt"], columns, ruleset, [
      "General",
      "General",
      "General",
      "General",
      "General",
      "0.0%",
      "General",
    ]);
    expect(input).toMatchObject({
      name: "Khu 1",
      commune: "Hà Thạch",
      district: "Phù Ninh",
      group: "dbkk",
      canMobilise: true,
    });
    expect(value(input.indicators["TC07.1"])).toBe(3.5);
    expect(value(input.criteria.TC10)).toBe(true);
  });
});

describe("a number cell as a row label", () => {
  // readAreas decides without String(): it must agree with the text rule for every number.
  const textIsLabel = (v: number) => !/^[-+−]?\d[\d.,\s]*%?$/.test(String(v));
  test.each([0, -0, 1, -1, 0.5, 1e-6, 9.99e-7, -1e-7, 1e20, 1e21, -1e21, 123456789.125, NaN, Infinity, -Infinity])(
    "%p",
    (v) => expect(numberIsLabel(v)).toBe(textIsLabel(v))
  );
  test("any double", () => {
    fc.assert(
      fc.property(fc.double(), (v) => numberIsLabel(v) === textIsLabel(v)),
      { seed: 20261129, numRuns: 5000 }
    );
  });
});

describe("the signature block under the table", () => {
  test("names under the final total row with no values are not areas; a valueless area above stays", () => {
    const sheet = indicatorRollup({ merges: true });
    const w = sheet.values[0].length;
    const blank = () => new Array<CellValue>(w).fill(null);
    const footer = (cells: Record<number, CellValue>) => {
      const r = blank();
      for (const [c, v] of Object.entries(cells)) r[Number(c)] = v;
      return r;
    };
    const before = readAreas(sheet, layoutOf(sheet), ruleset).areas.map((a) => a.name);
    const signed: SheetData = {
      ...sheet,
      values: [
        ...sheet.values,
        blank(),
        footer({ 2: "Người lập biểu", 10: "TM. UBND XÃ" }),
        blank(),
        footer({ 2: "Nguyễn Văn An", 10: "Trần Thị Bình" }),
      ],
    };
    const { areas, skipped } = readAreas(signed, layoutOf(signed), ruleset);
    expect(areas.map((a) => a.name)).toEqual(before);
    expect(skipped.filter((s) => s.text?.includes("Nguyễn Văn An"))).toHaveLength(1);
    expect(skipped.filter((s) => s.text === "Người lập biểu TM. UBND XÃ")).toHaveLength(1);
  });
});

describe("user corrections", () => {
  const sheet = statusRollup();
  const detected = layoutOf(sheet);

  test("ignoring a column moves it to the unmapped list", () => {
    const layout = withOverride(detected, 18, null, ruleset);
    expect(columnOfLayout(layout, 18)).toBeUndefined();
    expect(layout.unmapped).toEqual([{ column: 18, header: "Có khả năng huy động nguồn lực" }]);
  });

  test("giving a role held by another column takes it from that column", () => {
    const layout = withOverride(detected, 16, { kind: "criterion", criterionId: "TC01" }, ruleset);
    expect(columnOfLayout(layout, 16)).toEqual({ kind: "criterion", criterionId: "TC01" });
    expect(columnOfLayout(layout, 3)).toBeUndefined();
    expect(layout.unmapped).toEqual([{ column: 3, header: "TC1 Giao thông" }]);
    expect(layout.columns.find((c) => c.column === 16)?.confidence).toBe(1);
  });

  test("a status column made an indicator: the layout becomes mixed", () => {
    const rows: CellValue[][] = [
      ["Khu dân cư", "Giao thông", "Thu nhập"],
      ["Khu 1", "Đạt", "Đạt"],
    ];
    const base = layoutOf({ values: rows });
    expect(base.layout).toBe("status");
    const layout = withOverride(base, 2, { kind: "indicator", indicatorId: "TC06.1" }, ruleset);
    expect(layout.layout).toBe("mixed");
    expect(layout.columns.find((c) => c.column === 2)).toMatchObject({ confidence: 1, header: "Thu nhập" });
  });

  test("an income column given back by hand takes its header's scale", () => {
    const rows: CellValue[][] = [
      ["Khu dân cư", "Giao thông", "TNBQ (tr.đ/người/năm)"],
      ["Khu 1", "Đạt", 36],
    ];
    const ignored = withOverride(layoutOf({ values: rows }), 2, null, ruleset);
    expect(ignored.unmapped).toEqual([{ column: 2, header: "TNBQ (tr.đ/người/năm)" }]);
    const layout = withOverride(ignored, 2, { kind: "indicator", indicatorId: "TC06.1" }, ruleset);
    expect(layout.columns.find((c) => c.column === 2)).toMatchObject({ scale: 1e6 });
    expect(layout.unmapped).toEqual([]);
  });

  test("a role the ruleset does not know changes nothing", () => {
    expect(withOverride(detected, 3, { kind: "indicator", indicatorId: "TC99.9" }, ruleset)).toBe(detected);
  });
});

function columnOfLayout(layout: TableLayout, column: number): ColumnRole | undefined {
  return layout.columns.find((c) => c.column === column)?.role;
}

describe("the saved mapping", () => {
  test("round-trips through JSON, user corrections included", () => {
    const sheet = indicatorRollup({ merges: false });
    const layout = withOverride(layoutOf(sheet), 29, null, ruleset);
    const saved = toSavedMapping(sheet.name, layout);
    expect(saved.columns.find((c) => c.column === "P")).toMatchObject({
      role: { kind: "indicator", indicatorId: "TC06.1" },
      scale: 1e6,
    });
    const back = fromSavedMapping(JSON.parse(JSON.stringify(saved)), ruleset);
    expect(back).toEqual(layout);
  });

  test("a mapping naming an indicator the ruleset lacks is a Problem at that column", () => {
    const saved = toSavedMapping("Tổng hợp", layoutOf(statusRollup()));
    const edited = JSON.parse(JSON.stringify(saved)) as { columns: Array<{ column: string; role: unknown }> };
    edited.columns[5] = { column: "F", role: { kind: "indicator", indicatorId: "TC14.1" } };
    const back = fromSavedMapping(edited, ruleset);
    if (!isProblem(back)) throw new Error("expected a Problem");
    expect(back.code).toBe("saved-mapping");
    expect(back.where).toBe("cột F");
    expect(back.message.vi).toContain('chỉ tiêu "TC14.1" không có trong bộ tiêu chí');
    expect(back.message.en).toContain('indicator "TC14.1" is not in the ruleset');
  });

  test.each([
    ["not an object", "mapping"],
    ["another version", { version: 2, sheet: "s", headerTop: 0, headerBottom: 0, dataStart: 1, columns: [] }],
    ["rows out of order", { version: 1, sheet: "s", headerTop: 3, headerBottom: 2, dataStart: 4, columns: [] }],
    ["no column list", { version: 1, sheet: "s", headerTop: 0, headerBottom: 0, dataStart: 1 }],
    [
      "a bad column letter",
      {
        version: 1,
        sheet: "s",
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        columns: [{ column: "7", role: { kind: "area" } }],
      },
    ],
    [
      "an unknown role",
      {
        version: 1,
        sheet: "s",
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        columns: [{ column: "A", role: { kind: "mayor" } }],
      },
    ],
    [
      "one role on two columns",
      {
        version: 1,
        sheet: "s",
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        columns: [
          { column: "A", role: { kind: "area" } },
          { column: "B", role: { kind: "area" } },
        ],
      },
    ],
  ])("%s is refused with a Problem", (_why, saved) => {
    const back = fromSavedMapping(saved, ruleset);
    expect(isProblem(back) && back.code).toBe("saved-mapping");
  });

  test("a minimal hand-written mapping is accepted and reads the sheet", () => {
    const sheet: SheetData = { name: "s", values: [row(3), ["Khu 1", "x", "Đạt"]] };
    const layout = fromSavedMapping(
      {
        version: 1,
        sheet: "s",
        headerTop: 0,
        headerBottom: 0,
        dataStart: 1,
        columns: [
          { column: "A", role: { kind: "area" } },
          { column: "C", role: { kind: "criterion", criterionId: "TC13" } },
        ],
      },
      ruleset
    );
    if (isProblem(layout)) throw new Error(layout.message.en);
    expect(layout.layout).toBe("status");
    const { areas } = readAreas(sheet, layout, ruleset);
    expect(areas).toHaveLength(1);
    expect(value(areas[0].criteria.TC13)).toBe(true);
  });
});

test("the status fixture's header is as wide as its rows", () => {
  // Guards the fixture itself: a shifted column would make the tests above meaningless.
  expect(STATUS_HEADERS).toHaveLength(STATUS_WIDTH);
  for (const r of statusRollup().values) expect(r.length).toBe(STATUS_WIDTH);
});

describe("mapping a table by hand when no criterion column is recognised", () => {
  const sheet: SheetData = {
    name: "Theo dõi",
    values: [
      ["BẢNG THEO DÕI CÁC THÔN"],
      ["STT", "Khu dân cư", "Cột A", "Cột B"],
      [1, "Khu 1", 85, "Đạt"],
      [2, "Khu 2", 60, "Chưa đạt"],
    ],
  };
  test("the best header row is offered with its unrecognised cells, and the user's roles read the areas", () => {
    expect("code" in detectTable(sheet, ruleset)).toBe(true);
    const manual = manualLayout(sheet, ruleset);
    if ("code" in manual) throw new Error(manual.message.en);
    expect([manual.headerTop, manual.headerBottom, manual.dataStart]).toEqual([1, 1, 2]);
    expect(manual.columns.find((c) => c.column === 1)?.role).toEqual({ kind: "area" });
    expect(manual.unmapped.map((u) => u.header)).toEqual(["Cột A", "Cột B"]);
    const mapped = withOverride(
      withOverride(manual, 2, { kind: "indicator", indicatorId: "TC02.1" }, ruleset),
      3,
      { kind: "criterion", criterionId: "TC13" },
      ruleset
    );
    const { areas } = readAreas(sheet, mapped, ruleset);
    expect(
      areas.map((a) => [a.name, a.indicators["TC02.1"]?.kind === "number" && a.indicators["TC02.1"].value])
    ).toEqual([
      ["Khu 1", 85],
      ["Khu 2", 60],
    ]);
    expect(areas.map((a) => a.criteria["TC13"]?.kind === "boolean" && a.criteria["TC13"].value)).toEqual([true, false]);
  });
  test("an empty sheet has nothing to map", () => {
    expect(manualLayout({ values: [[], [null]] }, ruleset)).toMatchObject({ code: "empty-sheet" });
  });
});

describe("the workbook setting that keeps the saved mappings", () => {
  const one = { version: 1, sheet: "Tổng hợp", headerTop: 0, headerBottom: 0, dataStart: 1, columns: [] };
  const other = { ...one, sheet: "Ngang", orientation: "columns" };

  test("a list gives one mapping per table; one mapping alone (an older version's) gives a list of one", () => {
    expect(readMappingSetting(JSON.stringify([one, other]))).toEqual({ mappings: [one, other] });
    expect(readMappingSetting(JSON.stringify(one))).toEqual({ mappings: [one] });
  });

  test("Office may hand the setting back as an object: read as the text would be", () => {
    expect(readMappingSetting([one, other])).toEqual({ mappings: [one, other] });
    expect(readMappingSetting(one)).toEqual({ mappings: [one] });
  });

  test.each([undefined, null, "", "  ", "null", "[]"])("nothing saved (%p): no mapping and no problem", (value) => {
    expect(readMappingSetting(value)).toEqual({ mappings: [] });
  });

  test.each(["{not json", "[{", "42", '"text"', "true", 7])("%p cannot be read: set aside, said where", (value) => {
    const read = readMappingSetting(value);
    expect(read.mappings).toEqual([]);
    expect(read.problem).toMatchObject({ code: "stored-mapping", where: SETTING_KEYS.mapping });
    expect(read.problem?.message.vi).toContain("Cách ghép cột lưu trong sổ không đọc được");
    expect(read.problem?.message.en).toContain("The column mapping saved in the workbook cannot be read");
  });
});
