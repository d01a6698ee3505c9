import { CellValue } from "../src/rules/reading/cell";
import {
  canonicalColumns,
  ColumnMatch,
  ColumnRole,
  HeaderRecognition,
  recognizeHeaders,
  roleLabel,
  roleOptions,
} from "../src/rules/reading/columns";
import { embeddedRuleset, rulesetFromDocument, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { ROLLUP_INDICATORS, indicatorRollup, ROLLUP, THREE_ROW_WIDTH, threeRowHeader } from "./support/grids";

const ruleset = embeddedRuleset();

/** "TC01.1", "TC07", "commune": what a role names, for compact expectations. */
const roleName = (role: ColumnRole): string =>
  role.kind === "indicator" ? role.indicatorId : role.kind === "criterion" ? role.criterionId : role.kind;

const byColumn = (r: HeaderRecognition): Record<number, string> =>
  Object.fromEntries(r.columns.map((c) => [c.column, roleName(c.role)]));

const one = (header: CellValue, options: Parameters<typeof recognizeHeaders>[2] = {}): ColumnMatch | undefined =>
  recognizeHeaders([[header]], ruleset, options).columns[0];

describe("one header cell", () => {
  test.each([
    ["Giao thông", "TC01"],
    ["TC01", "TC01"],
    ["TC1", "TC01"],
    ["tc 1", "TC01"],
    ["Tiêu chí 1", "TC01"],
    ["TC01.1", "TC01.1"],
    ["TC1.2", "TC01.2"],
    ["1.3", "TC01.3"],
    ["Chỉ tiêu 12.4", "TC12.4"],
    ["1. Giao thông", "TC01"],
    ["I. Giao thông", "TC01"],
    ["(1) Giao thông", "TC01"],
    ["a) Giao thông", "TC01"],
    ["Tiêu chí số 2: Thủy lợi", "TC02"],
    ["TC 10 - Y tế", "TC10"],
    ["- Môi trường", "TC12"],
  ])("numbering: %p → %p", (header, expected) => {
    const match = one(header);
    expect(match && roleName(match.role)).toBe(expected);
    expect(match?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  test.each([
    ["GIAO THÔNG"],
    ["giao thong"],
    ["Giao\nthông"],
    ["Giao\r\n  thông "],
    ["Giao\u00a0thông"],
    ["  giAO   THÔNG  "],
    // Decomposed diacritics, as some files store them.
    ["Giao thông".normalize("NFD")],
  ])("case, diacritics, line breaks and NBSP do not matter: %p", (header) => {
    expect(one(header)).toMatchObject({ role: { kind: "criterion", criterionId: "TC01" }, confidence: 1 });
  });

  test.each([
    ["TT", "order"],
    ["STT", "order"],
    ["Xã", "commune"],
    ["Tên xã", "commune"],
    ["Xã, thị trấn", "commune"],
    ["Khu dân cư", "area"],
    ["Tên khu dân cư", "area"],
    ["Thôn", "area"],
    ["Xóm", "area"],
    ["Khu", "area"],
    ["Tổ dân phố", "area"],
    ["Thôn/Xóm/Tổ dân phố", "area"],
    ["Huyện", "district"],
    ["Số hộ", "households"],
    ["Số nhân khẩu", "population"],
    ["Số khẩu", "population"],
    ["Loại khu", "areaType"],
    ["Xã ĐBKK", "areaType"],
    ["Có khả năng huy động nguồn lực", "canMobilise"],
    ["Tổng số tiêu chí đạt", "metCount"],
    ["Số TC đạt", "metCount"],
    ["Năm dự kiến đạt chuẩn", "targetYear"],
    ["Đã công nhận (năm, số QĐ)", "recognised"],
    ["Ghi chú", "note"],
  ])("the columns around the criteria: %p → %p", (header, expected) => {
    const match = one(header);
    expect(match && roleName(match.role)).toBe(expected);
  });

  test("an indicator's name is certain, an alias nearly so, abbreviations and paraphrases less", () => {
    const name = one("Tỷ lệ hộ có nhà tiêu, nhà tắm, bể chứa nước sinh hoạt hợp vệ sinh");
    const alias = one("Nhà tiêu hợp vệ sinh");
    const paraphrase = one("Tỷ lệ đường trục thôn được cứng hóa (%)");
    expect(name).toMatchObject({ role: { indicatorId: "TC12.2" }, confidence: 1 });
    expect(alias).toMatchObject({ role: { indicatorId: "TC12.2" }, confidence: 0.92 });
    expect(paraphrase?.role).toEqual({ kind: "indicator", indicatorId: "TC01.1" });
    expect(paraphrase?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(paraphrase?.confidence).toBeLessThan(0.9);
  });

  test.each([
    ["Nhà tiêu, nhà tắm, bể nước HVS (%)", "TC12.2"],
    ["Tỷ lệ tham gia BHYT (%)", "TC10.1"],
    ["Có tổ hợp tác/HTX", "TC09.1"],
    ["Đạt danh hiệu KDC văn hóa", "TC11.1"],
    ["TNBQ", "TC06.1"],
    ["Khu dân cư an toàn về ANTT", "TC13.1"],
  ])("abbreviations staff write: %p → %p", (header, expected) => {
    const match = one(header);
    expect(match && roleName(match.role)).toBe(expected);
  });

  test.each([
    ["(triệu đồng/người/năm)", 1e6],
    ["(tr.đ/người/năm)", 1e6],
    ["(Trđ)", 1e6],
    ["(nghìn đồng)", 1e3],
    ["(ngàn đồng/người/năm)", 1e3],
    ["(đồng/người/năm)", 1],
  ])("the income header's unit %p sets the scale %p", (unit, scale) => {
    expect(one(`Thu nhập bình quân ${unit}`)).toMatchObject({ role: { indicatorId: "TC06.1" }, scale });
  });

  test("a unit after a comma counts too; a percent column gets no scale", () => {
    expect(one("Thu nhập bình quân đầu người, triệu đồng/người/năm")).toMatchObject({ scale: 1e6 });
    const percent = one("Tỷ lệ hộ nghèo (%)");
    expect(percent?.role).toEqual({ kind: "indicator", indicatorId: "TC07.1" });
    expect(percent?.scale).toBeUndefined();
  });

  test("a header whose unit does not fit the indicator is not taken for it", () => {
    // Land area in hectares is not the irrigated share.
    expect(one("Diện tích (ha)")).toBeUndefined();
  });

  test.each([
    ["Họ và tên"],
    ["Số điện thoại"],
    ["Chức vụ"],
    ["Đơn vị"],
    ["Tổng số"],
    ["Trần Thị Bình"], // shares "thị", "trấn"… with "Xã, thị trấn" once tones are folded away
    ["Trưởng thôn"], // "trưởng" folds like "Môi trường"
    ["Tuổi"], // folds like "tưới" (irrigation)
    ["Số tiêu chí chưa đạt"], // not "Số tiêu chí đạt"
    ["Hộ nghèo (hộ)"], // a count of households, not the poverty rate
    ["Số lao động"],
    ["Kinh phí thực hiện (triệu đồng)"],
  ])("unrelated text %p is reported unmapped, not guessed", (header) => {
    const r = recognizeHeaders([[header]], ruleset);
    expect(r.columns).toEqual([]);
    expect(r.unmapped).toEqual([{ column: 0, header }]);
    expect(r.layout).toBe("none");
  });
});

describe("a header row", () => {
  test("unmapped columns are listed with their text; mapped ones carry a confidence", () => {
    const r = recognizeHeaders(
      [["STT", "Khu dân cư", "Họ tên trưởng thôn", "Giao thông", "Điện thoại", "", null, "Thủy lợi"]],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "order", 1: "area", 3: "TC01", 7: "TC02" });
    expect(r.unmapped).toEqual([
      { column: 2, header: "Họ tên trưởng thôn" },
      { column: 4, header: "Điện thoại" },
    ]);
    for (const c of r.columns) {
      expect(c.confidence).toBeGreaterThanOrEqual(0.5);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.layout).toBe("status");
  });

  test("two columns for one role: the surer keeps it, the other is reported", () => {
    const r = recognizeHeaders([["Khu dân cư", "Tỷ lệ hộ nghèo (%)", "Hộ nghèo đa chiều"]], ruleset);
    expect(r.columns.filter((c) => roleName(c.role) === "TC07.1").map((c) => c.column)).toEqual([1]);
    expect(r.unmapped).toEqual([{ column: 2, header: "Hộ nghèo đa chiều" }]);
  });

  test("number and boolean header cells and ragged rows do not break recognition", () => {
    const r = recognizeHeaders([["Khu dân cư", 2019, true, "Giao thông"], ["x"]], ruleset);
    expect(byColumn(r)).toEqual({ 0: "area", 3: "TC01" });
    expect(r.unmapped.map((u) => u.header)).toEqual(["2019"]);
  });
});

describe("headers over two and three rows", () => {
  const rollup = indicatorRollup({ merges: true });
  const rollupHeader = rollup.values.slice(ROLLUP.headerTop, ROLLUP.headerBottom + 1);
  const rollupMerges = (rollup.merges ?? [])
    .filter((m) => m.top >= ROLLUP.headerTop && m.top <= ROLLUP.headerBottom)
    .map((m) => ({ ...m, top: m.top - ROLLUP.headerTop, bottom: m.bottom - ROLLUP.headerTop }));
  const expected = {
    0: "order",
    1: "commune",
    2: "area",
    3: "households",
    4: "population",
    ...ROLLUP_INDICATORS,
    27: "metCount",
    28: "targetYear",
    29: "note",
  };

  test("criterion above its indicators, with the merged blocks known", () => {
    const r = recognizeHeaders(rollupHeader, ruleset, { merges: rollupMerges });
    expect(byColumn(r)).toEqual(expected);
    expect(r.unmapped).toEqual([]);
    expect(r.layout).toBe("indicators");
    expect(r.columns.find((c) => c.column === 6)?.header).toBe(
      "1. Giao thông › Đường ngõ, xóm sạch, không lầy lội (%)"
    );
  });

  test("the same header as Office.js hands it over (text only in the top-left cell of a merge)", () => {
    const r = recognizeHeaders(rollupHeader, ruleset);
    expect(byColumn(r)).toEqual(expected);
    // The criterion text was carried over its empty cells.
    expect(r.columns.find((c) => c.column === 7)?.header).toBe("1. Giao thông › Đường trục chính nội đồng (%)");
  });

  test("an upper label is carried right only over its sub-headers", () => {
    const r = recognizeHeaders(
      [
        ["Khu dân cư", "Giao thông", null, "Ghi chú", "Số hộ", null],
        [null, "Đường trục", "Đường ngõ xóm", null, null, "Nhà văn hóa"],
      ],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "area", 1: "TC01.1", 2: "TC01.2", 3: "note", 4: "households", 5: "TC04.1" });
    // "Số hộ" has nothing under it, so it is not a group label for the column to its right.
    expect(r.columns.find((c) => c.column === 5)?.header).toBe("Nhà văn hóa");
  });

  test.each([{ merges: true }, { merges: false }])("three rows: group, criterion, indicators a) b) c) (%p)", (opt) => {
    const sheet = threeRowHeader(opt);
    const merges = sheet.merges?.map((m) => ({ ...m, top: m.top - 2, bottom: m.bottom - 2 }));
    const r = recognizeHeaders(sheet.values.slice(2, 5), ruleset, { merges });
    expect(byColumn(r)).toEqual({
      0: "order",
      1: "area",
      2: "TC01.1",
      3: "TC01.2",
      4: "TC01.3",
      5: "TC06.1",
      6: "TC12.1",
      7: "TC12.2",
      8: "TC12.3",
      9: "TC12.4",
      10: "areaType",
      11: "note",
    });
    expect(r.columns.find((c) => c.column === 5)?.scale).toBe(1e6);
    expect(r.columns).toHaveLength(THREE_ROW_WIDTH);
  });

  test("a criterion over as many unnamed sub-columns as it has indicators takes them in order, less surely", () => {
    const r = recognizeHeaders(
      [
        ["Khu dân cư", "Giao thông", null, null],
        [null, "Loại 1", "Loại 2", "Loại 3"],
      ],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "area", 1: "TC01.1", 2: "TC01.2", 3: "TC01.3" });
    expect(r.columns[1].confidence).toBeLessThan(0.9);
  });

  test("a column-numbering row passed with the header is left out", () => {
    const r = recognizeHeaders(
      [
        ["TT", "Khu dân cư", "Giao thông", null, null, "Y tế"],
        [null, null, "Đường trục", "Ngõ xóm", "Nội đồng", null],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      ],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "order", 1: "area", 2: "TC01.1", 3: "TC01.2", 4: "TC01.3", 5: "TC10.1" });
    expect(r.columns.find((c) => c.column === 4)?.header).toBe("Giao thông › Nội đồng");
  });

  test("bare numbers under “Tiêu chí” are criterion statuses", () => {
    const r = recognizeHeaders(
      [
        ["TT", "Khu dân cư", "Tiêu chí đã đạt", null, null],
        [null, null, 1, 2, 13],
      ],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "order", 1: "area", 2: "TC01", 3: "TC02", 4: "TC13" });
  });
});

