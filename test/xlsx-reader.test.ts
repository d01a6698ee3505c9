import ExcelJS from "exceljs";
import * as path from "path";
import * as fs from "fs";
import { columnLetter } from "../src/rules/reading/cell";
import { readXlsx, WorkbookSnapshot } from "../src/xlsx/read-workbook";
import { XlsxReadError } from "../src/xlsx/read-error";
import {
  entries,
  FixtureBook,
  MAIN_NS,
  PACKAGE_REL_NS,
  REL_NS,
  relationship,
  styles,
  workbookFile,
  workbookParts,
  zip,
} from "./support/xlsx-files";

/**
 * The one .xlsx reader: a cell reads as what Excel saved and Office.js `Range.values` gives (a formula's
 * cached result, "" for nothing, errors as text, dates as serial numbers with their format), and a file
 * it cannot read with certainty is refused naming what was seen.
 */

const read = (bytes: Buffer, fileName?: string): WorkbookSnapshot => readXlsx(new Uint8Array(bytes), { fileName });
const sheet = (book: FixtureBook, k = 0) => read(workbookFile(book)).sheets[k];

/** The refusal a file gets: its code, where, and both messages. */
function refusal(bytes: Buffer, fileName?: string): { code: string; where: string; vi: string; en: string } {
  try {
    read(bytes, fileName);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { code: e.problem.code, where: e.problem.where, ...e.problem.message };
  }
  throw new Error("the file was read");
}

const cells = (row: number, xml: string[]) =>
  `<row r="${row}">${xml.map((c, k) => c.replace("<c", `<c r="${columnLetter(k)}${row}"`)).join("")}</row>`;

