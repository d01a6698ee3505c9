import fc from "fast-check";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CliError } from "../src/cli/exit-codes";
import { loadWorkbook } from "../src/cli/files";
import { snapshotFile, WorkbookSnapshot } from "../src/cli/read-files";
import { readXlsx } from "../src/cli/xlsx-reader";
import { XlsxWorkbook } from "../src/cli/xlsx-workbook";
import { columnLetter } from "../src/rules/cell";
import { tempDir, writeDistrict } from "./support/workbooks";

let dir: string;
let counter = 0;

beforeAll(() => (dir = tempDir("xlsx-reader")));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

/** The snapshot the exceljs path gives: what snapshotFile returned before the fast reader. */
async function viaExceljs(name: string): Promise<WorkbookSnapshot> {
  const workbook = new XlsxWorkbook(await loadWorkbook(name));
  const names = await workbook.sheetNames();
  const sheets = [];
  for (const n of names) sheets.push(await workbook.readSheet(n));
  return { names, active: await workbook.activeSheetName(), sheets };
}

const viaFastReader = (name: string): WorkbookSnapshot => readXlsx(fs.readFileSync(name));

/** The fast reader gives exactly the exceljs path's snapshot; returned for further checks. */
async function expectSameAsExceljs(name: string): Promise<WorkbookSnapshot> {
  const fast = viaFastReader(name);
  expect(fast).toStrictEqual(await viaExceljs(name));
  return fast;
}

function saved(bytes: Buffer): string {
  const name = file(`fixture-${++counter}.xlsx`);
  fs.writeFileSync(name, bytes);
  return name;
}

// ---------------------------------------------------------------------------------------------
// A test-only zip writer and workbook parts, for what exceljs does not write.

interface ZipOptions {
  /** Entries written stored (method 0) instead of deflated. */
  stored?: string[];
  /** Entries given this compression method in their headers (data stored as is). */
  methods?: Record<string, number>;
  /** End the archive with ZIP64 records (as a writer does for very large files). */
  zip64?: boolean;
}

