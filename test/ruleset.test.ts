import { InputError, Problem } from "../src/rules/message";
import { embeddedRuleset, parseRulesetJson, rulesetToDocument } from "../src/rules/ruleset-document";
import { columnLetter } from "../src/rules/cell";
import { RULESET_TABLE_COLUMNS, rulesetFromTable, rulesetToTable } from "../src/rules/ruleset-table";
import { thresholdFor, findCriterion, canonicalCriterionId } from "../src/rules/ruleset";

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
