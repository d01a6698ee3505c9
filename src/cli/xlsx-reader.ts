import { inflateRawSync } from "zlib";
import { CellValue, MergedRange } from "../rules/cell";
import { SheetData } from "../rules/workbook";
import type { WorkbookSnapshot } from "./read-files";
import { dateText } from "./xlsx-workbook";

/**
 * A fast, read-only .xlsx reader for the command line. It gives the same WorkbookSnapshot as loading
 * the file with exceljs and reading it through XlsxWorkbook, exceljs's quirks included (a formula whose
 * cached result is 0, false or "" reads as empty; a cell with style 0 has no number format…), but reads
 * only what the snapshot needs, with a hand-written tag scanner instead of a full model.
 *
 * Where exceljs is plainly wrong about a file Excel writes or reads, this reader follows Excel: elements
 * with a namespace prefix (`<x:row>`), rows without `r` (exceljs refuses the file), `t="d"` ISO dates
 * (exceljs keeps the year as a number), `date1904="true"` and `sheet="true"` (exceljs knows only "1"),
 * and phonetic runs in inline strings (exceljs garbles the cell). Anything else it does not read exactly
 * as exceljs would (other zip features, unusual part names, duplicate rows, a bad shared-string index…)
 * makes it throw, and the caller reads the file through exceljs instead (see snapshotFile).
 */
export function readXlsx(bytes: Buffer): WorkbookSnapshot {
  const zip = new Zip(bytes);
  // exceljs reads these parts by their usual names, whatever the relationships say.
  const rootRels = zip.part("_rels/.rels");
  const office = rootRels === undefined ? undefined : relationshipOfType(rootRels, "/officeDocument");
  if (office !== undefined && resolvePart("", office) !== WORKBOOK) throw new Error(`Workbook part ${office}`);
  const book = readWorkbookPart(zip.part(WORKBOOK) ?? fail(`No ${WORKBOOK}`));
  const rels = relationships(zip.part("xl/_rels/workbook.xml.rels"));
  const sharedPart = zip.part("xl/sharedStrings.xml");
  const stylesPart = zip.part("xl/styles.xml");
  const context: SheetContext = {
    shared: sharedPart === undefined ? undefined : readSharedStrings(sharedPart),
    styles: stylesPart === undefined ? undefined : readStyles(stylesPart),
    date1904: book.date1904,
  };

  const ids = new Set<number>();
  const parts = new Set<string>();
  const names: string[] = [];
  const sheets: SheetData[] = [];
  for (const sheet of book.sheets) {
    // Sheets are keyed by sheetId in exceljs: a missing, zero or repeated id loses a sheet.
    const id = parseInt(sheet.id ?? "", 10);
    if (!(id > 0) || ids.has(id)) throw new Error(`Sheet id ${sheet.id}`);
    ids.add(id);
    // exceljs skips, without a word, a sheet without a relationship or whose part is not a worksheet
    // (a chart sheet): the same here, so the sheet list and the active tab index agree.
    const target = sheet.rel === undefined ? undefined : rels.get(sheet.rel)?.target;
    if (target === undefined) continue;
    const name = resolvePart("xl/", target);
    if (name !== `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`) throw new Error(`Sheet target ${target}`);
    const number = WORKSHEET_PART.exec(name)?.[1];
    const part = number === undefined ? undefined : zip.part(name);
    if (part === undefined) continue;
    if (parts.has(name)) throw new Error(`Two sheets on ${name}`);
    parts.add(name);
    const sheetName = checkedSheetName(sheet.name, names);
    names.push(sheetName);
    sheets.push(readWorksheet(sheetName, part, () => zip.part(`xl/worksheets/_rels/sheet${number}.xml.rels`), context));
  }
  // exceljs refuses a workbook without sheets; its message says so.
  if (sheets.length === 0) throw new Error("No worksheets");
  const tab = book.activeTab === undefined ? undefined : names[parseInt(book.activeTab, 10)];
  return { names, active: tab, sheets };
}

const WORKBOOK = "xl/workbook.xml";
/** The worksheet parts exceljs reads (its own pattern, unanchored). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

const fail = (message: string): never => {
  throw new Error(message);
};

// ---------------------------------------------------------------------------------------------
// Zip

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * An XML part: its bytes, and the same bytes as a latin1 string, one character a byte, so that string
 * indexes are byte offsets. Tags and numbers are ASCII and read from the string; a text with other
 * characters is decoded from the bytes as UTF-8 (see Scanner.decode). Decoding the whole part as
 * UTF-8 would cost more than reading it.
 */