describe("value or status", () => {
  test("a criterion split into value and “Đánh giá” columns: a mixed layout", () => {
    const r = recognizeHeaders(
      [
        ["Khu dân cư", "Hộ nghèo", null, "Giao thông", null, "Văn hóa"],
        [null, "Tỷ lệ (%)", "Đánh giá", "Kết quả (%)", "Đạt/Chưa đạt", null],
      ],
      ruleset
    );
    expect(byColumn(r)).toEqual({ 0: "area", 1: "TC07.1", 2: "TC07", 4: "TC01", 5: "TC11" });
    // A value under a criterion of three indicators: which one is not known.
    expect(r.unmapped).toEqual([{ column: 3, header: "Giao thông › Kết quả (%)" }]);
    expect(r.layout).toBe("mixed");
  });

  test("a one-indicator criterion's name over numbers is its indicator", () => {
    const r = recognizeHeaders([["Khu dân cư", "Hộ nghèo", "Thu nhập"]], ruleset, {
      sampleRows: [
        ["Khu 1", 3.5, "36,5"],
        ["Khu 2", "4,1%", 42],
        ["Khu 3", null, "38 triệu"],
      ],
    });
    expect(byColumn(r)).toEqual({ 0: "area", 1: "TC07.1", 2: "TC06.1" });
  });

  test("the same header over Đạt/Chưa đạt/x is a declared status", () => {
    const r = recognizeHeaders([["Khu dân cư", "Hộ nghèo", "Thu nhập"]], ruleset, {
      sampleRows: [
        ["Khu 1", "Đạt", "x"],
        ["Khu 2", "Chưa đạt", "Đạt"],
        ["Khu 3", "Đạt", null],
      ],
    });
    expect(byColumn(r)).toEqual({ 0: "area", 1: "TC07", 2: "TC06" });
  });

  test("without data, the other columns decide", () => {
    const amongStatuses = recognizeHeaders([["Khu dân cư", "Hộ nghèo", "Giao thông", "Điện"]], ruleset);
    expect(byColumn(amongStatuses)).toEqual({ 0: "area", 1: "TC07", 2: "TC01", 3: "TC03" });
    const amongValues = recognizeHeaders([["Khu dân cư", "Hộ nghèo", "Đường trục", "Đường ngõ xóm"]], ruleset);
    expect(byColumn(amongValues)).toEqual({ 0: "area", 1: "TC07.1", 2: "TC01.1", 3: "TC01.2" });
  });

  test("a unit in the header settles it while the data do not contradict it", () => {
    const r = recognizeHeaders([["Hộ nghèo (%)"]], ruleset, { sampleRows: [[3.5], ["Đạt"], [4]] });
    expect(byColumn(r)).toEqual({ 0: "TC07.1" });
    expect(r.columns[0].note).toBeUndefined();
  });

  test("Đạt/Chưa đạt under a header with a unit: the values decide, with a note and a confidence to check", () => {
    const r = recognizeHeaders([["Hộ nghèo (%)"]], ruleset, { sampleRows: [["Đạt"], ["Chưa đạt"]] });
    expect(byColumn(r)).toEqual({ 0: "TC07" });
    expect(r.columns[0].confidence).toBeLessThan(0.8);
    expect(r.columns[0].note?.vi).toMatch(/Đạt\/Chưa đạt/);
  });
});

