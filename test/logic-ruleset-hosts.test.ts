/**
 * A ruleset that says what real criteria sets say, in every host: TC01 "đạt một trong" its two indicators,
 * TC02 "đạt ít nhất 3/4", TC03's income threshold by commune group (45 triệu; nhóm 2: 40; xã ĐBKK: 36).
 * The verdicts are worked out by hand below, once, and checked in the pane (its actions over the Excel
 * double), the custom functions and the command line.
 */
import * as fs from "fs";
import * as path from "path";
import * as fn from "../src/functions/functions";
import { resetAddinState, setRuleset } from "../src/functions/addin-state";
import { CellValue } from "../src/rules/reading/cell";
import { rulesetFromDocument } from "../src/rules/ruleset/ruleset-document";
import { SETTING_KEYS, SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions } from "../src/taskpane/actions";
import { ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { ExcelDouble } from "./support/office/excel-double";
import { recordingDocuments } from "./support/documents";
import { builtCli, readBack, runNtm, tempDir, writeWorkbook } from "./support/workbooks";

const RULESET_FILE = path.join(__dirname, "fixtures", "logic-ruleset.json");
const rulesetText = fs.readFileSync(RULESET_FILE, "utf8");

const HEADER = [
  "TT",
  "Xã",
  "Khu dân cư",
  "Nhóm xã",
  "Tỷ lệ đường trục thôn được cứng hóa (%)",
  "Tỷ lệ đường ngõ xóm sạch sẽ (%)",
  "Tỷ lệ người dân tham gia bảo hiểm y tế (%)",
  "Có nhà văn hóa khu dân cư",
  "Số vụ vi phạm môi trường",
  "Tỷ lệ hộ dùng nước hợp vệ sinh (%)",
  "Thu nhập bình quân đầu người (đồng/người/năm)",
];

/**
 * The areas, and by hand:
 * - Khu 1, nhóm 1: TC01 60 < 70 but 85 ≥ 80: one of two, met. TC02 90 ✓, Có ✓, 0 ✓, 40 ✗: 3 of 4, met.
 *   TC03 42 triệu < 45 (nhóm 1 has no threshold of its own): not met. 2/3.
 * - Khu 2, nhóm 2: TC01 60 ✗, 70 ✗: not met. TC02 80 ✗, Có ✓, 1 ✗, 60 ✓: 2 of 4, needs 3. TC03 42 ≥ 40: met. 1/3.
 * - Khu 3, xã ĐBKK: TC01 75 ✓, blank: met. TC02 90 ✓, Không ✗, 0 ✓, 55 ✓: 3 of 4, met. TC03 38 ≥ 36: met. 3/3.
 * - Khu 4, no group: TC01 both blank: no data, not met. TC02 4 of 4. TC03 46 ≥ 45: met. 2/3.
 */
const ROWS: CellValue[][] = [
  [1, "Xã An", "Khu 1", "Nhóm 1", 60, 85, 90, "Có", 0, 40, 42000000],
  [2, "Xã Bình", "Khu 2", "Nhóm 2", 60, 70, 80, "Có", 1, 60, 42000000],
  [3, "Xã Cao", "Khu 3", "Xã ĐBKK", 75, "", 90, "Không", 0, 55, 38000000],
  [4, "Xã Đông", "Khu 4", "", "", "", 90, "Có", 0, 55, 46000000],
];
const EXPECTED = [
  { name: "Khu 1", met: 2, notMet: ["TC03"] },
  { name: "Khu 2", met: 1, notMet: ["TC01", "TC02"] },
  { name: "Khu 3", met: 3, notMet: [] },
  { name: "Khu 4", met: 2, notMet: ["TC01"] },
];
const SHEET: CellValue[][] = [["BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT KHU DÂN CƯ NĂM 2026"], [], HEADER, ...ROWS];

beforeEach(() => resetAddinState());

describe("in the pane (its actions over the Excel double)", () => {
  test("verdicts, the gap text with 'đạt 2/4, cần 3', and each group's own threshold in the highlights", async () => {
    // The officer's ruleset is kept in the workbook, as "Nạp lại bộ tiêu chí" leaves it.
    const double = new ExcelDouble([{ name: "Tổng hợp", values: SHEET }], { [SETTING_KEYS.ruleset]: rulesetText });
    const actions = createPaneActions(new ExcelWorkbook(double.run), recordingDocuments());
    const { ruleset, fromWorkbook } = await actions.loadRuleset();
    expect(fromWorkbook).toBe(true);
    const detection = await actions.detect(ruleset);
    const report = await actions.analyse({
      tables: detection.tables.map((t) => ({ sheet: t.sheet, layout: t.layout })),
      ruleset,
      language: "vi",
      highlight: true,
    });
    expect(report.assessments.map((a) => ({ name: a.area.name, met: a.metCount, notMet: a.notMet }))).toEqual(EXPECTED);
    const byArea = report.assessments.map((a) =>
      a.criteria.map((c) => (c.logic ? `${c.logic.held}/${c.logic.need}` : c.basis))
    );
    expect(byArea).toEqual([
      ["1/1", "3/3", "0/1"],
      ["0/1", "2/3", "1/1"],
      ["1/1", "3/3", "1/1"],
      ["none", "4/3", "1/1"],
    ]);

    // The roadmap works on what the logic needs: the closest of "một trong", the closest missing one of "ít nhất 3/4".
    const planned = [
      ...report.plan!.years.flatMap((y) => y.communes.flatMap((c) => c.areas)),
      ...report.plan!.deferred.map((d) => d.area),
    ];
    const khu2Steps = planned.find((a) => a.name === "Khu 2")!.steps;
    // TC01: 60 of 70 is 14% short, 70 of 80 12.5%: TC01.2. TC02: 80 of 85 (6%) before 1 violation of 0 (all of it).
    expect(khu2Steps.map((s) => [s.criterionId, s.gaps.map((g) => g.indicatorId)])).toEqual([
      ["TC01", ["TC01.2"]],
      ["TC02", ["TC02.1"]],
    ]);
    expect(khu2Steps[0].share).toBeCloseTo(10 / 80, 9);

    // The areas sheet says why, from the engine's results.
    const areas = double.state.sheets.find((s) => s.name === SHEET_NAMES.areas)!.values;
    const khu2 = areas
      .find((r) => r.includes("Khu 2"))!
      .map(String)
      .join(" | ");
    expect(khu2).toContain("TC02 Văn hóa, y tế, môi trường (đạt 2/4, cần 3): TC02.1 = 80%");
    expect(khu2).toContain("TC01 Giao thông (đạt 0/2, cần 1)");

    // The income column is highlighted against each group's threshold: one format per threshold in force.
    const income = double.state.sheets
      .find((s) => s.name === "Tổng hợp")!
      .conditionalFormats.filter((f) => f.ranges.startsWith("K") && !f.formula.includes("LEN("));
    expect(income.map((f) => [f.ranges, /K\d+<(\d+)/.exec(f.formula)?.[1]]).sort()).toEqual([
      ["K4,K7", "45000000"],
      ["K5", "40000000"],
      ["K6", "36000000"],
    ]);
  });

  test("the criteria sheet carries the logic, and an officer's edit of it is read back", async () => {
    const double = new ExcelDouble([{ name: "Tổng hợp", values: SHEET }], { [SETTING_KEYS.ruleset]: rulesetText });
    const actions = createPaneActions(new ExcelWorkbook(double.run), recordingDocuments());
    const { ruleset } = await actions.loadRuleset();
    await actions.writeCriteriaSheet(ruleset, "vi");
    const sheet = double.state.sheets.find((s) => s.name === SHEET_NAMES.ruleset)!;
    const header = sheet.values.findIndex((r) => r.includes("Cách tính đạt"));
    const logicColumn = sheet.values[header].indexOf("Cách tính đạt");
    const logicOf = (id: string) => sheet.values.find((r) => r.includes(`${id}.1`))?.[logicColumn];
    expect([logicOf("TC01"), logicOf("TC02"), logicOf("TC03")]).toEqual(["Một trong", "Ít nhất 3/4", "Tất cả"]);
    // "Đạt ít nhất 2/4" instead: Khu 2 now meets TC02.
    sheet.values.find((r) => r.includes("TC02.1"))![logicColumn] = "Đạt ít nhất 2/4 chỉ tiêu";
    const corrected = await actions.reloadCriteria(ruleset);
    expect(corrected.criteria[1].logic).toMatchObject({ kind: "atLeast", count: 2 });
  });
});

describe("in the custom functions", () => {
  const headers = [HEADER];
  test("SCORE, MET, EXPLAIN with the group read from the row, THRESHOLD with a group", async () => {
    setRuleset(rulesetFromDocument(JSON.parse(rulesetText)));
    const scores = [];
    for (const row of ROWS) scores.push(await fn.score([row], headers));
    expect(scores).toEqual(EXPECTED.map((e) => e.met));
    expect(await fn.met("TC01", [ROWS[0]], headers)).toBe(true);
    expect(await fn.met("TC02", [ROWS[1]], headers)).toBe(false);
    expect(await fn.met("TC03", [ROWS[1]], headers)).toBe(true);
    expect(await fn.met("TC03", [ROWS[0]], headers)).toBe(false);
    expect(await fn.status([ROWS[2]], headers)).toBe("Đạt chuẩn");

    const explained = await fn.explain([ROWS[1]], headers);
    // A criterion met by N of its indicators has its own row: held, the logic, met, how many more it needs.
    expect(explained.find((r) => r[0] === "TC02")).toEqual([
      "TC02",
      "Văn hóa, y tế, môi trường",
      "2/4",
      "Ít nhất 3/4",
      false,
      1,
      "Chưa đạt (đạt 2/4, cần 3): TC02.1 = 80%, cần ≥ 85% (còn thiếu 5%); TC02.3 = 1, cần ≤ 0 (còn thiếu 1).",
    ]);
    expect(explained.find((r) => r[0] === "TC03.1")?.slice(2, 5)).toEqual([42000000, "≥ 40.000.000 đ/người/năm", true]);

    expect(await fn.threshold("TC03.1", null as unknown as undefined, "Nhóm 2")).toBe(40000000);
    expect(await fn.threshold("TC03.1", 2026, "xã đặc biệt khó khăn")).toBe(36000000);
    expect(await fn.threshold("TC03.1", 2026, "Nhóm 1")).toBe(45000000);
    expect(await fn.threshold("TC03.1")).toBe(45000000);
  });
});

describe("on the command line", () => {
  let bin: string;
  let dir: string;
  beforeAll(() => {
    bin = builtCli();
    dir = tempDir("logic-ruleset");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("ntm analyse --ruleset test.json: the same verdicts, in the JSON and in the report", async () => {
    const input = path.join(dir, "xa.xlsx");
    await writeWorkbook(input, [{ name: "Tổng hợp", rows: SHEET }]);
    const out = path.join(dir, "bao-cao.xlsx");
    const run = runNtm(bin, ["analyse", input, "--ruleset", RULESET_FILE, "--out", out, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      files: Array<{ tables: Array<{ areas: Array<{ name: string; met: number; notMet: string[] }> }> }>;
    };
    expect(json.files[0].tables[0].areas.map((a) => ({ name: a.name, met: a.met, notMet: a.notMet }))).toEqual(
      EXPECTED
    );
    const { sheets } = await readBack(out);
    const khu2 = sheets
      .get(SHEET_NAMES.areas)!
      .find((r) => r.includes("Khu 2"))!
      .map(String)
      .join(" | ");
    expect(khu2).toContain("TC02 Văn hóa, y tế, môi trường (đạt 2/4, cần 3)");
  });

  test("ntm ruleset --format engine --group: one rule per criterion, 'at least 3 of 4' as any of the 3-indicator all-blocks", () => {
    const run = runNtm(bin, ["ruleset", "--ruleset", RULESET_FILE, "--format", "engine", "--group", "Nhóm 2"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      context: { group: string };
      rules: Array<{ name: string; conditions: { any?: Array<{ all: Array<{ fact: string }> }> } }>;
    };
    expect(doc.context.group).toBe("Nhóm 2");
    expect(doc.rules.map((r) => r.name)).toEqual(["TC01", "TC02", "TC03"]);
    expect(doc.rules[0].conditions).toEqual({
      any: [
        { fact: "TC01.1", operator: "greaterThanInclusive", value: 70 },
        { fact: "TC01.2", operator: "greaterThanInclusive", value: 80 },
      ],
    });
    expect(doc.rules[1].conditions.any!.map((b) => b.all.map((c) => c.fact))).toEqual([
      ["TC02.1", "TC02.2", "TC02.3"],
      ["TC02.1", "TC02.2", "TC02.4"],
      ["TC02.1", "TC02.3", "TC02.4"],
      ["TC02.2", "TC02.3", "TC02.4"],
    ]);
    expect(doc.rules[2].conditions).toEqual({
      all: [{ fact: "TC03.1", operator: "greaterThanInclusive", value: 40000000 }],
    });
  });
});
