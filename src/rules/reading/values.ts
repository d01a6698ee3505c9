import { Reading } from "../assessment/assessment";
import { CellValue, isExcelError } from "./cell";
import { Message, msg } from "../message";
import { isDateFormat } from "./number-format";
import { foldText, Unit } from "../ruleset/ruleset";
import { ReadingMemory } from "./reading-memory";
import { UnitKind, unitWord } from "./units";

/**
 * The unit words a column's cells may carry after their number, by the indicator's unit: "45tr" in an
 * income column, "3 khẩu" or "12 hộ" in a count, "1,5 km" in a plain figure. A percentage takes "%" only.
 */
const UNIT_WORDS_TAKEN: Record<Unit, readonly UnitKind[]> = {
  vnd_per_person_year: ["money"],
  count: ["count"],
  number: ["money", "count", "measure"],
  percent: [],
  boolean: [],
};

const UNIT_KIND_TEXT: Record<UnitKind, Message> = {
  money: msg("số tiền", "an amount of money"),
  count: msg("số đếm (hộ, khẩu, nhà…)", "a count (households, people, houses…)"),
  measure: msg("số đo (ha, km, tấn…)", "a measure (ha, km, tonnes…)"),
};

const UNIT_TEXT: Record<Unit, Message> = {
  percent: msg("tỷ lệ (%)", "a percentage"),
  count: msg("số đếm", "a count"),
  vnd_per_person_year: msg("số tiền (đồng/người/năm)", "an amount (VND per person a year)"),
  number: msg("số", "a number"),
  boolean: msg("Có/Không", "yes/no"),
};

/** How a column's header qualifies its numbers, e.g. "(triệu đồng/người/năm)" → 1,000,000. */
export interface ReadOptions {
  /** The cell's number format (Office.js `numberFormat`, exceljs `numFmt`); "0%" marks stored fractions. */
  numberFormat?: string;
  /** Multiplier the column header implies for plain numbers ("triệu đồng" → 1e6). */
  scale?: number;
}

const YES = new Set([
  "dat",
  "d",
  "co",
  "x",
  "true",
  "yes",
  "y",
  "v",
  "✓",
  "✔",
  "roi",
  "da dat",
  "dat chuan",
  "co dat",
  "1",
]);
const NO = new Set([
  "chua dat",
  "khong dat",
  "khong",
  "chua",
  "false",
  "no",
  "n",
  "chua co",
  "khong co",
  "0",
  "-",
  "k",
  "ko",
  "kd",
  "cd",
]);