describe("columns by content, not by name alone", () => {
  const header = [
    "TT",
    "Khu dân cư",
    "Tổng số hộ",
    "Số hộ nghèo",
    "Tiêu chí 1: Giao thông - Tỷ lệ đường trục thôn được cứng hóa (%)",
    "Tiêu chí 7: Hộ nghèo - Tỷ lệ hộ nghèo (%)",
  ];
  const samples: CellValue[][] = [
    [1, "Khu 1", 212, 9, 85, 4.2],
    [2, "Khu 2", 180, 12, 100, 6.7],
    [3, "Khu 3", 305, 4, 72.5, 1.3],
  ];

  test("a header naming a criterion and its indicator holds the indicator; raw counts beside it are not the rate", () => {
    const r = recognizeHeaders([header], ruleset, { sampleRows: samples });
    expect(byColumn(r)).toEqual({ 0: "order", 1: "area", 2: "households", 4: "TC01.1", 5: "TC07.1" });
    expect(r.unmapped.map((u) => u.header)).toEqual(["Số hộ nghèo"]);
  });

  test("numbers under a criterion of several indicators: the indicator its header names, by the values, with a note", () => {
    const r = recognizeHeaders([["Khu dân cư", "Giao thông: tỷ lệ đường trục thôn được cứng hóa"]], ruleset, {
      sampleRows: [
        ["Khu 1", 85],
        ["Khu 2", "90,5"],
      ],
    });
    expect(byColumn(r)[1]).toBe("TC01.1");
    expect(r.columns[1].confidence).toBeLessThan(0.8);
    expect(r.columns[1].note?.en).toMatch(/holds numbers/);
    // The same header over Đạt/Chưa đạt stays the criterion's status.
    const status = recognizeHeaders([["Khu dân cư", "Giao thông"]], ruleset, {
      sampleRows: [
        ["Khu 1", "Đạt"],
        ["Khu 2", "Chưa đạt"],
      ],
    });
    expect(byColumn(status)[1]).toBe("TC01");
    expect(status.columns[1].note).toBeUndefined();
  });

  test("numbers under a criterion's bare name of several indicators: left for the user to choose, saying why", () => {
    const r = recognizeHeaders([["Khu dân cư", "Môi trường"]], ruleset, {
      sampleRows: [
        ["Khu 1", 85],
        ["Khu 2", 92],
      ],
    });
    expect(byColumn(r)[1]).toBeUndefined();
    expect(r.unmapped.find((u) => u.column === 1)?.note?.vi).toMatch(/chọn/);
  });

  test("Đạt/Chưa đạt under an indicator's number: the criterion's status; a yes/no indicator keeps its words", () => {
    const r = recognizeHeaders([["Tỷ lệ hộ gia đình văn hóa (%)", "Nhà văn hóa đạt chuẩn"]], ruleset, {
      sampleRows: [
        ["Đạt", "Có"],
        ["Chưa đạt", "Không"],
      ],
    });
    expect(byColumn(r)).toEqual({ 0: "TC11", 1: "TC04.1" });
    expect(r.columns[0].note).toBeDefined();
    expect(r.columns[1].note).toBeUndefined();
  });

  test("counts under a rate: numbers mostly above 100 are not a percentage; at or below 100 they are", () => {
    const counts = recognizeHeaders([["Khu dân cư", "Hộ dùng nước hợp vệ sinh"]], ruleset, {
      sampleRows: [
        ["Khu 1", 230],
        ["Khu 2", 145],
        ["Khu 3", 98],
      ],
    });
    expect(byColumn(counts)[1]).toBeUndefined();
    expect(counts.unmapped[0].note?.en).toMatch(/above 100/);
    const rates = recognizeHeaders([["Khu dân cư", "Hộ dùng nước hợp vệ sinh"]], ruleset, {
      sampleRows: [
        ["Khu 1", 100],
        ["Khu 2", 145],
        ["Khu 3", 98],
      ],
    });
    expect(byColumn(rates)[1]).toBe("TC12.1");
  });

  test("a count header beside the rate computed from it: the rate holds the indicator, the count is not used", () => {
    const r = recognizeHeaders([["Hộ dùng nước hợp vệ sinh (hộ)", "Tỷ lệ hộ dùng nước hợp vệ sinh (%)"]], ruleset, {
      sampleRows: [
        [40, 95],
        [61, 88],
      ],
    });
    expect(byColumn(r)).toEqual({ 1: "TC12.1" });
    expect(r.unmapped[0].note?.vi).toMatch(/số đếm/);
  });
});