interface Part {
  xml: string;
  bytes: Buffer;
}

/** The entries of a zip archive, stored or deflated; anything else (ZIP64, encryption) is refused. */
class Zip {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer) {
    // The end-of-central-directory record: 22 bytes and a comment of up to 65535 bytes at the end.
    let end = -1;
    for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
      if (bytes.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error("No zip directory");
    if (end >= 20 && bytes.readUInt32LE(end - 20) === 0x07064b50) throw new Error("ZIP64");
    const count = bytes.readUInt16LE(end + 10);
    const size = bytes.readUInt32LE(end + 12);
    let p = bytes.readUInt32LE(end + 16);
    if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0) throw new Error("Multi-disk zip");
    if (count === 0xffff || size === 0xffffffff || p === 0xffffffff) throw new Error("ZIP64");
    if (p + size > end) throw new Error("Zip directory out of bounds");
    for (let k = 0; k < count; k++) {
      if (bytes.readUInt32LE(p) !== 0x02014b50) throw new Error("Bad zip directory entry");
      const flags = bytes.readUInt16LE(p + 8);
      const entry: ZipEntry = {
        method: bytes.readUInt16LE(p + 10),
        compressedSize: bytes.readUInt32LE(p + 20),
        size: bytes.readUInt32LE(p + 24),
        localOffset: bytes.readUInt32LE(p + 42),
      };
      const nameLength = bytes.readUInt16LE(p + 28);
      let name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
      if (flags & 1) throw new Error(`Encrypted zip entry ${name}`);
      if (entry.method !== 0 && entry.method !== 8) throw new Error(`Zip method ${entry.method}`);
      if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) {
        throw new Error("ZIP64");
      }
      // exceljs drops a leading slash from entry names.
      if (name.startsWith("/")) name = name.slice(1);
      this.entries.set(name, entry);
      p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
  }

  /** An entry as an XML part; undefined when there is no such entry. */
  part(name: string): Part | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const bytes = this.bytes;
    const p = entry.localOffset;
    if (bytes.readUInt32LE(p) !== 0x04034b50) throw new Error(`Bad local header for ${name}`);
    const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
    if (start + entry.compressedSize > bytes.length) throw new Error(`Truncated ${name}`);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    const data = entry.method === 0 ? raw : inflateRawSync(raw);
    if (data.length !== entry.size) throw new Error(`Size mismatch in ${name}`);
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
      throw new Error(`UTF-16 ${name}`);
    }
    return { xml: data.toString("latin1"), bytes: data };
  }
}

// ---------------------------------------------------------------------------------------------
// XML

const NON_ASCII = /[\x80-\xff]/;

/**
 * A forward-only scanner over the tags of an XML part. Element names are matched without their
 * namespace prefix (`<x:row>` is a row). Text and attribute values come back UTF-8 decoded, with
 * references decoded for attributes and left to the caller for element text.
 */
class Scanner {
  readonly xml: string;
  pos: number;
  closing = false;
  selfClosing = false;
  /** Index of the current tag's "<". */
  start = 0;
  private localStart = 0;
  private nameEnd = 0;
  private qualifiedStart = 0;
  private attrEnd = 0;

  constructor(
    private readonly part: Part,
    from = 0,
    readonly end = part.xml.length
  ) {
    this.xml = part.xml;
    this.pos = from;
  }

