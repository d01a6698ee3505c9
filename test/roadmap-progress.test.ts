import { Grid } from "../src/rules/reading/cell";
import { buildProgressSheets, reviewProgress } from "../src/rules/roadmap/progress";
import { plannedCriterionText } from "../src/rules/roadmap/area-plan";
import { planRoadmap } from "../src/rules/roadmap/plan";
import { buildRoadmapSheets, ROADMAP_HEADERS } from "../src/rules/roadmap/roadmap-sheet";
import { SHEET_NAMES } from "../src/rules/workbook";
import { AreaSpec, assessSpecs, failCriteria, ruleset } from "./roadmap-fixtures";

// Last year (2021): A2, A1, A3 of Xã An and B1, B2 of Xã Bình planned for 2021, A4 for 2022.
const lastYear: AreaSpec[] = [
  { commune: "Xã An", name: "A1", row: 5, values: failCriteria(["TC13"]) },
  { commune: "Xã An", name: "A2", row: 6, values: failCriteria(["TC11"]) },
  { commune: "Xã An", name: "A3", row: 7, values: failCriteria(["TC12"]) },
  { commune: "Xã An", name: "A4", row: 8, values: failCriteria(["TC01", "TC02"]) },
  { commune: "Xã Bình", name: "B1", row: 9, values: failCriteria(["TC10"]) },
  { commune: "Xã Bình", name: "B2", row: 10, values: failCriteria(["TC04", "TC05", "TC06"]) },
];

// This year (2022): A1, A2 reached; A3 and B2 slipped; A4 (planned 2022) already there; B1 is gone from the data.
const thisYear: AreaSpec[] = [
  { commune: "Xã An", name: "A1", row: 5 },
  { commune: "Xã An", name: "A2", row: 6 },
  { commune: "Xã An", name: "A3", row: 7, values: { "TC12.2": 60 } },
  { commune: "Xã An", name: "A4", row: 8 },
  { commune: "Xã Bình", name: "B2", row: 9, values: failCriteria(["TC05"]) },
];

/** Last year's roadmap sheet as read back, with names the user typed. */
async function lastYearsSheet(): Promise<Grid> {
  const plan = planRoadmap(ruleset, await assessSpecs(lastYear, 2021), { startYear: 2021, targetYear: 2023 });
  const sheet = buildRoadmapSheets(plan).sheets[0];
  const h = sheet.tableHeaderRow!;
  const area = sheet.rows[h].indexOf(ROADMAP_HEADERS.area);
  const col = sheet.rows[h].indexOf(ROADMAP_HEADERS.responsible);
  const typed: Record<string, string> = { A1: "Ông Hùng", A3: "Bà Mai", A4: "Ông Tâm" };
  return sheet.rows.map((r, i) => r.map((v, c) => (i > h && c === col ? (typed[String(r[area])] ?? "") : (v ?? ""))));
}

