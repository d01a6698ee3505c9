import { formatCondition, formatNumber, formatValue } from "../src/rules/format";

test.each([
  [0, "vi", "0"],
  [85.5, "vi", "85,5"],
  [85.5, "en", "85.5"],
  [1234000, "vi", "1.234.000"],
  [1234000, "en", "1,234,000"],
  [999, "vi", "999"],
  [1000, "vi", "1.000"],
  [-1500.25, "vi", "-1.500,25"],
  [0.123456, "vi", "0,12"],
  [36000000.4, "vi", "36.000.000,4"],
] as const)("formatNumber(%p, %s) = %p", (n, lang, expected) => {
  expect(formatNumber(n, lang)).toBe(expected);
});

test("values and conditions read the Vietnamese way", () => {
  expect(formatValue(36000000, "vnd_per_person_year")).toBe("36.000.000 đ/người/năm");
  expect(formatValue(true, "boolean")).toBe("Có");
  expect(formatValue(false, "boolean", "en")).toBe("No");
  expect(formatCondition(">=", 70, "percent")).toBe("≥ 70%");
  expect(formatCondition("<=", 12, "percent", "en")).toBe("≤ 12%");
});