  /** Move to the next tag; false at the end. Comments, processing instructions and CDATA between tags are skipped. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0 || lt >= this.end) {
        this.pos = this.end;
        return false;
      }
      const first = xml.charCodeAt(lt + 1);
      if (first === 0x3f /* ? */ || first === 0x21 /* ! */) {
        this.pos = skipMarkup(xml, lt);
        continue;
      }
      this.start = lt;
      this.closing = first === 0x2f; /* / */
      let i = this.closing ? lt + 2 : lt + 1;
      this.qualifiedStart = i;
      this.localStart = i;
      for (; ; i++) {
        const c = xml.charCodeAt(i);
        if (c === 0x3a /* : */) this.localStart = i + 1;
        else if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
        else if (Number.isNaN(c)) throw new Error("Unterminated tag");
      }
      this.nameEnd = i;
      // The tag ends at the first ">" outside quotes (format codes may hold ">" in their values).
      for (;;) {
        const c = xml.charCodeAt(i);
        if (c === 0x3e) break;
        if (c === 0x22 || c === 0x27) {
          const q = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
          if (q < 0) throw new Error("Unterminated attribute");
          i = q + 1;
        } else if (Number.isNaN(c)) throw new Error("Unterminated tag");
        else i++;
      }
      this.selfClosing = xml.charCodeAt(i - 1) === 0x2f;
      this.attrEnd = this.selfClosing ? i - 1 : i;
      this.pos = i + 1;
      return true;
    }
  }

  /** Whether the current tag's local name (without prefix) is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.localStart === name.length && this.xml.startsWith(name, this.localStart);
  }

  /** The current tag's name as written, prefix included. */
  qualifiedName(): string {
    return this.xml.slice(this.qualifiedStart, this.nameEnd);
  }

  /**
   * Attribute values of the current tag into `out`, by name; absent ones are undefined. A name ":id"
   * matches "id" under any namespace prefix (a relationship id, usually `r:id`).
   */
  attrs(names: readonly string[], out: Array<string | undefined>): void {
    out.fill(undefined);
    const xml = this.xml;
    let i = this.nameEnd;
    const end = this.attrEnd;
    while (i < end) {
      let c = xml.charCodeAt(i);
      if (c <= 0x20) {
        i++;
        continue;
      }
      const nameStart = i;
      let colon = -1;
      while (i < end && (c = xml.charCodeAt(i)) !== 0x3d /* = */ && c > 0x20) {
        if (c === 0x3a) colon = i;
        i++;
      }
      const nameEnd = i;
      while (i < end && (c = xml.charCodeAt(i)) !== 0x22 && c !== 0x27) i++;
      if (i >= end) throw new Error("Malformed attribute");
      const close = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        const from = name.charCodeAt(0) === 0x3a ? colon : nameStart;
        if (from >= 0 && nameEnd - from === name.length && xml.startsWith(name, from)) {
          out[k] = attributeText(this.decode(i + 1, close));
        }
      }
      i = close + 1;
    }
  }

  attr(name: string): string | undefined {
    const out: Array<string | undefined> = [undefined];
    this.attrs([name], out);
    return out[0];
  }

  /** The raw text after the current tag, up to the next tag. */
  text(): string {
    const lt = this.xml.indexOf("<", this.pos);
    if (lt < 0) throw new Error("Unterminated element");
    // exceljs would drop CDATA and join the text around a comment: leave such text to it.
    const c = this.xml.charCodeAt(lt + 1);
    if (c === 0x21 || c === 0x3f) throw new Error("Markup inside text");
    return this.decode(this.pos, lt);
  }

  /** The part's text between two byte offsets, as UTF-8. */
  private decode(from: number, to: number): string {
    const text = this.xml.slice(from, to);
    return NON_ASCII.test(text) ? this.part.bytes.toString("utf8", from, to) : text;
  }
}

/** The index after a comment, processing instruction or CDATA section starting at `lt`. */
function skipMarkup(xml: string, lt: number): number {
  const close = xml.startsWith("<!--", lt)
    ? "-->"
    : xml.startsWith("<![CDATA[", lt)
      ? "]]>"
      : xml[lt + 1] === "?"
        ? "?>"
        : "";
  // A document type declaration could declare entities: not read here.
  if (close === "") throw new Error("DOCTYPE");
  const at = xml.indexOf(close, lt + 2);
  if (at < 0) throw new Error("Unterminated markup");
  return at + close.length;
}

const NAMED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);
const REFERENCE = /&(#\d+|#x[\da-fA-F]+|amp|lt|gt|quot|apos)?(;?)/g;

/** Character and entity references decoded as an XML parser does; unknown entities are refused. */
function decodeReferences(raw: string): string {
  return raw.replace(REFERENCE, (_all, ref: string | undefined, semicolon: string) => {
    if (ref === undefined || semicolon === "") throw new Error("Unknown entity");
    if (ref[0] !== "#") return NAMED.get(ref) as string;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!valid) throw new Error(`Character reference ${ref}`);
    return String.fromCodePoint(code);
  });
}

/** Element text: line ends normalised to "\n" (before references, so "&#13;" stays), references decoded. */
function elementText(raw: string): string {
  const text = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  return text.indexOf("&") >= 0 ? decodeReferences(text) : text;
}

/** Attribute text: tabs and line ends become spaces, references decoded. */
function attributeText(raw: string): string {
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return text.indexOf("&") >= 0 ? decodeReferences(text) : text;
}

