import { problem } from "../src/rules/message";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { tablesOfSheet } from "../src/rules/reading/table-finder";
import { AnalysisReport, DetectedTable, Detection } from "../src/taskpane/actions";
import {
  chosenTables,
  detectionStatus,
  initialPaneState,
  paneReducer,
  PaneEvent,
  PaneState,
  reviewYear,
} from "../src/taskpane/controller/pane-state";
import { STRINGS } from "../src/taskpane/strings";
import { sampleDistrict } from "./support/sample-district";

const ruleset = embeddedRuleset();
const found = tablesOfSheet(sampleDistrict({ areas: 5 }), ruleset);
if ("code" in found) throw new Error(found.message.en);
const layout = found[0].layout;

const table = (sheet: string, extra: Partial<DetectedTable> = {}): DetectedTable => ({
  sheet,
  layout,
  range: "A6:AD20",
  source: "detected",
  included: true,
  ...extra,
});

const detection = (...tables: DetectedTable[]): Detection => ({ tables, skipped: [] });

const run = (state: PaneState, ...events: PaneEvent[]): PaneState => events.reduce(paneReducer, state);

const opened = (): PaneState =>
  run(initialPaneState("vi"), {
    type: "opened",
    info: { ruleset, fromWorkbook: false, problems: [] },
    roadmapSettings: { startYear: 2027 },
  });

const fault = problem("no-table", "Trang 1", "Không thấy bảng.", "No table.");

