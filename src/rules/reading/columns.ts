import { CellValue, isExcelError, MergedRange } from "./cell";
import { Message, msg } from "../message";
import { Criterion, foldText, Indicator, Ruleset } from "../ruleset/ruleset";
import { ReadingMemory } from "./reading-memory";
import { moneyScaleIn, TRAILING_MONEY_UNIT, UnitKind, unitWord } from "./units";
import { parseLocaleNumber, readYesNo } from "./values";

/** What a column of a district sheet holds. */
export type ColumnRole =
  | { kind: "indicator"; indicatorId: string }
  | { kind: "criterion"; criterionId: string } // a declared "Đạt/Chưa đạt" status per criterion
  | { kind: "area" }
  | { kind: "commune" }
  | { kind: "district" }
  | { kind: "order" } // TT/STT
  | { kind: "households" }
  | { kind: "population" }
  | { kind: "areaType" }
  | { kind: "canMobilise" }
  | { kind: "metCount" }
  | { kind: "targetYear" }
  | { kind: "recognised" }
  | { kind: "note" };

/** The roles that do not come from the ruleset. */
export type FixedRoleKind = Exclude<ColumnRole["kind"], "indicator" | "criterion">;

export interface ColumnMatch {
  /** Zero-based column index. */
  column: number;
  /** The header text as written, rows joined top to bottom with " › ". */
  header: string;
  role: ColumnRole;
  /** 0..1: exact id or name ≈ 1, alias ≈ 0.9, fuzzy word overlap lower. */
  confidence: number;
  /** Multiplier the header's unit implies for plain numbers ("triệu đồng" → 1e6); money indicators only. */
  scale?: number;
  /** Why the role was chosen by the column's values rather than its header alone, for the user to check. */
  note?: Message;
}

export interface HeaderRecognition {
  columns: ColumnMatch[];
  /** Columns with header text that matched nothing (or lost to a better column for the same role). */
  unmapped: Array<{ column: number; header: string; note?: Message }>;
  layout: "indicators" | "status" | "mixed" | "none";
}

export interface RecognizeOptions {
  /** Merged blocks, with rows relative to the first header row. Without them, group labels are forward-filled. */
  merges?: MergedRange[];
  /** A few data rows (same columns), to tell a value column from a status column. */
  sampleRows?: CellValue[][];
  /** The analysis's reading memory; without it, headers are parsed and scored afresh. */
  memory?: ReadingMemory;
}

export const FIXED_ROLE_KINDS: readonly FixedRoleKind[] = [
  "order",
  "district",
  "commune",
  "area",
  "households",
  "population",
  "areaType",
  "canMobilise",
  "metCount",
  "targetYear",
  "recognised",
  "note",
];

/** Below this a match is not trusted and the column is reported as unmapped. */
export const MIN_CONFIDENCE = 0.5;

