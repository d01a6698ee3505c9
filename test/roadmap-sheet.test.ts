import { Grid } from "../src/rules/reading/cell";
import { planRoadmap } from "../src/rules/roadmap/plan";
import { RoadmapOptions } from "../src/rules/roadmap/plan-shapes";
import { buildRoadmapSheets, readRoadmapSheet, ROADMAP_HEADERS } from "../src/rules/roadmap/roadmap-sheet";
import { SHEET_NAMES, SheetOutput } from "../src/rules/workbook";
import { AreaSpec, assessSpecs, failCriteria, ruleset } from "./roadmap-fixtures";

/** A sheet as a host reads it back: rectangular, blanks as "". */
function readBack(sheet: SheetOutput): Grid {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  return sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
}

const specs: AreaSpec[] = [
  { commune: "Xã An", name: "A1", row: 5, values: failCriteria(["TC13"]) },
  { commune: "Xã An", name: "A2", row: 6, canMobilise: true, values: failCriteria(["TC01", "TC11"]) },
  { commune: "Xã An", name: "A3", row: 7, values: failCriteria(["TC12"]) },
  { commune: "Xã An", name: "A4", row: 8, values: failCriteria(["TC02", "TC06", "TC07"]) },
  { commune: "Xã Bình", name: "B1", row: 9, values: failCriteria(["TC10"]) },
  { commune: "Xã Bình", name: "B2", row: 10 },
];
const options: RoadmapOptions = { startYear: 2021, targetYear: 2021, target: 6, rewardPerArea: 20_000_000 };

async function sheetsFor(s: AreaSpec[], o: RoadmapOptions = options, previous?: Grid) {
  return buildRoadmapSheets(planRoadmap(ruleset, await assessSpecs(s), o), { previous });
}

