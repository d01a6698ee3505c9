import { addinState, resetAddinState } from "../src/functions/addin-state";
import { ColumnRole } from "../src/rules/reading/columns";
import { InputError, Problem } from "../src/rules/message";
import { readMappingSetting, withOverride } from "../src/rules/reading/sheet-table";
import { SETTING_KEYS, SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions, Detection, PaneActions } from "../src/taskpane/actions";
import { RoadmapSettings } from "../src/rules/roadmap-settings";
import { withEffortClass } from "../src/taskpane/roadmap-form";
import { ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { HIGHLIGHT_MARKER } from "../src/rules/own-formats";
import { ExcelDouble, SheetSeed } from "./support/office/excel-double";
import { SAMPLE_INDICATOR_COLUMNS, sampleDistrict } from "./support/sample-district";
import { recordingDocuments } from "./support/documents";
import { RULESET_TABLE_COLUMNS } from "../src/rules/ruleset/ruleset-table";
import { columnLetter } from "../src/rules/reading/cell";

/**
 * The pane's actions on the Office.js workbook, over the Excel double (the same object-model semantics the
 * end-to-end test runs in Chromium): what the user's workbook looks like after each action.
 */

const USER_FORMAT = { type: "Custom", ranges: "F9:F12", formula: "=LEN(TRIM(F9))=0", fill: "#FFF2CC" };

function workbookWith(seeds: SheetSeed[], settings: Record<string, unknown> = {}) {
  const double = new ExcelDouble(seeds, settings);
  const actions = createPaneActions(new ExcelWorkbook(double.run), recordingDocuments());
  return { double, actions };
}

function districtSeed(areas: number, extra: Partial<SheetSeed> = {}): SheetSeed {
  const s = sampleDistrict({ areas, hideAreaRows: 2 });
  return { ...s, conditionalFormats: [USER_FORMAT], ...extra };
}

async function problemsOf(p: Promise<unknown>): Promise<Problem[]> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error
  );
  if (e instanceof InputError) return e.problems;
  throw new Error(`expected an InputError, got ${String(e)}`);
}

/** The tables a detection found, as the analysis takes them. */
const choices = (d: Detection) => d.tables.filter((t) => t.included).map((t) => ({ sheet: t.sheet, layout: t.layout }));

async function analyse(actions: PaneActions, highlight = true, roadmap?: RoadmapSettings) {
  const info = await actions.loadRuleset();
  const detection = await actions.detect(info.ruleset);
  const found = detection.tables[0];
  const report = await actions.analyse({
    tables: choices(detection),
    ruleset: info.ruleset,
    language: "vi",
    highlight,
    roadmap,
  });
  return { info, found, report };
}

beforeEach(() => resetAddinState());

