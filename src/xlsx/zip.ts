import * as CRC32 from "crc-32";
import { Inflate } from "fflate";
import { XLSX_LIMITS, XlsxLimits } from "./limits";
import { corrupt, count, tooLarge, XlsxReadError } from "./read-error";

/** One entry of the zip directory, checked against its local header. */
interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's data starts, after its local header. */
  dataStart: number;
  /** Where the entry ends, its data descriptor included. */
  end: number;
}

const SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
  descriptor: 0x08074b50,
} as const;

/** A ZIP64 field: the 32-bit one is saturated and the value is in the entry's ZIP64 extra field. */
const SATURATED = 0xffffffff;

/** Compressed bytes handed to the inflater at a time: its output per step stays under ~33 MB, bombs included. */
const DEFLATED_STEP = 32 * 1024;
/** Stored bytes handed on at a time. */
const STORED_STEP = 64 * 1024;

/** Part names are compared without case (OPC); a leading "/" is the package root. */
const partKey = (name: string): string => name.replace(/^\/+/, "").toLowerCase();

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/**
 * The zip container of an .xlsx: its directory read and checked whole before any part is inflated
 * (entries within the file, none overlapping another or the directory, local headers agreeing with
 * the directory), then one part at a time inflated as a stream, within the caps, to its stated size and
 * CRC-32. Stored and deflated entries; ZIP64 records are read (their values must fit the file).
 */