function zip(files: Record<string, string>, options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = Object.keys(files);
  for (const name of names) {
    const data = Buffer.from(files[name], "utf8");
    const method = options.methods?.[name] ?? (options.stored?.includes(name) ? 0 : 8);
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(central);
  const zip64: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(names.length), 24);
    record.writeBigUInt64LE(BigInt(names.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    zip64.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : names.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : names.length, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directory, ...zip64, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS = `xmlns="${MAIN}" xmlns:r="${RELS}"`;

interface FixtureSheet {
  name: string;
  /** The inside of <sheetData>. */
  data?: string;
  /** Elements after sheetData (mergeCells, hyperlinks, sheetProtection). */
  tail?: string;
  /** The sheet's relationships part (hyperlink targets). */
  rels?: string;
}

interface FixtureBook {
  sheets: FixtureSheet[];
  /** The inside of <sst>. */
  shared?: string;
  /** The inside of <styleSheet>. */
  styles?: string;
  /** Elements of workbook.xml before <sheets> (workbookPr, bookViews). */
  before?: string;
}

const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/>`;

/** The parts of a minimal workbook, as Excel lays them out. */
function workbookParts(book: FixtureBook): Record<string, string> {
  const parts: Record<string, string> = {
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}">${relationship("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${book.before ?? ""}<sheets>${book.sheets
      .map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}">${book.sheets
      .map((_s, k) => relationship(`rId${k + 1}`, "worksheet", `worksheets/sheet${k + 1}.xml`))
      .join("")}</Relationships>`,
  };
  book.sheets.forEach((s, k) => {
    parts[`xl/worksheets/sheet${k + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.data ?? ""}</sheetData>${s.tail ?? ""}</worksheet>`;
    if (s.rels) parts[`xl/worksheets/_rels/sheet${k + 1}.xml.rels`] = s.rels;
  });
  if (book.shared !== undefined) parts["xl/sharedStrings.xml"] = `<sst ${NS}>${book.shared}</sst>`;
  if (book.styles !== undefined) parts["xl/styles.xml"] = `<styleSheet ${NS}>${book.styles}</styleSheet>`;
  return parts;
}

const fixture = (book: FixtureBook, options?: ZipOptions) => saved(zip(workbookParts(book), options));

/** Cell styles with these number format ids, after an unformatted style 0. */
const xfs = (...ids: number[]) =>
  `<cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs>`;

// ---------------------------------------------------------------------------------------------

describe("the fast .xlsx reader gives the exceljs path's snapshot", () => {
  test("the sample district workbook", async () => {
    const snapshot = await expectSameAsExceljs(path.join(__dirname, "..", "samples", "huyen-thanh-ba-2019.xlsx"));
    expect(snapshot.names).toEqual(["Tổng hợp KDC"]);
    expect(snapshot.sheets[0].values.length).toBeGreaterThan(100);
    expect(snapshot.sheets[0].merges?.length).toBeGreaterThan(0);
  });

  test("generated district workbooks of both layouts, 1–3 header rows, with and without sections and totals", async () => {
    const variants = [
      { layout: "indicators", headerRows: 2, sections: true, subtotals: true, incomeUnit: "dong" },
      { layout: "indicators", headerRows: 3, sections: false, merges: false, criterionStyle: "tc" },
      { layout: "indicators", headerRows: 2, titles: false, numbering: "plain", incomeUnit: "million" },
      { layout: "status", headerRows: 1, sections: true, subtotals: true },
      { layout: "status", headerRows: 2, criterionStyle: "words", numbering: "parenthesised" },
      { layout: "status", headerRows: 3, sections: false, merges: false, titles: false },
    ] as const;
    for (const [k, variant] of variants.entries()) {
      const name = file(`district-${k}.xlsx`);
      await writeDistrict(name, { ...variant, areas: 30, seed: 11 + k });
      const snapshot = await expectSameAsExceljs(name);
      expect(snapshot.sheets[0].values.length).toBeGreaterThan(30);
    }
    // The status layout says Đạt / Chưa đạt per criterion.
    const status = viaFastReader(file("district-3.xlsx")).sheets[0].values.flat();
    expect(status).toContain("Đạt");
    expect(status).toContain("Chưa đạt");
  });

  test("an exceljs workbook: dates, percentages, booleans, errors, formulas, rich text, hyperlinks, merges, hidden and protected sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").getCell("A1").value = "xem trang sau";
    wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("B2").value = 5;
    const ws = wb.addWorksheet("Tổng hợp");
    ws.getCell("A1").value = { richText: [{ text: "Huyện: " }, { text: "Thanh Ba", font: { bold: true } }] };
    ws.mergeCells("A2:C3");
    ws.getCell("A2").value = "1. Giao thông";
    ws.getCell("D4").value = new Date(Date.UTC(2019, 10, 15));
    ws.getCell("E4").value = new Date(Date.UTC(2019, 10, 15, 14, 30));
    ws.getCell("E4").numFmt = "dd/mm/yyyy hh:mm";
    ws.getCell("F4").value = 0.855;
    ws.getCell("F4").numFmt = "0.0%";
    ws.getCell("G4").value = true;
    ws.getCell("H4").value = false;
    ws.getCell("I4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("J4").value = { formula: "F4*100", result: 85.5 } as ExcelJS.CellFormulaValue;
    ws.getCell("K4").value = { formula: 'IF(F4>0.8,"Đạt","Chưa đạt")', result: "Đạt" } as ExcelJS.CellFormulaValue;
    ws.getCell("L4").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
    ws.getCell("M4").value = { formula: "F4-F4", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("N4").value = { text: "QĐ 2076", hyperlink: "https://example.org/qd" };
    ws.getCell("O4").value = 38500000;
    ws.getCell("O4").numFmt = '#,##0\\ "đ"';
    ws.getCell("A6").value = "Khu 7";
    ws.getRow(6).hidden = true;
    ws.getRow(8).hidden = true;
    const locked = wb.addWorksheet("Khóa");
    locked.getCell("A1").value = 1;
    await locked.protect("", {});
    wb.addWorksheet("Trống");
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: "visible" }];
    const name = file("features.xlsx");
    await wb.xlsx.writeFile(name);

    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.names).toEqual(["Ghi chú", "Ẩn", "Tổng hợp", "Khóa", "Trống"]);
    expect(snapshot.active).toBe("Tổng hợp");
    const [, hidden, sheet, protectedSheet, empty] = snapshot.sheets;
    expect(hidden.values).toEqual([
      [null, null],
      [null, 5],
    ]);
    expect(sheet.values[0][0]).toBe("Huyện: Thanh Ba");
    expect(sheet.values[1].slice(0, 3)).toEqual(["1. Giao thông", null, null]);
    expect(sheet.values[3].slice(3)).toEqual([
      "15/11/2019",
      "15/11/2019 14:30",
      0.855,
      true,
      false,
      "#DIV/0!",
      85.5,
      "Đạt",
      null,
      null,
      "QĐ 2076",
      38500000,
    ]);
    expect(sheet.numberFormats?.[3][5]).toBe("0.0%");
    expect(sheet.numberFormats?.[3][14]).toBe('#,##0 "đ"');
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 2 }]);
    expect(sheet.hiddenRows).toEqual([5]);
    expect(protectedSheet.protected).toBe(true);
    expect(sheet.protected).toBe(false);
    expect(empty.values).toEqual([]);
  });

  test("a 1904 workbook: dates counted from 1904, as exceljs converts them", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Ngày");
    ws.getCell("A1").value = new Date(Date.UTC(2019, 10, 15));
    ws.getCell("B1").value = 43784;
    const name = file("1904.xlsx");
    await wb.xlsx.writeFile(name);
    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.sheets[0].values).toEqual([["15/11/2019", 43784]]);
  });

  test("formulas as exceljs keeps them: a result of 0, false or an empty text reads as empty, shared formulas", async () => {
    const name = fixture({
      sheets: [
        {
          name: "Công thức",
          data:
            '<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>' +
            '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>2</f><v>2</v></c>' +
            '<c r="E1" t="str"><f>"x"</f><v>a &amp;amp; b</v></c><c r="F1" t="e"><f>NA()</f><v>#N/A</v></c>' +
            '<c r="G1"><f>SUM(A1:A2)</f></c><c r="H1" t="b"><f>TRUE</f><v>1</v></c></row>' +
            '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2</f><v>5</v></c>' +
            '<c r="B2"><f t="array" ref="B2"/><v>8</v></c>' +
            '<c r="C2" s="1"><f>TODAY()</f><v>43784</v></c><c r="D2" s="1" t="str"><f>"x"</f><v>abc</v></c>' +
            '<c r="E2" s="1" t="b"><f>FALSE</f><v>0</v></c><c r="F2"><f></f><v>9</v></c></row>' +
            '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>' +
            '<row r="4"><c r="A4"><f t="shared" si="7"/><v>7</v></c></row>',
        },
      ],
      styles: xfs(14),
    });
    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.sheets[0].values).toEqual([
      [null, null, null, 2, "a & b", "#N/A", null, true],
      [5, null, "15/11/2019", "", "30/12/1899", 9, null, null],
      [6, null, null, null, null, null, null, null],
    ]);
  });

  test("values, number formats and dates: built-in and custom formats, style 0, format codes with > and escapes", async () => {
    const builtIn = Array.from({ length: 50 }, (_v, k) => k);
    const name = fixture({
      sheets: [
        {
          name: "Định dạng",
          data:
            `<row r="1">${builtIn.map((k) => `<c r="${columnLetter(k)}1" s="${k + 1}"><v>43784.25</v></c>`).join("")}</row>` +
            '<row r="2"><c r="A2" s="0"><v>43784</v></c><c r="B2" s="51"><v>1234.5</v></c><c r="C2" s="52"><v>150</v></c>' +
            '<c r="D2" s="53"><v>0.5</v></c><c r="E2" s="54"><v>43784</v></c><c r="F2" s="99"><v>1</v></c>' +
            '<c r="G2" t="b"><v>0</v></c><c r="H2" t="e"><v>#REF!</v></c><c r="I2"><v>abc</v></c>' +
            '<c r="J2" t="str"><v>x &amp;lt; y</v></c><c r="K2" t="n"><v> 12 </v></c></row>',
        },
      ],
      styles:
        '<numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0\\ &quot;đ&quot;"/>' +
        '<numFmt numFmtId="165" formatCode="[>=100]0;0.0"/><numFmt numFmtId="166" formatCode="[Red]0%"/>' +
        '<numFmt numFmtId="167" formatCode="dd/mm/yyyy"/></numFmts>' +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        `<cellXfs><xf numFmtId="14"/>${builtIn.map((k) => `<xf numFmtId="${k}"/>`).join("")}` +
        '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/></cellXfs>' +
        '<dxfs count="1"><dxf><numFmt numFmtId="168" formatCode="yyyy"/></dxf></dxfs>',
    });
    const snapshot = await expectSameAsExceljs(name);
    const sheet = snapshot.sheets[0];
    expect(sheet.numberFormats?.[0].slice(0, 15)).toEqual([
      "General",
      "0",
      "0.00",
      "#,##0",
      "#,##0.00",
      "General",
      "General",
      "General",
      "General",
      "0%",
      "0.00%",
      "0.00E+00",
      "# ?/?",
      "# ??/??",
      "mm-dd-yy",
    ]);
    expect(sheet.values[0][14]).toBe("15/11/2019 06:00");
    expect(sheet.values[1].slice(0, 11)).toEqual([
      43784,
      1234.5,
      150,
      0.5,
      "15/11/2019",
      1,
      false,
      "#REF!",
      NaN,
      "x < y",
      12,
    ]);
    expect(sheet.numberFormats?.[1].slice(0, 5)).toEqual([
      "General",
      '#,##0 "đ"',
      "[>=100]0;0.0",
      "[Red]0%",
      "dd/mm/yyyy",
    ]);
  });

  test("hyperlinks: the link's text replaces the value, so a number or a date under a link reads as empty", async () => {
    const name = fixture({
      sheets: [
        {
          name: "Liên kết",
          data:
            '<row r="1"><c r="A1"><v>5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" s="1"><v>43784</v></c>' +
            '<c r="D1" t="str"><f>"x"</f><v>văn bản</v></c><c r="E1"><f>1+1</f><v>2</v></c><c r="F1"><v>7</v></c>' +
            '<c r="G1" t="e"><v>#N/A</v></c></row><row r="2" hidden="1"><c r="A2"/></row><row r="3"><c r="A3"><v>1</v></c></row>',
          tail:
            '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId1"/>' +
            '<hyperlink ref="D1" r:id="rId1"/><hyperlink ref="E1" r:id="rId1"/><hyperlink ref="F1" location="Sheet1!A1"/>' +
            '<hyperlink ref="G1" r:id="rId1"/><hyperlink ref="A2" r:id="rId1"/></hyperlinks>',
          rels: `<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`,
        },
      ],
      shared: "<si><t>QĐ 2076</t></si>",
      styles: xfs(14),
    });
    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.sheets[0].values).toEqual([
      [null, "QĐ 2076", null, "văn bản", null, 7],
      [null, null, null, null, null, null],
      [1, null, null, null, null, null],
    ]);
    // A hidden row holding only an empty linked cell still counts as visited.
    expect(snapshot.sheets[0].hiddenRows).toEqual([1]);
  });

  test("merges and hidden rows: only the top-left cell keeps its value; a hidden row counts when a cell or merge is in it", async () => {
    const name = fixture({
      sheets: [
        {
          name: "Gộp",
          data:
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1"><v>5</v></c></row>' +
            '<row r="2" hidden="1"><c r="A2" s="1"/><c r="C2"><v>6</v></c></row>' +
            '<row r="3" hidden="true"><c r="B3" s="1"/></row><row r="4" hidden="1"/>' +
            '<row r="5" hidden="1"><c r="A5"><f>X1</f></c></row><row r="6"><c r="F6"><v>9</v></c></row>' +
            '<row r="8" hidden="1"><c r="A8"><v>1</v></c></row><row r="9" hidden="1"><c r="A9" s="1"/></row>',
          tail: '<mergeCells count="4"><mergeCell ref="A1:B2"/><mergeCell ref="$C$1"/><mergeCell ref="E2:D1"/><mergeCell ref="G9:G20"/></mergeCells>',
        },
      ],
      styles: xfs(3),
    });
    const snapshot = await expectSameAsExceljs(name);
    const sheet = snapshot.sheets[0];
    expect(sheet.values.slice(0, 2)).toEqual([
      [1, null, 3, 4, null, null],
      [null, null, 6, null, null, null],
    ]);
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1, right: 4 },
      { top: 8, left: 6, bottom: 19, right: 6 },
    ]);
    expect(sheet.hiddenRows).toEqual([1, 4, 7]);
  });

  test("the workbook: active tab, chart sheets skipped, names decoded as exceljs does, 1904 dates", async () => {
    const parts = workbookParts({
      sheets: [
        { name: "Một", data: '<row r="1"><c r="A1" s="1"><v>0</v></c></row>' },
        { name: "Biểu đồ" },
        { name: "Hai &amp;amp; ba" },
      ],
      before:
        '<workbookPr date1904="1"/><bookViews><workbookView activeTab="1"/><workbookView activeTab="0"/></bookViews>',
      styles: xfs(14),
    });
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "worksheets/sheet2.xml",
      "chartsheets/sheet1.xml"
    );
    const snapshot = await expectSameAsExceljs(saved(zip(parts)));
    expect(snapshot.names).toEqual(["Một", "Hai & ba"]);
    expect(snapshot.active).toBe("Hai & ba");
    expect(snapshot.sheets[0].values).toEqual([["01/01/1904"]]);

    for (const [views, active] of [
      ["", undefined],
      ["<bookViews><workbookView/></bookViews>", undefined],
      ['<bookViews><workbookView activeTab="7"/></bookViews>', undefined],
      ['<bookViews><workbookView activeTab="0"/></bookViews>', "Một"],
    ]) {
      const book = fixture({ sheets: [{ name: "Một" }, { name: "Hai" }], before: views });
      expect((await expectSameAsExceljs(book)).active).toBe(active);
    }
  });

  test("inline strings, line ends and cells without r after one with r, as exceljs reads them", async () => {
    const name = fixture({
      sheets: [
        {
          name: "Chuỗi",
          data:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x_x000D_y &amp;amp;</t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><t>p_x000D_</t></r><r><rPr><b/></rPr><t>q</t></r></is></c>' +
            '<c r="C1" t="inlineStr"><is><t></t></is></c><c t="inlineStr"><is><t>a\r\nb\rc&#13;d</t></is></c>' +
            "<c><v>42</v></c></row>",
        },
      ],
    });
    const snapshot = await expectSameAsExceljs(name);
    // exceljs decodes _x000D_ in rich runs and shared strings only, not in a plain inline string; it
    // drops the empty C1 before placing the cells without r, which follow B1.
    expect(snapshot.sheets[0].values).toEqual([["x_x000D_y &amp;", "p\rq", "a\nb\nc\rd", 42]]);
  });
});

