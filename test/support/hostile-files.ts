import * as zlib from "zlib";
import { columnLetter } from "../../src/rules/reading/cell";
import {
  directoryRecord,
  endRecord,
  entries,
  localRecord,
  sheetXml,
  spacesBomb,
  workbookParts,
  zip,
  ZipEntry,
} from "./xlsx-files";

/**
 * Crafted .xlsx files a reader must refuse quickly and in little memory, each with the refusal it must
 * give (problem code, both messages). Made by the tests and the bench themselves; none is stored.
 */
export interface HostileFile {
  label: string;
  bytes: () => Buffer;
  code: string;
  vi: RegExp;
  en: RegExp;
}

const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_HEAD = sheetXml({ name: "" }).replace("</sheetData></worksheet>", "");

/** A one-sheet workbook whose sheet part is replaced by `sheet` (other parts as usual). */
function withSheet(sheet: ZipEntry, extra: Record<string, string> = {}): Buffer {
  const parts = workbookParts({ sheets: [{ name: "Tổng hợp", data: "" }] });
  const list = entries({ ...parts, ...extra }).map((e) => (e.name === SHEET ? sheet : e));
  return zip(list);
}

/** The sheet part inflating to 2 GB of spaces after its opening tags, from 2 MB. */
function bombEntry(statedSize?: number): ZipEntry {
  const compressed = spacesBomb(SHEET_HEAD, 2048);
  return {
    name: SHEET,
    data: Buffer.alloc(0),
    compressed,
    size: statedSize ?? Buffer.byteLength(SHEET_HEAD) + 2048 * 1024 * 1024,
    crc: 0,
  };
}

