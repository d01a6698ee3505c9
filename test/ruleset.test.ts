import { InputError, Problem } from "../src/rules/message";
import { embeddedRuleset, parseRulesetJson, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { columnLetter } from "../src/rules/reading/cell";
import { RULESET_TABLE_COLUMNS, rulesetFromTable, rulesetToTable } from "../src/rules/ruleset/ruleset-table";
import { thresholdFor, findCriterion, findIndicator, canonicalCriterionId } from "../src/rules/ruleset/ruleset";

function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** The criteria sheet's column of a field. */
const col = (key: (typeof RULESET_TABLE_COLUMNS)[number]["key"]): number =>
  RULESET_TABLE_COLUMNS.findIndex((c) => c.key === key);

const baseDoc = () => JSON.parse(JSON.stringify(rulesetToDocument(embeddedRuleset())));

describe("the embedded ruleset", () => {
  const rs = embeddedRuleset();
  test("has 13 criteria and 22 indicators, and says it is provisional", () => {
    expect(rs.criteria).toHaveLength(13);
    expect(rs.indicators).toHaveLength(22);
    expect(rs.provisional).toBe(true);
    expect(rs.statusNote.vi).toMatch(/tạm/i);
    expect(rs.statusNote.en).toMatch(/provisional/i);
    expect(rs.indicators.every((i) => i.basis.length > 0 && i.verified === false)).toBe(true);
    expect(rs.source.document).toBe("2076/QĐ-UBND");
  });
  test("finds criteria by id, short id or name", () => {
    expect(findCriterion(rs, "TC07")?.nameVi).toBe("Hộ nghèo");
    expect(findCriterion(rs, "tc7")?.id).toBe("TC07");
    expect(findCriterion(rs, "ho ngheo")?.id).toBe("TC07");
    expect(findCriterion(rs, "Thủy lợi")?.id).toBe("TC02");
    expect(canonicalCriterionId("Tiêu chí 3")).toBe("TC03");
  });
  test("finds indicators by id however typed, or by name", () => {
    for (const typed of ["TC07.1", "tc 07.1", "7.1", "7,1", "Chỉ tiêu 7.1", "TC7.01"]) {
      expect(findIndicator(rs, typed)?.id).toBe("TC07.1");
    }
    const poor = findIndicator(rs, "TC07.1")!;
    expect(findIndicator(rs, poor.nameVi.toUpperCase())?.id).toBe("TC07.1");
    expect(findIndicator(rs, "7.9")).toBeUndefined();
    expect(findIndicator(rs, "TC07")).toBeUndefined();
  });
  test("round-trips through the file format", () => {
    const again = parseRulesetJson(JSON.stringify(rulesetToDocument(rs)));
    expect(again.indicators.map((i) => [i.id, i.operator, i.threshold])).toEqual(
      rs.indicators.map((i) => [i.id, i.operator, i.threshold])
    );
  });
});

describe("a user's ruleset file with faults is refused, naming the place and field", () => {
  test("malformed JSON names line and column", () => {
    const p = problemsOf(() => parseRulesetJson('{\n  "criteria": [\n  }', "my.json"));
    expect(p[0].code).toBe("json");
    expect(p[0].where).toMatch(/^my\.json:\d+:\d+$/);
    expect(p[0].message.vi).toMatch(/JSON/);
  });
  test("unknown operator", () => {
    const doc = baseDoc();
    doc.criteria[1].indicators[0].operator = "=>>";
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: "operator", where: "TC02.1 › operator" });
    expect(p[0].message.vi).toContain("=>>");
    expect(p[0].message.en).toContain("Unknown operator");
  });
  test("ids that name JavaScript's own object properties are refused, naming the field (file and sheet alike)", () => {
    const doc = baseDoc();
    doc.criteria[0].id = "constructor";
    doc.criteria[1].indicators[0].id = "__proto__";
    doc.criteria[2].indicators[0].id = "hasOwnProperty";
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p.map((x) => [x.code, x.where])).toEqual([
      ["reserved-id", "constructor › id"],
      ["reserved-id", "__proto__ › id"],
      ["reserved-id", "hasOwnProperty › id"],
    ]);
    expect(p[1].message.vi).toBe(
      'Mã "__proto__" trùng một tên dành riêng của chương trình; hãy đặt mã khác (vd. TC14, TC14.1).'
    );
    const table = rulesetToTable(embeddedRuleset());
    const row = table.findIndex((r) => r[col("indicatorId")] === "TC07.1");
    table[row][col("indicatorId")] = "toString";
    const fromSheet = problemsOf(() => rulesetFromTable(table, embeddedRuleset()));
    expect(fromSheet[0].code).toBe("reserved-id");
    expect(fromSheet[0].where).toMatch(/^[A-Z]+\d+$/);
  });
  test("duplicate indicator id", () => {
    const doc = baseDoc();
    doc.criteria[2].indicators[1].id = "TC03.1";
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p[0]).toMatchObject({ code: "duplicate-id" });
    expect(p[0].where).toContain("TC03.1");
  });
  test("duplicate criterion id", () => {
    const doc = baseDoc();
    doc.criteria[4].id = "TC04";
    expect(problemsOf(() => parseRulesetJson(JSON.stringify(doc)))[0]).toMatchObject({
      code: "duplicate-id",
      where: "TC04 › id",
    });
  });
  test("a percent threshold of 140", () => {
    const doc = baseDoc();
    doc.criteria[6].indicators[0].threshold = 140;
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p[0]).toMatchObject({ code: "threshold-range", where: "TC07.1 › threshold" });
    expect(p[0].message.vi).toContain("140");
  });
  test("a missing threshold", () => {
    const doc = baseDoc();
    delete doc.criteria[9].indicators[0].threshold;
    expect(problemsOf(() => parseRulesetJson(JSON.stringify(doc)))[0]).toMatchObject({
      code: "threshold-missing",
      where: "TC10.1 › threshold",
    });
  });
  test("a criterion with no indicator", () => {
    const doc = baseDoc();
    doc.criteria[8].indicators = [];
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p[0]).toMatchObject({ code: "no-indicator", where: "TC09" });
  });
  test("a yes/no indicator with a number threshold, and an unknown unit", () => {
    const doc = baseDoc();
    doc.criteria[2].indicators[0].threshold = 5;
    doc.criteria[3].indicators[0].unit = "meters";
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p.map((x) => x.code).sort()).toEqual(["threshold-type", "unit"]);
  });
  test("every fault is reported at once", () => {
    const doc = baseDoc();
    doc.criteria[0].indicators[0].operator = "~";
    doc.criteria[6].indicators[0].threshold = 140;
    expect(problemsOf(() => parseRulesetJson(JSON.stringify(doc)))).toHaveLength(2);
  });
  test("the error message never carries a stack trace", () => {
    try {
      parseRulesetJson("nope");
    } catch (e) {
      expect((e as Error).message).not.toMatch(/\n\s+at /);
      expect((e as Error).message).toMatch(/JSON/);
    }
  });
});

