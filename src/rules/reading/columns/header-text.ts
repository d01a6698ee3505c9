import { foldText } from "../../ruleset/ruleset";
import { ReadingMemory } from "../reading-memory";
import { moneyScaleIn, TRAILING_MONEY_UNIT, UnitKind, unitWord } from "../units";

/* One header cell taken apart: its words (abbreviations expanded), its numbering ("TC1", "1.2", "II"), its unit and qualifier. */

/** Abbreviations staff write in headers, expanded on both sides so aliases need not list them. */
const ABBREVIATIONS = new Map<string, string[]>(
  Object.entries({
    kdc: "khu dan cu",
    htx: "hop tac xa",
    tht: "to hop tac",
    bhyt: "bao hiem y te",
    hvs: "hop ve sinh",
    antt: "an ninh trat tu",
    csvc: "co so vat chat",
    nvh: "nha van hoa",
    gdvh: "gia dinh van hoa",
    tnbq: "thu nhap binh quan",
    bq: "binh quan",
    tx: "thuong xuyen",
    sx: "san xuat",
    ld: "lao dong",
    vsmt: "ve sinh moi truong",
    attp: "an toan thuc pham",
    ntm: "nong thon moi",
    qd: "quyet dinh",
    tc: "tieu chi",
    dbkk: "dac biet kho khan",
    tdp: "to dan pho",
    sl: "so luong",
  }).map(([short, long]) => [short, long.split(" ")])
);

/** Words that never identify a column on their own ("Tổng số", "Tỷ lệ", "Số"). */
export const GENERIC_WORDS = new Set(["tong", "so", "ty", "ti", "le", "ten", "muc", "chung"]);

const STOPWORDS = new Set([
  "va",
  "cua",
  "cac",
  "trong",
  "theo",
  "tren",
  "voi",
  "hoac",
  "la",
  "nhung",
  "mot",
  "cho",
  "tai",
]);

/** Content words of folded text: abbreviations expanded, filler words dropped. */
export function words(folded: string, keepDigits: boolean): string[] {
  const out: string[] = [];
  // "Tên xã", "Tên khu dân cư": "tên" (name of) says nothing about the column.
  folded = folded.replace(/^ten\s+(?=\S)/, "");
  for (const w of folded.split(/[^a-z0-9]+/)) {
    if (w === "") continue;
    for (const t of ABBREVIATIONS.get(w) ?? [w]) {
      if (STOPWORDS.has(t)) continue;
      if (!keepDigits && /^\d+$/.test(t)) continue;
      out.push(t);
    }
  }
  return out;
}

/** Numbering in front of a header: "TC1", "Tiêu chí 1:", "1.", "1.1", "I.", "a)", "(1)". */
export interface Numbering {
  criterion?: number;
  indicator?: number;
  /** "a)" → 1 */
  letter?: number;
  /** Said "TC"/"tiêu chí"/"n.m": names a criterion or indicator on its own. */
  explicit: boolean;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xv: 15,
};

const NUMBERING_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Numbering]> = [
  [
    /^(?:tieu chi|tc)\s*(?:so\s*)?0*(\d{1,2})(?:\s*[.,]\s*0*(\d{1,2}))?(?!\d)\s*[:.)\-–]*\s*/,
    (m) => ({ criterion: Number(m[1]), indicator: m[2] ? Number(m[2]) : undefined, explicit: true }),
  ],
  [
    /^(?:chi tieu|ct)\s*(?:so\s*)?0*(\d{1,2})\s*[.,]\s*0*(\d{1,2})(?!\d)\s*[:.)\-–]*\s*/,
    (m) => ({ criterion: Number(m[1]), indicator: Number(m[2]), explicit: true }),
  ],
  [/^\(\s*0*(\d{1,2})\s*\)\s*/, (m) => ({ criterion: Number(m[1]), explicit: false })],
  [
    /^0*(\d{1,2})\s*\.\s*0*(\d{1,2})\s*[.):\-–]?(?=\s|$)\s*/,
    (m) => ({ criterion: Number(m[1]), indicator: Number(m[2]), explicit: true }),
  ],
  [/^0*(\d{1,2})\s*[.):\-–]\s*/, (m) => ({ criterion: Number(m[1]), explicit: false })],
  [/^0*(\d{1,2})(?:\s+|$)/, (m) => ({ criterion: Number(m[1]), explicit: false })],
  [
    /^(xv|xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\s*[.):\-–]\s*/,
    (m) => ({ criterion: ROMAN[m[1]], explicit: false }),
  ],
  [/^\(?([a-h])\s*[).]\s*/, (m) => ({ letter: m[1].charCodeAt(0) - 96, explicit: false })],
  [/^[-+*•–]\s*/, () => ({ explicit: false })],
];