describe("what exceljs does not write, read with the values Excel shows", () => {
  test("shared strings: rich runs joined, phonetic runs left out, _x000D_ decoded, references in Vietnamese text", async () => {
    const name = fixture({
      sheets: [
        {
          name: "Chuỗi chung",
          data: `<row r="1">${[0, 1, 2, 3, 4, 5].map((k) => `<c r="${columnLetter(k)}1" t="s"><v>${k}</v></c>`).join("")}</row>`,
        },
      ],
      shared:
        '<si><r><t>Khu dân cư </t></r><r><rPr><b/></rPr><t xml:space="preserve">số 1</t></r><rPh sb="0" eb="3"><t>ふりがな</t></rPh></si>' +
        '<si><t>Đ&#x1EA1;t</t><rPh sb="0" eb="1"><t>PH</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si><t>Ch&#432;a &#x111;&#7841;t &amp; &lt;30% &quot;x&quot; &apos;y&apos;</t></si>" +
        "<si><t>dòng 1_x000D_\ndòng 2</t></si><si/><si><t/></si>",
    });
    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.sheets[0].values).toEqual([
      ["Khu dân cư số 1", "Đạt", "Chưa đạt & <30% \"x\" 'y'", "dòng 1\r\ndòng 2", null, ""],
    ]);
  });

  test("an absolute relationship target and a stored (uncompressed) entry", async () => {
    const parts = workbookParts({
      sheets: [{ name: "Trang", data: '<row r="2"><c r="B2" t="s"><v>0</v></c></row>' }],
      shared: "<si><t>Thôn Đồng</t></si>",
    });
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      'Target="worksheets/sheet1.xml"',
      'Target="/xl/worksheets/sheet1.xml"'
    );
    const name = saved(zip(parts, { stored: ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"] }));
    const snapshot = await expectSameAsExceljs(name);
    expect(snapshot.sheets[0].values).toEqual([
      [null, null],
      [null, "Thôn Đồng"],
    ]);
  });

  test("x:-prefixed elements, and rows and cells without r (exceljs refuses both files)", async () => {
    const prefixed = {
      "_rels/.rels": `<Relationships xmlns="${PACKAGE_RELS}">${relationship("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:bookViews><x:workbookView activeTab="0"/></x:bookViews><x:sheets><x:sheet name="Tiền tố" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PACKAGE_RELS}">${relationship("rId1", "worksheet", "worksheets/sheet1.xml")}</Relationships>`,
      "xl/worksheets/sheet1.xml":
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1" hidden="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>0.5</x:v></x:c></x:row>` +
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Khu 2</x:t></x:is></x:c></x:row></x:sheetData>' +
        '<x:mergeCells><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>',
      "xl/sharedStrings.xml": `<x:sst xmlns:x="${MAIN}"><x:si><x:t>Xã Tiên Kiên</x:t></x:si></x:sst>`,
      "xl/styles.xml": `<x:styleSheet xmlns:x="${MAIN}"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="9"/></x:cellXfs></x:styleSheet>`,
    };
    const withPrefix = saved(zip(prefixed));
    await expect(loadWorkbook(withPrefix)).rejects.toThrow(CliError);
    expect(viaFastReader(withPrefix)).toStrictEqual({
      names: ["Tiền tố"],
      active: "Tiền tố",
      sheets: [
        {
          name: "Tiền tố",
          values: [
            ["Xã Tiên Kiên", 0.5],
            ["Khu 2", null],
          ],
          numberFormats: [
            ["General", "0%"],
            ["General", "General"],
          ],
          merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
          hiddenRows: [0],
          protected: false,
        },
      ],
    });

    const withoutR = fixture({
      sheets: [
        {
          name: "Không r",
          data:
            '<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>ba</t></is></c></row>' +
            '<row r="5"><c r="C5"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
        },
      ],
    });
    await expect(loadWorkbook(withoutR)).rejects.toThrow(/Invalid row number/);
    expect(viaFastReader(withoutR).sheets[0].values).toEqual([
      [1, 2, null, null],
      ["ba", null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 5, 6],
      [7, null, null, null],
    ]);
  });

  test('where exceljs is wrong, the fast reader follows Excel: t="d" dates, date1904 and sheet="true", phonetic runs in inline strings', async () => {
    const name = fixture({
      sheets: [
        {
          name: "Khác",
          data:
            '<row r="1"><c r="A1" t="d" s="1"><v>2019-11-15T00:00:00Z</v></c><c r="B1" t="d"><v>2019-11-16</v></c>' +
            '<c r="C1" s="1"><v>1</v></c>' +
            '<c r="D1" t="inlineStr"><is><t>Khu</t><rPh sb="0" eb="1"><t>PH</t></rPh></is></c></row>',
          tail: '<sheetProtection sheet="true"/>',
        },
      ],
      before: '<workbookPr date1904="true"/>',
      styles: xfs(14),
    });
    const fast = viaFastReader(name).sheets[0];
    // Excel: an ISO date, a serial counted from 1904, no phonetic text, a protected sheet.
    expect(fast.values).toEqual([["15/11/2019", 42323, "02/01/1904", "Khu"]]);
    expect(fast.protected).toBe(true);
    // exceljs: the year taken as a serial number, 1900 dates, the cell with a phonetic run lost, not protected.
    const slow = (await viaExceljs(name)).sheets[0];
    expect(slow.values).toEqual([["11/07/1905", 2019, "31/12/1899"]]);
    expect(slow.protected).toBe(false);
  });
});

describe("snapshotFile: the fast reader first, exceljs for what it refuses, the same errors as before", () => {
  /** The error loadWorkbook gives, and the one snapshotFile gives, for the same file. */
  async function errors(name: string): Promise<[CliError, CliError]> {
    const before = await loadWorkbook(name).then(
      () => undefined,
      (e: unknown) => e
    );
    const now = await snapshotFile(name).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(before).toBeInstanceOf(CliError);
    expect(now).toBeInstanceOf(CliError);
    return [before as CliError, now as CliError];
  }

  test("a good workbook is read by the fast reader", async () => {
    const name = file("good.xlsx");
    await writeDistrict(name, { areas: 12, seed: 5 });
    expect(await snapshotFile(name)).toStrictEqual(viaFastReader(name));
  });

  test("a corrupt zip, a zip that is not a workbook, an entry compressed another way: the same CliError", async () => {
    const good = file("whole.xlsx");
    await writeDistrict(good, { areas: 12, seed: 6 });
    const bytes = fs.readFileSync(good);
    const cases = {
      "half.xlsx": bytes.subarray(0, Math.floor(bytes.length / 2)),
      "notes.xlsx": zip({ "ghi-chu.txt": "không phải sổ Excel" }),
      "bzip2.xlsx": zip(
        {
          ...workbookParts({ sheets: [{ name: "A", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }),
          "docProps/x.xml": "<x/>",
        },
        { methods: { "docProps/x.xml": 12 } }
      ),
    };
    const codes: string[] = [];
    for (const [label, content] of Object.entries(cases)) {
      const name = file(label);
      fs.writeFileSync(name, content);
      expect(() => readXlsx(content)).toThrow();
      const [before, now] = await errors(name);
      expect(now.exitCode).toBe(before.exitCode);
      expect(now.problems).toEqual(before.problems);
      codes.push(now.problems[0].code);
    }
    expect(codes).toEqual(["file-corrupt", "file-no-sheets", "file-corrupt"]);
  });

  test("the file-kind checks still come first: empty, password-protected or .xls, not a zip", async () => {
    const cases = {
      "rong.xlsx": Buffer.alloc(0),
      "mat-khau.xlsx": Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]),
      "so-lieu.csv": Buffer.from("TT,Khu dân cư\n1,Khu 1\n"),
    };
    const codes: string[] = [];
    for (const [label, content] of Object.entries(cases)) {
      const name = file(label);
      fs.writeFileSync(name, content);
      const [before, now] = await errors(name);
      expect(now.exitCode).toBe(3);
      expect(now.problems).toEqual(before.problems);
      codes.push(now.problems[0].code);
    }
    expect(codes).toEqual(["file-empty", "file-protected-or-xls", "file-not-xlsx"]);
    const [, missing] = await errors(file("khong-co.xlsx"));
    expect(missing.problems[0].code).toBe("file-missing");
  });

  test("a valid workbook the fast reader refuses (ZIP64 records, rows out of order) is read through exceljs", async () => {
    const book = {
      sheets: [
        { name: "Trang", data: '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="B1"><v>1</v></c></row>' },
      ],
    };
    const zip64 = saved(
      zip(workbookParts({ sheets: [{ name: "Lớn", data: '<row r="1"><c r="A1"><v>7</v></c></row>' }] }), {
        zip64: true,
      })
    );
    const unordered = fixture(book);
    for (const name of [zip64, unordered]) {
      expect(() => viaFastReader(name)).toThrow();
      expect(await snapshotFile(name)).toStrictEqual(await viaExceljs(name));
    }
    expect((await snapshotFile(zip64)).sheets[0].values).toEqual([[7]]);
    expect((await snapshotFile(unordered)).sheets[0].values).toEqual([
      [null, 1],
      [null, null],
      [3, null],
    ]);
  });
});

describe("random workbooks written by exceljs", () => {
  const text = fc.oneof(
    fc.constantFrom(
      "Đạt",
      "Chưa đạt",
      "Có",
      "x",
      "91,7%",
      "46,5 triệu",
      "#N/A",
      " Thôn  Hạ ",
      "A & B <c>",
      "_x000D_",
      "a\nb"
    ),
    fc.string({ maxLength: 12 })
  );
  const value = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    text,
    fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
    // Plain objects: fast-check's records have no prototype, which exceljs's writer does not expect.
    fc.record({ formula: fc.constant("1+1"), result: fc.oneof(fc.integer(), text) }).map((f) => ({ ...f })),
    fc
      .array(
        fc.record({ text }).map((run) => ({ ...run })),
        { minLength: 1, maxLength: 3 }
      )
      .map((richText) => ({ richText }))
  );
  const sheetArb = fc.record({
    rows: fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 8 }),
    formats: fc.array(fc.constantFrom(undefined, "0%", "0.0", "dd/mm/yyyy", "#,##0", "@"), { maxLength: 6 }),
    hidden: fc.array(fc.nat({ max: 9 }), { maxLength: 2 }),
    merge: fc.option(fc.record({ top: fc.nat({ max: 5 }), left: fc.nat({ max: 4 }) })),
  });

  test("give the same snapshot through the fast reader and through exceljs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), async (sheets) => {
        const wb = new ExcelJS.Workbook();
        sheets.forEach((s, k) => {
          const ws = wb.addWorksheet(`Trang ${k + 1}`);
          s.rows.forEach((row, r) =>
            row.forEach((v, c) => {
              const cell = ws.getCell(r + 1, c + 1);
              cell.value = v as ExcelJS.CellValue;
              const format = s.formats[c];
              if (format) cell.numFmt = format;
            })
          );
          for (const r of s.hidden) ws.getRow(r + 1).hidden = true;
          if (s.merge) ws.mergeCells(s.merge.top + 1, s.merge.left + 1, s.merge.top + 2, s.merge.left + 2);
        });
        const name = saved(Buffer.from(await wb.xlsx.writeBuffer()));
        expect(viaFastReader(name)).toStrictEqual(await viaExceljs(name));
      }),
      { numRuns: 60, seed: 2076 }
    );
  });
});