describe("rulesets", () => {
  test("a ruleset's own aliases are used, and another ruleset's are not", () => {
    const doc = rulesetToDocument(ruleset) as { criteria: Array<{ id: string; aliases: string[] }> };
    doc.criteria.find((c) => c.id === "TC01")?.aliases.push("Hạ tầng đường xá");
    const custom = rulesetFromDocument(doc);
    expect(recognizeHeaders([["Hạ tầng đường xá"]], custom).columns[0]).toMatchObject({
      role: { kind: "criterion", criterionId: "TC01" },
      confidence: 0.92,
    });
    expect(recognizeHeaders([["Hạ tầng đường xá"]], ruleset).columns).toEqual([]);
  });

  test("a custom ruleset's own ids name its columns", () => {
    const doc = rulesetToDocument(ruleset) as {
      criteria: Array<{ id: string; indicators: Array<{ id: string }> }>;
    };
    doc.criteria[0].id = "GT";
    doc.criteria[0].indicators.forEach((i, k) => (i.id = `GT.${k + 1}`));
    const custom = rulesetFromDocument(doc);
    const r = recognizeHeaders([["GT", "GT.2", "gt.3"]], custom);
    expect(byColumn(r)).toEqual({ 0: "GT", 1: "GT.2", 2: "GT.3" });
  });

  test("canonical order: as many columns as indicators, or as criteria", () => {
    const indicators = canonicalColumns(ruleset, ruleset.indicators.length);
    expect(indicators?.map((c) => roleName(c.role))).toEqual(ruleset.indicators.map((i) => i.id));
    expect(indicators?.map((c) => c.column)).toEqual(ruleset.indicators.map((_, k) => k));
    const criteria = canonicalColumns(ruleset, ruleset.criteria.length);
    expect(criteria?.map((c) => roleName(c.role))).toEqual(ruleset.criteria.map((c) => c.id));
    expect(canonicalColumns(ruleset, 5)).toBeUndefined();
  });
});