describe("roadmap sheet", () => {
  it("lists one row per area and year with its criteria in order, then the areas left for later", async () => {
    const { sheets } = await sheetsFor(specs);
    const [roadmap] = sheets;
    expect(roadmap.name).toBe(SHEET_NAMES.roadmap);
    const h = roadmap.tableHeaderRow!;
    expect(roadmap.rows[h]).toEqual([
      ROADMAP_HEADERS.year,
      ROADMAP_HEADERS.commune,
      ROADMAP_HEADERS.area,
      ROADMAP_HEADERS.criteria,
      ROADMAP_HEADERS.effort,
      ROADMAP_HEADERS.source,
      ROADMAP_HEADERS.responsible,
      ROADMAP_HEADERS.note,
    ]);
    expect(roadmap.headerRows).toBe(h + 1);
    expect(roadmap.warningRows).toEqual([2]);
    expect(String(roadmap.rows[2][0])).toContain("tạm dựng lại");
    expect(roadmap.rows.slice(h + 1)).toEqual([
      [
        2021,
        "Xã An",
        "A1",
        "1) TC13 An ninh, trật tự xã hội (TC13.1 chưa đạt)",
        "TC13 thấp",
        "Ngân sách hỗ trợ: TC13",
        "",
        "",
      ],
      [
        2021,
        "Xã An",
        "A3",
        "1) TC12 Môi trường (TC12.1 còn thiếu 45%; TC12.2 còn thiếu 35%; TC12.3 còn thiếu 30%; TC12.4 chưa đạt)",
        "TC12 trung bình",
        "Xã hội hóa: TC12",
        "",
        "",
      ],
      [
        2021,
        "Xã An",
        "A2",
        "1) TC11 Văn hóa (TC11.1 chưa đạt; TC11.2 còn thiếu 35%); 2) TC01 Giao thông (TC01.1 còn thiếu 35%; TC01.2 còn thiếu 40%; TC01.3 còn thiếu 35%)",
        "TC11 thấp; TC01 cao",
        "Ngân sách hỗ trợ: TC11; Xã hội hóa: TC01",
        "",
        "Có điều kiện huy động nguồn lực",
      ],
      [2021, "Xã Bình", "B1", "1) TC10 Y tế (TC10.1 còn thiếu 42,5%)", "TC10 thấp", "Ngân sách hỗ trợ: TC10", "", ""],
      [
        "Sau 2021",
        "Xã An",
        "A4",
        "1) TC02 Thủy lợi (TC02.1 còn thiếu 40%); 2) TC06 Thu nhập (TC06.1 còn thiếu 18.000.000 đ/người/năm); 3) TC07 Hộ nghèo (TC07.1 cần giảm 44%)",
        "TC02 cao; TC06 cao; TC07 cao",
        "Ngân sách hỗ trợ: TC02, TC07; Xã hội hóa: TC06",
        "",
        "Xã đã đủ 3 khu mỗi năm đến 2021; để sau năm 2021.",
      ],
    ]);
  });

  it("writes data cells in English on request, headings stay bilingual", async () => {
    const plan = planRoadmap(ruleset, await assessSpecs(specs), options);
    const [roadmap, summary] = buildRoadmapSheets(plan, { language: "en" }).sheets;
    const h = roadmap.tableHeaderRow!;
    expect(roadmap.rows[h + 1].slice(3, 6)).toEqual([
      "1) TC13 Security and social order (TC13.1 not yet)",
      "TC13 low",
      "state support: TC13",
    ]);
    expect(roadmap.rows[h + 5][0]).toBe("after 2021");
    expect(summary.rows[summary.tableHeaderRow!][0]).toBe("Năm / Year");
  });

  it("summarises each year against the target, with a line chart over its own rows", async () => {
    const { sheets } = await sheetsFor(specs);
    const summary = sheets[1];
    expect(summary.name).toBe(SHEET_NAMES.roadmapSummary);
    const h = summary.tableHeaderRow!;
    expect(summary.rows[h + 1]).toEqual(["Hiện có (đầu 2021)", null, 1, 1]);
    // 2021: 4 areas, 5 completions: TC10, TC11, TC13 state support; TC01, TC12 community; 4 rewards.
    expect(summary.rows[h + 2]).toEqual([2021, 4, 5, 6, 5, 3, 2, 0, 80_000_000, ""]);
    expect(summary.rows[h + 3]).toEqual(["Cộng", 4, 5, 6, 5, 3, 2, 0, 80_000_000, ""]);
    expect(summary.rows[h + 4]).toEqual(["Để sau năm 2021", 1]);
    expect(summary.chart).toEqual({
      title: "Số khu đạt chuẩn dự kiến so với mục tiêu / Projected areas at the standard against the target",
      headerRow: h,
      firstRow: h + 1,
      lastRow: h + 2,
      categoryColumn: 0,
      valueColumns: [2, 3],
      kind: "line",
    });
    expect(summary.columnFormats).toEqual({ 7: "#,##0", 8: "#,##0" });
    // The outcome (infeasible: 5 of 6) is a warning row, right under the provisional note.
    const outcomeRow = summary.rows.findIndex((r) => String(r[0]).startsWith("Không đạt mục tiêu"));
    expect(summary.rows[outcomeRow][0]).toBe(
      "Không đạt mục tiêu: dự kiến 5/6 khu đạt chuẩn đến năm 2021, còn thiếu 1 khu. Mức tối đa 3 khu/xã/năm chỉ cho phép 5 khu đến năm 2021."
    );
    expect(summary.warningRows).toContain(outcomeRow);
    const texts = summary.rows.map((r) => String(r[0] ?? ""));
    expect(texts).toContain(
      "1. Trong mỗi khu, làm trước tiêu chí dễ, cần ít nguồn lực: mức độ thấp, rồi trung bình, rồi cao (cùng mức: theo thứ tự bộ tiêu chí)."
    );
    expect(texts).toContain("English:");
    expect(
      summary.rows.some((r) => r[0] === 2021 && r[1] === "TC10: 1; TC11: 1; TC13: 1" && r[2] === "TC01: 1; TC12: 1")
    ).toBe(true);
  });

  it("charts only the projection when there is no target", async () => {
    const { sheets } = await sheetsFor(specs, { startYear: 2021, targetYear: 2022 });
    expect(sheets[1].chart!.valueColumns).toEqual([2]);
    expect(sheets[1].chart!.title).toBe("Số khu đạt chuẩn dự kiến / Projected areas at the standard");
  });

  it("adds a district column when the areas span districts", async () => {
    const { sheets } = await sheetsFor([
      { district: "Lâm Thao", commune: "Xã An", name: "K", values: failCriteria(["TC13"]) },
      { district: "Thanh Ba", commune: "Xã An", name: "K", values: failCriteria(["TC13"]) },
    ]);
    const h = sheets[0].tableHeaderRow!;
    expect(sheets[0].rows[h][1]).toBe(ROADMAP_HEADERS.district);
    expect(sheets[0].rows.slice(h + 1).map((r) => r.slice(0, 4))).toEqual([
      [2021, "Lâm Thao", "Xã An", "K"],
      [2021, "Thanh Ba", "Xã An", "K"],
    ]);
  });
});