// ---------------------------------------------------------------------------------------------
// Header text → words

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
const GENERIC_WORDS = new Set(["tong", "so", "ty", "ti", "le", "ten", "muc", "chung"]);

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
function words(folded: string, keepDigits: boolean): string[] {
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
interface Numbering {
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
type UnitHint = "percent" | UnitKind;

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
interface HeaderPart {
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
function parseHeader(text: string, memory: ReadingMemory): HeaderPart {
  return memory.recall(`header|${text}`, () => parseHeaderText(text));
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

// ---------------------------------------------------------------------------------------------
// The per-ruleset index: every role's phrases as weighted words, built once.

const FIXED_LABELS: Record<FixedRoleKind, string[]> = {
  order: ["tt", "stt", "so tt", "so thu tu", "thu tu"],
  commune: [
    "xa",
    "ten xa",
    "thuoc xa",
    "xa phuong thi tran",
    "xa phuong",
    "ten xa phuong thi tran",
    "xa thi tran",
    "thuoc xa phuong thi tran",
  ],
  area: [
    "khu dan cu",
    "ten khu dan cu",
    "thon",
    "xom",
    "khu",
    "to dan pho",
    "ten thon",
    "thon xom",
    "ten thon xom",
    "thon xom khu dan cu",
    "khu dan cu thon xom",
    "ten khu dan cu thon xom",
    "thon xom to dan pho",
    "ten khu",
    "ban",
    "thon ban",
    "khu pho",
    "ten to dan pho",
  ],
  district: ["huyen", "ten huyen", "huyen thi xa thanh pho"],
  households: ["so ho", "tong so ho", "so ho dan", "ho"],
  population: ["so nhan khau", "so khau", "nhan khau", "tong so nhan khau", "dan so", "so dan", "tong so khau"],
  // The group of the area or its commune (threshold variants): nhóm 1/2/3 (QĐ 51/2025), xã ĐBKK.
  areaType: [
    "nhom xa",
    "nhom",
    "phan nhom xa",
    "nhom cua xa",
    "xa thuoc nhom",
    "loai khu",
    "loai khu dan cu",
    "xa dbkk",
    "loai xa",
    "khu dbkk",
    "thon dbkk",
    "dbkk",
    "khu dan cu dbkk",
    "thuoc xa dbkk",
    "phan loai",
  ],
  canMobilise: [
    "co kha nang huy dong nguon luc",
    "kha nang huy dong nguon luc",
    "co kha nang huy dong",
    "huy dong nguon luc",
    "co the huy dong nguon luc",
  ],
  metCount: [
    "tong so tieu chi dat",
    "so tieu chi dat",
    "so tieu chi da dat",
    "tong so tieu chi da dat",
    "tieu chi dat",
    "tong tieu chi dat",
    "so tieu chi dat chuan",
  ],
  targetYear: [
    "nam du kien dat chuan",
    "du kien nam dat chuan",
    "nam dat chuan",
    "du kien dat chuan nam",
    "du kien dat chuan",
    "nam phan dau dat chuan",
    "phan dau dat chuan nam",
    "nam du kien",
    "lo trinh dat chuan",
  ],
  recognised: [
    "da cong nhan",
    "da duoc cong nhan",
    "nam cong nhan",
    "cong nhan",
    "da cong nhan dat chuan",
    "da duoc cong nhan dat chuan",
    "quyet dinh cong nhan",
    "da cong nhan nam so quyet dinh",
  ],
  note: ["ghi chu"],
};

interface Phrase {
  tokens: string[];
  key: string;
  /** " key ", for containment tests. */
  padded: string;
  set: Set<string>;
  /** Sum of word weights, set once the index knows them. */
  weight: number;
  /** 1 for an id, a name or a built-in label; lower for an alias. */
  factor: number;
  /** A one-word phrase ("xã", "hộ", "điện") only counts when it is the whole header. */
  wholeOnly: boolean;
  /** Says "chưa"/"không" (not yet, no). */
  negated: boolean;
  /**
   * Weight of scattered shared words (no containment): built-in labels are formulaic, and a person's
   * name ("Trần Thị Bình") shares words with "thị trấn" in another order.
   */
  looseFactor: number;
}

interface Target {
  role: ColumnRole;
  /** The criterion a ruleset role belongs to. */
  criterion?: Criterion;
  indicator?: Indicator;
  phrases: Phrase[];
}

interface Candidate {
  target: Target;
  confidence: number;
}

interface RulesetIndex {
  ruleset: Ruleset;
  targets: Target[];
  byToken: Map<string, number[]>;
  weight: Map<string, number>;
  unseenWeight: number;
  criterionTarget: Map<string, Target>;
  indicatorTarget: Map<string, Target>;
  /** Where scored header texts are remembered: headers repeat across tables, so each is scored once. */
  memory: ReadingMemory;
}

const ALIAS_FACTOR = 0.92;

function phrase(text: string, factor: number, keepDigits = false): Phrase | undefined {
  const tokens = words(foldText(text), keepDigits);
  if (!tokens.length) return undefined;
  const key = tokens.join(" ");
  return {
    tokens,
    key,
    padded: ` ${key} `,
    negated: isNegated(tokens),
    set: new Set(tokens),
    weight: 0,
    factor,
    wholeOnly: tokens.length === 1,
    looseFactor: 1,
  };
}

function phrasesFor(names: string[], aliases: string[], id?: string): Phrase[] {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (p: Phrase | undefined) => {
    if (p && !seen.has(p.key)) {
      seen.add(p.key);
      out.push(p);
    }
  };
  // Names may carry their own brackets: index them both with and without.
  for (const n of names) {
    add(phrase(n.replace(/\([^()]*\)/g, " "), 1));
    add(phrase(n, 1));
  }
  for (const a of aliases) add(phrase(a, ALIAS_FACTOR));
  // An id as written in a header ("GT.2" in a custom ruleset; "TC01.2" is also read as numbering).
  if (id) add(phrase(id, 1, true));
  return out;
}

function buildIndex(ruleset: Ruleset, memory: ReadingMemory): RulesetIndex {
  const targets: Target[] = [];
  const criterionTarget = new Map<string, Target>();
  const indicatorTarget = new Map<string, Target>();
  for (const c of ruleset.criteria) {
    const t: Target = {
      role: { kind: "criterion", criterionId: c.id },
      criterion: c,
      phrases: phrasesFor([c.nameVi, c.nameEn], c.aliases, c.id),
    };
    targets.push(t);
    criterionTarget.set(c.id, t);
    for (const i of c.indicators) {
      const it: Target = {
        role: { kind: "indicator", indicatorId: i.id },
        criterion: c,
        indicator: i,
        phrases: phrasesFor([i.nameVi, i.nameEn], i.aliases, i.id),
      };
      targets.push(it);
      indicatorTarget.set(i.id, it);
    }
  }
  for (const kind of FIXED_ROLE_KINDS) {
    const phrases = phrasesFor(FIXED_LABELS[kind], []);
    for (const p of phrases) p.looseFactor = 0.6;
    targets.push({ role: fixedRole(kind), phrases });
  }
  // Word weights: a word that names few roles says more than "tỷ lệ" or "hộ".
  const df = new Map<string, number>();
  for (const t of targets) {
    for (const w of new Set(t.phrases.flatMap((p) => p.tokens))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = targets.length;
  const weight = new Map<string, number>();
  for (const [w, d] of df) weight.set(w, Math.log(1 + n / d));
  for (const t of targets)
    for (const p of t.phrases) p.weight = [...p.set].reduce((sum, w) => sum + (weight.get(w) ?? 0), 0);
  const byToken = new Map<string, number[]>();
  targets.forEach((t, ti) => {
    for (const w of new Set(t.phrases.flatMap((p) => p.tokens))) {
      const list = byToken.get(w);
      if (list) list.push(ti);
      else byToken.set(w, [ti]);
    }
  });
  return {
    ruleset,
    targets,
    byToken,
    weight,
    unseenWeight: Math.log(1 + n),
    criterionTarget,
    indicatorTarget,
    memory,
  };
}

function indexFor(ruleset: Ruleset, memory: ReadingMemory): RulesetIndex {
  return memory.ofRuleset(ruleset, () => buildIndex(ruleset, memory));
}

function fixedRole(kind: FixedRoleKind): ColumnRole {
  return { kind } as ColumnRole;
}

const weightOf = (index: RulesetIndex, tokens: Iterable<string>): number => {
  let s = 0;
  for (const t of tokens) s += index.weight.get(t) ?? index.unseenWeight;
  return s;
};

const isNegated = (tokens: Iterable<string>): boolean => {
  for (const t of tokens) if (t === "chua" || t === "khong") return true;
  return false;
};

/** Header words with their weights, computed once per scored text. */
interface HeaderWords {
  tokens: string[];
  key: string;
  /** Adjacent word pairs, " a b ", to test word order. */
  pairs: string[];
  negated: boolean;
  padded: string;
  set: Set<string>;
  weight: number;
}

/** How well header words fit a phrase: equality, containment either way, or weighted overlap. */
function phraseSimilarity(index: RulesetIndex, h: HeaderWords, p: Phrase): number {
  if (h.key === p.key) return 1;
  let common = 0;
  for (const t of p.set) if (h.set.has(t)) common += index.weight.get(t) ?? index.unseenWeight;
  if (common === 0) return 0;
  const wh = h.weight;
  const wp = p.weight;
  // Shared words in any order are weaker evidence than a phrase found whole ("trưởng thôn" is not
  // "môi trường" of a "thôn").
  let score = ((2 * common) / (wh + wp)) * p.looseFactor * 0.85;
  // "Số tiêu chí chưa đạt" is not "số tiêu chí đạt".
  if (h.negated && !p.negated) return score * 0.5;
  // Shared words that explain little of the header ("Họ và tên" vs "số hộ") are weak evidence.
  if (common < 0.5 * wh) score *= 0.6;
  // One side spelled out inside the other counts more than scattered shared words, unless it is a
  // small part of a long text (a title that mentions "khu dân cư").
  if (p.tokens.length >= 2 && wp >= 0.2 * wh && h.padded.includes(p.padded)) {
    score = Math.max(score, 0.45 + (0.5 * wp) / wh);
  }
  if (h.tokens.length >= 2 && wh >= 0.2 * wp && p.padded.includes(h.padded)) {
    score = Math.max(score, 0.45 + (0.5 * wh) / wp);
  }
  // A header paraphrasing a long name: its words are the name's, mostly in the name's word pairs
  // ("Tỷ lệ đường trục thôn được cứng hóa" in "Tỷ lệ đường trục khu dân cư (trục thôn…) được cứng hóa…").
  if (h.pairs.length > 0) {
    let inOrder = 0;
    for (const pair of h.pairs) if (p.padded.includes(pair)) inOrder++;
    score = Math.max(score, 0.85 * p.looseFactor * (common / wh) * (inOrder / h.pairs.length));
  }
  return score;
}

/** Every role the words of one header cell could mean, best first. */
function scoreWords(index: RulesetIndex, tokens: string[]): Candidate[] {
  const key = tokens.join(" ");
  return index.memory.recall(`words|${key}`, () => scoreNewWords(index, tokens, key));
}

function scoreNewWords(index: RulesetIndex, tokens: string[], key: string): Candidate[] {
  const set = new Set(tokens);
  if ([...set].every((t) => GENERIC_WORDS.has(t))) return [];
  const h: HeaderWords = {
    tokens,
    key,
    pairs: tokens.slice(1).map((t, k) => ` ${tokens[k]} ${t} `),
    negated: isNegated(set),
    padded: ` ${key} `,
    set,
    weight: weightOf(index, set),
  };
  const seen = new Set<number>();
  for (const t of set) for (const ti of index.byToken.get(t) ?? []) seen.add(ti);
  const out: Candidate[] = [];
  for (const ti of seen) {
    const target = index.targets[ti];
    let best = 0;
    for (const p of target.phrases) {
      const sim = phraseSimilarity(index, h, p);
      // One word on either side must match whole: folding loses tones ("tuổi" age, "tưới" irrigate).
      const oneWord = p.wholeOnly || tokens.length === 1;
      best = Math.max(best, (oneWord && sim < 1 ? sim * 0.5 : sim) * p.factor);
    }
    if (best > 0.2) out.push({ target, confidence: best });
  }
  out.sort((a, b) => b.confidence - a.confidence || specificity(b.target) - specificity(a.target));
  return out;
}

/**
 * A header's unit against an indicator's: "Diện tích (ha)" is not the irrigated share, "(triệu đồng)"
 * is not a percentage. Criteria and other roles are not judged by unit.
 */
function unitFit(unit: UnitHint, target: Target): number {
  const i = target.indicator;
  if (!i) return 1;
  if (unit === "measure") return i.unit === "number" ? 1 : 0.7;
  if (unit === "money") return i.unit === "vnd_per_person_year" || i.unit === "number" ? 1 : 0.7;
  if (unit === "count") return i.unit === "count" || i.unit === "number" ? 1 : 0.8;
  return i.unit === "percent" || i.unit === "number" ? 1 : 0.8;
}

/** On a tie an indicator beats its criterion: it says more. */
const specificity = (t: Target): number => (t.role.kind === "indicator" ? 1 : 0);

const related = (a: Target, b: Target): boolean => a.criterion !== undefined && a.criterion === b.criterion;

/** The best reading of one header cell, confidence lowered when an unrelated role is as likely. */
function matchPart(index: RulesetIndex, part: HeaderPart): Candidate[] {
  const fromWords = part.tokens.length ? scoreWords(index, part.tokens) : [];
  let cands = fromWords;
  if (part.fullTokens !== part.tokens && part.fullTokens.length) {
    const full = scoreWords(index, part.fullTokens);
    const merged = new Map<Target, number>();
    for (const c of [...fromWords, ...full]) merged.set(c.target, Math.max(merged.get(c.target) ?? 0, c.confidence));
    cands = [...merged].map(([target, confidence]) => ({ target, confidence }));
  }
  if (part.unit !== undefined) {
    const unit = part.unit;
    cands = cands.map((c) => ({ target: c.target, confidence: c.confidence * unitFit(unit, c.target) }));
  }
  cands.sort((a, b) => b.confidence - a.confidence || specificity(b.target) - specificity(a.target));
  const byNumber = numberedTarget(index, part.numbering);
  if (byNumber) {
    const named = cands.find((c) => c.target === byNumber || related(c.target, byNumber));
    if (part.tokens.length === 0 && part.numbering?.explicit) {
      cands = [{ target: byNumber, confidence: 0.95 }, ...cands];
    } else if (named && named === cands[0]) {
      // Number and name agree: more certain.
      cands = [{ target: named.target, confidence: Math.min(1, named.confidence + 0.1) }, ...cands.slice(1)];
    } else if (part.numbering?.explicit && (cands.length === 0 || cands[0].confidence < MIN_CONFIDENCE)) {
      cands = [{ target: byNumber, confidence: 0.7 }, ...cands];
    }
  }
  if (
    cands.length >= 2 &&
    !related(cands[0].target, cands[1].target) &&
    cands[1].confidence > cands[0].confidence - 0.05
  ) {
    cands = [{ target: cands[0].target, confidence: cands[0].confidence - 0.1 }, ...cands.slice(1)];
  }
  return cands;
}

/** The criterion or indicator a numbering names ("TC1" → TC01, "1.2" → TC01.2). */
function numberedTarget(index: RulesetIndex, n: Numbering | undefined): Target | undefined {
  if (!n || n.criterion === undefined) return undefined;
  const c = criterionByNumber(index.ruleset, n.criterion);
  if (!c) return undefined;
  if (n.indicator !== undefined) {
    const i = c.indicators.find((x) => x.id === `${c.id}.${n.indicator}`) ?? c.indicators[n.indicator - 1];
    return i ? index.indicatorTarget.get(i.id) : undefined;
  }
  return index.criterionTarget.get(c.id);
}

function criterionByNumber(ruleset: Ruleset, n: number): Criterion | undefined {
  const id = `TC${String(n).padStart(2, "0")}`;
  return ruleset.criteria.find((c) => c.id.toUpperCase() === id) ?? ruleset.criteria[n - 1];
}

// ---------------------------------------------------------------------------------------------
// Header rows → per-column parts

/** "(1)", "1", "A", "(4)=(2)/(3)": a cell of the row that numbers the columns. */
const isColumnNumber = (v: CellValue): boolean =>
  (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1000) ||
  (typeof v === "string" && /^\(?\s*(\d{1,3}|[a-zA-Z])\s*\)?(\s*=.*)?$/.test(v.trim()));

/** Columns with text in any of the rows. */
export function filledColumns(rows: CellValue[][]): number[] {
  const cols = new Set<number>();
  for (const r of rows) r.forEach((v, c) => cellText(v) !== "" && cols.add(c));
  return [...cols].sort((a, b) => a - b);
}

/**
 * The column-numbering row under a header ("(1) (2) (3)…", "A B 1 2 …"): numbers on nearly every
 * header column, from the first one. Bare criterion numbers under a "Tiêu chí" label cover only part.
 */
export function isColumnNumberingRow(row: CellValue[] | undefined, headerColumns: number[]): boolean {
  if (!row) return false;
  // A loop, not arrays: this runs on every row of a district sheet.
  let filled = 0;
  let numbered = 0;
  let firstNumbered = -1;
  let anyDigit = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    filled++;
    if (!isColumnNumber(v)) {
      // More than one cell that is not a column number: not a numbering row.
      if (filled - numbered > 1) return false;
      continue;
    }
    numbered++;
    if (firstNumbered < 0) firstNumbered = c;
    anyDigit ||= typeof v === "number" || /\d/.test(String(v));
  }
  if (numbered < 3 || numbered < filled - 1 || !anyDigit) return false;
  if (headerColumns.length === 0) return true;
  return firstNumbered <= Math.min(...headerColumns) && numbered >= 0.7 * headerColumns.length;
}

interface ColumnParts {
  column: number;
  parts: HeaderPart[];
  /** For each part, the cell its text comes from ("row:col"), to find a group label's columns. */
  origins: string[];
}

const BLANK_TEXT = /^[\s\u00a0\u202f\u200b]*$/;

/** cellText(v) === "", without building the text. */
const isBlankCell = (v: CellValue): boolean =>
  v === null || v === undefined || typeof v === "boolean" || (typeof v === "string" && BLANK_TEXT.test(v));

const cellText = (v: CellValue): string => {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  return String(v)
    .replace(/[\s\u00a0\u202f\u200b]+/g, " ")
    .trim();
};

function columnParts(
  headerRows: CellValue[][],
  merges: MergedRange[] | undefined,
  memory: ReadingMemory
): ColumnParts[] {
  const height = headerRows.length;
  let width = Math.max(0, ...headerRows.map((r) => r.length));
  for (const m of merges ?? []) if (m.top < height && m.bottom >= 0) width = Math.max(width, m.right + 1);
  const text: string[][] = headerRows.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  const origin: string[][] = text.map((r, ri) => r.map((t, c) => (t ? `${ri}:${c}` : "")));
  if (merges) {
    // A merged block's text (Office gives it in the top-left cell) belongs to all its cells.
    for (const m of merges) {
      if (m.top < 0 || m.top >= height) continue;
      const t = text[m.top][m.left];
      if (!t) continue;
      for (let r = m.top; r <= Math.min(m.bottom, height - 1); r++) {
        for (let c = Math.max(0, m.left); c <= m.right && c < width; c++) {
          if (!text[r][c]) {
            text[r][c] = t;
            origin[r][c] = `${m.top}:${m.left}`;
          }
        }
      }
    }
  } else {
    // No merge info: an upper label spreads right over empty cells while the rows below name sub-columns.
    const lowerHasText = (r: number, c: number) => {
      for (let k = r + 1; k < height; k++) if (text[k][c]) return true;
      return false;
    };
    for (let r = 0; r < height - 1; r++) {
      let source = -1;
      for (let c = 0; c < width; c++) {
        if (origin[r][c] === `${r}:${c}`) source = lowerHasText(r, c) ? c : -1;
        else if (!text[r][c] && source >= 0 && lowerHasText(r, c)) {
          text[r][c] = text[r][source];
          origin[r][c] = `${r}:${source}`;
        } else source = -1;
      }
    }
  }
  const out: ColumnParts[] = [];
  for (let c = 0; c < width; c++) {
    const parts: HeaderPart[] = [];
    const origins: string[] = [];
    for (let r = 0; r < height; r++) {
      const t = text[r][c];
      if (!t) continue;
      // A vertical merge repeats the same cell: keep it once.
      if (origins.length && origins[origins.length - 1] === origin[r][c]) continue;
      if (parts.length && parts[parts.length - 1].text === t) continue;
      parts.push(parseHeader(t, memory));
      origins.push(origin[r][c]);
    }
    if (parts.length) out.push({ column: c, parts, origins });
  }
  return out;
}

/** " - ", " – ", " — " between a criterion and one of its indicators in one header cell. */
const PAIR_SEPARATOR = /\s+[-–—]\s+/g;

/**
 * "Tiêu chí 1: Giao thông - Tỷ lệ đường trục … (%)": one cell naming a criterion, then one of its
 * indicators, read as the two header rows it stands for (criterion above indicator).
 */
function splitNamedPairs(index: RulesetIndex, col: ColumnParts): ColumnParts {
  const parts: HeaderPart[] = [];
  const origins: string[] = [];
  col.parts.forEach((part, k) => {
    for (const m of part.text.matchAll(PAIR_SEPARATOR)) {
      const left = parseHeader(part.text.slice(0, m.index).trim(), index.memory);
      const right = parseHeader(part.text.slice((m.index ?? 0) + m[0].length).trim(), index.memory);
      if (right.tokens.length === 0) continue;
      const top = matchPart(index, left)[0];
      if (!top || top.confidence < MIN_CONFIDENCE || top.target.role.kind !== "criterion") continue;
      // "TC 10 - Y tế" is the criterion's own name: split only where the right names one of its indicators.
      const named = matchPart(index, right)[0];
      if (!named || named.target.role.kind !== "indicator" || named.target.criterion !== top.target.criterion) continue;
      parts.push(left, right);
      origins.push(col.origins[k], col.origins[k]);
      return;
    }
    parts.push(part);
    origins.push(col.origins[k]);
  });
  return parts.length === col.parts.length ? col : { column: col.column, parts, origins };
}

// ---------------------------------------------------------------------------------------------
// Resolving a column from its parts, top (general) to bottom (specific)

interface Resolution {
  column: number;
  header: string;
  target?: Target;
  confidence: number;
  parts: HeaderPart[];
  origins: string[];
  unit?: UnitHint;
  scale?: number;
  qualifier?: "status" | "value";
  /** Why the values, not the header alone, decided the role (or left the column unmapped). */
  note?: Message;
}

function resolveColumn(index: RulesetIndex, col: ColumnParts): Resolution {
  let target: Target | undefined;
  let confidence = 0;
  let decidedBy = -1;
  let context: Criterion | undefined;
  let qualifier: "status" | "value" | undefined;
  let unit: UnitHint | undefined;
  let scale: number | undefined;
  const saysCriteria = (upTo: number) => col.parts.slice(0, upTo).some((p) => p.key.includes("tieu chi"));
  col.parts.forEach((part, pi) => {
    unit = part.unit ?? unit;
    scale = part.scale ?? scale;
    if (part.qualifier && decidedBy >= 0) {
      qualifier = part.qualifier;
      return;
    }
    const cands = matchPart(index, part);
    let pick: Candidate | undefined = cands[0] && cands[0].confidence >= MIN_CONFIDENCE ? cands[0] : undefined;
    if (context) {
      const c = context;
      const inContext = cands.find((x) => x.target.indicator !== undefined && x.target.criterion === c);
      if (inContext && inContext.confidence >= 0.35 && (!pick || inContext.confidence >= pick.confidence - 0.25)) {
        pick = {
          target: inContext.target,
          confidence: Math.max(inContext.confidence, Math.min(0.95, inContext.confidence + 0.2)),
        };
      } else if ((!pick || pick.confidence < 0.8) && part.numbering && part.tokens.length === 0) {
        // "a)", "1", "1.2" under a criterion: its n-th indicator.
        const n = part.numbering.letter ?? part.numbering.indicator ?? part.numbering.criterion;
        const i = n !== undefined ? c.indicators[n - 1] : undefined;
        if (i) pick = { target: index.indicatorTarget.get(i.id) as Target, confidence: 0.85 };
      }
    } else if (!pick && part.tokens.length === 0 && part.numbering && !part.numbering.explicit && saysCriteria(pi)) {
      // Bare "1".."13" under "Tiêu chí": criterion statuses.
      const c =
        part.numbering.criterion !== undefined ? criterionByNumber(index.ruleset, part.numbering.criterion) : undefined;
      if (c) pick = { target: index.criterionTarget.get(c.id) as Target, confidence: 0.8 };
    }
    if (!pick) {
      if (part.qualifier) qualifier = part.qualifier;
      return;
    }
    target = pick.target;
    confidence = pick.confidence;
    decidedBy = pi;
    context = pick.target.criterion;
  });
  // "Kết quả" under a criterion of several indicators: a value, but of which indicator? Leave it to the user.
  if (target?.role.kind === "criterion" && qualifier === "value" && (target.criterion?.indicators.length ?? 0) > 1) {
    target = undefined;
  }
  return {
    column: col.column,
    header: col.parts.map((p) => p.text).join(" › "),
    target,
    confidence,
    parts: col.parts,
    origins: col.origins,
    unit,
    scale,
    qualifier,
  };
}

type SampleKind = "status" | "number";

/** Mostly Đạt/Chưa đạt/x → status; mostly numbers → number. */
function sampleKind(values: CellValue[]): SampleKind | undefined {
  let status = 0;
  let numbers = 0;
  for (const v of values) {
    if (typeof v === "number") numbers++;
    else if (typeof v === "boolean") status++;
    else if (typeof v === "string") {
      const t = v.replace(/[\u00a0\u202f]/g, " ").trim();
      if (t === "" || isExcelError(t)) continue;
      if (/^[-+−]?\d/.test(t) || parseLocaleNumber(t, false) !== undefined) numbers++;
      else if (readYesNo(t) !== undefined) status++;
    }
  }
  if (status > numbers) return "status";
  if (numbers > status) return "number";
  return undefined;
}

/**
 * A criterion with one indicator can head either its value or its declared status. Decide from the
 * header's unit or qualifier, then the data, then what the other columns of the sheet are.
 */
function decideSingleIndicator(
  index: RulesetIndex,
  r: Resolution,
  samples: CellValue[] | undefined,
  neighbours: { indicators: number; criteria: number }
): void {
  const t = r.target;
  if (!t || !t.criterion || t.criterion.indicators.length !== 1) return;
  const c = t.criterion;
  const ind = c.indicators[0];
  const asIndicator = index.indicatorTarget.get(ind.id) as Target;
  const asCriterion = index.criterionTarget.get(c.id) as Target;
  let choice: Target | undefined;
  if (r.unit !== undefined && ind.unit !== "boolean" && unitFit(r.unit, asIndicator) < 1) {
    // "Hộ nghèo (hộ)": a count of poor households is neither the rate nor the status.
    r.target = undefined;
    return;
  }
  if (r.qualifier === "status") choice = asCriterion;
  else if (r.qualifier === "value" || (r.unit !== undefined && ind.unit !== "boolean")) choice = asIndicator;
  else {
    const kind = ind.unit === "boolean" ? undefined : samples ? sampleKind(samples) : undefined;
    if (kind === "status") choice = asCriterion;
    else if (kind === "number") choice = asIndicator;
    else if (t === asCriterion && neighbours.indicators > neighbours.criteria) choice = asIndicator;
    else if (t === asIndicator && neighbours.criteria > neighbours.indicators) choice = asCriterion;
  }
  if (choice) r.target = choice;
}

/** Confidence of a role chosen by the values against the header: below the pane's "check this" mark. */
const BY_VALUES_CONFIDENCE = 0.75;
/** Share of a percentage column's numbers above 100 that says it holds counts, not rates. */
const COUNTS_SHARE = 0.5;

/** Most of the sample's numbers above 100: counts or amounts, not a percentage. */
function mostlyAbove100(values: CellValue[]): boolean {
  let numbers = 0;
  let above = 0;
  for (const v of values) {
    const n = typeof v === "number" ? v : typeof v === "string" ? parseLocaleNumber(v.trim(), false) : undefined;
    if (n === undefined || !Number.isFinite(n)) continue;
    numbers++;
    if (n > 100) above++;
  }
  return numbers > 0 && above > COUNTS_SHARE * numbers;
}

/** The indicator of `criterion` the header's words name best, if any names it at all. */
function indicatorNamed(index: RulesetIndex, r: Resolution, criterion: Criterion): Candidate | undefined {
  let best: Candidate | undefined;
  for (const part of r.parts) {
    const cands = matchPart(index, part);
    // A part that is the criterion's own name ("Môi trường") names none of its indicators.
    if (cands[0]?.target.role.kind === "criterion" && cands[0].confidence >= 0.95) continue;
    for (const c of cands) {
      if (c.target.indicator?.criterionId !== criterion.id) continue;
      if (!best || c.confidence > best.confidence) best = c;
    }
  }
  return best && best.confidence >= MIN_CONFIDENCE ? best : undefined;
}

/**
 * Columns by what they hold, not by their header alone. A header can name a criterion and one of its
 * indicators ("Tiêu chí 1: Giao thông - Tỷ lệ đường trục … (%)"), or a role its values contradict:
 * numbers under a criterion's Đạt/Chưa đạt status, Đạt/Chưa đạt under an indicator's number, counts
 * under a rate, "Số hộ nghèo" beside the rate "Tỷ lệ hộ nghèo" computed from it. The values decide, the
 * confidence drops below the pane's check mark, and a note says why.
 */
function decideByValues(index: RulesetIndex, r: Resolution, samples: CellValue[] | undefined): void {
  const t = r.target;
  if (!t || (t.role.kind !== "indicator" && t.role.kind !== "criterion")) return;
  const criterion = t.criterion as Criterion;
  const indicator = t.indicator;
  if (indicator && indicator.unit === "percent" && r.unit === "count") {
    // "Số hộ dùng nước hợp vệ sinh (hộ)": the count the rate is computed from.
    r.target = undefined;
    r.note = msg(
      `Tiêu đề ghi một số đếm, không phải tỷ lệ ${indicator.id}: cột không được dùng.`,
      `The header names a count, not the rate ${indicator.id}: the column is not used.`
    );
    return;
  }
  if (!samples) return;
  const kind = sampleKind(samples);
  if (t.role.kind === "criterion" && kind === "number" && criterion.indicators.length > 1) {
    const named = indicatorNamed(index, r, criterion);
    if (named) {
      r.target = named.target;
      r.confidence = Math.min(BY_VALUES_CONFIDENCE, Math.max(r.confidence, named.confidence));
      r.note = msg(
        `Cột ghi số, không ghi Đạt/Chưa đạt: đọc là chỉ tiêu ${named.target.indicator?.id} của ${criterion.id}, theo tiêu đề.`,
        `The column holds numbers, not met/not met: read as ${criterion.id}'s indicator ${named.target.indicator?.id}, as its header says.`
      );
    } else {
      r.target = undefined;
      r.note = msg(
        `Cột ghi số dưới tên tiêu chí ${criterion.id} có ${criterion.indicators.length} chỉ tiêu: chưa rõ là chỉ tiêu nào, hãy chọn.`,
        `The column holds numbers under criterion ${criterion.id}, which has ${criterion.indicators.length} indicators: choose which one.`
      );
    }
    return;
  }
  if (indicator && indicator.unit !== "boolean" && kind === "status") {
    r.target = index.criterionTarget.get(criterion.id);
    r.confidence = Math.min(BY_VALUES_CONFIDENCE, r.confidence);
    r.note = msg(
      `Cột ghi Đạt/Chưa đạt, không ghi số: đọc là kết quả đánh giá tiêu chí ${criterion.id}.`,
      `The column holds met/not met, not numbers: read as the assessment of criterion ${criterion.id}.`
    );
    return;
  }
  if (indicator && indicator.unit === "percent" && kind === "number" && mostlyAbove100(samples)) {
    r.target = undefined;
    r.note = msg(
      `Cột ghi số lớn hơn 100 dưới tỷ lệ ${indicator.id}: có lẽ là số đếm, cột không được dùng.`,
      `The column holds numbers above 100 under the rate ${indicator.id}: probably counts; the column is not used.`
    );
  }
}

/** A stable key per role ("indicator:TC01.1", "commune"), e.g. to compare or deduplicate. */
export function roleKey(role: ColumnRole): string {
  if (role.kind === "indicator") return `indicator:${role.indicatorId}`;
  if (role.kind === "criterion") return `criterion:${role.criterionId}`;
  return role.kind;
}

function layoutOf(columns: ColumnMatch[]): HeaderRecognition["layout"] {
  const ind = columns.some((c) => c.role.kind === "indicator");
  const crit = columns.some((c) => c.role.kind === "criterion");
  return ind && crit ? "mixed" : ind ? "indicators" : crit ? "status" : "none";
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Map header rows to roles. Headers may span several rows (criterion above its indicators); pass
 * `merges` (rows relative to headerRows[0]) when the host knows them, else group labels are
 * forward-filled. `sampleRows` help decide value vs status for one-indicator criteria.
 */
export function recognizeHeaders(
  headerRows: CellValue[][],
  ruleset: Ruleset,
  options: RecognizeOptions = {}
): HeaderRecognition {
  const memory = options.memory ?? new ReadingMemory();
  const index = indexFor(ruleset, memory);
  // A column-numbering row passed with the header ("(1) (2) (3)…") is not part of it.
  const above = headerRows.slice(0, -1);
  const rows =
    above.length > 0 && isColumnNumberingRow(headerRows[headerRows.length - 1], filledColumns(above))
      ? above
      : headerRows;
  const resolutions = columnParts(rows, options.merges, memory).map((col) =>
    resolveColumn(index, splitNamedPairs(index, col))
  );

  // A criterion label over exactly as many sub-columns as it has indicators, whose texts were not
  // recognised: take the indicators in order.
  const groups = new Map<string, Resolution[]>();
  for (const r of resolutions) {
    r.origins.forEach((o, pi) => {
      if (pi === r.parts.length - 1) return;
      const key = o;
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    });
  }
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const partIndex = members[0].origins.indexOf(key);
    const c = matchPart(index, members[0].parts[partIndex])[0];
    const criterion =
      c && c.confidence >= MIN_CONFIDENCE && c.target.role.kind === "criterion" ? c.target.criterion : undefined;
    if (!criterion || criterion.indicators.length !== members.length) continue;
    const taken = new Set(members.map((m) => m.target?.indicator?.id).filter((id) => id !== undefined));
    members.forEach((m, k) => {
      const i = criterion.indicators[k];
      if (m.target?.indicator?.criterionId === criterion.id || taken.has(i.id) || m.qualifier === "status") return;
      if (m.target && m.target.criterion !== criterion && m.confidence >= 0.8) return;
      m.target = index.indicatorTarget.get(i.id);
      m.confidence = 0.6;
    });
  }

  const count = (kind: "indicator" | "criterion") =>
    resolutions.filter(
      (r) => r.target?.role.kind === kind && r.target.criterion && r.target.criterion.indicators.length > 1
    ).length;
  const neighbours = { indicators: count("indicator"), criteria: count("criterion") };
  for (const r of resolutions) {
    const samples = options.sampleRows?.map((row) => row[r.column]);
    decideSingleIndicator(index, r, samples, neighbours);
    decideByValues(index, r, samples);
  }

  // One column per role: the most certain keeps it (leftmost on a tie).
  const winners = new Map<string, Resolution>();
  for (const r of resolutions) {
    if (!r.target || r.confidence < MIN_CONFIDENCE) continue;
    const key = roleKey(r.target.role);
    const held = winners.get(key);
    if (!held || r.confidence > held.confidence) winners.set(key, r);
  }
  const chosen = new Set(winners.values());
  const columns: ColumnMatch[] = [];
  const unmapped: HeaderRecognition["unmapped"] = [];
  for (const r of resolutions) {
    if (!chosen.has(r) || !r.target) {
      unmapped.push(
        r.note ? { column: r.column, header: r.header, note: r.note } : { column: r.column, header: r.header }
      );
      continue;
    }
    const match: ColumnMatch = {
      column: r.column,
      header: r.header,
      role: r.target.role,
      confidence: round2(Math.min(1, r.confidence)),
    };
    if (r.note) match.note = r.note;
    const unit = r.target.indicator?.unit;
    if ((unit === "vnd_per_person_year" || unit === "number") && r.scale !== undefined) match.scale = r.scale;
    columns.push(match);
  }
  return { columns, unmapped, layout: layoutOf(columns) };
}

/**
 * The documented canonical column order for a bare block of values: as many columns as indicators →
 * indicators in ruleset order; as many as criteria → criterion statuses in order; otherwise undefined.
 */
export function canonicalColumns(ruleset: Ruleset, width: number): ColumnMatch[] | undefined {
  if (width === ruleset.indicators.length) {
    return ruleset.indicators.map((i, column) => ({
      column,
      header: i.id,
      role: { kind: "indicator", indicatorId: i.id },
      confidence: 1,
    }));
  }
  if (width === ruleset.criteria.length) {
    return ruleset.criteria.map((c, column) => ({
      column,
      header: c.id,
      role: { kind: "criterion", criterionId: c.id },
      confidence: 1,
    }));
  }
  return undefined;
}

const FIXED_LABEL_TEXT: Record<FixedRoleKind, Message> = {
  order: msg("TT (số thứ tự)", "No. (row order)"),
  district: msg("Huyện", "District"),
  commune: msg("Xã", "Commune"),
  area: msg("Khu dân cư", "Residential area"),
  households: msg("Số hộ", "Households"),
  population: msg("Số nhân khẩu", "Population"),
  areaType: msg(
    "Nhóm xã / loại khu (nhóm 1/2/3, xã ĐBKK…)",
    "Commune group / area type (group 1/2/3, especially difficult commune…)"
  ),
  canMobilise: msg("Có khả năng huy động nguồn lực", "Can mobilise resources"),
  metCount: msg("Tổng số tiêu chí đạt (theo bảng)", "Criteria met (as stated in the sheet)"),
  targetYear: msg("Năm dự kiến đạt chuẩn", "Target year"),
  recognised: msg("Đã công nhận (năm, số QĐ)", "Already recognised (year, decision)"),
  note: msg("Ghi chú", "Note"),
};

const LABEL_LENGTH = 70;

function shorten(text: string): string {
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, "")}…`;
}

/** A role as shown in the pane's column lists: "TC01.1 Tỷ lệ đường trục…", "Xã". */
export function roleLabel(role: ColumnRole, ruleset: Ruleset): Message {
  if (role.kind === "indicator") {
    const i = ruleset.indicators.find((x) => x.id === role.indicatorId);
    if (!i) return msg(`${role.indicatorId} (không có trong bộ tiêu chí)`, `${role.indicatorId} (not in the ruleset)`);
    return msg(shorten(`${i.id} ${i.nameVi}`), shorten(`${i.id} ${i.nameEn}`));
  }
  if (role.kind === "criterion") {
    const c = ruleset.criteria.find((x) => x.id === role.criterionId);
    if (!c) return msg(`${role.criterionId} (không có trong bộ tiêu chí)`, `${role.criterionId} (not in the ruleset)`);
    return msg(shorten(`${c.id} ${c.nameVi}`) + " – Đạt/Chưa đạt", shorten(`${c.id} ${c.nameEn}`) + " – met/not met");
  }
  return FIXED_LABEL_TEXT[role.kind];
}

/** Every role a user can give a column, in the order the pane lists them. */
export function roleOptions(ruleset: Ruleset): ColumnRole[] {
  return [
    ...FIXED_ROLE_KINDS.map(fixedRole),
    ...ruleset.criteria.flatMap((c): ColumnRole[] => [
      { kind: "criterion", criterionId: c.id },
      ...c.indicators.map((i): ColumnRole => ({ kind: "indicator", indicatorId: i.id })),
    ]),
  ];
}

/** Whether a role names something that exists in the ruleset (fixed roles always do). */
export function roleExists(role: ColumnRole, ruleset: Ruleset): boolean {
  if (role.kind === "indicator") return ruleset.indicators.some((i) => i.id === role.indicatorId);
  if (role.kind === "criterion") return ruleset.criteria.some((c) => c.id === role.criterionId);
  return (FIXED_ROLE_KINDS as readonly string[]).includes(role.kind);
}

/** The multiplier a header's unit implies ("(triệu đồng/người/năm)" → 1e6), if it names one. */
export function headerScale(header: string, memory: ReadingMemory = new ReadingMemory()): number | undefined {
  const part = parseHeader(header, memory);
  // A header whose unit is a count or a measure ("(lao động)") names no money, whatever word it contains.
  if (part.unit !== undefined && part.unit !== "money") return undefined;
  return part.scale ?? moneyScaleIn(part.folded);
}

/** Header-like text of one cell scored alone: for finding the header band of a sheet. */
export function labelConfidence(text: string, ruleset: Ruleset, memory: ReadingMemory = new ReadingMemory()): number {
  const part = parseHeader(text, memory);
  if (part.tokens.length === 0 && !part.numbering?.explicit) return 0;
  const best = matchPart(indexFor(ruleset, memory), part)[0];
  return best ? Math.min(1, best.confidence) : 0;
}

/** How surely a text names one of the ruleset's criteria or indicators (0 when it names none). */
export function criterionLabelConfidence(
  text: string,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): number {
  const part = parseHeader(text, memory);
  if (part.tokens.length === 0 && !part.numbering?.explicit) return 0;
  const best = matchPart(indexFor(ruleset, memory), part).find(
    (c) => c.target.role.kind === "criterion" || c.target.role.kind === "indicator"
  );
  return best ? Math.min(1, best.confidence) : 0;
}

/** Whether a cell reads as a qualifier or a unit only ("(%)", "Đánh giá", "Chỉ tiêu"). */
export function isQualifierText(text: string, memory: ReadingMemory = new ReadingMemory()): boolean {
  return parseHeader(text, memory).qualifier !== undefined;
}