describe("the pane's actions on Excel", () => {
  test("analysing 10 or 5,000 areas takes the same small number of syncs", async () => {
    const counts: Array<{ first: number; again: number }> = [];
    for (const areas of [10, 5000]) {
      const { double, actions } = workbookWith([districtSeed(areas)]);
      const info = await actions.loadRuleset();
      const found = await actions.detect(info.ruleset);
      const request = {
        tables: choices(found),
        ruleset: info.ruleset,
        language: "vi" as const,
        highlight: true,
      };
      let before = double.state.syncs;
      const report = await actions.analyse(request);
      const first = double.state.syncs - before;
      expect(report.summary.areas).toBe(areas);
      // Again: the add-in's sheets and highlights exist now and are replaced.
      before = double.state.syncs;
      await actions.analyse(request);
      counts.push({ first, again: double.state.syncs - before });
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[1].again).toBeLessThanOrEqual(20);
  });

  test("every result sheet prints on A4, one page wide, its header on each page, page numbers; titles spread over the table", async () => {
    const double = new ExcelDouble([districtSeed(40)]);
    // Excel with ExcelApi 1.9 (Microsoft 365, Excel 2021+).
    const actions = createPaneActions(new ExcelWorkbook(double.run, () => true), recordingDocuments());
    const { report } = await analyse(actions);
    for (const name of report.outcome.written) {
      const sheet = double.sheet(name);
      expect(sheet.pageLayout).toMatchObject({
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        centerFooter: "Trang &P/&N",
      });
      expect(sheet.pageLayout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
      // The provisional note on every results sheet (not the list of tables read) is merged across the
      // table, so it wraps within it.
      const note = sheet.values.findIndex((r) => /TẠM TÍNH|tạm dựng lại/.test(String(r[0])));
      if (name === SHEET_NAMES.sources) continue;
      expect(sheet.merges).toContainEqual({ top: note, left: 0, rows: 1, columns: sheet.values[0].length });
    }
    expect(double.sheet(SHEET_NAMES.areas).pageLayout.orientation).toBe("Landscape");
    expect(double.sheet(SHEET_NAMES.areas).pageLayout.printTitleRows).toBe("$5:$5");
    expect(double.sheet(SHEET_NAMES.distribution).pageLayout.orientation).toBe("Portrait");
    const log = double.sheet(SHEET_NAMES.areas).formatLog;
    expect(log).toContainEqual(expect.objectContaining({ property: "wrapText", value: true }));
    expect(log).toContainEqual(expect.objectContaining({ property: "autofitRows" }));
    // The criteria holding most areas back: a bar chart, largest on top.
    expect(double.sheet(SHEET_NAMES.criteria).charts).toEqual([
      expect.objectContaining({ type: "BarClustered", reversePlotOrder: true }),
    ]);
    // Analysing again replaces the merged titles without a fault.
    await analyse(actions);
    expect(double.sheet(SHEET_NAMES.areas).merges.filter((m) => m.top === 2)).toHaveLength(1);
  });

  test("Excel without ExcelApi 1.9 (2016, 2019) gets every sheet and value, only no page layout", async () => {
    const double = new ExcelDouble([districtSeed(20)]);
    const actions = createPaneActions(new ExcelWorkbook(double.run, () => false), recordingDocuments());
    const { report } = await analyse(actions);
    expect(report.outcome.written.length).toBeGreaterThanOrEqual(8);
    for (const name of report.outcome.written) expect(double.sheet(name).pageLayout).toEqual({});
    expect(double.sheet(SHEET_NAMES.areas).values.length).toBeGreaterThan(20);
  });

  test("the user's sheet keeps every value, number format and conditional format of its own", async () => {
    const { double, actions } = workbookWith([districtSeed(30)]);
    const user = double.snapshot().sheets[0];
    const { report } = await analyse(actions);
    const after = double.snapshot();
    const sheet = after.sheets.find((s) => s.name === user.name);
    expect(sheet?.values).toEqual(user.values);
    expect(sheet?.numberFormats).toEqual(user.numberFormats);
    expect(sheet?.formatLog).toEqual([]);
    expect(sheet?.charts).toEqual([]);
    const formats = sheet?.conditionalFormats ?? [];
    expect(formats.filter((f) => !f.formula.includes(HIGHLIGHT_MARKER))).toEqual(user.conditionalFormats);
    const ours = formats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER));
    expect(ours.length).toBeGreaterThanOrEqual(report.highlights);
    // Only area rows are painted, in indicator columns.
    const areaRows = new Set(report.assessments.map((a) => a.area.row));
    for (const f of ours) {
      for (const part of f.ranges.split(",")) {
        const [, a, b] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(part) as RegExpExecArray;
        for (let r = Number(a); r <= Number(b); r++) expect(areaRows.has(r)).toBe(true);
      }
    }
    // The results are on the add-in's sheets, with the distribution chart.
    const names = after.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        SHEET_NAMES.areas,
        SHEET_NAMES.criteria,
        SHEET_NAMES.communes,
        SHEET_NAMES.distribution,
        SHEET_NAMES.ruleset,
      ])
    );
    const areas = after.sheets.find((s) => s.name === SHEET_NAMES.areas);
    expect(areas?.values.filter((r) => typeof r[0] === "number" && r[3] !== "")).toHaveLength(30);
    expect(String(areas?.values[2][0])).toMatch(/NGƯỠNG TẠM TÍNH/);
    const distribution = after.sheets.find((s) => s.name === SHEET_NAMES.distribution);
    expect(distribution?.charts).toHaveLength(1);
    expect(distribution?.values.some((r) => r[0] === "0/13")).toBe(true);
    // The mapping is remembered in the workbook and given to the custom functions.
    expect(JSON.parse(String(after.settings[SETTING_KEYS.mapping]))[0].sheet).toBe(user.name);
    expect((addinState().mappings as Array<{ sheet: string }>)[0].sheet).toBe(user.name);
  });

  test("a user's sheet that carries a result sheet's name is left alone and the pane says where the results went", async () => {
    const mine = { name: SHEET_NAMES.communes, values: [["Ghi chép của tôi", 42]] };
    const { double, actions } = workbookWith([districtSeed(20), mine]);
    const { report } = await analyse(actions);
    expect(report.outcome.renamed).toEqual([{ wanted: SHEET_NAMES.communes, used: `${SHEET_NAMES.communes} (2)` }]);
    const snapshot = double.snapshot();
    expect(snapshot.sheets.find((s) => s.name === SHEET_NAMES.communes)?.values).toEqual([["Ghi chép của tôi", 42]]);
    expect(snapshot.sheets.find((s) => s.name === `${SHEET_NAMES.communes} (2)`)?.values.length).toBeGreaterThan(3);
  });

  test("a protected sheet: the result sheets are written, highlighting is refused with the reason", async () => {
    const { double, actions } = workbookWith([districtSeed(20, { protected: true })]);
    const { report } = await analyse(actions);
    expect(report.highlights).toBe(0);
    expect(report.highlightProblems[0]).toMatchObject({ code: "sheet-protected" });
    expect(report.highlightProblems[0].message.en).toMatch(/protected/);
    expect(double.snapshot().sheets.map((s) => s.name)).toContain(SHEET_NAMES.areas);
    expect(double.snapshot().sheets[0].conditionalFormats).toEqual([{ ...USER_FORMAT, id: "{user-1}" }]);
  });

  test("clearing highlights removes the add-in's formats only, however Excel moved them", async () => {
    const { double, actions } = workbookWith([districtSeed(20)]);
    const { found } = await analyse(actions);
    const sheet = double.state.sheets[0];
    const added = sheet.conditionalFormats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER)).length;
    // A row inserted above the table moves the add-in's rules: they stay recognisable.
    for (const f of sheet.conditionalFormats)
      if (f.formula.includes(HIGHLIGHT_MARKER)) f.ranges = f.ranges.replace(/\d+/g, (n) => String(Number(n) + 1));
    expect(await actions.clearHighlights([found.sheet])).toBe(added);
    expect(double.snapshot().sheets[0].conditionalFormats).toEqual([{ ...USER_FORMAT, id: "{user-1}" }]);
  });

  test("an empty sheet gives a clear message; a sheet without recognisable columns is offered for mapping by hand", async () => {
    const empty = workbookWith([{ name: "Trống", values: [] }]);
    const rs = (await empty.actions.loadRuleset()).ruleset;
    expect((await problemsOf(empty.actions.detect(rs)))[0]).toMatchObject({ code: "empty-sheet", where: "Trống" });
    const other = workbookWith([
      {
        name: "Danh sách",
        values: [
          ["Họ tên", "Năm sinh"],
          ["Nguyễn Văn A", 1980],
        ],
      },
    ]);
    const detection = await other.actions.detect(rs);
    const manual = detection.tables[0];
    expect(manual.source).toBe("manual");
    expect(manual.sheet).toBe("Danh sách");
    expect(detection.problems?.[0].code).toBe("no-table");
    expect(detection.problems?.[0].message.vi).toMatch(/Họ tên/);
    expect([manual.layout.headerTop, manual.layout.dataStart]).toEqual([0, 1]);
    // Every header cell is there to be given a role, and once mapped the analysis reads the areas.
    const cells = [...manual.layout.columns, ...manual.layout.unmapped].map((c) => c.column).sort();
    expect(cells).toEqual([0, 1]);
    const mapped = withOverride(
      withOverride(manual.layout, 0, { kind: "area" }, rs),
      1,
      { kind: "indicator", indicatorId: "TC06.1" },
      rs
    );
    const report = await other.actions.analyse({
      tables: [{ sheet: manual.sheet, layout: mapped }],
      ruleset: rs,
      language: "vi",
      highlight: false,
    });
    expect(report.assessments.map((a) => a.area.name)).toEqual(["Nguyễn Văn A"]);
  });

  test("merged header cells and hidden or filtered rows: every area is found and assessed", async () => {
    const { actions } = workbookWith([districtSeed(24)]);
    const { found, report } = await analyse(actions);
    expect(found.layout.headerTop).toBe(5);
    expect(found.layout.headerBottom).toBe(6);
    expect(found.layout.columns.filter((c) => c.role.kind === "indicator" || c.role.kind === "criterion")).toHaveLength(
      Object.keys(SAMPLE_INDICATOR_COLUMNS).length
    );
    expect(report.summary.areas).toBe(24);
    expect(report.hiddenAreas).toBe(2);
    expect(report.skipped.filter((s) => s.reason === "section")).toHaveLength(2);
    expect(report.skipped.filter((s) => s.reason === "total")).toHaveLength(3);
  });

  test("a corrected column is saved in the workbook and used at the next opening", async () => {
    const { double, actions } = workbookWith([districtSeed(12)]);
    const info = await actions.loadRuleset();
    const [found] = (await actions.detect(info.ruleset)).tables;
    expect(found.source).toBe("detected");
    const note: ColumnRole = { kind: "note" };
    const corrected = withOverride(found.layout, 28, note, info.ruleset);
    await actions.saveMapping([{ sheet: found.sheet, layout: corrected }]);
    const reopened = createPaneActions(new ExcelWorkbook(double.run), recordingDocuments());
    const [again] = (await reopened.detect(info.ruleset)).tables;
    expect(again.source).toBe("saved");
    expect(again.layout.columns.find((c) => c.column === 28)?.role).toEqual(note);
    expect((addinState().mappings as Array<{ columns: unknown[] }>)[0].columns).toHaveLength(corrected.columns.length);
  });

  test("an unreadable saved mapping: the tables are found again and the pane says why, until the mapping is saved", async () => {
    const { double, actions } = workbookWith([districtSeed(12)], { [SETTING_KEYS.mapping]: "{not json" });
    const info = await actions.loadRuleset();
    const detection = await actions.detect(info.ruleset);
    expect(detection.tables.map((t) => t.source)).toEqual(["detected"]);
    expect(detection.problems).toEqual([readMappingSetting("{not json").problem]);
    await actions.saveMapping(choices(detection));
    const reopened = createPaneActions(new ExcelWorkbook(double.run), recordingDocuments());
    const again = await reopened.detect(info.ruleset);
    expect(again.tables.map((t) => t.source)).toEqual(["saved"]);
    expect(again.problems).toEqual([]);
  });

  test("criteria: written to a sheet, corrected there, reloaded for the pane and the custom functions; a faulty edit is refused with its cell", async () => {
    const { double, actions } = workbookWith([districtSeed(12)]);
    const info = await actions.loadRuleset();
    const outcome = await actions.writeCriteriaSheet(info.ruleset, "vi");
    expect(outcome.written).toEqual([SHEET_NAMES.ruleset]);
    const sheet = double.state.sheets.find((s) => s.name === SHEET_NAMES.ruleset);
    if (!sheet) throw new Error("no criteria sheet");
    const header = sheet.values.findIndex((r) => r[0] === "Mã tiêu chí");
    const column = (key: string) => RULESET_TABLE_COLUMNS.findIndex((c) => c.key === key);
    const threshold = column("threshold");
    const row = sheet.values.findIndex((r) => r[column("indicatorId")] === "TC07.1");
    expect(sheet.values[header][threshold]).toBe("Ngưỡng");
    sheet.values[row][threshold] = 20;
    const corrected = await actions.reloadCriteria(info.ruleset);
    expect(corrected.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(20);
    expect(addinState().ruleset.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(20);
    expect((await actions.loadRuleset()).fromWorkbook).toBe(true);
    sheet.values[row][threshold] = "nhiều";
    const problems = await problemsOf(actions.reloadCriteria(corrected));
    expect(problems[0].where).toBe(`${SHEET_NAMES.ruleset}!${columnLetter(threshold)}${row + 1}`);
    expect(addinState().ruleset.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(20);
    const reset = await actions.resetCriteria();
    expect(reset.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(12);
    expect((await actions.loadRuleset()).fromWorkbook).toBe(false);
  });

  test("choosing an area selects its row on the user's sheet", async () => {
    const { double, actions } = workbookWith([districtSeed(12), { name: "Khác", values: [["x"]] }]);
    const { report } = await analyse(actions);
    double.state.active = "Khác";
    const area = report.summary.close[0] ?? report.assessments[0];
    await actions.selectArea(area.area);
    expect(double.state.active).toBe(report.sheets[0]);
    expect(double.state.selection).toEqual({
      sheet: report.sheets[0],
      address: `A${area.area.row}:XFD${area.area.row}`,
    });
  });

  test("roadmap settings are kept in the workbook and shape the roadmap sheet; the yearly review writes the progress sheet", async () => {
    const { double, actions } = workbookWith([districtSeed(40)]);
    expect(await actions.loadRoadmapSettings()).toEqual({});
    const info = await actions.loadRuleset();
    const found = await actions.detect(info.ruleset);
    const roadmapSheet = () => {
      const sheet = double.state.sheets.find((s) => s.name === SHEET_NAMES.roadmap);
      if (!sheet) throw new Error("no roadmap sheet");
      return sheet;
    };
    const roadmapYears = () => {
      const values = roadmapSheet().values;
      const header = values.findIndex((r) => r[0] === "Năm / Year");
      return new Set(values.slice(header + 1).map((r) => r[0]));
    };
    const plan = async (settings: RoadmapSettings) => {
      await actions.saveRoadmapSettings(settings);
      const roadmap = await createPaneActions(
        new ExcelWorkbook(double.run),
        recordingDocuments()
      ).loadRoadmapSettings();
      expect(roadmap).toEqual(settings);
      return actions.analyse({
        tables: choices(found),
        ruleset: info.ruleset,
        language: "vi",
        highlight: false,
        roadmap,
      });
    };

    const short = await plan({ startYear: 2025, targetYear: 2026, perCommune: { min: 1, max: 1 }, rewardPerArea: 1e6 });
    expect(short.plan?.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect([...roadmapYears()].every((y) => y === 2025 || y === 2026 || y === "Sau 2026")).toBe(true);
    expect(roadmapYears().has("Sau 2026")).toBe(true);
    expect(short.plan?.years[0].rewardSpending).toBe((short.plan?.years[0].planned ?? 0) * 1e6);

    const long = await plan({ startYear: 2025, targetYear: 2029, target: 1000 });
    expect(String(roadmapSheet().values[0][0])).toMatch(/2025–2029/);
    expect(long.plan?.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect([...roadmapYears()].every((y) => (typeof y === "number" ? y >= 2025 && y <= 2029 : y === "Sau 2029"))).toBe(
      true
    );
    expect(long.plan?.outcome?.missing).toBeGreaterThan(0);
    const due = long.plan?.years[0].planned ?? 0;
    expect(due).toBeGreaterThan(0);

    const review = await actions.review({
      tables: choices(found),
      ruleset: info.ruleset,
      year: 2026,
      language: "vi",
      roadmap: { startYear: 2025, targetYear: 2029 },
    });
    // Same data a year on: every area planned for 2025 is due and has not reached the standard.
    expect(review).toMatchObject({ year: 2026, due, reached: 0, slipped: due, early: 0 });
    expect(review.outcome.written).toEqual([SHEET_NAMES.progress, SHEET_NAMES.roadmap, SHEET_NAMES.roadmapSummary]);
    expect(double.state.sheets.some((s) => s.name === SHEET_NAMES.progress)).toBe(true);
    expect(review.plan.startYear).toBe(2026);
    expect(roadmapYears().has(2025)).toBe(false);
  });

  test("the review without an earlier roadmap says so in the core's words", async () => {
    const { actions } = workbookWith([districtSeed(12)]);
    const info = await actions.loadRuleset();
    const found = await actions.detect(info.ruleset);
    const request = {
      tables: choices(found),
      ruleset: info.ruleset,
      year: 2026,
      language: "vi" as const,
    };
    const problems = await problemsOf(actions.review(request));
    expect(problems.map((p) => p.code)).toEqual(["no-roadmap"]);
    expect(problems[0].message.vi).toMatch(/Chưa có trang "NTM - Lộ trình"/);
  });

  test("communes at the standard and effort overrides: one setting holding only the changes, read back and applied to the plan", async () => {
    const { double, actions } = workbookWith([districtSeed(30)]);
    const plan = async (roadmap: RoadmapSettings) => (await analyse(actions, false, roadmap)).report.plan;
    const limited: RoadmapSettings = { startYear: 2026, capacity: { completionsPerYear: 4 } };
    const before = await plan(limited);
    if (!before) throw new Error("no plan");
    // A commune the capacity left below the 2-a-year aim, and an area doing a medium criterion before a high
    // one that comes earlier in the ruleset.
    const commune = before.years[0].belowAim[0]?.commune;
    expect(commune).toBeDefined();
    const areas = [
      ...before.years.flatMap((y) => y.communes.flatMap((c) => c.areas)),
      ...before.deferred.map((d) => d.area),
    ];
    const area = areas.find(
      (a) =>
        a.steps.length === 2 &&
        a.steps[0].effort === "medium" &&
        a.steps[1].effort === "high" &&
        a.steps[1].criterionId < a.steps[0].criterionId
    );
    if (!area) throw new Error("no area doing a medium criterion before a high one");
    const [medium, high] = area.steps;
    const settings: RoadmapSettings = {
      ...limited,
      communesMeetingStandard: [{ commune: commune as string }],
      effort: withEffortClass(undefined, medium.criterionId, "high"),
    };

    const syncs = double.state.syncs;
    await actions.saveRoadmapSettings(settings);
    expect(double.state.syncs - syncs).toBe(1);
    expect(JSON.parse(String(double.snapshot().settings[SETTING_KEYS.roadmapSettings]))).toEqual({
      format: "ntm-roadmap/1",
      start_year: 2026,
      capacity: { completions_per_year: 4 },
      communes_meeting_standard: [commune],
      effort: {
        format: "ntm-roadmap-effort/1",
        criteria: { [medium.criterionId]: { effort: "high", funding: medium.funding } },
      },
    });
    const reopened = await createPaneActions(new ExcelWorkbook(double.run), recordingDocuments()).loadRoadmapSettings();
    expect(reopened).toEqual(settings);

    const after = await plan(reopened);
    expect(after?.years.flatMap((y) => y.belowAim.map((c) => c.commune))).not.toContain(commune);
    expect(after?.years.some((y) => y.belowAim.length > 0)).toBe(true);
    const moved = [
      ...(after?.years ?? []).flatMap((y) => y.communes.flatMap((c) => c.areas)),
      ...(after?.deferred ?? []).map((d) => d.area),
    ].find((a) => a.key === area.key);
    expect(moved?.steps.map((s) => s.criterionId)).toEqual([high.criterionId, medium.criterionId]);
    expect(moved?.steps.map((s) => s.effort)).toEqual(["high", "high"]);
    // The roadmap sheet in the workbook lists them in the new order.
    const sheet = double.state.sheets.find((s) => s.name === SHEET_NAMES.roadmap);
    const line = sheet?.values.find((r) => r.includes(area.name) && r.includes(area.commune));
    expect(
      line?.some((v) => new RegExp(`^1\\) ${high.criterionId} .*; 2\\) ${medium.criterionId} `).test(String(v)))
    ).toBe(true);
  });

  test("roadmap settings saved before the communes and effort fields existed still load and plan", async () => {
    const old = { startYear: 2025, targetYear: 2027, perCommune: { min: 1, max: 3 }, target: 12, rewardPerArea: 1e6 };
    const { actions } = workbookWith([districtSeed(20)], { [SETTING_KEYS.roadmapSettings]: JSON.stringify(old) });
    const settings = await actions.loadRoadmapSettings();
    expect(settings).toEqual(old);
    const { report } = await analyse(actions, false, settings);
    expect(report.plan?.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(report.plan?.years.every((y) => y.communes.every((c) => !c.meetsCommuneStandard))).toBe(true);
  });
});

describe("the Excel double's grid", () => {
  test("a ragged seed is the rectangular grid Excel would have, and writes keep it so", async () => {
    // A short row, a missing row, a row with holes (as a hand-built or pasted array can have).
    // eslint-disable-next-line no-sparse-arrays
    const ragged = [["a", "b", "c"], ["d"], , [, , "x"]] as unknown[][];
    const double = new ExcelDouble([{ name: "S", values: ragged }]);
    const wb = new ExcelWorkbook(double.run);
    const data = await wb.readSheet("S");
    expect(data.values).toEqual([
      ["a", "b", "c"],
      ["d", "", ""],
      ["", "", ""],
      ["", "", "x"],
    ]);
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRangeByIndexes(5, 0, 1, 2).values = [[1, 2]];
      await context.sync();
    });
    const grid = double.snapshot().sheets[0].values;
    expect(grid.map((r) => r.length)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(grid[4]).toEqual(["", "", ""]);
    expect(grid[5]).toEqual([1, 2, ""]);
  });
});
