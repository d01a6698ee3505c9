/*
 * The unit vocabulary: the words people write for units, in a column header ("Thu nhập (triệu
 * đồng/người/năm)", "Số hộ (khẩu)") and after a number in a cell ("45tr", "3 khẩu", "1,5 km"). One list,
 * read the same way in both places. Texts here are folded (foldText: lower case, no diacritics, đ → d).
 */

/** What a unit word says a figure is. */
export type UnitKind = "money" | "count" | "measure";

/** Words for money, by the multiplier to đồng they imply ("45tr" → 45 × 10^6). */
const MONEY_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1e9, ["ty", "ti", "ty dong", "ti dong", "ty d"]],
  [1e6, ["trieu", "tr", "trd", "tr.d", "tr d", "tr dong", "trieu dong", "trieu d"]],
  [1e3, ["nghin", "ngan", "k", "ngd", "nghin dong", "ngan dong", "nghin d", "1.000d", "1.000 d", "1000d"]],
  [1, ["d", "dong", "vnd"]],
];

/** Words that count things: households, people, houses. */
const COUNT_WORDS: readonly string[] = [
  "nha",
  "ho",
  "ho gia dinh",
  "cai",
  "can",
  "nguoi",
  "khau",
  "nhan khau",
  "lao dong",
];

/** Words of a measured quantity: area, length, volume, weight, time. */
const MEASURE_WORDS: readonly string[] = ["ha", "km", "m", "m2", "m3", "tan", "kg", "lit", "nam", "thang", "ngay"];

/** "/người/năm", "/khẩu", "/năm" after a money word: an income per person and year. */
const PER_PERSON = String.raw`(?:\s*\/\s*(?:nguoi|ng|khau)(?:\s*\/\s*nam)?|\s*\/\s*nam)`;
const PER_PERSON_AT_END = new RegExp(`${PER_PERSON}$`);

const MONEY_FACTOR = new Map<string, number>(MONEY_WORDS.flatMap(([f, ws]) => ws.map((w) => [w, f] as const)));
const COUNT = new Set(COUNT_WORDS);
const MEASURE = new Set(MEASURE_WORDS);

/** A unit word read: what it measures and, for money, its multiplier to đồng. */
export interface UnitWord {
  kind: UnitKind;
  factor: number;
}

/**
 * A whole text that is a unit ("tr", "triệu đồng/người/năm", "khẩu", "km"), folded; else undefined.
 * What a cell's text after its number, or a bracket of a header, says.
 */
export function unitWord(folded: string): UnitWord | undefined {
  const t = folded.replace(/\s+/g, " ").trim();
  const money = MONEY_FACTOR.get(t.replace(PER_PERSON_AT_END, "").trim());
  if (money !== undefined) return { kind: "money", factor: money };
  const plain = t.replace(/[^a-z0-9]+/g, " ").trim();
  if (COUNT.has(plain)) return { kind: "count", factor: 1 };
  if (MEASURE.has(plain)) return { kind: "measure", factor: 1 };
  return undefined;
}

const escape = (w: string): string => w.replace(/[.]/g, String.raw`\.`).replace(/ /g, String.raw`\s?`);

/*
 * Inside longer header text ("ĐVT: triệu đồng", "1.000đ/người") a money word is looked for as a word. Not
 * the short words that mean something else there: "tỷ"/"tỉ" of "tỷ lệ" (a rate), "k", a bare "đ"
 * (except "đ/người").
 */
const NOT_INSIDE = new Set(["ty", "ti", "k", "d"]);
const MONEY_INSIDE: ReadonlyArray<readonly [RegExp, number]> = MONEY_WORDS.map(([f, ws]) => {
  const inside = ws.filter((w) => !NOT_INSIDE.has(w)).map(escape);
  if (f === 1) inside.push(String.raw`d\/(?:nguoi|ng|khau)`);
  return [new RegExp(String.raw`(?:^|[^a-z0-9])(?:${inside.join("|")})(?![a-z0-9])`), f] as const;
});

/** The money multiplier a header text names anywhere in it ("… (ĐVT: triệu đồng)" → 10^6), if any. */
export function moneyScaleIn(folded: string): number | undefined {
  return MONEY_INSIDE.find(([re]) => re.test(folded))?.[1];
}

/**
 * A money unit at the end of a header, outside brackets: "…, triệu đồng/người/năm", "… tr.đ". A bare
 * "đồng" counts only after a comma or before "/người": "chủ động", "lao động" end in "dong" too.
 */
export const TRAILING_MONEY_UNIT = new RegExp(
  String.raw`(?:[,;:]\s*|\s+)(?:(?:trieu dong|trieu d|tr\s?\.?\s?d|trd|nghin dong|ngan dong|vnd)${PER_PERSON}?|dong${PER_PERSON})\s*$|[,;:]\s*dong\s*$`
);