/** exceljs decodes the five named entities a second time in sheet names and "str" cells. */
function decodeAgain(text: string): string {
  return text.indexOf("&") >= 0 ? text.replace(/&([a-z]*);/g, (all, name: string) => NAMED.get(name) ?? all) : text;
}

/** OOXML escapes ("_x000D_" for a carriage return), as exceljs decodes them in shared strings and rich runs. */
function unescapeOoxml(text: string): string {
  return text.indexOf("_x") >= 0
    ? text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

// ---------------------------------------------------------------------------------------------
// Package parts

interface Relationship {
  target: string;
  type: string;
}

function relationships(part: Part | undefined): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (part === undefined) return out;
  const s = new Scanner(part);
  const names = ["Id", "Target", "Type"];
  const values: Array<string | undefined> = [undefined, undefined, undefined];
  while (s.next()) {
    if (s.closing || !s.is("Relationship")) continue;
    s.attrs(names, values);
    const [id, target, type] = values;
    if (id !== undefined && target !== undefined) out.set(id, { target, type: type ?? "" });
  }
  return out;
}

function relationshipOfType(part: Part, suffix: string): string | undefined {
  for (const rel of relationships(part).values()) if (rel.type.endsWith(suffix)) return rel.target;
  return undefined;
}

/** A relationship target as a part name: relative to `folder` ("xl/"), or absolute from the package root. */
function resolvePart(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target.slice(1) : folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

interface WorkbookPart {
  sheets: Array<{ name?: string; id?: string; rel?: string }>;
  activeTab?: string;
  date1904: boolean;
}

function readWorkbookPart(part: Part): WorkbookPart {
  const book: WorkbookPart = { sheets: [], date1904: false };
  const s = new Scanner(part);
  const names = ["name", "sheetId", ":id"];
  const values: Array<string | undefined> = [undefined, undefined, undefined];
  let firstView = true;
  while (s.next()) {
    if (s.closing) continue;
    if (s.is("sheet")) {
      s.attrs(names, values);
      book.sheets.push({ name: values[0], id: values[1], rel: values[2] });
    } else if (s.is("workbookView")) {
      // exceljs reads the active tab of the first window only.
      if (firstView) book.activeTab = s.attr("activeTab");
      firstView = false;
    } else if (s.is("workbookPr")) {
      book.date1904 = isTrue(s.attr("date1904"));
    }
  }
  return book;
}

const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/** The sheet name as exceljs gives it, refused where exceljs refuses it (its Worksheet name rules). */
function checkedSheetName(raw: string | undefined, taken: string[]): string {
  if (raw === undefined) throw new Error("Sheet without a name");
  const name = decodeAgain(raw);
  const lower = name.toLowerCase();
  if (
    name === "" ||
    name === "History" ||
    name.length > 31 ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    taken.some((t) => t.toLowerCase() === lower)
  ) {
    throw new Error(`Sheet name ${name}`);
  }
  return name;
}

/** Shared strings: the text of each item, rich runs joined, phonetic runs left out; null for an empty `<si/>`. */
function readSharedStrings(part: Part): Array<string | null> {
  const out: Array<string | null> = [];
  const s = new Scanner(part);
  let plain: string | undefined;
  let runs: string[] | undefined;
  let run: string | undefined;
  let phonetic = false;
  while (s.next()) {
    if (s.closing) {
      if (s.is("si")) {
        if (plain !== undefined && runs !== undefined) throw new Error("Shared string with text and runs");
        out.push(runs ? runs.join("") : (plain ?? null));
        plain = runs = undefined;
      } else if (s.is("r") && run !== undefined) {
        (runs ??= []).push(run);
        run = undefined;
      } else if (s.is("rPh")) phonetic = false;
      continue;
    }
    if (phonetic) continue;
    if (s.is("si")) {
      if (s.selfClosing) out.push(null);
    } else if (s.is("r")) {
      if (s.selfClosing) (runs ??= []).push("");
      else run = "";
    } else if (s.is("rPh")) {
      phonetic = !s.selfClosing;
    } else if (s.is("t")) {
      const text = s.selfClosing ? "" : unescapeOoxml(elementText(s.text()));
      if (run !== undefined) run = text;
      else plain = text;
    }
  }
  return out;
}

/** The built-in number formats exceljs names (node_modules/exceljs/lib/xlsx/defaultnumformats.js). */
const BUILT_IN_FORMATS = new Map<number, string>([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, 'm/d/yy "h":mm'],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00 ;(#,##0.00)"],
  [40, "#,##0.00 ;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** exceljs's utils.isDateFmt: date or time letters outside brackets and quotes. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface Styles {
  /** Number format of each cell style (cellXfs index), undefined where exceljs gives none. */
  formats: Array<string | undefined>;
  dates: boolean[];
}

function readStyles(part: Part): Styles {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const s = new Scanner(part);
  let section = "";
  while (s.next()) {
    if (s.closing) {
      if (s.is(section)) section = "";
    } else if (s.is("numFmts") || s.is("cellXfs")) {
      section = s.selfClosing ? "" : s.is("numFmts") ? "numFmts" : "cellXfs";
    } else if (section === "numFmts" && s.is("numFmt")) {
      const code = s.attr("formatCode") ?? fail("numFmt without formatCode");
      // exceljs drops the backslash of escaped characters ("#,##0\ "đ"" → "#,##0 "đ"").
      custom.set(parseInt(s.attr("numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
    } else if (section === "cellXfs" && s.is("xf")) {
      ids.push(parseInt(s.attr("numFmtId") ?? "", 10));
    }
  }
  // Format id 0 (General) and unknown ids give no format: the snapshot says "General" for them.
  const formats = ids.map((id) => (id ? custom.get(id) || BUILT_IN_FORMATS.get(id) : undefined));
  return { formats, dates: formats.map((f) => f !== undefined && isDateFormat(f)) };
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  shared: Array<string | null> | undefined;
  styles: Styles | undefined;
  date1904: boolean;
}

/** One worksheet as XlsxWorkbook.readSheet gives it, over the model exceljs would build. */
function readWorksheet(name: string, part: Part, sheetRels: () => Part | undefined, context: SheetContext): SheetData {
  const xml = part.xml;
  // The cells are between <sheetData> and </sheetData>; merges, hyperlinks and protection come after.
  const s = new Scanner(part);
  let found = false;
  while (!found && s.next()) found = !s.closing && s.is("sheetData");
  const dataStart = found ? s.start : xml.length;
  let dataEnd = found ? s.pos : xml.length;
  if (found && !s.selfClosing) {
    dataEnd = xml.lastIndexOf(`</${s.qualifiedName()}`);
    if (dataEnd < s.pos) throw new Error("Unterminated sheetData");
  }
  const extras = readSheetExtras(part, dataStart, dataEnd);
  const links = new Set<string>();
  if (extras.hyperlinks.length > 0) {
    const rels = relationships(sheetRels());
    for (const [ref, id] of extras.hyperlinks) {
      // exceljs fails on a hyperlink whose relationship is missing, and ignores one with an empty target.
      const rel = rels.get(id) ?? fail(`Hyperlink relationship ${id}`);
      if (rel.target) links.add(ref);
      else links.delete(ref);
    }
  }
  const cells = new CellReader(links, context);
  cells.read(new Scanner(part, found ? s.pos : dataEnd, dataEnd));
  return shapeSheet(name, cells, extras.merges, extras.protectedSheet);
}

interface SheetExtras {
  merges: MergedRange[];
  /** Cell reference and relationship id of each hyperlink to a target. */
  hyperlinks: Array<[string, string]>;
  protectedSheet: boolean;
}

/** Merges, hyperlinks and protection, from outside sheetData. */
function readSheetExtras(part: Part, dataStart: number, dataEnd: number): SheetExtras {
  const extras: SheetExtras = { merges: [], hyperlinks: [], protectedSheet: false };
  const linkNames = ["ref", ":id"];
  const link: Array<string | undefined> = [undefined, undefined];
  for (const s of [new Scanner(part, 0, dataStart), new Scanner(part, dataEnd)]) {
    let section = "";
    while (s.next()) {
      if (s.closing) {
        if (s.is(section)) section = "";
      } else if (s.is("mergeCells") || s.is("hyperlinks")) {
        section = s.selfClosing ? "" : s.is("mergeCells") ? "mergeCells" : "hyperlinks";
      } else if (section === "mergeCells" && s.is("mergeCell")) {
        const range = decodeRange(s.attr("ref") ?? "");
        // exceljs refuses overlapping merges.
        for (const m of extras.merges) {
          if (m.top <= range.bottom && range.top <= m.bottom && m.left <= range.right && range.left <= m.right) {
            throw new Error("Overlapping merges");
          }
        }
        extras.merges.push(range);
      } else if (section === "hyperlinks" && s.is("hyperlink")) {
        s.attrs(linkNames, link);
        const [ref, id] = link;
        if (ref !== undefined && id) extras.hyperlinks.push([ref, id]);
      } else if (s.is("sheetProtection")) {
        extras.protectedSheet = isTrue(s.attr("sheet"));
      }
    }
  }
  return extras;
}

/** Column letters ("AB") to a zero-based index (27); -1 when they are not letters A–Z. */
function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return -1;
    col = col * 26 + c - 64;
  }
  return col - 1;
}

/** A merged range ("A1:C2", "$A$1", corners in any order), zero-based. */
function decodeRange(ref: string): MergedRange {
  const corners = ref
    .replace(/\$/g, "")
    .split(":")
    .map((corner) => /^([A-Z]+)(\d+)$/.exec(corner) ?? fail(`Merge ${ref}`));
  if (corners.length > 2) throw new Error(`Merge ${ref}`);
  const [a, b = a] = corners.map((m) => ({ row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) }));
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** exceljs's utils.excelToDate, operation for operation, so the instant (and its text) is the same. */
const excelToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** An ISO date (`t="d"`) as the serial number Excel stores for it (UTC when no zone is written). */
function isoToSerial(text: string, date1904: boolean): number {
  const zoned = !text.includes("T") || /(Z|[+-]\d\d:?\d\d)$/i.test(text);
  return 25569 + new Date(zoned ? text : `${text}Z`).getTime() / (24 * 3600 * 1000) - (date1904 ? 1462 : 0);
}

/**
 * The usual cell, written by Excel and exceljs alike: `<c r="B7" s="3" t="s"><v>12</v></c>`, or empty
 * (`<c r="B7" s="3"/>`), with an ASCII value needing no decoding, read in one match; or else the start
 * of any other opening tag, which the scanner reads (a row, or a cell of another form, to the same
 * result). Closing tags between them are passed over by the pattern's own search.
 */
const PLAIN_CELL_OR_TAG =
  /<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="([a-z]+)")?(?:\/>|>(?:<v>([^<&\r\x80-\xff]*)<\/v>)?<\/c>)|<(?!\/)/g;

const ROW_ATTRS = ["r", "hidden"];
const CELL_ATTRS = ["r", "s", "t"];
const FORMULA_ATTRS = ["t", "si", "ref"];

/** What a `<c>` element holds, as exceljs's cell parser records it. */
interface RawCell {
  /** Zero-based column. */
  col: number;
  ref: string | undefined;
  /** The style index (cellXfs); 0 for none. */
  style: number;
  type: string | undefined;
  /** Text of `<v>` (or `<t>` of an inline string); undefined when there is none. */
  text: string | undefined;
  /** Rich runs of an inline string. */
  runs: string[] | undefined;
  formulaText: boolean;
  shareType: string | undefined;
  si: string | undefined;
  masterRef: string | undefined;
}

/**
 * The cells of sheetData, each as XlsxWorkbook.readSheet reads it from exceljs: the cell parse and
 * reconcile, the FormulaValue copy that keeps only a truthy result, a hyperlink over the cell's value,
 * then cellValue. Values are kept in sparse rows (never null), with their number formats.
 */
class CellReader {
  readonly values: CellValue[][] = [];
  readonly formats: Array<Array<string | undefined>> = [];
  /** Hidden rows, and whether exceljs's eachRow visits each (a cell of a type other than Null). */
  readonly hidden: number[] = [];
  readonly visited: boolean[] = [];
  private row = -1;
  /** The row's number as written in its cell references. */
  private rowRef = "";
  /** The column of the row's last cell that exceljs keeps (a cell without `r` goes after it). */
  private col = -1;
  private rowHidden = false;
  private rowVisited = false;
  private rowValues: CellValue[] | undefined;
  private rowFormats: Array<string | undefined> = [];
  /** Shared formulas: the address of the master cell of each `si`. */
  private readonly masters = new Map<string | undefined, string | undefined>();
  /** One record for every cell, filled by `read`. */
  private readonly cell: RawCell = {
    col: 0,
    ref: undefined,
    style: 0,
    type: undefined,
    text: undefined,
    runs: undefined,
    formulaText: false,
    shareType: undefined,
    si: undefined,
    masterRef: undefined,
  };

  constructor(
    private readonly links: Set<string>,
    private readonly context: SheetContext
  ) {}

  read(s: Scanner): void {
    const xml = s.xml;
    const cell = this.cell;
    const rowAttrs: Array<string | undefined> = [undefined, undefined];
    const cellAttrs: Array<string | undefined> = [undefined, undefined, undefined];
    const tokens = PLAIN_CELL_OR_TAG;
    tokens.lastIndex = s.pos;
    for (;;) {
      const m = tokens.exec(xml);
      if (!m || m.index >= s.end) break;
      if (m[1] !== undefined) {
        this.place(columnIndex(m[1]), m[2] === this.rowRef ? this.row : parseInt(m[2], 10) - 1, m[0]);
        cell.ref = this.links.size > 0 ? m[1] + m[2] : undefined;
        cell.style = m[3] ? parseInt(m[3], 10) : 0;
        cell.type = m[4];
        cell.text = m[5] || undefined;
        cell.runs = undefined;
        cell.formulaText = false;
        cell.shareType = undefined;
        this.store();
        continue;
      }
      s.pos = m.index;
      if (!s.next()) break;
      tokens.lastIndex = s.pos;
      if (s.closing) continue;
      if (s.is("row")) {
        this.endRow();
        s.attrs(ROW_ATTRS, rowAttrs);
        const number = rowAttrs[0] === undefined ? this.row + 1 : parseInt(rowAttrs[0], 10) - 1;
        if (!(number > this.row)) throw new Error(`Row ${rowAttrs[0]} out of order`);
        this.row = number;
        this.rowRef = rowAttrs[0] ?? String(number + 1);
        this.col = -1;
        this.rowHidden = isTrue(rowAttrs[1]);
        this.rowVisited = false;
        this.rowValues = undefined;
      } else if (s.is("c")) {
        s.attrs(CELL_ATTRS, cellAttrs);
        const [ref, style, type] = cellAttrs;
        if (ref === undefined) this.place(this.col + 1, this.row, "cell");
        else {
          const r = /^([A-Z]+)(\d+)$/.exec(ref) ?? fail(`Cell ${ref}`);
          this.place(columnIndex(r[1]), parseInt(r[2], 10) - 1, ref);
        }
        cell.ref = ref;
        cell.style = style ? parseInt(style, 10) : 0;
        cell.type = type;
        this.readChildren(s);
        tokens.lastIndex = s.pos;
        this.store();
      }
    }
    this.endRow();
  }

  /** Cells are in order, within their row: anything else exceljs reads its own way. */
  private place(col: number, row: number, what: string): void {
    if (this.row < 0 || row !== this.row || col <= this.col) throw new Error(`${what} out of place`);
    this.cell.col = col;
  }

  private endRow(): void {
    if (this.rowHidden) {
      this.hidden.push(this.row);
      this.visited.push(this.rowVisited);
    }
  }

  /** A cell's children: value text (`<v>`, or `<t>` of an inline string), rich runs, the formula. */
  private readChildren(s: Scanner): void {
    const cell = this.cell;
    cell.text = cell.runs = undefined;
    cell.formulaText = false;
    cell.shareType = cell.si = cell.masterRef = undefined;
    if (s.selfClosing) return;
    let run: string | undefined;
    let phonetic = false;
    while (s.next()) {
      if (s.closing) {
        if (s.is("c")) break;
        if (s.is("r") && run !== undefined) {
          (cell.runs ??= []).push(run);
          run = undefined;
        } else if (s.is("rPh")) phonetic = false;
        else if (s.is("row") || s.is("sheetData")) throw new Error("Unterminated cell");
        continue;
      }
      if (phonetic) continue;
      if (s.is("v") || s.is("t")) {
        if (s.selfClosing) continue;
        const raw = s.text();
        if (run !== undefined) run = unescapeOoxml(elementText(raw));
        else if (raw !== "") cell.text = (cell.text ?? "") + elementText(raw);
      } else if (s.is("f")) {
        const attrs: Array<string | undefined> = [undefined, undefined, undefined];
        s.attrs(FORMULA_ATTRS, attrs);
        [cell.shareType, cell.si, cell.masterRef] = attrs;
        cell.formulaText = !s.selfClosing && s.text() !== "";
      } else if (s.is("r")) {
        if (s.selfClosing) (cell.runs ??= []).push("");
        else run = "";
      } else if (s.is("rPh")) phonetic = !s.selfClosing;
    }
    if (cell.runs !== undefined && (cell.text !== undefined || cell.type !== "inlineStr")) {
      throw new Error(`Rich text in cell ${cell.ref}`);
    }
  }

  /** The cell's value as readSheet reads it, stored when not null. */
  private store(): void {
    const cell = this.cell;
    const { ref, style, type, text, runs } = cell;
    const { shared, styles, date1904 } = this.context;
    // exceljs fails on a styled cell when styles.xml has no cell styles.
    if (style && styles?.formats.length === 0) throw new Error("No cellXfs");
    const numFmt = style ? styles?.formats[style] : undefined;
    const isDate = style ? styles?.dates[style] === true : false;
    const linked = ref !== undefined && this.links.has(ref);

    let value: CellValue;
    if (cell.formulaText || cell.shareType) {
      // Later cells of a shared formula name their master's address; without it exceljs gives no formula.
      let named = cell.formulaText;
      if (cell.shareType === "shared") {
        if (cell.masterRef) this.masters.set(cell.si, ref);
        else named = named || !!this.masters.get(cell.si);
      }
      let result: CellValue | Date = undefined;
      let isText = false;
      if (text) {
        if (type === "str") {
          result = decodeAgain(text);
          isText = true;
        } else if (type === "b") result = parseInt(text, 10) !== 0;
        else if (type === "e") result = text;
        else if (type === "d") result = isoToSerial(text, date1904);
        else result = parseFloat(text);
        // Any result in a date format becomes a date: an invalid one for a text or an error.
        if (isDate) {
          result = excelToDate(type === "e" ? NaN : Number(result), date1904);
          isText = false;
        }
      }
      if (linked) value = isText ? (result as string) : null;
      else if (!named || !result) value = null;
      else value = result instanceof Date ? dateText(result, numFmt) : result;
    } else if (text !== undefined || runs !== undefined) {
      let isText = true;
      if (type === "s") {
        const entry = shared?.[parseInt(text ?? "", 10)];
        if (entry === undefined) throw new Error(`Shared string ${text}`);
        value = entry;
        isText = entry !== null;
      } else if (type === "str") value = decodeAgain(text ?? "");
      else if (type === "inlineStr") value = runs ? runs.join("") : text;
      else {
        isText = false;
        if (type === "b") value = parseInt(text ?? "", 10) !== 0;
        else if (type === "e") value = text;
        else {
          const n = type === "d" ? isoToSerial(text ?? "", date1904) : parseFloat(text ?? "");
          value = isDate ? dateText(excelToDate(n, date1904), numFmt) : n;
        }
      }
      // A hyperlink's text replaces the value: a number, date, boolean or error under one reads as empty.
      if (linked && !isText) value = null;
    } else {
      // No value: a styled cell is a Null cell, which eachRow does not count; exceljs drops an unstyled
      // one before placing the cells of its row.
      if (style || linked) this.col = cell.col;
      if (linked) this.rowVisited = true;
      return;
    }
    this.col = cell.col;
    this.rowVisited = true;
    if (value === null || value === undefined) return;
    if (!this.rowValues) {
      this.rowValues = this.values[this.row] = [];
      this.rowFormats = this.formats[this.row] = [];
    }
    this.rowValues[cell.col] = value;
    if (numFmt) this.rowFormats[cell.col] = numFmt;
  }
}

/** The rectangular SheetData readSheet builds: values from A1 to the last value, "General" where no format. */
function shapeSheet(name: string, cells: CellReader, merges: MergedRange[], protectedSheet: boolean): SheetData {
  const { values, formats } = cells;
  // A merged block's value is in its top-left cell only.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < values.length; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < row.length; c++) {
        row[c] = undefined;
        formats[r][c] = undefined;
      }
    }
  }
  let width = 0;
  let height = 0;
  values.forEach((row, r) => {
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== undefined) {
        width = Math.max(width, c + 1);
        height = r + 1;
        break;
      }
    }
  });
  const grid: CellValue[][] = new Array(height);
  const numberFormats: string[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = values[r];
    const fmt = formats[r];
    const out = new Array<CellValue>(width);
    const outFmt = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const v = src?.[c];
      out[c] = v === undefined ? null : v;
      outFmt[c] = (v !== undefined && fmt?.[c]) || "General";
    }
    grid[r] = out;
    numberFormats[r] = outFmt;
  }
  // exceljs lists a hidden row only when eachRow visits it: a cell with a value, or covered by a merge.
  const covered = (r: number) => merges.some((m) => (r > m.top && r <= m.bottom) || (r === m.top && m.right > m.left));
  const hiddenRows = cells.hidden.filter((r, k) => r < height && (cells.visited[k] || covered(r)));
  return { name, values: grid, numberFormats, merges, hiddenRows, protected: protectedSheet };
}