describe("the pane's state", () => {
  test("an action: busy while it runs, the earlier errors and status cleared, its outcome announced", () => {
    const failedBefore = run(
      opened(),
      { type: "actionStarted" },
      { type: "actionFailed", problems: [fault], target: "errors" }
    );
    expect(failedBefore.busy).toBe(false);
    expect(failedBefore.errors).toEqual([fault]);
    const running = paneReducer(failedBefore, { type: "actionStarted" });
    expect(running.busy).toBe(true);
    expect(running.errors).toEqual([]);
    const done = paneReducer(running, { type: "actionDone", status: (s) => s.mappingSaved });
    expect(done.busy).toBe(false);
    expect(done.status?.(STRINGS.en)).toBe(STRINGS.en.mappingSaved);
  });

  test("a failure is shown where its action belongs, not in the error bar", () => {
    const withTables = run(opened(), { type: "detected", detection: detection(table("A")) });
    const table_ = run(
      withTables,
      { type: "actionStarted" },
      { type: "actionFailed", problems: [fault], target: "table" }
    );
    expect(table_.detection).toBeUndefined();
    expect(table_.detectProblems).toEqual([fault]);
    expect(table_.errors).toEqual([]);

    const review = run(withTables, { type: "actionFailed", problems: [fault], target: "review" });
    expect(review.reviewProblems).toEqual([fault]);
    expect(review.review).toBeUndefined();

    const criteria = run(withTables, { type: "actionFailed", problems: [fault, fault], target: "criteria" });
    expect(criteria.tab).toBe("criteria");
    expect(criteria.criteriaProblems).toHaveLength(2);
    expect(criteria.refusedCount).toBe(2);
    // A reload that works clears the refusal.
    const adopted = paneReducer(criteria, {
      type: "rulesetAdopted",
      info: { ruleset, fromWorkbook: true, problems: [] },
    });
    expect(adopted.criteriaProblems).toEqual([]);
    expect(adopted.refusedCount).toBeUndefined();
    expect(adopted.rulesetInfo?.fromWorkbook).toBe(true);

    // On opening, nothing to find keeps what was found (nothing) and tells why in the table tab.
    const opening = run(opened(), { type: "actionFailed", problems: [fault], target: "opening" });
    expect(opening.detectProblems).toEqual([fault]);
    expect(opening.errors).toEqual([]);
  });

  test("tables found: the first shown, nothing dirty, the last report dropped; only those left in are analysed", () => {
    const report = { tables: [], highlights: 3 } as unknown as AnalysisReport;
    const state = run(
      opened(),
      { type: "analysed", report, options: { highlight: true, dossier: "" } },
      { type: "tableSelected", index: 1 },
      { type: "detected", detection: { ...detection(table("A"), table("B", { source: "saved" })), problems: [fault] } }
    );
    expect(state.selected).toBe(0);
    expect(state.report).toBeUndefined();
    expect(state.detectProblems).toEqual([fault]);
    expect(chosenTables(state).map((t) => [t.sheet, t.detected])).toEqual([
      ["A", true],
      ["B", false],
    ]);
    const left = paneReducer(state, { type: "tableIncluded", index: 0, included: false });
    expect(left.dirty).toBe(true);
    expect(chosenTables(left).map((t) => t.sheet)).toEqual(["B"]);
  });

  test("a corrected column: the selected table edited (no longer taken as detected), saved as the workbook's mapping", () => {
    const column = layout.columns.find((c) => c.role.kind === "indicator")!.column;
    const state = run(
      opened(),
      { type: "detected", detection: detection(table("A"), table("B")) },
      { type: "tableSelected", index: 1 },
      { type: "roleChanged", column, role: { kind: "note" } }
    );
    expect(state.dirty).toBe(true);
    const [a, b] = state.detection!.tables;
    expect(a.edited).toBeUndefined();
    expect(b.edited).toBe(true);
    expect(b.layout.columns.find((c) => c.column === column)?.role).toEqual({ kind: "note" });
    expect(chosenTables(state).map((t) => t.detected)).toEqual([true, false]);

    const saved = run(state, { type: "tableIncluded", index: 0, included: false }, { type: "mappingSaved" });
    expect(saved.dirty).toBe(false);
    expect(saved.detection!.tables.map((t) => t.source)).toEqual(["detected", "saved"]);
  });

  test("a note on a set-aside saved mapping is shown with the tables found, and dropped once the mapping is saved", () => {
    const unreadable = problem("stored-mapping", "ntm.mapping", "Không đọc được.", "Cannot be read.");
    const found = run(opened(), {
      type: "detected",
      detection: { ...detection(table("Tổng hợp")), problems: [unreadable, fault] },
    });
    expect(found.detectProblems).toEqual([unreadable, fault]);
    expect(run(found, { type: "mappingSaved" }).detectProblems).toEqual([fault]);
  });

  test("an analysis: the tables as read first, then those left out; the review and its problems of before dropped", () => {
    const read = { sheet: "B", layout: { ...layout, orientation: "columns" as const }, range: "A1:Z9" };
    const report = { tables: [read], highlights: 7 } as unknown as AnalysisReport;
    const state = run(
      opened(),
      { type: "detected", detection: detection(table("A", { included: false }), table("B")) },
      { type: "actionFailed", problems: [fault], target: "review" },
      { type: "tableSelected", index: 1 },
      { type: "analysed", report, options: { year: 2025, highlight: false, dossier: "Xã A/Khu 1" } }
    );
    expect(state.reviewProblems).toEqual([]);
    expect(state.lastOptions.year).toBe(2025);
    expect(state.selected).toBe(0);
    expect(state.detection!.tables.map((t) => [t.sheet, t.source, t.included, t.range])).toEqual([
      ["B", "saved", true, "A1:Z9"],
      ["A", "detected", false, "A6:AD20"],
    ]);
    expect(paneReducer(state, { type: "highlightsCleared" }).report?.highlights).toBe(0);
  });

  test("the review's year: the assessment year, else the roadmap's start year, else this year", () => {
    const now = new Date(2031, 5, 1);
    expect(reviewYear(initialPaneState("vi"), now)).toBe(2031);
    const withSettings = opened();
    expect(reviewYear(withSettings, now)).toBe(2027);
    const analysed = paneReducer(withSettings, {
      type: "analysed",
      report: { tables: [] } as unknown as AnalysisReport,
      options: { year: 2025, highlight: true, dossier: "" },
    });
    expect(reviewYear(analysed, now)).toBe(2025);
    const saved = paneReducer(initialPaneState("vi"), { type: "roadmapSettingsSaved", settings: { startYear: 2029 } });
    expect(reviewYear(saved, now)).toBe(2029);
  });

  test("what the live region says about the tables found", () => {
    expect(detectionStatus(detection())).toBeUndefined();
    expect(detectionStatus(detection(table("A")))?.(STRINGS.vi)).toBe(
      STRINGS.vi.tableFound("A", layout.columns.length)
    );
    expect(detectionStatus(detection(table("A"), table("A"), table("B")))?.(STRINGS.en)).toBe(
      STRINGS.en.tablesFound(3, "“A”, “B”")
    );
    expect(detectionStatus(detection(table("C", { source: "manual" })))?.(STRINGS.vi)).toBe(
      STRINGS.vi.tableManual("C")
    );
  });
});
