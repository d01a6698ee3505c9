import { recognizeHeaders, headerScale } from "../src/rules/reading/columns";
import { readAreas, detectTable, TableLayout } from "../src/rules/reading/sheet-table";
import { unitWord } from "../src/rules/reading/units";
import { readValue } from "../src/rules/reading/values";
import { Problem } from "../src/rules/message";
import { foldText, Unit } from "../src/rules/ruleset/ruleset";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";

const ruleset = embeddedRuleset();

const value = (raw: string, unit: Unit) => {
  const r = readValue(raw, unit);
  if (r.kind !== "number") throw new Error(`expected a number for "${raw}" (${unit}), got ${r.kind}`);
  return r.value;
};

describe("one unit vocabulary, for a column's header and its cells", () => {
  test.each([
    ["3 khẩu", "count", 3],
    ["12 hộ", "count", 12],
    ["12 hộ gia đình", "count", 12],
    ["4 nhà", "count", 4],
    ["7 lao động", "count", 7],
    ["45tr", "vnd_per_person_year", 45e6],
    ["45 tr/người/năm", "vnd_per_person_year", 45e6],
    ["45 triệu đồng/người/năm", "vnd_per_person_year", 45e6],
    ["1,2 tỷ", "vnd_per_person_year", 1.2e9],
    ["1,5 km", "number", 1.5],
    ["2,5 ha", "number", 2.5],
    ["45tr", "number", 45e6],
    ["3 khẩu", "number", 3],
  ] as const)("cell %p in a %s column reads %p", (raw, unit, expected) => {
    expect(value(raw, unit)).toBe(expected);
  });

  test.each([
    ["45tr", "count", "số tiền"],
    ["3 khẩu", "percent", "số đếm"],
    ["1,5 km", "count", "số đo"],
    ["12 hộ", "vnd_per_person_year", "số đếm"],
  ] as const)("cell %p in a %s column is refused, saying what it is (%s)", (raw, unit, said) => {
    const r = readValue(raw, unit);
    expect(r.kind).toBe("unreadable");
    if (r.kind === "unreadable") {
      expect(r.reason.vi).toContain(said);
      expect(r.reason.vi).toContain(raw);
      expect(r.reason.en).toContain(raw);
    }
  });

  test.each(["khẩu", "hộ", "nhà", "người", "lao động", "km", "ha", "tấn", "triệu", "tr", "nghìn", "đồng", "tỷ"])(
    "a header in brackets and a cell after its number read %p as the same unit",
    (word) => {
      const inCell = unitWord(foldText(word));
      expect(inCell).toBeDefined();
      // The header's unit steers recognition: a count or money header under the housing count, say.
      const header = `Số nhà tạm, dột nát (${word})`;
      const onHeader = recognizeHeaders([[header]], ruleset).columns[0]?.confidence ?? 0;
      const plain = recognizeHeaders([["Số nhà tạm, dột nát"]], ruleset).columns[0]?.confidence ?? 0;
      if (inCell?.kind === "count") expect(onHeader).toBe(plain);
      else expect(onHeader).toBeLessThan(plain);
      if (inCell?.kind === "money") expect(headerScale(`Thu nhập (${word})`)).toBe(inCell.factor);
      else expect(headerScale(`Thu nhập (${word})`)).toBeUndefined();
    }
  );

  test("a rate is not money: 'tỷ lệ' names no billions", () => {
    expect(headerScale("Tỷ lệ hộ nghèo (%)")).toBeUndefined();
    expect(headerScale("Tỉ lệ (tỉ lệ %)")).toBeUndefined();
    expect(headerScale("Thu nhập (ĐVT: triệu đồng)")).toBe(1e6);
    expect(headerScale("Thu nhập, 1.000đ/người/năm")).toBe(1e3);
  });

  test("a district table whose '(khẩu)' header is recognised reads its '3 khẩu' cells", () => {
    const values = [
      ["TT", "Tên khu dân cư", "Xã", "Số nhà tạm, dột nát (nhà)", "Thu nhập bình quân (triệu đồng/người/năm)"],
      [1, "Khu 1", "Xã A", "3 nhà", "45tr"],
      [2, "Khu 2", "Xã A", "0", "52 triệu"],
      [3, "Khu 3", "Xã A", 2, 48],
    ];
    const found = detectTable({ values }, ruleset) as TableLayout | Problem;
    if ("code" in found) throw new Error(found.message.en);
    const { areas } = readAreas({ name: "Sheet1", values }, found, ruleset);
    const houses = areas.map((a) => a.indicators["TC05.1"]);
    const income = areas.map((a) => a.indicators["TC06.1"]);
    expect(houses.map((r) => (r.kind === "number" ? r.value : r.kind))).toEqual([3, 0, 2]);
    expect(income.map((r) => (r.kind === "number" ? r.value : r.kind))).toEqual([45e6, 52e6, 48e6]);
  });
});
