import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { CellValue } from "../src/rules/reading/cell";
import { communeFromSheetName, communeIdentity, tablePlaces, titlePlaces } from "../src/rules/reading/places";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { MemoryWorkbook } from "../src/rules/workbook";

const rs = embeddedRuleset();
const places = (...lines: string[]) =>
  titlePlaces(
    lines.map((l) => [l]),
    0,
    lines.length
  );

describe("places named in title rows", () => {
  test.each([
    ["Huyện: Thanh Ba", { district: "Thanh Ba" }],
    ["UBND HUYỆN THANH BA", { district: "Thanh Ba" }],
    ["Xã: Tiên Kiên", { commune: "Xã Tiên Kiên" }],
    ["BẢNG RÀ SOÁT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ KDC NTM - XÃ THANH THỦY", { commune: "Xã Thanh Thủy" }],
    ["BIỂU TỔNG HỢP CÁC KHU DÂN CƯ XÃ THANH THỦY NĂM 2025", { commune: "Xã Thanh Thủy" }],
    ["Kết quả rà soát khu dân cư phường Âu Cơ theo Bộ tiêu chí", { commune: "Phường Âu Cơ" }],
    ["BIỂU TỔNG HỢP THỊ TRẤN HẠ HÒA", { commune: "Thị trấn Hạ Hòa" }],
    ["UBND THỊ XÃ PHÚ THỌ", { district: "Phú Thọ" }],
    ["KẾT QUẢ RÀ SOÁT XÃ MINH LƯƠNG, HUYỆN ĐOAN HÙNG", { commune: "Xã Minh Lương", district: "Đoan Hùng" }],
    ["XÃ THƯỢNG NÔNG NĂM 2019", { commune: "Xã Thượng Nông" }],
    ["XÃ TINH NHUỆ", { commune: "Xã Tinh Nhuệ" }],
  ])("%s", (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  test.each([
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Có tổ hợp tác, hợp tác xã hoạt động hiệu quả",
    "UBND TỈNH PHÚ THỌ",
    "DANH SÁCH CÁC XÃ ĐẠT CHUẨN NÔNG THÔN MỚI",
    "BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ NĂM 2025",
  ])("names no place: %s", (text) => {
    expect(places(text)).toEqual({});
  });

  test("the most explicit wins: a label over a title over the issuer; a signature line of the table above is not a title", () => {
    expect(places("UBND XÃ HÙNG XUYÊN", "Xã: Minh Lương")).toEqual({ commune: "Xã Minh Lương" });
    expect(places("UBND XÃ HÙNG XUYÊN", "BIỂU TỔNG HỢP - XÃ MINH LƯƠNG")).toEqual({ commune: "Xã Minh Lương" });
    expect(places("TM. ỦY BAN NHÂN DÂN XÃ HÙNG XUYÊN")).toEqual({});
  });
});

describe("a commune in a sheet name", () => {
  test.each([
    ["Minh Lương", "Minh Lương"],
    ["Xã Hùng Xuyên", "Xã Hùng Xuyên"],
    ["TT Thanh Ba", "Thị trấn Thanh Ba"],
    ["Phường Âu Cơ", "Phường Âu Cơ"],
    ["Bằng Luân", "Bằng Luân"],
    ["MINH LƯƠNG", "Minh Lương"],
  ])("%s → %s", (name, expected) => expect(communeFromSheetName(name)).toBe(expected));

  test.each([
    "Sheet1",
    "Tổng hợp KDC",
    "Tong Hop",
    "Bảng 2",
    "KDC",
    "Số liệu",
    "Biểu mẫu",
    "Năm 2024",
    "Data",
    "Hướng Dẫn",
  ])("not a commune: %s", (name) => expect(communeFromSheetName(name)).toBeUndefined());

  test("a sheet named after the district is not a commune", () => {
    expect(communeFromSheetName("Thanh Ba", "Thanh Ba")).toBeUndefined();
    expect(communeFromSheetName("Thanh Ba")).toBe("Thanh Ba");
  });

  test("sheet name before the title; the title's spelling when both name the same commune", () => {
    expect(tablePlaces("Minh Lương", { commune: "Xã Minh Lương" })).toEqual({
      commune: "Xã Minh Lương",
      communeSource: "sheet",
    });
    expect(tablePlaces("Hùng Xuyên", { commune: "Xã Minh Lương" })).toEqual({
      commune: "Hùng Xuyên",
      communeSource: "sheet",
      titleCommune: "Xã Minh Lương",
    });
    expect(tablePlaces("Sheet1", { commune: "Xã Minh Lương", district: "Đoan Hùng" })).toEqual({
      commune: "Xã Minh Lương",
      communeSource: "title",
      district: "Đoan Hùng",
    });
    expect(tablePlaces("Sheet1", {})).toEqual({});
  });

  test("a commune is identified by its name without its kind word", () => {
    expect(communeIdentity("Xã Minh Lương")).toBe(communeIdentity("MINH LƯƠNG"));
    expect(communeIdentity("TT. Thanh Ba")).toBe(communeIdentity("Thị trấn Thanh Ba"));
    expect(communeIdentity("Xã Minh Lương")).not.toBe(communeIdentity("Xã Minh Phú"));
  });
});

describe("where each area belongs: commune column, section row, sheet name, title, in that order", () => {
  const header = ["TT", "Xã", "Khu dân cư", ...rs.criteria.map((c, k) => `${k + 1}. ${c.nameVi}`)];
  const statuses = (k: number) => rs.criteria.map((_, c) => (c === k % 13 ? "Chưa đạt" : "Đạt"));
  const area = (n: number, commune: CellValue = null): CellValue[] => [n, commune, `Khu ${n}`, ...statuses(n)];

  async function communesOf(sheet: string, rows: CellValue[][]): Promise<Array<[string, string | undefined]>> {
    const analysis = await analyseWorkbook(new MemoryWorkbook([{ name: sheet, values: rows }]), { ruleset: rs });
    return analysis.tables.flatMap((t) =>
      t.assessments.map((a): [string, string | undefined] => [a.area.commune, a.area.district])
    );
  }

  test("every source named: each area takes the first that speaks for it", async () => {
    const rows = [
      ["BIỂU TỔNG HỢP - XÃ TIÊU SƠN"],
      [],
      header,
      area(1, "Xã Chí Đám"), // its own column
      area(2), // the sheet name (above any section row)
      ["I", "Xã Ngọc Quan"], // a section row
      area(3),
      area(4, "Xã Chí Đám"),
    ];
    expect(await communesOf("Hữu Đô", rows)).toEqual([
      ["Xã Chí Đám", undefined],
      ["Hữu Đô", undefined],
      ["Xã Ngọc Quan", undefined],
      ["Xã Chí Đám", undefined],
    ]);
  });

  test("a sheet name and a title that name different communes: the sheet name, and a note to check", async () => {
    const rows = [["BIỂU TỔNG HỢP - XÃ TIÊU SƠN"], [], header, area(1), area(2)];
    const analysis = await analyseWorkbook(new MemoryWorkbook([{ name: "Hữu Đô", values: rows }]), { ruleset: rs });
    expect(analysis.tables[0].assessments.map((a) => a.area.commune)).toEqual(["Hữu Đô", "Hữu Đô"]);
    const note = analysis.tables[0].notes.find((n) => n.code === "commune-title-differs");
    expect(note?.message.vi).toContain('"Xã Tiêu Sơn"');
  });

  test("a generic sheet name: the title; no title either: no commune, and never a district invented", async () => {
    const rows = [["BIỂU TỔNG HỢP - XÃ TIÊU SƠN"], [], header, area(1), area(2)];
    expect(await communesOf("Tổng hợp", rows)).toEqual([
      ["Xã Tiêu Sơn", undefined],
      ["Xã Tiêu Sơn", undefined],
    ]);
    expect(await communesOf("Tổng hợp", rows.slice(2))).toEqual([
      ["", undefined],
      ["", undefined],
    ]);
  });

  test("a district only where the workbook names one: a district column or a title", async () => {
    const withTitle = [["UBND HUYỆN ĐOAN HÙNG"], [], header, area(1, "Xã Chí Đám")];
    expect(await communesOf("Tổng hợp", withTitle)).toEqual([["Xã Chí Đám", "Đoan Hùng"]]);
    const withColumn = [
      ["Huyện", ...header],
      ["Hạ Hòa", ...area(1, "Xã Ấm Hạ")],
    ];
    expect(await communesOf("Tổng hợp", withColumn)).toEqual([["Xã Ấm Hạ", "Hạ Hòa"]]);
  });
});
