import { Grid } from "./cell";
import { foldText } from "../ruleset/ruleset";

/**
 * Where a table's areas belong when no row says so: the commune and district a workbook names in its
 * title rows or its sheet name. A district is taken only where the workbook names one; since July 2025
 * communes report to the province directly and most workbooks name none.
 */

export interface TitlePlaces {
  district?: string;
  commune?: string;
}

/** Where the commune of a table without a commune column or section rows came from. */
export type CommuneSource = "sheet" | "title";

export interface TablePlaces extends TitlePlaces {
  communeSource?: CommuneSource;
  /** The title named another commune than the sheet name that was used. */
  titleCommune?: string;
}

type PlaceKind = "commune" | "district";

/** Kind words as written (lower case, NFC), longest first: "thị xã" before "xã". */
const KINDS: Array<{ words: string[]; kind: PlaceKind; label: string }> = [
  { words: ["thị", "trấn"], kind: "commune", label: "Thị trấn" },
  { words: ["thị", "xã"], kind: "district", label: "Thị xã" },
  { words: ["thành", "phố"], kind: "district", label: "Thành phố" },
  { words: ["huyện"], kind: "district", label: "Huyện" },
  { words: ["phường"], kind: "commune", label: "Phường" },
  { words: ["xã"], kind: "commune", label: "Xã" },
];

/**
 * Words that end a place name in a title, compared with their tone marks (so "Năm" ≠ "Nam"): what
 * follows the name in "… XÃ THANH THỦY NĂM 2025", "… xã Minh Lương theo Bộ tiêu chí …".
 */
const STOP_WORDS = new Set([
  "năm",
  "theo",
  "đến",
  "giai",
  "tỉnh",
  "huyện",
  "phường",
  "trên",
  "về",
  "của",
  "và",
  "kèm",
  "đợt",
  "tại",
  "ngày",
  "tháng",
  "số",
  "quý",
  "đạt",
  "thuộc",
  "gồm",
  "lần",
  "khu",
  "thôn",
]);

/** Two-word kinds and phrases that end a name ("… XÃ A THỊ XÃ B", "… XÃ A NÔNG THÔN MỚI"). */
const STOP_PAIRS = new Set(["thị xã", "thị trấn", "thành phố", "nông thôn", "khu dân", "giai đoạn"]);

/** "xã" that is not a place: "cộng hòa xã hội", "hợp tác xã", "xã viên", "cấp xã". */
const NOT_A_COMMUNE_BEFORE = new Set(["hòa", "tác", "cấp", "các", "mỗi", "từng"]);
const NOT_A_COMMUNE_AFTER = new Set(["hội", "viên", "đội"]);

const MAX_NAME_WORDS = 4;

interface Token {
  text: string;
  lower: string;
  /** Punctuation right after the word (",", ":", "-"…), "" when only spaces follow. */
  after: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /([\p{L}\p{M}]+|\d+)([^\p{L}\p{M}\d]*)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: m[1], lower: m[1].toLocaleLowerCase("vi"), after: m[2].trim() });
  }
  return out;
}

/** "THANH BA" → "Thanh Ba": titles are often in capitals, names in the data are not. */
export function titleCase(name: string): string {
  if (name !== name.toLocaleUpperCase("vi")) return name;
  return name
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join(" ");
}

interface Found {
  kind: PlaceKind;
  /** "Xã Thanh Thủy" for a commune (its kind kept, as section rows keep it), "Thanh Ba" for a district. */
  name: string;
  /** 0: a label "Xã: …"; 1: the line starts with the kind; 2: inside a title; 3: the issuer "UBND …". */
  rank: number;
}

/** The places one title text names: "Huyện: Thanh Ba", "UBND XÃ MINH LƯƠNG", "BẢNG … - XÃ THANH THỦY NĂM 2025". */
function placesIn(text: string): Found[] {
  const ts = tokens(text.normalize("NFC"));
  const caps = text === text.toLocaleUpperCase("vi");
  const found: Found[] = [];
  for (let k = 0; k < ts.length; k++) {
    const kind = KINDS.find((x) => x.words.every((w, j) => ts[k + j]?.lower === w));
    if (!kind) continue;
    const last = k + kind.words.length - 1;
    // A kind word inside another: "thị xã" is not "xã"; "cộng hòa xã hội" is not a place.
    if (kind.words.length === 1 && k > 0 && ts[k - 1].after === "") {
      const before = ts[k - 1].lower;
      if (before === "thị" || (kind.kind === "commune" && NOT_A_COMMUNE_BEFORE.has(before))) continue;
    }
    if (kind.kind === "commune" && NOT_A_COMMUNE_AFTER.has(ts[last + 1]?.lower ?? "")) continue;
    const label = ts[last].after.startsWith(":");
    if (ts[last].after !== "" && !label) continue;
    const words: string[] = [];
    for (let j = last + 1; j < ts.length && words.length < MAX_NAME_WORDS; j++) {
      const t = ts[j];
      if (/^\d/.test(t.text) || STOP_WORDS.has(t.lower) || STOP_PAIRS.has(`${t.lower} ${ts[j + 1]?.lower ?? ""}`))
        break;
      // In mixed case a name is capitalised: "xã Minh Lương theo …" ends at "theo".
      if (!caps && t.text.charAt(0) === t.lower.charAt(0)) break;
      words.push(t.text);
      if (t.after !== "") break;
    }
    if (words.length === 0 || words.join("").length < 2) continue;
    const name = titleCase(words.join(" "));
    const issuer = k > 0 && foldText(ts[k - 1].text) === "ubnd";
    const rank = label ? 0 : issuer ? 3 : k === 0 ? 1 : 2;
    found.push({ kind: kind.kind, rank, name: kind.kind === "commune" ? `${kind.label} ${name}` : name });
    k = last;
  }
  return found;
}