describe("thresholds that depend on year and group", () => {
  const doc = baseDoc();
  doc.criteria[5].indicators[0].thresholds = [
    { value: 29000000, to_year: 2018 },
    { value: 32000000, from_year: 2019, to_year: 2019 },
    { value: 30000000, group: "Xã ĐBKK" },
    // The name files written before groups used.
    { value: 25000000, area_type: "xa dbkk", to_year: 2018 },
    { value: 34000000, group: "Nhóm 2" },
  ];
  const rs = parseRulesetJson(JSON.stringify(doc));
  const income = rs.indicators.find((i) => i.id === "TC06.1")!;
  test.each([
    [{}, 36000000],
    [{ year: 2017 }, 29000000],
    [{ year: 2019 }, 32000000],
    [{ year: 2020 }, 36000000],
    [{ year: 2020, group: "xã ĐBKK" }, 30000000],
    [{ year: 2018, group: "Xa DBKK" }, 25000000],
    [{ year: 2020, group: "đặc biệt khó khăn" }, 30000000],
    [{ year: 2020, group: "nhóm 2" }, 34000000],
    [{ year: 2020, group: "Xã nhóm II" }, 34000000],
    [{ year: 2020, group: "2" }, 34000000],
    [{ year: 2020, group: "Nhóm 3" }, 36000000],
  ])("%p → %p", (ctx, expected) => {
    expect(thresholdFor(income, ctx)).toBe(expected);
  });
  test("a variant without years or group is refused", () => {
    const bad = baseDoc();
    bad.criteria[5].indicators[0].thresholds = [{ value: 1 }];
    expect(problemsOf(() => parseRulesetJson(JSON.stringify(bad)))[0].code).toBe("variant-scope");
  });
});