/** A plain-text boolean reading, or undefined when the text is not a yes/no word. */
export function readYesNo(text: string): boolean | undefined {
  const t = foldText(text).replace(/[.!]+$/, "");
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** Digits in groups of three: "1.234.000", "1,234,000" (at least one separator); and an integer part. */
const GROUPED = { ".": /^\d{1,3}(\.\d{3})+$/, ",": /^\d{1,3}(,\d{3})+$/ };
const GROUPED_INT = { ".": /^\d{1,3}(\.\d{3})*$/, ",": /^\d{1,3}(,\d{3})*$/ };

/**
 * Parse a number as Vietnamese staff type it: "85,5" (decimal comma), "1.234.000" (dot thousands),
 * "1,234,000", "85.5". `preferThousands` decides the ambiguous "1.234" / "1,234".
 */
export function parseLocaleNumber(text: string, preferThousands: boolean): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f']/g, "");
  let sign = 1;
  if (/^[-−]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  // Plain digits (the usual case) need none of the separator rules below.
  if (/^\d+$/.test(s)) return sign * Number(s);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const groupsOk = (sep: string): boolean => GROUPED[sep === "." ? "." : ","].test(s);
  let normalised: string;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark ("1.234,5" or "1,234.5").
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [intPart, frac] = s.split(decimal);
    if (frac === undefined || s.split(decimal).length !== 2 || !GROUPED_INT[group === "." ? "." : ","].test(intPart))
      return undefined;
    normalised = intPart.split(group).join("") + "." + frac;
  } else if (dots > 1 || commas > 1) {
    const sep = dots > 1 ? "." : ",";
    if (!groupsOk(sep)) return undefined;
    normalised = s.split(sep).join("");
  } else if (dots === 1 || commas === 1) {
    const sep = dots === 1 ? "." : ",";
    const [a, b] = s.split(sep);
    if (a === "" || b === "") return undefined;
    normalised = preferThousands && b.length === 3 && groupsOk(sep) ? a + b : `${a}.${b}`;
  } else {
    normalised = s;
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? sign * n : undefined;
}

function unreadable(raw: CellValue, vi: string, en: string): Reading {
  return { kind: "unreadable", raw, reason: msg(vi, en) };
}

const isMoney = (unit: Unit): boolean => unit === "vnd_per_person_year";

/** A bare income figure below this is taken as millions (no one earns 36 đồng a year). */
const MONEY_MILLIONS_BELOW = 1000;

function finishNumber(value: number, unit: Unit, raw: CellValue, explicitMagnitude: boolean): Reading {
  if (isMoney(unit) && !explicitMagnitude && Math.abs(value) < MONEY_MILLIONS_BELOW && value !== 0) {
    return {
      kind: "number",
      value: value * 1e6,
      raw,
      note: msg(
        `Hiểu "${String(raw)}" là ${String(raw)} triệu đồng.`,
        `Read "${String(raw)}" as ${String(raw)} million VND.`
      ),
    };
  }
  if (unit === "percent" && (value < 0 || value > 100)) {
    return unreadable(
      raw,
      `Tỷ lệ ngoài khoảng 0–100%: "${String(raw)}".`,
      `Percentage outside 0–100%: "${String(raw)}".`
    );
  }
  if ((unit === "count" || isMoney(unit)) && value < 0) {
    return unreadable(raw, `Giá trị âm: "${String(raw)}".`, `Negative value: "${String(raw)}".`);
  }
  return { kind: "number", value, raw };
}

/**
 * An income of 100.000 or more is already in đồng, even under a "(triệu đồng)" header: staff type the
 * full figure there too, and scaling it again would turn 38.500.000 into 38 trillion (and "met").
 */
const DONG_AT_LEAST = 100_000;
const alreadyInDong = (n: number, unit: Unit): boolean => isMoney(unit) && Math.abs(n) >= DONG_AT_LEAST;

/** Round away binary noise from scaling (0.855 × 100 = 85.49999…). */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/**
 * Read one cell in the unit of its indicator. Never throws: blanks are `missing`, anything that cannot
 * be understood is `unreadable` with the raw text and a reason, so it is shown and never counted as met.
 */
export function readValue(raw: CellValue, unit: Unit, options: ReadOptions = {}): Reading {
  return readCell(raw, unit, options.numberFormat, options.scale);
}

/**
 * readValue with its options spread out: what readAreas calls for each of a district's cells. With the
 * analysis's memory, a value read before gives the very reading object it gave then.
 */
export function readCell(
  raw: CellValue,
  unit: Unit,
  numberFormat: string | undefined,
  scale: number | undefined,
  memory?: ReadingMemory
): Reading {
  if (raw === null) return BLANK_READING;
  if (raw === undefined) return BLANK_UNDEFINED;
  if (typeof raw === "boolean") {
    if (unit === "boolean") return raw ? TRUE_CELL : FALSE_CELL;
    return unreadable(
      raw,
      `Cần một số, không phải ${raw ? "TRUE" : "FALSE"}.`,
      `Expected a number, not ${raw ? "TRUE" : "FALSE"}.`
    );
  }
  if (typeof raw === "number") return readNumberCell(raw, unit, numberFormat, scale, memory);
  if (!memory) return readText(raw, unit, scale);
  return memory.recall(unit, scale ?? 1, raw, () => readText(raw, unit, scale));
}

/**
 * The reading of a blank cell, and of an indicator the sheet has no column for: one object for all of
 * them, never changed (like every reading of a repeated value below).
 */
export const BLANK_READING: Reading = Object.freeze({ kind: "missing", raw: null });
const BLANK_UNDEFINED: Reading = Object.freeze({ kind: "missing", raw: undefined });
const TRUE_CELL: Reading = Object.freeze({ kind: "boolean", value: true, raw: true });
const FALSE_CELL: Reading = Object.freeze({ kind: "boolean", value: false, raw: false });

/** The memory's key of -0, whose reading keeps -0 as its raw value (a Map takes -0 for 0). */
const NEGATIVE_ZERO = Symbol("-0");

function readNumberCell(
  raw: number,
  unit: Unit,
  numberFormat: string | undefined,
  scale: number | undefined,
  memory: ReadingMemory | undefined
): Reading {
  // A date or time (a serial number under a date format) is no indicator figure, whichever host read it.
  if (numberFormat !== undefined && numberFormat !== "General" && isDateFormat(numberFormat)) {
    return unreadable(
      raw,
      `Ô chứa ngày hoặc giờ (định dạng "${numberFormat}"), không phải số liệu.`,
      `The cell holds a date or time (format "${numberFormat}"), not a figure.`
    );
  }
  const percent = unit === "percent" && !!numberFormat && numberFormat.includes("%");
  if (!memory) return readNumber(raw, unit, percent, scale);
  // A stored percentage ignores any scale. Texts share the unit's shelf: a number key is never a text
  // key, and -0 has a key of its own (its reading keeps it as raw).
  const key = Object.is(raw, -0) ? NEGATIVE_ZERO : raw;
  return memory.recall(unit, percent ? "%" : (scale ?? 1), key, () => readNumber(raw, unit, percent, scale));
}

function readNumber(raw: number, unit: Unit, percentFormatted: boolean, scale: number | undefined): Reading {
  if (!Number.isFinite(raw)) return unreadable(raw, "Số không hợp lệ.", "Not a valid number.");
  if (unit === "boolean") {
    if (raw === 1) return { kind: "boolean", value: true, raw };
    if (raw === 0) return { kind: "boolean", value: false, raw };
    return unreadable(raw, `Cần Có/Không hoặc Đạt/Chưa đạt, không phải ${raw}.`, `Expected yes/no, not ${raw}.`);
  }
  let value = raw;
  let scaled = false;
  if (percentFormatted) value = tidy(raw * 100);
  else if (scale && scale !== 1 && !alreadyInDong(raw, unit)) {
    value = tidy(raw * scale);
    scaled = true;
  }
  return finishNumber(value, unit, raw, scaled || alreadyInDong(raw, unit));
}

function readText(raw: string, unit: Unit, scale: number | undefined): Reading {
  const text = raw.replace(/[\u00a0\u202f\u200b]/g, " ").trim();
  if (text === "") return { kind: "missing", raw };
  if (isExcelError(text)) return unreadable(raw, `Ô có lỗi Excel ${text}.`, `The cell holds the Excel error ${text}.`);
  const yesNo = readYesNo(text);
  if (unit === "boolean") {
    if (yesNo !== undefined) return { kind: "boolean", value: yesNo, raw };
    return unreadable(
      raw,
      `Không hiểu "${text}": cần Có/Không hoặc Đạt/Chưa đạt.`,
      `Cannot read "${text}": expected yes/no (Có/Không, Đạt/Chưa đạt).`
    );
  }
  // A yes/no word in a numeric column: "Không" (no temporary houses) reads as 0 for counts; a
  // declared "Đạt" stands for the criterion but carries no figure.
  if (yesNo !== undefined && unit === "count" && /^(khong|khong co|0)$/.test(foldText(text))) {
    return { kind: "number", value: 0, raw };
  }
  const folded = foldText(text);
  const m = /^([-−+]?[\d\s.,']*\d)\s*(.*)$/.exec(folded);
  if (!m) {
    return unreadable(raw, `Không đọc được "${text}" thành số.`, `Cannot read "${text}" as a number.`);
  }
  const suffix = m[2].replace(/\s+/g, " ").trim();
  let factor = 1;
  let explicitMagnitude = false;
  let isPercent = false;
  if (suffix === "%") isPercent = true;
  else if (suffix !== "") {
    const word = unitWord(suffix);
    if (!word) return unreadable(raw, `Không đọc được "${text}" thành số.`, `Cannot read "${text}" as a number.`);
    if (!UNIT_WORDS_TAKEN[unit].includes(word.kind)) {
      const kind = UNIT_KIND_TEXT[word.kind];
      return unreadable(
        raw,
        `"${text}" là ${kind.vi}, cột này cần ${UNIT_TEXT[unit].vi}.`,
        `"${text}" is ${kind.en}; this column takes ${UNIT_TEXT[unit].en}.`
      );
    }
    if (word.kind === "money") {
      factor = word.factor;
      explicitMagnitude = true;
    }
  }
  if (isPercent && unit !== "percent") {
    return unreadable(
      raw,
      `"${text}" là tỷ lệ, cột này cần ${UNIT_TEXT[unit].vi}.`,
      `"${text}" is a percentage; this column takes ${UNIT_TEXT[unit].en}.`
    );
  }
  const n = parseLocaleNumber(m[1], unit !== "percent");
  if (n === undefined)
    return unreadable(raw, `Không đọc được "${text}" thành số.`, `Cannot read "${text}" as a number.`);
  let value = tidy(n * factor);
  if (!explicitMagnitude && !isPercent && scale && scale !== 1 && !alreadyInDong(value, unit)) {
    value = tidy(value * scale);
    explicitMagnitude = true;
  }
  return finishNumber(value, unit, raw, explicitMagnitude);
}

/** Read a declared criterion status ("Đạt", "Chưa đạt", "x", TRUE). */
export function readStatus(raw: CellValue, memory?: ReadingMemory): Reading {
  return readCell(raw, "boolean", undefined, undefined, memory);
}