/** A workbook whose one shared string is `mb` MiB of "a" (a few tens of KB compressed). */
function sharedStringOf(mb: number): Buffer {
  const parts = workbookParts({
    sheets: [{ name: "Tổng hợp", data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
    shared: "",
  });
  parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
    "</sst>",
    `<si><t>${"a".repeat(mb * 1024 * 1024)}</t></si></sst>`
  );
  return zip(entries(parts));
}

/** One row per line of text: a sheet of `rows` rows of two numbers. */
const rowsXml = (rows: number) =>
  Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");

export const HOSTILE_FILES: HostileFile[] = [
  {
    label: "zip bomb: a 2 MB file whose sheet inflates to 2 GB, size stated",
    bytes: () => withSheet(bombEntry()),
    code: "file-too-large",
    vi: /khi giải nén là 2048\.0 MB, vượt giới hạn 48\.0 MB của một phần/,
    en: /inflates to 2048\.0 MB, over the limit of 48\.0 MB per part/,
  },
  {
    label: "zip bomb: the same sheet stating 1 MB",
    bytes: () => withSheet(bombEntry(1024 * 1024)),
    code: "file-corrupt",
    vi: /dài hơn kích thước ghi trong danh mục/,
    en: /is longer than the directory says \(1,048,576 bytes\)/,
  },
  {
    label: "four sheets of 30 MB each: over the 96 MB for all parts",
    bytes: () => {
      const parts = workbookParts({ sheets: [1, 2, 3, 4].map((k) => ({ name: `Trang ${k}` })) });
      const list = entries(parts).map((e) =>
        /worksheets\/sheet\d\.xml$/.test(e.name)
          ? {
              ...e,
              compressed: spacesBomb(SHEET_HEAD, 30),
              size: Buffer.byteLength(SHEET_HEAD) + 30 * 1024 * 1024,
              crc: 0,
            }
          : e
      );
      return zip(list);
    },
    code: "file-too-large",
    vi: /vượt giới hạn 96\.0 MB/,
    en: /more than the limit of 96\.0 MB/,
  },
  {
    label: "one part shared by 100 directory entries",
    bytes: () => {
      const parts = entries(workbookParts({ sheets: [{ name: "Tổng hợp", data: rowsXml(3) }] }));
      const locals: Buffer[] = [];
      const directory: Buffer[] = [];
      let offset = 0;
      let sheetOffset = 0;
      for (const e of parts) {
        if (e.name === SHEET) sheetOffset = offset;
        const local = localRecord(e);
        directory.push(directoryRecord(e, offset));
        locals.push(local);
        offset += local.length;
      }
      const sheet = parts.find((e) => e.name === SHEET)!;
      for (let k = 2; k <= 100; k++)
        directory.push(directoryRecord({ ...sheet, name: `xl/worksheets/sheet${k}.xml` }, sheetOffset));
      const dir = Buffer.concat(directory);
      return Buffer.concat([...locals, dir, endRecord(parts.length + 99, dir.length, offset)]);
    },
    code: "file-corrupt",
    vi: /không khớp với danh mục/,
    en: /the zip entry xl\/worksheets\/sheet2\.xml does not match the directory/,
  },
  {
    label: "overlapping entries: one entry's data holds another whole entry",
    bytes: () => {
      const parts = entries(workbookParts({ sheets: [{ name: "Tổng hợp", data: rowsXml(3) }] }), 0);
      const inner = parts.find((e) => e.name === SHEET)!;
      const innerLocal = localRecord(inner);
      const outer: ZipEntry = { name: "xl/media/image1.png", data: innerLocal, method: 0 };
      const others = parts.filter((e) => e !== inner);
      const locals: Buffer[] = [];
      const directory: Buffer[] = [];
      let offset = 0;
      for (const e of [outer, ...others]) {
        const local = localRecord(e);
        directory.push(directoryRecord(e, offset));
        if (e === outer) directory.push(directoryRecord(inner, offset + 30 + Buffer.byteLength(outer.name)));
        locals.push(local);
        offset += local.length;
      }
      const dir = Buffer.concat(directory);
      return Buffer.concat([...locals, dir, endRecord(parts.length + 1, dir.length, offset)]);
    },
    code: "file-corrupt",
    vi: /dùng chung một vùng dữ liệu/,
    en: /two zip entries \(xl\/media\/image1\.png and xl\/worksheets\/sheet1\.xml\) share the same data/,
  },
  {
    label: "an entry whose data is shorter than stated",
    bytes: () => {
      const data = Buffer.from(sheetXml({ name: "", data: rowsXml(3) }));
      return withSheet({ name: SHEET, data, size: data.length + 100 });
    },
    code: "file-corrupt",
    vi: /ngắn hơn kích thước ghi trong danh mục/,
    en: /is shorter than the directory says/,
  },
  {
    label: "a byte changed inside a sheet (CRC mismatch): 92 became 12",
    bytes: () => {
      const data = Buffer.from(sheetXml({ name: "", data: '<row r="1"><c r="A1"><v>92</v></c></row>' }));
      const crc = zlib.crc32(data);
      return withSheet({ name: SHEET, data: Buffer.from(data.toString().replace("<v>92<", "<v>12<")), crc, method: 0 });
    },
    code: "file-corrupt",
    vi: /không khớp mã kiểm tra CRC/,
    en: /does not match its CRC checksum/,
  },
  {
    label: "10,001 zip entries",
    bytes: () => {
      const parts = entries(workbookParts({ sheets: [{ name: "Tổng hợp", data: rowsXml(1) }] }));
      const padding = Array.from({ length: 10_001 - parts.length }, (_, k) => ({
        name: `x/${k}`,
        data: Buffer.alloc(0),
        method: 0,
      }));
      return zip([...parts, ...padding]);
    },
    code: "file-too-large",
    vi: /có 10\.001 mục, vượt giới hạn 10\.000 mục/,
    en: /holds 10,001 entries, over the limit of 10,000/,
  },
  {
    label: "500,000 merged ranges in a 2 MB file",
    bytes: () => {
      const merges = Array.from({ length: 500_000 }, (_, r) => `<mergeCell ref="A${r + 1}:B${r + 1}"/>`).join("");
      return withSheet({
        name: SHEET,
        data: Buffer.from(
          sheetXml({ name: "", data: rowsXml(1), tail: `<mergeCells count="500000">${merges}</mergeCells>` })
        ),
      });
    },
    code: "file-too-large",
    vi: /Sổ làm việc có hơn 100\.000 vùng gộp ô \(đến trang "Tổng hợp"\)/,
    en: /The workbook has more than 100,000 merged ranges/,
  },
  {
    label: "one merged range over the whole sheet",
    bytes: () =>
      withSheet({
        name: SHEET,
        data: Buffer.from(
          sheetXml({ name: "", data: rowsXml(1), tail: '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>' })
        ),
      }),
    code: "file-too-large",
    vi: /Các vùng gộp ô của sổ làm việc phủ hơn 10\.000\.000 ô \(đến A1:XFD1048576/,
    en: /cover more than 10,000,000 cells/,
  },
  {
    label: "a 50 MB shared string",
    bytes: () => sharedStringOf(50),
    code: "file-too-large",
    vi: /Phần xl\/sharedStrings\.xml khi giải nén là 50\.0 MB, vượt giới hạn 48\.0 MB của một phần/,
    en: /The part xl\/sharedStrings\.xml inflates to 50\.0 MB, over the limit of 48\.0 MB per part/,
  },
  {
    label: "a 40 MB shared string",
    bytes: () => sharedStringOf(40),
    code: "file-too-large",
    vi: /Chuỗi dùng chung thứ 1 dài hơn 32\.767 ký tự/,
    en: /Shared string #1 is longer than 32,767 characters/,
  },
  {
    label: "a 40 MB inline string in a cell",
    bytes: () =>
      withSheet({
        name: SHEET,
        data: Buffer.from(
          sheetXml({
            name: "",
            data: `<row r="7"><c r="D7" t="inlineStr"><is><t>${"a".repeat(40 * 1024 * 1024)}</t></is></c></row>`,
          })
        ),
      }),
    code: "file-too-large",
    vi: /Ô D7 có hơn 32\.767 ký tự/,
    en: /The cell D7 holds more than 32,767 characters/,
  },
  {
    label: "1,000,001 shared strings",
    bytes: () => {
      const parts = workbookParts({ sheets: [{ name: "Tổng hợp", data: rowsXml(1) }], shared: "" });
      parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
        "</sst>",
        `${"<si/>".repeat(1_000_001)}</sst>`
      );
      return zip(entries(parts));
    },
    code: "file-too-large",
    vi: /có hơn 1\.000\.000 chuỗi/,
    en: /holds more than 1,000,000 strings/,
  },
  {
    label: "a stray cell at XFD1 beside 10,000 rows: a used range of 164 million cells",
    bytes: () =>
      withSheet({
        name: SHEET,
        data: Buffer.from(
          sheetXml({
            name: "",
            data: `<row r="1"><c r="XFD1"><v>1</v></c></row>${rowsXml(10_000).replace('<row r="1"><c r="A1"><v>0</v></c></row>', "")}`,
          })
        ),
      }),
    code: "file-too-large",
    vi: /Vùng đã dùng của trang "Tổng hợp" là A1:XFD10000 \(163\.850\.000 ô cho các dòng, giới hạn/,
    en: /are XFD1 and A10000 stray cells far from the table/,
  },
  {
    label: "ten sheets of 19.7 million table cells each (1,200 rows from A to XFD)",
    bytes: () => {
      const rows = Array.from(
        { length: 1200 },
        (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`
      ).join("");
      return zip(
        entries(
          workbookParts({ sheets: Array.from({ length: 10 }, (_, k) => ({ name: `Trang ${k + 1}`, data: rows })) })
        )
      );
    },
    code: "file-too-large",
    vi: /Vùng đã dùng của trang "Trang 2" là A1:XFD1200 \(19\.662\.000 ô cho các dòng cùng các trang trước, giới hạn 20\.000\.000\)/,
    en: /19,662,000 cells for its rows with the sheets before it, limit 20,000,000/,
  },
  {
    label: "2,000 sheets, each with one cell on row 1,048,576",
    bytes: () =>
      zip(
        entries(
          workbookParts({
            sheets: Array.from({ length: 2000 }, (_, k) => ({
              name: `T${k + 1}`,
              data: '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
            })),
          })
        )
      ),
    code: "file-too-large",
    vi: /Vùng đã dùng của trang "T20" là A1:A1048576 \(1\.048\.577 ô cho các dòng cùng các trang trước/,
    en: /cells for its rows with the sheets before it, limit 20,000,000/,
  },
  {
    label: "a billion-laughs entity declaration",
    bytes: () => {
      const laughs = `<!DOCTYPE worksheet [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${columnLetter(k + 1).toLowerCase()} "${`&${columnLetter(k).toLowerCase()};`.repeat(10)}">`).join("")}]>`;
      const xml = sheetXml({ name: "", data: '<row r="1"><c r="A1" t="str"><v>&j;</v></c></row>' }).replace(
        "?>",
        `?>${laughs}`
      );
      return withSheet({ name: SHEET, data: Buffer.from(xml) });
    },
    code: "file-corrupt",
    vi: /có khai báo DOCTYPE/,
    en: /has a DOCTYPE, which Excel never writes/,
  },
];