/** A signature line under the table above ("TM. UBND XÃ …", "KT. CHỦ TỊCH"): it names that table's commune. */
const SIGNATURE_LINE = /^\s*(tm|t\/m|kt|tl|tuq|q)\s*[./:]/i;

/** The district and commune named in the title rows `from`..`to - 1` above a table, the most explicit first. */
export function titlePlaces(values: Grid, from: number, to: number): TitlePlaces {
  const found: Found[] = [];
  for (let r = Math.max(0, from); r < to; r++) {
    for (const v of values[r] ?? []) {
      if (typeof v === "string" && v.trim() !== "" && !SIGNATURE_LINE.test(v)) found.push(...placesIn(v));
    }
  }
  const best = (kind: PlaceKind) => found.filter((f) => f.kind === kind).sort((a, b) => a.rank - b.rank)[0]?.name;
  const out: TitlePlaces = {};
  const district = best("district");
  const commune = best("commune");
  if (district !== undefined) out.district = district;
  if (commune !== undefined) out.commune = commune;
  return out;
}

const KIND_PREFIX = /^(xa|phuong|thi tran|tt)(?:\s*[.:]\s*|\s+)/;

/**
 * What identifies a commune: its name folded, without its kind word ("Xã Minh Lương", "XÃ MINH LƯƠNG"
 * and "Minh Lương" are one commune). Since 2025 the province's 148 communes have distinct names; two
 * sources naming the same commune are kept apart only by a district the workbooks give.
 */
export function communeIdentity(name: string): string {
  return foldText(name).replace(KIND_PREFIX, "").trim();
}

/**
 * Words of sheet names that are not places ("Tổng hợp", "Biểu 1", "Sheet1", "Số liệu KDC"), with their
 * tone marks: folded, "Bảng" (table) would also catch the commune "Bằng Luân".
 */
const GENERIC_WORDS = [
  "tổng hợp",
  "biểu",
  "bảng",
  "dữ liệu",
  "số liệu",
  "kdc",
  "khu dân cư",
  "sheet",
  "đánh giá",
  "kết quả",
  "tiêu chí",
  "báo cáo",
  "mẫu",
  "data",
  "input",
  "output",
  "thống kê",
  "danh sách",
  "rà soát",
  "theo dõi",
  "hướng dẫn",
  "ghi chú",
  "chung",
  "toàn",
  "huyện",
  "bìa",
  "mục lục",
  "note",
  "notes",
  "cover",
  "readme",
  "instruction",
  "instructions",
  "summary",
  "total",
  "report",
  "table",
  "list",
];

const hasMarks = (text: string): boolean => foldText(text) !== text.toLocaleLowerCase("vi");

/**
 * Whether a name contains one of `words` as whole words: compared with tone marks when the name has any,
 * folded when it is typed without them ("Tong hop").
 */
export function namesWord(name: string, words: readonly string[]): boolean {
  const marked = hasMarks(name);
  const text = ` ${(marked ? name.toLocaleLowerCase("vi") : foldText(name)).replace(/[^\p{L}\p{M}\d]+/gu, " ").trim()} `;
  return words.some((w) => text.includes(` ${marked ? w : foldText(w)} `));
}

const SHEET_KINDS: Array<[RegExp, string]> = [
  [/^(?:xã|xa)\s+/iu, "Xã"],
  [/^(?:phường|phuong)\s+/iu, "Phường"],
  [/^(?:thị trấn|thi tran|tt\.?)\s*/iu, "Thị trấn"],
];

/**
 * A sheet named after its commune ("Minh Lương", "Xã Hùng Xuyên", "TT Thanh Ba"): one to four
 * capitalised words, no digits, none of the words sheets are usually named by, and not the district.
 */
export function communeFromSheetName(sheetName: string, district?: string): string | undefined {
  let rest = sheetName.normalize("NFC").trim();
  let kind = "";
  for (const [re, label] of SHEET_KINDS) {
    const m = re.exec(rest);
    if (m) {
      kind = label;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  const words = rest.split(/\s+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return undefined;
  if (!words.every((w) => /^\p{Lu}[\p{L}\p{M}]*$/u.test(w))) return undefined;
  // An abbreviation ("DL", "KDC") is not a name.
  if (words.length === 1 && words[0].length <= 3 && words[0] === words[0].toLocaleUpperCase("vi")) return undefined;
  if (namesWord(rest, GENERIC_WORDS)) return undefined;
  const name = titleCase(words.join(" "));
  if (district !== undefined && communeIdentity(name) === communeIdentity(district)) return undefined;
  return kind ? `${kind} ${name}` : name;
}

/**
 * The commune and district of a table, in the order the workbook says them: the sheet name, then the
 * title (section rows and a commune column, read row by row, come first; see readAreas). A sheet name
 * without its kind takes the title's spelling when both name the same commune ("Minh Lương" →
 * "Xã Minh Lương").
 */
export function tablePlaces(sheetName: string, title: TitlePlaces): TablePlaces {
  const out: TablePlaces = {};
  if (title.district !== undefined) out.district = title.district;
  const fromSheet = communeFromSheetName(sheetName, title.district);
  if (fromSheet !== undefined) {
    const same = title.commune !== undefined && communeIdentity(title.commune) === communeIdentity(fromSheet);
    out.commune = same ? (title.commune as string) : fromSheet;
    out.communeSource = "sheet";
    if (title.commune !== undefined && !same) out.titleCommune = title.commune;
  } else if (title.commune !== undefined) {
    out.commune = title.commune;
    out.communeSource = "title";
  }
  return out;
}
