import { CellValue } from "../src/rules/reading/cell";
import { ReadingMemory } from "../src/rules/reading/reading-memory";
import { readCell, readValue, readStatus, parseLocaleNumber } from "../src/rules/reading/values";
import { Unit } from "../src/rules/ruleset/ruleset";

const num = (raw: Parameters<typeof readValue>[0], unit: Parameters<typeof readValue>[1], opts = {}) => {
  const r = readValue(raw, unit, opts);
  if (r.kind !== "number") throw new Error(`expected a number for ${String(raw)}, got ${r.kind}`);
  return r.value;
};

describe("reading cell values as people type them", () => {
  test.each([
    [85, 85],
    ["85", 85],
    ["85%", 85],
    ["85 %", 85],
    ["85,5", 85.5],
    ["85.5", 85.5],
    ["85,5%", 85.5],
    ["  85\u00a0", 85],
    ["\u00a085,5 %\u00a0", 85.5],
  ])("percent %p → %p", (raw, expected) => {
    expect(num(raw, "percent")).toBe(expected);
  });

  test("a date or time (a serial number under a date format, as Office.js and files give it) is no figure", () => {
    for (const format of ["dd/mm/yyyy", "m/d/yyyy", "[$-42A]d/m/yyyy", "h:mm", "[h]:mm:ss", "yyyy"]) {
      const r = readValue(43784, "count", { numberFormat: format });
      expect(r.kind).toBe("unreadable");
      if (r.kind === "unreadable")
        expect(r.reason.en).toBe(`The cell holds a date or time (format "${format}"), not a figure.`);
    }
    for (const format of ["General", "0", "#,##0", '#,##0\\ "ngày"', "0.0%", "[Red]0%", "0.00E+00", "@"]) {
      expect(readValue(43, "count", { numberFormat: format }).kind).toBe("number");
    }
  });

  test("a fraction stored in a percent-formatted cell is scaled", () => {
    expect(num(0.85, "percent", { numberFormat: "0%" })).toBe(85);
    expect(num(0.855, "percent", { numberFormat: "0.0%" })).toBe(85.5);
    // The same number in a General cell is taken literally (0.85 %), not guessed.
    expect(num(0.85, "percent", { numberFormat: "General" })).toBe(0.85);
  });

  test.each([
    ["1.234.000", 1234000],
    ["1,234,000", 1234000],
    ["36.000.000", 36000000],
    ["36 triệu", 36000000],
    ["36tr", 36000000],
    ["36 tr", 36000000],
    ["36,5 triệu", 36500000],
    ["36.5tr", 36500000],
    ["1,2 tỷ", 1200000000],
    ["500 nghìn", 500000],
    ["36.000.000 đ", 36000000],
    ["36.000.000 đồng", 36000000],
    [36000000, 36000000],
  ])("money %p → %p", (raw, expected) => {
    expect(num(raw, "vnd_per_person_year")).toBe(expected);
  });

  test("a bare small income figure is read as millions, with a note", () => {
    const r = readValue(32.5, "vnd_per_person_year");
    expect(r).toMatchObject({ kind: "number", value: 32500000 });
    expect(r.kind === "number" && r.note?.vi).toContain("triệu");
    expect(num("32,5", "vnd_per_person_year")).toBe(32500000);
  });

  test("a header scale (triệu đồng) multiplies plain numbers, not explicit magnitudes", () => {
    expect(num(36, "vnd_per_person_year", { scale: 1e6 })).toBe(36000000);
    expect(num("36,5", "vnd_per_person_year", { scale: 1e6 })).toBe(36500000);
    expect(num("36 triệu", "vnd_per_person_year", { scale: 1e6 })).toBe(36000000);
  });

  test("a full đồng figure under a (triệu đồng) header is not scaled again", () => {
    expect(num("38.500.000", "vnd_per_person_year", { scale: 1e6 })).toBe(38500000);
    expect(num(41200000, "vnd_per_person_year", { scale: 1e6 })).toBe(41200000);
    expect(readValue(41200000, "vnd_per_person_year", { scale: 1e6 })).not.toHaveProperty("note");
  });

  test.each([
    ["Đạt", true],
    ["đạt", true],
    ["ĐẠT", true],
    ["Chưa đạt", false],
    ["Không đạt", false],
    ["Có", true],
    ["Không", false],
    ["x", true],
    ["X", true],
    ["TRUE", true],
    ["FALSE", false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [" Đạt\u00a0", true],
  ])("yes/no %p → %p", (raw, expected) => {
    expect(readValue(raw, "boolean")).toMatchObject({ kind: "boolean", value: expected });
  });

  test("counts accept 'Không' as zero and a trailing noun", () => {
    expect(num("Không", "count")).toBe(0);
    expect(num("2 nhà", "count")).toBe(2);
    expect(num(3, "count")).toBe(3);
  });

  test.each([null, undefined, "", "   ", "\u00a0"])("blank %p is missing", (raw) => {
    expect(readValue(raw, "percent").kind).toBe("missing");
    expect(readValue(raw, "boolean").kind).toBe("missing");
  });

  test.each([
    ["#N/A", "percent"],
    ["#VALUE!", "count"],
    ["#DIV/0!", "vnd_per_person_year"],
    ["khoảng 80", "percent"],
    ["Đạt", "percent"],
    ["abc", "boolean"],
    ["120%", "percent"],
    [-5, "count"],
    [7, "boolean"],
    [true, "percent"],
    ["1,2,3", "percent"],
    ["85%", "count"],
    ["36 triệu", "percent"],
  ] as const)("unreadable %p (%s) keeps the raw text and a reason", (raw, unit) => {
    const r = readValue(raw, unit);
    expect(r.kind).toBe("unreadable");
    if (r.kind === "unreadable") {
      expect(r.raw).toBe(raw);
      expect(r.reason.vi.length).toBeGreaterThan(0);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
  });

  test("declared statuses read like yes/no", () => {
    expect(readStatus("Chưa đạt")).toMatchObject({ kind: "boolean", value: false });
    expect(readStatus("Đạt")).toMatchObject({ kind: "boolean", value: true });
    expect(readStatus("").kind).toBe("missing");
  });

  test("ambiguous single separators follow the unit", () => {
    expect(parseLocaleNumber("1.234", true)).toBe(1234);
    expect(parseLocaleNumber("1.234", false)).toBe(1.234);
    expect(parseLocaleNumber("1.234,5", false)).toBe(1234.5);
    expect(parseLocaleNumber("1,234.5", false)).toBe(1234.5);
    expect(parseLocaleNumber("1.23.4", true)).toBeUndefined();
  });
});

describe("values read again within one reading (its ReadingMemory)", () => {
  const read = (memory: ReadingMemory, raw: CellValue, unit: Unit, numberFormat?: string, scale?: number) =>
    readCell(raw, unit, numberFormat, scale, memory);

  test("a text gives the same reading object, kept apart by unit and scale", () => {
    const memory = new ReadingMemory();
    const first = read(memory, "36", "vnd_per_person_year", undefined, 1e6);
    expect(read(memory, "36", "vnd_per_person_year", undefined, 1e6)).toBe(first);
    expect(first).toMatchObject({ kind: "number", value: 36e6 });
    // The same text under another scale or unit is read on its own terms.
    expect(read(memory, "36", "vnd_per_person_year", undefined, 1e3)).toMatchObject({ value: 36e3 });
    expect(read(memory, "36", "percent")).toMatchObject({ kind: "number", value: 36 });
    expect(read(memory, "Không", "count")).toMatchObject({ kind: "number", value: 0 });
    expect(read(memory, "Không", "boolean")).toMatchObject({ kind: "boolean", value: false });
    expect(read(memory, "Không", "percent").kind).toBe("unreadable");
    // Another reading (another analysis) shares nothing with this one.
    expect(read(new ReadingMemory(), "36", "vnd_per_person_year", undefined, 1e6)).not.toBe(first);
  });

  test("a number gives the same reading object, kept apart by unit, scale and percentage format", () => {
    const memory = new ReadingMemory();
    const first = read(memory, 0.855, "percent", "0.0%");
    expect(read(memory, 0.855, "percent", "0%")).toBe(first);
    expect(first).toMatchObject({ kind: "number", value: 85.5, raw: 0.855 });
    expect(read(memory, 0.855, "percent")).toMatchObject({ value: 0.855 });
    // Any scale, even a nonsensical one, has its own readings: none is taken for the percentage format.
    expect(read(memory, 0.5, "percent", undefined, -1).kind).toBe("unreadable"); // -50%
    expect(read(memory, 0.5, "percent", "0%")).toMatchObject({ kind: "number", value: 50 });
    expect(read(memory, 36, "vnd_per_person_year", undefined, 1e6)).toMatchObject({ value: 36e6 });
    expect(read(memory, 36, "vnd_per_person_year")).toMatchObject({ value: 36e6, note: expect.anything() });
    expect(read(memory, 36, "count")).toMatchObject({ value: 36 });
    expect(Object.is(read(memory, -0, "count").raw, -0)).toBe(true);
    expect(Object.is(read(memory, 0, "count").raw, 0)).toBe(true);
  });

  test("remembers no more than its bound: full, it starts afresh, and a reading made again is equal", () => {
    const memory = new ReadingMemory(3);
    const first = read(memory, 1, "count");
    read(memory, 2, "count");
    read(memory, "Đạt", "boolean");
    expect(memory.size).toBe(3);
    expect(read(memory, 1, "count")).toBe(first);
    read(memory, 4, "count");
    expect(memory.size).toBe(1);
    expect(read(memory, 4, "count")).toBe(read(memory, 4, "count"));
    expect(read(memory, 1, "count")).not.toBe(first);
    expect(read(memory, 1, "count")).toEqual(first);
    for (const n of [5, 6, 7, 8, 9, 10]) read(memory, n, "count");
    expect(memory.size).toBeLessThanOrEqual(3);
  });
});