function stripNumbering(folded: string): { rest: string; numbering?: Numbering } {
  let rest = folded;
  let numbering: Numbering | undefined;
  for (let round = 0; round < 3; round++) {
    const hit = NUMBERING_PATTERNS.map(([re, make]) => {
      const m = re.exec(rest);
      return m ? { m, make } : undefined;
    }).find((h) => h !== undefined);
    if (!hit) break;
    const n = hit.make(hit.m);
    // The first numbering names the criterion; a later "1.1" or "a)" refines it.
    numbering = numbering
      ? {
          criterion: numbering.criterion ?? n.criterion,
          indicator: numbering.indicator ?? n.indicator,
          letter: numbering.letter ?? n.letter,
          explicit: numbering.explicit || n.explicit,
        }
      : n;
    rest = rest.slice(hit.m[0].length);
  }
  if (numbering && numbering.criterion === undefined && numbering.letter === undefined) numbering = undefined;
  return { rest, numbering };
}

/** What a header's unit says the column measures. */
export type UnitHint = "percent" | UnitKind;

/** Words that, under a criterion, say the column is its status or its value. */
const STATUS_QUALIFIERS = new Set([
  "danh gia",
  "tu danh gia",
  "dat chua dat",
  "dat khong dat",
  "ket qua danh gia",
  "xep loai",
  "danh gia dat chua dat",
  "ket qua danh gia dat chua dat",
  "muc do dat",
  "dat",
  "dat chuan",
  "tinh trang",
]);
const VALUE_QUALIFIERS = new Set([
  "chi tieu",
  "ket qua",
  "ket qua thuc hien",
  "gia tri",
  "so lieu",
  "thuc hien",
  "hien trang",
  "thuc trang",
  "ty le",
  "so luong",
  "muc dat duoc",
]);

/** One header cell, taken apart. */
export interface HeaderPart {
  /** As written, spaces collapsed. */
  text: string;
  /** Lower case, no diacritics. */
  folded: string;
  /** Content words, brackets removed. */
  tokens: string[];
  key: string;
  /** Content words with bracketed words kept ("khu dân cư (thôn, liên thôn)"). */
  fullTokens: string[];
  numbering?: Numbering;
  unit?: UnitHint;
  scale?: number;
  qualifier?: "status" | "value";
}

/** Header texts repeat across tables and rows: parse each once per reading. */
export function parseHeader(text: string, memory: ReadingMemory): HeaderPart {
  return memory.recall("header", "", text, () => parseHeaderText(text));
}

function parseHeaderText(text: string): HeaderPart {
  const clean = text.replace(/[\s\u00a0\u202f\u200b]+/g, " ").trim();
  const folded = foldText(clean);
  const { rest, numbering } = stripNumbering(folded);
  let unit: UnitHint | undefined;
  let scale: number | undefined;
  if (folded.includes("%")) unit = "percent";
  const bracketed: string[] = [];
  let core = rest.replace(/\(([^()]*)\)|\[([^[\]]*)\]/g, (_all, a: string | undefined, b: string | undefined) => {
    bracketed.push(a ?? b ?? "");
    return " ";
  });
  const trailing = TRAILING_MONEY_UNIT.exec(core);
  if (trailing && trailing.index > 0) {
    core = core.slice(0, trailing.index);
    bracketed.push(trailing[0]);
  }
  for (const b of bracketed) {
    // A bracket that is a unit word ("khẩu", "lao động", "tỷ") is read as a cell's unit is; else a money
    // word inside it ("ĐVT: triệu đồng").
    const word = unitWord(b);
    const s = word ? (word.kind === "money" ? word.factor : undefined) : moneyScaleIn(b);
    if (s !== undefined) {
      unit = "money";
      scale = s;
    } else if (word) unit ??= word.kind;
  }
  const tokens = words(core, true);
  const fullTokens = bracketed.length ? words(rest.replace(/[()[\]]/g, " "), true) : tokens;
  const key = tokens.join(" ");
  // "Số hộ nghèo", "Tổng số lao động": a count, not the rate the indicator may be.
  if (/^(tong )?so /.test(`${key} `) && tokens.length > 1) unit ??= "count";
  let qualifier: "status" | "value" | undefined;
  if (STATUS_QUALIFIERS.has(key)) qualifier = "status";
  else if (VALUE_QUALIFIERS.has(key) || (key === "" && unit !== undefined)) qualifier = "value";
  return { text: clean, folded, tokens, key, fullTokens, numbering, unit, scale, qualifier };
}