describe("values as Excel saved them", () => {
  test("formulas: the cached result whatever it is (0, FALSE, empty text, errors, text), shared and array formulas", () => {
    const s = sheet({
      sheets: [
        {
          name: "Công thức",
          data:
            cells(1, [
              "<c><f>D6-D6</f><v>0</v></c>",
              '<c t="b"><f>1=2</f><v>0</v></c>',
              '<c t="str"><f>IF(A1=0,"","x")</f><v></v></c>',
              '<c t="e"><f>1/0</f><v>#DIV/0!</v></c>',
              '<c t="str"><f>IF(A1=0,"Đạt","Chưa đạt")</f><v>Đạt</v></c>',
              '<c t="b"><f>TRUE</f><v>1</v></c>',
              '<c t="str"><f>""</f><v/></c>',
              '<c t="e"><f>VLOOKUP(A1,X:Y,2,0)</f><v>#N/A</v></c>',
            ]) +
            cells(2, [
              '<c><f t="shared" ref="A2:A4" si="0">ROUND(B2/C2*100,2)</f><v>91.67</v></c>',
              '<c><f t="array" ref="B2:B3">C2:C3*2</f><v>8</v></c>',
              '<c s="1"><f>TODAY()</f><v>43784</v></c>',
            ]) +
            cells(3, ['<c><f t="shared" si="0"/><v>0</v></c>', "<c><v>9</v></c>"]),
        },
      ],
      styles: styles([14]),
    });
    expect(s.values).toEqual([
      [0, false, "", "#DIV/0!", "Đạt", true, "", "#N/A"],
      [91.67, 8, 43784, "", "", "", "", ""],
      [0, 9, "", "", "", "", "", ""],
    ]);
    expect(s.numberFormats?.[1][2]).toBe("m/d/yyyy");
    expect(s.formulasWithoutResult).toBeUndefined();
  });

  test("a formula with no saved result reads as blank and is listed, shared children included", () => {
    const s = sheet({
      sheets: [
        {
          name: "Chưa tính",
          data:
            cells(1, ["<c><v>5</v></c>", "<c><f>A1*2</f></c>", '<c t="str"><f>"x"</f></c>']) +
            cells(2, ['<c><f t="shared" ref="A2:A3" si="1">A1</f></c>', '<c t="b"><f>A1&gt;1</f><v></v></c>']) +
            cells(3, ['<c><f t="shared" si="1"/></c>']),
        },
      ],
    });
    expect(s.values).toEqual([
      [5, "", ""],
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(s.formulasWithoutResult).toEqual(["B1", "C1", "A2", "B2", "A3"]);
  });

  test("strings: shared, inline, rich runs joined, phonetic runs left out, CDATA, references, OOXML escapes", () => {
    const s = sheet({
      sheets: [
        {
          name: "Chuỗi",
          data:
            cells(
              1,
              [0, 1, 2, 3, 4, 5, 6].map((k) => `<c t="s"><v>${k}</v></c>`)
            ) +
            cells(2, [
              '<c t="inlineStr"><is><t>Khu 2</t></is></c>',
              '<c t="inlineStr"><is><r><t>Thôn </t></r><r><rPr><b/></rPr><t xml:space="preserve">Hạ</t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c>',
              '<c t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c>',
              '<c t="str"><f>"x"</f><v>dòng 1_x000D_dòng 2</v></c>',
              "<c><v><![CDATA[92]]></v></c>",
            ]),
        },
      ],
      shared:
        '<si><r><t>Khu dân cư </t></r><r><rPr><b/></rPr><t xml:space="preserve">số 1</t></r><rPh sb="0" eb="3"><t>ふりがな</t></rPh></si>' +
        '<si><t>Đ&#x1EA1;t</t><phoneticPr fontId="1"/></si>' +
        "<si><t>Ch&#432;a &#x111;&#7841;t &amp; &lt;30% &quot;x&quot; &apos;y&apos;</t></si>" +
        "<si><t>dòng 1_x000D_\r\ndòng 2</t></si>" +
        "<si><t>_x005F_x000D_ là chữ</t></si>" +
        "<si/>" +
        "<si><t><![CDATA[Xã <Tiên> Kiên]]></t></si>",
    });
    expect(s.values).toEqual([
      [
        "Khu dân cư số 1",
        "Đạt",
        "Chưa đạt & <30% \"x\" 'y'",
        "dòng 1\r\ndòng 2",
        "_x000D_ là chữ",
        "",
        "Xã <Tiên> Kiên",
      ],
      ["Khu 2", "Thôn Hạ", "a <b> & c", "dòng 1\rdòng 2", 92, "", ""],
    ]);
  });

  test("a character XML cannot carry, written as an escape, is read as Excel keeps it", () => {
    const s = sheet({
      sheets: [{ name: "A", data: cells(1, ['<c t="s"><v>0</v></c>']) }],
      shared: "<si><t>Khu_xFFFF_ 1_x0001_</t></si>",
    });
    expect(s.values).toEqual([["Khu\uffff 1\u0001"]]);
  });

  test('numbers, booleans, errors; dates as serial numbers in the workbook\'s system, t="d" included', () => {
    const data = cells(1, [
      "<c><v>85.5</v></c>",
      "<c><v>-1E-3</v></c>",
      '<c t="n"><v> 12 </v></c>',
      '<c t="b"><v>true</v></c>',
      '<c t="e"><v>#REF!</v></c>',
      '<c s="1"><v>43784.25</v></c>',
      '<c s="1" t="d"><v>2019-11-15T06:00:00</v></c>',
      '<c t="d"><v>1900-02-28</v></c>',
    ]);
    const s1900 = sheet({ sheets: [{ name: "Ngày", data }], styles: styles([164], { 164: "dd/mm/yyyy hh:mm" }) });
    expect(s1900.values[0]).toEqual([85.5, -0.001, 12, true, "#REF!", 43784.25, 43784.25, 59]);
    expect(s1900.numberFormats?.[0].slice(5, 7)).toEqual(["dd/mm/yyyy hh:mm", "dd/mm/yyyy hh:mm"]);
    // A 1904 workbook: serials count from 1 January 1904, as Excel and Office.js give them.
    const s1904 = sheet({
      sheets: [
        {
          name: "Ngày",
          data: cells(1, ['<c s="1"><v>42322.25</v></c>', '<c s="1" t="d"><v>2019-11-15T06:00:00</v></c>']),
        },
      ],
      styles: styles([164], { 164: "dd/mm/yyyy hh:mm" }),
      before: '<workbookPr date1904="true"/>',
    });
    expect(s1904.values[0]).toEqual([42322.25, 42322.25]);
  });

  test("number formats: built-in ids as Excel shows them, custom codes as written, row and column styles for blank cells", () => {
    const ids = Array.from({ length: 50 }, (_v, k) => k);
    const s = sheet({
      sheets: [
        {
          name: "Định dạng",
          head: '<cols><col min="3" max="4" width="9" style="52"/></cols>',
          data:
            `<row r="1">${ids.map((k) => `<c r="${columnLetter(k)}1" s="${k + 1}"><v>1</v></c>`).join("")}</row>` +
            '<row r="2" s="51" customFormat="1"><c r="A2" s="51"><v>0.855</v></c><c r="B2"><v>1</v></c></row>' +
            '<row r="3"><c r="A3" s="53"><v>38500000</v></c></row>',
        },
      ],
      styles: styles([...ids, 164, 9, 165], { 164: "0.0%", 165: '#,##0\\ "đ"' }),
    });
    expect(s.numberFormats?.[0].slice(0, 15)).toEqual([
      "General",
      "0",
      "0.00",
      "#,##0",
      "#,##0.00",
      '"$"#,##0_);\\("$"#,##0\\)',
      '"$"#,##0_);[Red]\\("$"#,##0\\)',
      '"$"#,##0.00_);\\("$"#,##0.00\\)',
      '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
      "0%",
      "0.00%",
      "0.00E+00",
      "# ?/?",
      "# ??/??",
      "m/d/yyyy",
    ]);
    expect(s.numberFormats?.[0][49]).toBe("@");
    // Row 2 is formatted "0.0%": its cells have their own style (B2: none, so General); its blank
    // cells take the row's; the blank cells of C:D in row 3 take the column's.
    expect(s.numberFormats?.[1].slice(0, 3)).toEqual(["0.0%", "General", "0.0%"]);
    expect(s.numberFormats?.[2].slice(0, 4)).toEqual(['#,##0\\ "đ"', "General", "0%", "0%"]);
  });

  test('the used range from A1 to the last value: blank rows and cells are "", styled blank cells do not extend it', () => {
    const s = sheet({
      sheets: [
        {
          name: "Thưa",
          data:
            '<row r="2"><c r="B2"><v>1</v></c><c r="Z2" s="0"/></row><row r="5"><c r="C5" t="inlineStr"><is><t>x</t></is></c></row>' +
            '<row r="900" hidden="1"><c r="A900" s="0"/></row>',
        },
      ],
    });
    expect(s.values).toEqual([
      ["", "", ""],
      ["", 1, ""],
      ["", "", ""],
      ["", "", ""],
      ["", "", "x"],
    ]);
    expect(s.hiddenRows).toEqual([]);
  });

  test("merges keep only the top-left value; hidden rows, protection, the active sheet, chart sheets left out", () => {
    const parts = workbookParts({
      sheets: [
        {
          name: "Tổng hợp",
          data:
            cells(1, ["<c><v>1</v></c>", "<c><v>2</v></c>", "<c><v>3</v></c>"]) +
            '<row r="2" hidden="1"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row>' +
            '<row r="3" hidden="true"><c r="C3"><v>6</v></c></row>',
          tail: '<sheetProtection sheet="1" objects="1"/><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="C3"/><mergeCell ref="C1:C2"/></mergeCells>',
        },
        { name: "Biểu đồ" },
        { name: "Khác", data: cells(1, ["<c><v>7</v></c>"]) },
      ],
      before: '<bookViews><workbookView activeTab="2"/><workbookView activeTab="0"/></bookViews>',
    });
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      `${REL_NS}/worksheet" Target="worksheets/sheet2.xml"`,
      `${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"`
    );
    const book = read(zip(entries(parts)));
    expect(book.names).toEqual(["Tổng hợp", "Khác"]);
    expect(book.active).toBe("Khác");
    const [first, other] = book.sheets;
    expect(first.values).toEqual([
      [1, "", 3],
      ["", "", ""],
      ["", "", 6],
    ]);
    expect(first.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 },
    ]);
    expect(first.hiddenRows).toEqual([1, 2]);
    expect(first.protected).toBe(true);
    expect(other.protected).toBe(false);
  });

  test("without a window the first sheet is active; prefixed elements; rows and cells without r; rows in any order", () => {
    const prefixed = {
      "_rels/.rels": `<Relationships xmlns="${PACKAGE_REL_NS}">${relationship("rId1", "officeDocument", "/xl/workbook.xml")}</Relationships>`,
      "xl/workbook.xml": `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheets><x:sheet name="Tiền tố" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PACKAGE_REL_NS}">${relationship("rId1", "worksheet", "/xl/data/Bang.xml")}${relationship("rId2", "sharedStrings", "strings.xml")}</Relationships>`,
      "xl/data/Bang.xml":
        `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
        '<x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row>' +
        '<x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
        '<x:row><x:c r="C2"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>' +
        "</x:sheetData></x:worksheet>",
      "xl/strings.xml": `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>Xã Tiên Kiên</x:t></x:si></x:sst>`,
    };
    const book = read(zip(entries(prefixed)));
    expect(book.names).toEqual(["Tiền tố"]);
    expect(book.active).toBe("Tiền tố");
    expect(book.sheets[0].values).toEqual([
      ["Xã Tiên Kiên", 2, "", ""],
      ["", "", 5, 6],
      [3, "", "", ""],
    ]);
  });

  test("stored entries, ZIP64 records, part names in another case, a UTF-16 part", () => {
    const parts = workbookParts({ sheets: [{ name: "Trang", data: cells(1, ['<c t="s"><v>0</v></c>']) }], shared: "" });
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "worksheets/sheet1.xml",
      "Worksheets/Sheet1.xml"
    );
    const files = entries(parts, 0);
    const shared = files.find((e) => e.name === "xl/sharedStrings.xml")!;
    const text = `<sst xmlns="${MAIN_NS}"><si><t>Thôn Đồng</t></si></sst>`;
    shared.data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    shared.method = 8;
    for (const bytes of [zip(files), zip(files, { zip64: true })]) {
      expect(read(bytes).sheets[0].values).toEqual([["Thôn Đồng"]]);
    }
  });

  test("a workbook written by exceljs reads as Excel saved it: formula results, dates as serials, rich text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tổng hợp");
    ws.getCell("A1").value = { richText: [{ text: "Huyện: " }, { text: "Thanh Ba", font: { bold: true } }] };
    ws.getCell("B1").value = { formula: "C1-C1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = { formula: 'IF(1,"","x")', result: "" } as ExcelJS.CellFormulaValue;
    ws.getCell("E1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("F1").value = new Date(Date.UTC(2019, 10, 15));
    ws.getCell("F1").numFmt = "dd/mm/yyyy";
    ws.getCell("G1").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
    ws.getCell("H1").value = { text: "QĐ 2076", hyperlink: "https://example.org" };
    const s = read(Buffer.from(await wb.xlsx.writeBuffer())).sheets[0];
    expect(s.values).toEqual([["Huyện: Thanh Ba", 0, false, "", "#DIV/0!", 43784, "", "QĐ 2076"]]);
    expect(s.numberFormats?.[0][5]).toBe("dd/mm/yyyy");
    expect(s.formulasWithoutResult).toEqual(["G1"]);
  });

  test("the shipped sample reads whole: 150 areas, its merged header", () => {
    const book = read(fs.readFileSync(path.join(__dirname, "..", "samples", "huyen-thanh-ba-2019.xlsx")));
    expect(book.names).toEqual(["Tổng hợp KDC"]);
    expect(book.sheets[0].values.length).toBeGreaterThan(150);
    expect(book.sheets[0].merges?.length).toBeGreaterThan(10);
  });
});

describe("what cannot be read with certainty is refused, naming what was seen", () => {
  const one = (data: string, extra: Partial<FixtureBook> = {}) =>
    workbookFile({ sheets: [{ name: "Trang", data }], ...extra });

  test("a value that is not what its type says: the cell is named", () => {
    const cases: Array<[string, RegExp, RegExp, Partial<FixtureBook>?]> = [
      [
        cells(1, ["<c><v>12abc</v></c>"]),
        /ô A1 có số "12abc" không hợp lệ/,
        /the cell A1 has an invalid number "12abc"/,
      ],
      [
        cells(4, ["<c/>", '<c t="s"><v>3</v></c>']),
        /ô B4 trỏ tới chuỗi dùng chung số 3/,
        /the cell B4 points to shared string 3/,
        { shared: "<si><t>a</t></si>" },
      ],
      [cells(1, ['<c t="b"><v>2</v></c>']), /ô A1 có giá trị đúng\/sai "2"/, /invalid boolean "2"/],
      [cells(1, ['<c t="z"><v>2</v></c>']), /kiểu giá trị "z"/, /value type "z"/],
      [cells(1, ['<c t="d"><v>2019-02-30</v></c>']), /ngày "2019-02-30" không hợp lệ/, /invalid date "2019-02-30"/],
      [cells(1, ["<c><v>0x1F</v></c>"]), /số "0x1F"/, /invalid number "0x1F"/],
    ];
    for (const [data, vi, en, extra] of cases) {
      const r = refusal(one(data, extra));
      expect(r.code).toBe("file-corrupt");
      expect(r.where).toMatch(/^Trang![A-Z]+\d+$/);
      expect(r.vi).toMatch(vi);
      expect(r.en).toMatch(en);
      expect(r.vi).toMatch(/Hãy mở bằng Excel, Lưu thành bản mới/);
    }
  });

  test("a style the file does not define, a custom format it lacks: a percentage could not be told", () => {
    expect(refusal(one(cells(1, ['<c s="3"><v>0.85</v></c>']), { styles: styles([9]) })).en).toMatch(
      /uses cell style 3/
    );
    expect(refusal(one(cells(1, ['<c s="1"><v>0.85</v></c>']), { styles: styles([170]) })).en).toMatch(
      /uses cell style 1/
    );
    expect(refusal(one(cells(1, ['<c s="1"><v>0.85</v></c>']))).en).toMatch(/uses cell style 1/);
  });

  test("a cell twice, a cell in the wrong row, overlapping merges, two sheets of one name, a DOCTYPE", () => {
    expect(refusal(one('<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>')).en).toMatch(
      /the cell A1 appears twice/
    );
    expect(refusal(one('<row r="1"><c r="A2"><v>1</v></c></row>')).en).toMatch(/"A2" is invalid or in the wrong row/);
    const overlap = refusal(
      workbookFile({
        sheets: [
          {
            name: "Gộp",
            data: cells(1, ["<c><v>1</v></c>"]),
            tail: '<mergeCells><mergeCell ref="A1:C3"/><mergeCell ref="B3:D4"/></mergeCells>',
          },
        ],
      })
    );
    expect(overlap.where).toBe("Gộp!B3:D4");
    expect(overlap.vi).toMatch(/vùng gộp ô B3:D4 chồng lên vùng A1:C3/);
    expect(refusal(workbookFile({ sheets: [{ name: "Một" }, { name: "MỘT" }] })).en).toMatch(
      /two sheets are named "MỘT"/
    );
    expect(refusal(workbookFile({ sheets: [{ name: "x".repeat(256) }] })).en).toMatch(/invalid name/);
    // LibreOffice writes names longer than Excel's 31 characters; Excel repairs them. Read as written.
    const long = "Tổng hợp khu dân cư các xã năm 2019 (bản sửa)";
    expect(read(workbookFile({ sheets: [{ name: long, data: cells(1, ["<c><v>1</v></c>"]) }] })).names).toEqual([long]);
    const parts = workbookParts({ sheets: [{ name: "A", data: cells(1, ["<c><v>1</v></c>"]) }] });
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>'
    );
    expect(refusal(zip(entries(parts))).en).toMatch(/has a DOCTYPE/);
  });

  test("malformed XML, text that is not UTF-8, an undefined entity", () => {
    expect(refusal(one("<row><c><v>1</v></row>")).en).toMatch(/the XML of xl\/worksheets\/sheet1\.xml is malformed/);
    expect(refusal(one(cells(1, ['<c t="str"><v>&foo;</v></c>']))).en).toMatch(/malformed/);
    const parts = entries(workbookParts({ sheets: [{ name: "A", data: cells(1, ['<c t="str"><v>x</v></c>']) }] }));
    const sheetEntry = parts.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    sheetEntry.data = Buffer.from(sheetEntry.data.toString("utf8").replace("<v>x</v>", "<v>\xff\xfe</v>"), "latin1");
    expect(refusal(zip(parts)).en).toMatch(/malformed/);
  });

  test("what the file is: empty, password-protected or .xls, not a zip (with its extension), a zip of something else, .xlsb", () => {
    expect(refusal(Buffer.alloc(0)).code).toBe("file-empty");
    expect(refusal(Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)])).code).toBe(
      "file-protected-or-xls"
    );
    const csv = refusal(Buffer.from("TT,Khu dân cư\n1,Khu 1\n"), "so-lieu.csv");
    expect([csv.code, csv.vi, csv.en]).toEqual([
      "file-not-xlsx",
      "Tệp không phải sổ làm việc Excel .xlsx (đuôi .csv). Hãy mở bằng Excel và Lưu thành .xlsx.",
      "The file is not an Excel .xlsx workbook (extension .csv). Open it in Excel and Save As .xlsx.",
    ]);
    const docx = refusal(zip(entries({ "word/document.xml": "<w/>" })));
    expect([docx.code, docx.en]).toEqual(["file-not-xlsx", expect.stringMatching(/a zip but not an Excel workbook/)]);
    const xlsb = workbookParts({ sheets: [] });
    xlsb["_rels/.rels"] = xlsb["_rels/.rels"].replace("xl/workbook.xml", "xl/workbook.bin");
    xlsb["xl/workbook.bin"] = "binary";
    expect(refusal(zip(entries(xlsb))).en).toMatch(/binary workbook \(\.xlsb\)/);
    const onlyChart = workbookParts({ sheets: [{ name: "Biểu đồ" }] });
    onlyChart["xl/_rels/workbook.xml.rels"] = onlyChart["xl/_rels/workbook.xml.rels"].replace(
      '/worksheet"',
      '/chartsheet"'
    );
    expect(refusal(zip(entries(onlyChart))).code).toBe("file-no-sheets");
  });

  test("a truncated file and an entry compressed another way", () => {
    const good = one(cells(1, ["<c><v>1</v></c>"]));
    const half = refusal(good.subarray(0, Math.floor(good.length / 2)));
    expect([half.code, half.en]).toEqual(["file-corrupt", expect.stringMatching(/zip directory is missing/)]);
    const parts = entries(workbookParts({ sheets: [{ name: "A", data: cells(1, ["<c><v>1</v></c>"]) }] }));
    parts[3] = { ...parts[3], method: 12, compressed: parts[3].data };
    expect(refusal(zip(parts)).en).toMatch(/compressed in a way Excel does not use \(method 12\)/);
  });
});