export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly view: DataView;
  private readonly names = new TextDecoder("utf-8");
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: XlsxLimits = XLSX_LIMITS
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { entryCount, directoryStart, directoryEnd } = this.readEnd();
    if (entryCount > limits.entries) {
      const n = count(entryCount);
      const max = count(limits.entries);
      throw tooLarge(
        "",
        `Tệp nén có ${n.vi} mục, vượt giới hạn ${max.vi} mục: đây không phải sổ làm việc Excel thông thường.`,
        `The zip holds ${n.en} entries, over the limit of ${max.en}: this is not an ordinary Excel workbook.`
      );
    }
    const list = this.readDirectory(entryCount, directoryStart, directoryEnd);
    for (const entry of list) this.readLocalHeader(entry, directoryStart);
    // Sorted by position, each entry must end before the next begins: no two directory entries share
    // data, and none lies about where it ends.
    const byOffset = list.slice().sort((a, b) => a.localOffset - b.localOffset);
    for (let k = 1; k < byOffset.length; k++) {
      const [a, b] = [byOffset[k - 1], byOffset[k]];
      if (a.end > b.localOffset) {
        throw corrupt(
          b.name,
          `hai mục của tệp nén (${a.name} và ${b.name}) dùng chung một vùng dữ liệu.`,
          `two zip entries (${a.name} and ${b.name}) share the same data.`
        );
      }
    }
  }

  /** Whether the archive holds this part. */
  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** Refuse before inflating any of them when one of the parts to read, or all together, state more than the caps. */
  checkSizes(parts: string[]): void {
    let total = this.inflated;
    for (const name of parts) {
      const entry = this.entries.get(partKey(name));
      if (!entry) continue;
      this.checkPartSize(entry);
      total += entry.size;
    }
    if (total > this.limits.totalBytes) throw this.overTotal(parts[parts.length - 1] ?? "");
  }

  /**
   * Inflate one part, handing its bytes to `sink` as they come. Refused before any work when the
   * directory states a size over the caps; refused as soon as the data grows past the size stated;
   * refused at the end when the size or the CRC-32 differs.
   */
  read(name: string, sink: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(partKey(name));
    if (!entry) throw corrupt(name, `thiếu phần ${name}.`, `the part ${name} is missing.`);
    if (entry.flags & 1) {
      throw corrupt(
        name,
        `phần ${name} được mã hóa kiểu zip (Excel đặt mật khẩu theo cách khác).`,
        `the part ${name} is zip-encrypted (Excel protects files another way).`
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw corrupt(
        name,
        `phần ${name} được nén theo cách Excel không dùng (phương thức ${entry.method}).`,
        `the part ${name} is compressed in a way Excel does not use (method ${entry.method}).`
      );
    }
    this.checkPartSize(entry);
    if (this.inflated + entry.size > this.limits.totalBytes) throw this.overTotal(name);
    let produced = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > entry.size) {
        throw corrupt(
          name,
          `phần ${name} dài hơn kích thước ghi trong danh mục (${count(entry.size).vi} byte).`,
          `the part ${name} is longer than the directory says (${count(entry.size).en} bytes).`
        );
      }
      crc = CRC32.buf(chunk, crc);
      sink(chunk);
    };
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += STORED_STEP) take(data.subarray(i, i + STORED_STEP));
    } else {
      const inflater = new Inflate((chunk) => {
        if (chunk.length > 0) take(chunk);
      });
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let i = 0; i < data.length; i += DEFLATED_STEP) {
          inflater.push(data.subarray(i, i + DEFLATED_STEP), i + DEFLATED_STEP >= data.length);
        }
      } catch (e) {
        if (e instanceof XlsxReadError) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        throw corrupt(
          name,
          `dữ liệu nén của ${name} hỏng (${reason}).`,
          `the compressed data of ${name} is damaged (${reason}).`
        );
      }
    }
    if (produced !== entry.size) {
      throw corrupt(
        name,
        `phần ${name} ngắn hơn kích thước ghi trong danh mục (${count(produced).vi} thay vì ${count(entry.size).vi} byte).`,
        `the part ${name} is shorter than the directory says (${count(produced).en} instead of ${count(entry.size).en} bytes).`
      );
    }
    if (crc >>> 0 !== entry.crc) {
      throw corrupt(
        name,
        `dữ liệu của phần ${name} không khớp mã kiểm tra CRC (một phần tệp đã bị thay đổi hoặc hỏng).`,
        `the data of ${name} does not match its CRC checksum (part of the file was altered or damaged).`
      );
    }
    this.inflated += produced;
  }

  private checkPartSize(entry: Entry): void {
    if (entry.size <= this.limits.partBytes) return;
    const { name } = entry;
    throw tooLarge(
      name,
      `Phần ${name} khi giải nén là ${mb(entry.size)} MB, vượt giới hạn ${mb(this.limits.partBytes)} MB của một phần.`,
      `The part ${name} inflates to ${mb(entry.size)} MB, over the limit of ${mb(this.limits.partBytes)} MB per part.`
    );
  }

  private overTotal(name: string): XlsxReadError {
    return tooLarge(
      name,
      `Các phần của sổ làm việc khi giải nén vượt giới hạn ${mb(this.limits.totalBytes)} MB.`,
      `The workbook's parts inflate to more than the limit of ${mb(this.limits.totalBytes)} MB.`
    );
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** A 64-bit field (ZIP64) as a number; refused when it cannot be a position or size in this file. */
  private u64(at: number): number {
    const high = this.u32(at + 4);
    if (high >= 0x200000)
      throw corrupt("", "một trường ZIP64 vượt mọi kích thước hợp lệ.", "a ZIP64 field is beyond any valid size.");
    return high * 2 ** 32 + this.u32(at);
  }

  private outOfBounds(): XlsxReadError {
    return corrupt(
      "",
      "danh mục của tệp nén trỏ ra ngoài tệp (tệp bị cắt cụt?).",
      "the zip directory points outside the file (a truncated file?)."
    );
  }

  /** The end-of-directory record (the last one whose comment runs exactly to the end of the file), with ZIP64. */
  private readEnd(): { entryCount: number; directoryStart: number; directoryEnd: number } {
    const length = this.bytes.length;
    let end = -1;
    for (let i = length - 22; i >= 0 && i >= length - 22 - 0xffff; i--) {
      if (this.u32(i) === SIGNATURE.end && i + 22 + this.u16(i + 20) === length) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw corrupt(
        "",
        "không tìm thấy danh mục của tệp nén (tệp bị cắt cụt?).",
        "the zip directory is missing (a truncated file?)."
      );
    }
    let entryCount = this.u16(end + 10);
    let size = this.u32(end + 12);
    let start = this.u32(end + 16);
    let limit = end;
    const multiDisk = this.u16(end + 4) !== 0 || this.u16(end + 6) !== 0;
    if (end >= 20 && this.u32(end - 20) === SIGNATURE.locator64) {
      const record = this.u64(end - 12);
      if (record + 56 > end - 20 || this.u32(record) !== SIGNATURE.end64) throw this.outOfBounds();
      if (this.u32(record + 16) !== 0 || this.u32(record + 20) !== 0) throw this.multiDisk();
      entryCount = this.u64(record + 32);
      size = this.u64(record + 40);
      start = this.u64(record + 48);
      limit = record;
    } else if (multiDisk) throw this.multiDisk();
    if (start + size > limit) throw this.outOfBounds();
    return { entryCount, directoryStart: start, directoryEnd: start + size };
  }

  private multiDisk(): XlsxReadError {
    return corrupt("", "tệp nén chia thành nhiều phần (nhiều đĩa).", "the zip is split over several disks.");
  }

  private readDirectory(entryCount: number, start: number, end: number): Entry[] {
    const list: Entry[] = [];
    let p = start;
    for (let k = 0; k < entryCount; k++) {
      if (p + 46 > end || this.u32(p) !== SIGNATURE.central) {
        throw corrupt("", "danh mục của tệp nén bị hỏng.", "the zip directory is damaged.");
      }
      const nameLength = this.u16(p + 28);
      const extraLength = this.u16(p + 30);
      const next = p + 46 + nameLength + extraLength + this.u16(p + 32);
      if (next > end) throw corrupt("", "danh mục của tệp nén bị hỏng.", "the zip directory is damaged.");
      const name = this.names.decode(this.bytes.subarray(p + 46, p + 46 + nameLength));
      const entry: Entry = {
        name,
        flags: this.u16(p + 8),
        method: this.u16(p + 10),
        crc: this.u32(p + 16),
        compressedSize: this.u32(p + 20),
        size: this.u32(p + 24),
        localOffset: this.u32(p + 42),
        dataStart: 0,
        end: 0,
      };
      this.readZip64Extra(entry, p + 46 + nameLength, extraLength);
      const key = partKey(name);
      if (this.entries.has(key)) {
        throw corrupt(name, `tệp nén có hai mục cùng tên ${name}.`, `the zip has two entries named ${name}.`);
      }
      this.entries.set(key, entry);
      list.push(entry);
      p = next;
    }
    return list;
  }

  /** The ZIP64 extra field holds, in order, each of size, compressed size and offset saturated in the entry. */
  private readZip64Extra(entry: Entry, start: number, length: number): void {
    const wanted = [entry.size, entry.compressedSize, entry.localOffset].filter((v) => v === SATURATED).length;
    if (wanted === 0) return;
    for (let p = start; p + 4 <= start + length;) {
      const id = this.u16(p);
      const size = this.u16(p + 2);
      if (id === 0x0001) {
        if (size < wanted * 8 || p + 4 + size > start + length) break;
        let q = p + 4;
        if (entry.size === SATURATED) ((entry.size = this.u64(q)), (q += 8));
        if (entry.compressedSize === SATURATED) ((entry.compressedSize = this.u64(q)), (q += 8));
        if (entry.localOffset === SATURATED) entry.localOffset = this.u64(q);
        return;
      }
      p += 4 + size;
    }
    throw corrupt(
      entry.name,
      `mục ${entry.name} thiếu trường ZIP64.`,
      `the entry ${entry.name} lacks its ZIP64 field.`
    );
  }

  /** The local header must be where the directory says, with the same name and (unless deferred) sizes and CRC. */
  private readLocalHeader(entry: Entry, directoryStart: number): void {
    const p = entry.localOffset;
    const lying = () =>
      corrupt(
        entry.name,
        `mục ${entry.name} của tệp nén không khớp với danh mục.`,
        `the zip entry ${entry.name} does not match the directory.`
      );
    if (p + 30 > directoryStart || this.u32(p) !== SIGNATURE.local) throw lying();
    const nameLength = this.u16(p + 26);
    const dataStart = p + 30 + nameLength + this.u16(p + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > directoryStart) throw lying();
    const name = this.names.decode(this.bytes.subarray(p + 30, p + 30 + nameLength));
    if (name !== entry.name) throw lying();
    let end = dataEnd;
    if (this.u16(p + 6) & 8) {
      // Sizes and CRC follow the data, in a descriptor (its signature is optional).
      end += this.u32(dataEnd) === SIGNATURE.descriptor ? 16 : 12;
    } else {
      const agrees = (local: number, central: number) => local === central || local === SATURATED;
      if (
        this.u32(p + 14) !== entry.crc ||
        !agrees(this.u32(p + 18), entry.compressedSize) ||
        !agrees(this.u32(p + 22), entry.size)
      ) {
        throw lying();
      }
    }
    entry.dataStart = dataStart;
    entry.end = Math.min(end, directoryStart);
  }
}
