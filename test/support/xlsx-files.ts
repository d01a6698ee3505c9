import * as zlib from "zlib";

/**
 * .xlsx files built by hand, for what no library writes: every cell form Excel and other programs use,
 * and crafted zips (bombs, overlapping or lying entries, flipped bytes). A zip is assembled from its
 * records, so a test can make each one say what it wants.
 */

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS = `xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"`;

export interface ZipEntry {
  name: string;
  /** The content (inflated). */
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** The deflated bytes, when made another way than by deflating `data` (a bomb). */
  compressed?: Buffer;
  /** The inflated size the headers state (default: the true one). */
  size?: number;
  /** The CRC the headers state (default: the true one). */
  crc?: number;
}

/** A local header and its data, as laid out in the file. */
export function localRecord(entry: ZipEntry): Buffer {
  const method = entry.method ?? 8;
  const body = entry.compressed ?? (method === 8 ? zlib.deflateRawSync(entry.data) : entry.data);
  const name = Buffer.from(entry.name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(entry.crc ?? zlib.crc32(entry.data), 14);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt32LE(entry.size ?? entry.data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, body]);
}

/** The directory entry of `entry`, whose local header is at `offset`. */
export function directoryRecord(entry: ZipEntry, offset: number): Buffer {
  const method = entry.method ?? 8;
  const body = entry.compressed ?? (method === 8 ? zlib.deflateRawSync(entry.data) : entry.data);
  const name = Buffer.from(entry.name, "utf8");
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(45, 4);
  record.writeUInt16LE(20, 6);
  record.writeUInt16LE(0x800, 8);
  record.writeUInt16LE(method, 10);
  record.writeUInt32LE(entry.crc ?? zlib.crc32(entry.data), 16);
  record.writeUInt32LE(body.length, 20);
  record.writeUInt32LE(entry.size ?? entry.data.length, 24);
  record.writeUInt16LE(name.length, 28);
  record.writeUInt32LE(offset, 42);
  return Buffer.concat([record, name]);
}

/** The end-of-directory record. */
export function endRecord(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/** A whole zip of these entries, each once; `zip64` ends it with ZIP64 records, as large-file writers do. */
export function zip(entries: ZipEntry[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const local = localRecord(entry);
    directory.push(directoryRecord(entry, offset));
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(directory);
  if (!options.zip64) return Buffer.concat([...locals, dir, endRecord(entries.length, dir.length, offset)]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(dir.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = endRecord(0xffff, 0xffffffff, 0xffffffff);
  return Buffer.concat([...locals, dir, record, locator, end]);
}

/** Parts given as text. */
export const entries = (parts: Record<string, string>, method?: number): ZipEntry[] =>
  Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, "utf8"), method }));

export interface FixtureSheet {
  name: string;
  /** The inside of <sheetData>. */
  data?: string;
  /** Elements after sheetData (mergeCells, sheetProtection). */
  tail?: string;
  /** Elements before sheetData (cols). */
  head?: string;
}

export interface FixtureBook {
  sheets: FixtureSheet[];
  /** The inside of <sst>. */
  shared?: string;
  /** The inside of <styleSheet>. */
  styles?: string;
  /** Elements of workbook.xml before <sheets> (workbookPr, bookViews). */
  before?: string;
}

export const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;

/** The parts of a minimal workbook, as Excel lays them out. */
export function workbookParts(book: FixtureBook): Record<string, string> {
  const rels = book.sheets.map((_s, k) => relationship(`rId${k + 1}`, "worksheet", `worksheets/sheet${k + 1}.xml`));
  if (book.shared !== undefined) rels.push(relationship("rIdS", "sharedStrings", "sharedStrings.xml"));
  if (book.styles !== undefined) rels.push(relationship("rIdT", "styles", "styles.xml"));
  const parts: Record<string, string> = {
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL_NS}">${relationship("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${book.before ?? ""}<sheets>${book.sheets
      .map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL_NS}">${rels.join("")}</Relationships>`,
  };
  book.sheets.forEach((s, k) => {
    parts[`xl/worksheets/sheet${k + 1}.xml`] = sheetXml(s);
  });
  if (book.shared !== undefined) parts["xl/sharedStrings.xml"] = `<sst ${NS}>${book.shared}</sst>`;
  if (book.styles !== undefined) parts["xl/styles.xml"] = `<styleSheet ${NS}>${book.styles}</styleSheet>`;
  return parts;
}

export function sheetXml(s: FixtureSheet): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.head ?? ""}<sheetData>${s.data ?? ""}</sheetData>${s.tail ?? ""}</worksheet>`;
}

/** A workbook file of these parts, deflated. */
export const workbookFile = (book: FixtureBook): Buffer => zip(entries(workbookParts(book)));

/** Cell styles with these number format ids after an unformatted style 0, and the custom formats (id ≥ 164). */
export function styles(ids: number[], custom: Record<number, string> = {}): string {
  const formats = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
    .join("");
  return (
    (formats ? `<numFmts count="${Object.keys(custom).length}">${formats}</numFmts>` : "") +
    `<cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs>`
  );
}

/** Text as XML content or attribute value. */
export const xmlText = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A deflate stream that inflates to `prefix` followed by `count` MiB of spaces: byte-aligned flushed
 * segments, one compressed MiB repeated, so a 2 GB part costs 2 MB and no time to make.
 */
export function spacesBomb(prefix: string, count: number): Buffer {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix, "utf8"), flush);
  const mib = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush);
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([head, ...Array.from({ length: count }, () => mib), last]);
}