describe("the ruleset as a sheet table", () => {
  const rs = embeddedRuleset();
  test("round-trips", () => {
    const table = rulesetToTable(rs);
    const back = rulesetFromTable(table, rs);
    expect(back.indicators.map((i) => [i.id, i.unit, i.operator, i.threshold, i.nameVi])).toEqual(
      rs.indicators.map((i) => [i.id, i.unit, i.operator, i.threshold, i.nameVi])
    );
    expect(back.provisional).toBe(true);
  });
  test("an officer corrects one threshold in one cell, typed as people type", () => {
    const table = rulesetToTable(rs);
    const row = table.findIndex((r) => r[col("indicatorId")] === "TC07.1");
    table[row][col("threshold")] = "10%";
    const back = rulesetFromTable(table, rs);
    expect(back.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(10);
    const income = table.findIndex((r) => r[col("indicatorId")] === "TC06.1");
    table[income][col("threshold")] = "38 triệu";
    expect(rulesetFromTable(table, rs).indicators.find((i) => i.id === "TC06.1")?.threshold).toBe(38000000);
  });
  test("title rows above the header are allowed and a variant row adds a year threshold", () => {
    const table = rulesetToTable(rs);
    const income = table.findIndex((r) => r[col("indicatorId")] === "TC06.1");
    const variant = [...table[income]];
    variant[col("threshold")] = 32000000;
    variant[col("fromYear")] = 2019;
    variant[col("toYear")] = 2019;
    table.splice(income + 1, 0, variant);
    const withTitle = [["BỘ TIÊU CHÍ KHU DÂN CƯ NÔNG THÔN MỚI"], [], ...table];
    const back = rulesetFromTable(withTitle, rs);
    const i = back.indicators.find((x) => x.id === "TC06.1")!;
    expect(thresholdFor(i, { year: 2019 })).toBe(32000000);
    expect(thresholdFor(i, { year: 2020 })).toBe(36000000);
  });
  test("faults name the cell", () => {
    const table = rulesetToTable(rs);
    const row = table.findIndex((r) => r[col("indicatorId")] === "TC07.1");
    table[row][col("threshold")] = 140;
    table[row + 1][col("operator")] = "gần bằng";
    const p = problemsOf(() => rulesetFromTable(table, rs, "NTM - Bộ tiêu chí"));
    expect(p.map((x) => x.code).sort()).toEqual(["operator", "threshold-range"]);
    expect(p.find((x) => x.code === "threshold-range")!.where).toBe(
      `NTM - Bộ tiêu chí!${columnLetter(col("threshold"))}${row + 1}`
    );
    expect(p.find((x) => x.code === "operator")!.where).toBe(
      `NTM - Bộ tiêu chí!${columnLetter(col("operator"))}${row + 2}`
    );
    expect(p.find((x) => x.code === "operator")!.message.vi).toContain("gần bằng");
  });
  test("a duplicate indicator row and a sheet without the header are refused", () => {
    const table = rulesetToTable(rs);
    table.push([...table[1]]);
    expect(problemsOf(() => rulesetFromTable(table, rs))[0].code).toBe("duplicate-id");
    expect(
      problemsOf(() =>
        rulesetFromTable(
          [
            ["a", "b"],
            [1, 2],
          ],
          rs
        )
      )[0].code
    ).toBe("table-header");
  });
  test("a criterion row with no indicator is refused", () => {
    const table = rulesetToTable(rs);
    table.push(["TC14", "Tiêu chí mới", "", "", "", "", "", ""]);
    const p = problemsOf(() => rulesetFromTable(table, rs));
    expect(p[0]).toMatchObject({ code: "no-indicator" });
    expect(p[0].where).toMatch(/^A\d+$/);
  });
});

describe("a criterion's logic: all, any, at least N of, nested", () => {
  const rs = embeddedRuleset();
  /** The embedded ruleset with criterion TC12 (four indicators) given a logic. */
  const withLogic = (logic: unknown) => {
    const doc = baseDoc();
    doc.criteria[11].logic = logic;
    return doc;
  };
  const tc12 = (doc: unknown) => parseRulesetJson(JSON.stringify(doc)).criteria[11].logic;

  test("the file's forms: a word, the short object, nested objects, the sheet's text", () => {
    expect(tc12(baseDoc())).toEqual({ kind: "all", items: ["TC12.1", "TC12.2", "TC12.3", "TC12.4"] });
    expect(tc12(withLogic("any"))).toEqual({ kind: "any", items: ["TC12.1", "TC12.2", "TC12.3", "TC12.4"] });
    expect(tc12(withLogic({ at_least: 3 }))).toEqual({
      kind: "atLeast",
      count: 3,
      items: ["TC12.1", "TC12.2", "TC12.3", "TC12.4"],
    });
    const nested = { kind: "all", items: ["TC12.1", { kind: "any", items: ["TC12.2", "TC12.3"] }, "TC12.4"] };
    expect(tc12(withLogic({ all: ["TC12.1", { any: ["TC12.2", "TC12.3"] }, "TC12.4"] }))).toEqual(nested);
    expect(tc12(withLogic("Tất cả (TC12.1; Một trong (tc12.2, TC12.3); TC12.4)"))).toEqual(nested);
    expect(tc12(withLogic("Đạt ít nhất 3/4 chỉ tiêu"))).toMatchObject({ kind: "atLeast", count: 3 });
    expect(tc12(withLogic("đạt một trong các nội dung"))).toMatchObject({ kind: "any" });
    expect(tc12(withLogic("at least 2 of 4"))).toMatchObject({ kind: "atLeast", count: 2 });
  });

  test.each([
    ["Hầu hết", "logic-word", /Không hiểu cách tính đạt "Hầu hết"/],
    ["Ít nhất 5", "logic-count", /"Ít nhất 5" nhưng nhóm có 4 mục/],
    ["Ít nhất 3/5", "logic-of", /có 4 mục, không phải 5/],
    ["Tất cả (TC12.1; TC12.2; Một trong (); TC12.3; TC12.4)", "logic-empty", /không có chỉ tiêu nào/],
    ["Một trong (TC12.1; TC12.2; TC12.3; TC12.9)", "logic-indicator", /"TC12.9" không phải chỉ tiêu của tiêu chí này/],
    ["Một trong (TC12.1; TC12.2; TC12.3)", "logic-unused", /không nêu chỉ tiêu TC12.4/],
    ["Một trong (TC12.1; TC12.1; TC12.2; TC12.3; TC12.4)", "logic-repeated", /TC12.1 được ghi hai lần/],
    ["Tất cả (TC12.1; TC12.2", "logic-syntax", /ngoặc không khớp/],
  ])("%p is refused in the file, naming the field (%s)", (logic, code, message) => {
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(withLogic(logic))));
    expect(p.map((x) => x.code)).toEqual([code]);
    expect(p[0].where).toBe("TC12 › logic");
    expect(p[0].message.vi).toMatch(message);
    expect(p[0].message.en.length).toBeGreaterThan(20);
  });

  test("a JSON form with an unknown field or a wrong type names the field", () => {
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(withLogic({ at_least: "3", of: ["TC12.1"] }))));
    expect(p[0]).toMatchObject({ code: "logic-field", where: "TC12 › logic › at_least" });
    const q = problemsOf(() => parseRulesetJson(JSON.stringify(withLogic({ all: ["TC12.1", { some: [] }] }))));
    expect(q[0]).toMatchObject({ code: "logic-field", where: "TC12 › logic › all[1]" });
    expect(q[0].message.en).toContain("some");
  });

  test("an 'at least N of' too large for one rule is refused with the count", () => {
    const doc = baseDoc();
    const indicator = doc.criteria[11].indicators[0];
    doc.criteria[11].indicators = Array.from({ length: 12 }, (_, k) => ({ ...indicator, id: `TC12.${k + 1}` }));
    doc.criteria[11].logic = { at_least: 6 };
    const p = problemsOf(() => parseRulesetJson(JSON.stringify(doc)));
    expect(p[0]).toMatchObject({ code: "logic-size", where: "TC12 › logic" });
    // C(11, 5) × 12 conditions.
    expect(p[0].message.vi).toContain("5544");
    doc.criteria[11].logic = { at_least: 2 };
    expect(parseRulesetJson(JSON.stringify(doc)).criteria[11].logic).toMatchObject({ kind: "atLeast", count: 2 });
  });

  test("on the criteria sheet: the column 'Cách tính đạt', faults named by cell", () => {
    const table = rulesetToTable(rs);
    expect(table[0][col("logic")]).toBe("Cách tính đạt");
    const first = table.findIndex((r) => r[col("indicatorId")] === "TC12.1");
    expect(table[first][col("logic")]).toBe("Tất cả");
    expect(table[first + 1][col("logic")]).toBe("");
    table[first][col("logic")] = "Ít nhất 3/4";
    expect(rulesetFromTable(table, rs).criteria[11].logic).toMatchObject({ kind: "atLeast", count: 3 });
    // Written on another row of the criterion: read all the same.
    table[first][col("logic")] = "";
    table[first + 2][col("logic")] = "Một trong";
    expect(rulesetFromTable(table, rs).criteria[11].logic).toMatchObject({ kind: "any" });
    // Two different logics for one criterion, and an unknown word: each named by its cell.
    table[first][col("logic")] = "Tất cả";
    const at = (row: number) => `NTM - Bộ tiêu chí!${columnLetter(col("logic"))}${row + 1}`;
    expect(problemsOf(() => rulesetFromTable(table, rs, "NTM - Bộ tiêu chí"))[0]).toMatchObject({
      code: "logic-twice",
      where: at(first + 2),
    });
    table[first + 2][col("logic")] = "";
    table[first][col("logic")] = "Ít nhất 7/4";
    const p = problemsOf(() => rulesetFromTable(table, rs, "NTM - Bộ tiêu chí"));
    expect(p[0]).toMatchObject({ code: "logic-count", where: at(first) });
  });

  test("a sheet written before the logic column and groups (header 'Loại khu') still reloads", () => {
    const table = rulesetToTable(rs).map((r) => r.filter((_, c) => c !== col("logic")));
    table[0] = table[0].map((h) => (h === "Nhóm xã / loại khu" ? "Loại khu" : h));
    const income = table.findIndex((r) => r[col("indicatorId") - 1] === "TC06.1");
    const variant = [...table[income]];
    variant[col("threshold") - 1] = 30000000;
    variant[col("group") - 1] = "dbkk";
    table.splice(income + 1, 0, variant);
    const back = rulesetFromTable(table, rs);
    expect(back.criteria.every((c) => c.logic.kind === "all")).toBe(true);
    const i = back.indicators.find((x) => x.id === "TC06.1")!;
    expect(thresholdFor(i, { group: "Xã ĐBKK" })).toBe(30000000);
  });
});