describe("year-over-year progress", () => {
  it("shows which planned areas reached the standard, which slipped, and which came early", async () => {
    const grid = await lastYearsSheet();
    const review = reviewProgress(ruleset, grid, await assessSpecs(thisYear, 2022), {
      year: 2022,
      targetYear: 2023,
      target: 5,
    });
    expect(review.entries.map((e) => [e.plannedYear, e.commune, e.area, e.status, e.responsible])).toEqual([
      [2021, "Xã An", "A2", "reached", ""],
      [2021, "Xã An", "A1", "reached", "Ông Hùng"],
      [2021, "Xã An", "A3", "slipped", "Bà Mai"],
      [2021, "Xã Bình", "B2", "slipped", ""],
      [2022, "Xã An", "A4", "early", "Ông Tâm"],
    ]);
    expect([review.due, review.reached, review.slipped, review.early]).toEqual([4, 2, 2, 1]);
    const a3 = review.entries[2];
    expect(a3.remaining!.steps.map((s) => plannedCriterionText(s).vi)).toEqual([
      "TC12 Môi trường (TC12.2 còn thiếu 10%)",
    ]);
    expect(a3.newYear).toBe(2022);
    expect(review.entries[3].remaining!.steps.map((s) => s.criterionId)).toEqual(["TC05"]);
    const b1Row = grid.findIndex((r) => r[2] === "B1");
    expect(review.problems.map((p) => [p.code, p.where])).toEqual([
      ["progress-area-not-found", `${SHEET_NAMES.roadmap}!A${b1Row + 1}`],
    ]);
  });

  it("re-plans the rest from this year", async () => {
    const review = reviewProgress(ruleset, await lastYearsSheet(), await assessSpecs(thisYear, 2022), {
      year: 2022,
      targetYear: 2023,
      target: 5,
    });
    expect(review.plan.startYear).toBe(2022);
    expect(review.plan.alreadyMeeting).toBe(3);
    expect(review.plan.years.map((y) => [y.year, y.planned, y.cumulative])).toEqual([
      [2022, 2, 5],
      [2023, 0, 5],
    ]);
    expect(review.plan.outcome).toMatchObject({ reached: 5, missing: 0, yearReached: 2022 });
  });

  it("writes the progress sheet and the re-planned roadmap, keeping the responsible names", async () => {
    const grid = await lastYearsSheet();
    const review = reviewProgress(ruleset, grid, await assessSpecs(thisYear, 2022), {
      year: 2022,
      targetYear: 2023,
      target: 5,
    });
    const out = buildProgressSheets(review, grid);
    expect(out.sheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.progress,
      SHEET_NAMES.roadmap,
      SHEET_NAMES.roadmapSummary,
    ]);
    const progress = out.sheets[0];
    expect(progress.rows[1][0]).toBe(
      "Kế hoạch đến hết năm 2021: 4 khu; đã đạt chuẩn 2; chưa đạt 2. Đạt sớm hơn lộ trình: 1."
    );
    const h = progress.tableHeaderRow!;
    expect(progress.rows[h]).toEqual([
      "Năm kế hoạch / Planned year",
      "Xã / Commune",
      "Khu dân cư / Area",
      "Kết quả / Result",
      "Tiêu chí còn thiếu / Remaining gaps",
      "Năm dự kiến mới / New planned year",
      "Người phụ trách / Responsible",
    ]);
    expect(progress.rows[h + 3]).toEqual([
      2021,
      "Xã An",
      "A3",
      "Chưa đạt, chậm so với lộ trình",
      "1) TC12 Môi trường (TC12.2 còn thiếu 10%)",
      2022,
      "Bà Mai",
    ]);
    expect(progress.rows[h + 5]).toEqual([2022, "Xã An", "A4", "Đạt chuẩn sớm hơn lộ trình", "", "", "Ông Tâm"]);
    expect(progress.warningRows).toEqual(expect.arrayContaining([h + 3, h + 4]));
    expect(progress.rows.some((r) => String(r[0]).includes("không có trong số liệu năm nay"))).toBe(true);

    const roadmap = out.sheets[1];
    const rh = roadmap.tableHeaderRow!;
    const col = roadmap.rows[rh].indexOf(ROADMAP_HEADERS.responsible);
    expect(roadmap.rows.slice(rh + 1).map((r) => [r[0], r[2], r[col]])).toEqual([
      [2022, "A3", "Bà Mai"],
      [2022, "B2", ""],
    ]);
    expect(out.carried.movedYear).toBe(1);
    expect(out.carried.dropped.map((d) => [d.area, d.responsible])).toEqual([
      ["A1", "Ông Hùng"],
      ["A4", "Ông Tâm"],
    ]);
  });

  it("says so, without failing, when last year's sheet is not a roadmap", async () => {
    const review = reviewProgress(ruleset, [["Bảng khác"]], await assessSpecs(thisYear, 2022), {
      year: 2022,
      targetYear: 2023,
    });
    expect(review.entries).toEqual([]);
    expect(review.problems.map((p) => p.code)).toEqual(["roadmap-sheet-header"]);
    expect(review.plan.years[0].planned).toBe(2);
  });
});