describe("carrying the responsible column over", () => {
  /** Type names into the responsible column of a sheet read back, by area name. */
  function typeResponsible(grid: Grid, byArea: Record<string, string>): Grid {
    const h = grid.findIndex((r) => r.includes(ROADMAP_HEADERS.responsible));
    const areaCol = grid[h].indexOf(ROADMAP_HEADERS.area);
    const col = grid[h].indexOf(ROADMAP_HEADERS.responsible);
    return grid.map((r, i) =>
      i > h && byArea[String(r[areaCol])] ? r.map((v, c) => (c === col ? byArea[String(r[areaCol])] : v)) : r
    );
  }
  const responsible = (sheet: SheetOutput) => {
    const h = sheet.tableHeaderRow!;
    const col = sheet.rows[h].indexOf(ROADMAP_HEADERS.responsible);
    return Object.fromEntries(
      sheet.rows.slice(h + 1).map((r) => [`${r[0]} ${r[sheet.rows[h].indexOf(ROADMAP_HEADERS.area)]}`, r[col]])
    );
  };

  it("keeps what the user typed for the same year, commune and area", async () => {
    const first = await sheetsFor(specs);
    const typed = typeResponsible(readBack(first.sheets[0]), { A1: "Ông Hùng", B1: "Bà Lan", A4: "Ông Tâm" });
    const again = await sheetsFor(specs, options, typed);
    expect(responsible(again.sheets[0])).toEqual({
      "2021 A1": "Ông Hùng",
      "2021 A3": "",
      "2021 A2": "",
      "2021 B1": "Bà Lan",
      "Sau 2021 A4": "Ông Tâm",
    });
    expect(again.carried).toEqual({ sameYear: 3, movedYear: 0, dropped: [] });
    expect(again.problems).toEqual([]);
  });

  it("finds the columns by their headings after the user inserted a column", async () => {
    const first = await sheetsFor(specs);
    const typed = typeResponsible(readBack(first.sheets[0]), { B1: "Bà Lan" }).map((r) => ["", ...r]);
    const again = await sheetsFor(specs, options, typed);
    expect(responsible(again.sheets[0])["2021 B1"]).toBe("Bà Lan");
  });

  it("follows an area the new plan moves to another year, and reports names it cannot place", async () => {
    const first = await sheetsFor(specs);
    const typed = typeResponsible(readBack(first.sheets[0]), { A4: "Ông Tâm", B1: "Bà Lan" });
    // B1 now meets every criterion: its row disappears. A4 moves from "after 2021" into 2022.
    const changed = specs.map((s) => (s.name === "B1" ? { ...s, values: {} } : s));
    const again = await sheetsFor(changed, { ...options, targetYear: 2022 }, typed);
    expect(responsible(again.sheets[0])["2022 A4"]).toBe("Ông Tâm");
    expect(again.carried.sameYear).toBe(0);
    expect(again.carried.movedYear).toBe(1);
    const b1Row = typed.findIndex((r) => r[2] === "B1");
    expect(again.carried.dropped).toEqual([
      { cell: `${SHEET_NAMES.roadmap}!G${b1Row + 1}`, area: "B1", commune: "Xã Bình", responsible: "Bà Lan" },
    ]);
  });

  it("points at an unreadable year cell and at a sheet with no header row", async () => {
    const first = await sheetsFor(specs);
    const grid = typeResponsible(readBack(first.sheets[0]), { A1: "Ông Hùng" });
    const h = first.sheets[0].tableHeaderRow!;
    grid[h + 1][0] = "năm sau";
    const read = readRoadmapSheet(grid);
    expect(read.rows).toHaveLength(4);
    expect(read.problems.map((p) => [p.code, p.where])).toEqual([
      ["roadmap-sheet-year", `${SHEET_NAMES.roadmap}!A${h + 2}`],
    ]);
    expect(read.problems[0].message.vi).toContain('"năm sau"');
    const again = await sheetsFor(specs, options, grid);
    expect(again.carried.dropped.map((d) => d.responsible)).toEqual([]);
    expect(responsible(again.sheets[0])["2021 A1"]).toBe("");
    expect(again.problems.map((p) => p.code)).toEqual(["roadmap-sheet-year"]);

    const none = readRoadmapSheet([["something else"], [1, 2, 3]], "Trang 1");
    expect(none.problems.map((p) => [p.code, p.where])).toEqual([["roadmap-sheet-header", "Trang 1"]]);
    expect(none.rows).toEqual([]);
  });

  it("tells apart same-named areas of different districts", async () => {
    const two: AreaSpec[] = [
      { district: "Lâm Thao", commune: "Xã An", name: "K", values: failCriteria(["TC13"]) },
      { district: "Thanh Ba", commune: "Xã An", name: "K", values: failCriteria(["TC13"]) },
    ];
    const first = await sheetsFor(two);
    const grid = readBack(first.sheets[0]);
    const h = first.sheets[0].tableHeaderRow!;
    grid[h + 2][grid[h].indexOf(ROADMAP_HEADERS.responsible)] = "Bà Thu";
    const again = await sheetsFor(two, options, grid);
    const col = again.sheets[0].rows[h].indexOf(ROADMAP_HEADERS.responsible);
    expect(again.sheets[0].rows.slice(h + 1).map((r) => [r[1], r[col]])).toEqual([
      ["Lâm Thao", ""],
      ["Thanh Ba", "Bà Thu"],
    ]);
  });
});