describe("role labels", () => {
  test("indicators by id and name, shortened for lists", () => {
    const label = roleLabel({ kind: "indicator", indicatorId: "TC01.1" }, ruleset);
    expect(label.vi.startsWith("TC01.1 Tỷ lệ đường trục")).toBe(true);
    expect(label.vi.endsWith("…")).toBe(true);
    expect(label.en.startsWith("TC01.1 Share of")).toBe(true);
    expect(roleLabel({ kind: "indicator", indicatorId: "TC07.1" }, ruleset).vi.length).toBeLessThanOrEqual(71);
  });

  test("criterion statuses, fixed columns and unknown ids", () => {
    expect(roleLabel({ kind: "criterion", criterionId: "TC02" }, ruleset)).toEqual({
      vi: "TC02 Thủy lợi – Đạt/Chưa đạt",
      en: "TC02 Irrigation – met/not met",
    });
    expect(roleLabel({ kind: "commune" }, ruleset)).toEqual({ vi: "Xã", en: "Commune" });
    expect(roleLabel({ kind: "indicator", indicatorId: "TC99.1" }, ruleset).vi).toContain("không có trong bộ tiêu chí");
  });

  test("every option the pane offers has a label", () => {
    const options = roleOptions(ruleset);
    expect(options).toHaveLength(12 + ruleset.criteria.length + ruleset.indicators.length);
    for (const o of options) expect(roleLabel(o, ruleset).vi).not.toBe("");
  });
});

test("'Thuộc xã' names the commune column, not the area type", () => {
  const r = recognizeHeaders([["TT", "Khu dân cư", "Thuộc xã", "Loại khu"]], embeddedRuleset());
  expect(r.columns.find((c) => c.column === 2)?.role).toEqual({ kind: "commune" });
  expect(r.columns.find((c) => c.column === 3)?.role).toEqual({ kind: "areaType" });
});
