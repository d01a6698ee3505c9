import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { analyseAndWrite, reviewAndWrite } from "../src/rules/analysis/runs";
import { readMappingSetting, toSavedMapping } from "../src/rules/reading/sheet-table";
import { gapHighlights } from "../src/rules/analysis/highlights";
import { reloadRulesetFromSheet, writeOwnSheets } from "../src/rules/analysis/own-sheets";
import { HIGHLIGHT_FILL } from "../src/rules/palette";
import { InputError } from "../src/rules/message";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { RULESET_TABLE_COLUMNS } from "../src/rules/ruleset/ruleset-table";
import { Highlight, MemoryWorkbook, SETTING_KEYS, SHEET_NAMES } from "../src/rules/workbook";
import { indicatorRollup, statusRollup } from "./support/grids";
import { columnLetter } from "../src/rules/reading/cell";

const rs = embeddedRuleset();

async function problemsOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("the analysis pipeline over the workbook interface", () => {
  test("assesses a district sheet, writes every result sheet and highlights, in a constant number of calls", async () => {
    const sheet = indicatorRollup({ merges: true });
    const wb = new MemoryWorkbook([sheet]);
    const run = await analyseAndWrite(wb, { ruleset: rs, year: 2020 });
    expect(run.analysis.tables[0].assessments.length).toBeGreaterThan(3);
    expect(run.outcome.written).toEqual([
      SHEET_NAMES.areas,
      SHEET_NAMES.criteria,
      SHEET_NAMES.communes,
      SHEET_NAMES.distribution,
      SHEET_NAMES.roadmap,
      SHEET_NAMES.roadmapSummary,
      SHEET_NAMES.dossier,
      SHEET_NAMES.ruleset,
      SHEET_NAMES.sources,
    ]);
    expect(wb.calls).toEqual({ read: 1, write: 1, highlight: 1 });
    // The user's sheet is untouched, the results are on the add-in's sheets.
    expect(wb.sheets.get(sheet.name)).toBe(sheet);
    const areas = wb.outputs.get(SHEET_NAMES.areas)!;
    expect(String(areas.rows[2][0])).toMatch(/TẠM TÍNH/);
    expect(areas.warningRows).toEqual([2]);
    const header = areas.rows[areas.tableHeaderRow!];
    expect(header).toContain("Tiêu chí chưa đạt");
    const dataRows = areas.rows.slice(areas.tableHeaderRow! + 1);
    expect(dataRows).toHaveLength(run.analysis.tables[0].assessments.length);
    // Every area row agrees with its assessment.
    dataRows.forEach((r, k) => {
      const a = run.analysis.tables[0].assessments[k];
      expect(r[2]).toBe(a.area.name);
      expect(r[4]).toBe(a.metCount);
      expect(r[7]).toBe(a.notMet.join(", "));
    });
    const dist = wb.outputs.get(SHEET_NAMES.distribution)!;
    expect(dist.chart).toBeDefined();
    const counted = dist.rows
      .slice(dist.chart!.firstRow, dist.chart!.lastRow + 1)
      .reduce((s, r) => s + Number(r[1]), 0);
    expect(counted).toBe(run.analysis.tables[0].assessments.length);
    // The mapping is remembered for the next opening and for the custom functions.
    expect(JSON.parse(wb.settings.get(SETTING_KEYS.mapping)!)[0].sheet).toBe(sheet.name);
    expect(run.highlights).toBeGreaterThan(0);
  });

  test("re-running keeps what the user typed in the roadmap's responsible column", async () => {
    const wb = new MemoryWorkbook([indicatorRollup({ merges: true })]);
    await analyseAndWrite(wb, { ruleset: rs, year: 2020 });
    const roadmap = wb.outputs.get(SHEET_NAMES.roadmap)!;
    const headerRow = roadmap.rows.findIndex((r) => r.some((v) => String(v ?? "").startsWith("Người phụ trách")));
    expect(headerRow).toBeGreaterThanOrEqual(0);
    const col = roadmap.rows[headerRow].findIndex((v) => String(v ?? "").startsWith("Người phụ trách"));
    const rows = roadmap.rows.map((r) => [...r]);
    rows[headerRow + 1][col] = "Ông Nguyễn Văn An";
    wb.outputs.set(SHEET_NAMES.roadmap, { ...roadmap, rows });
    await analyseAndWrite(wb, { ruleset: rs, year: 2020 });
    const again = wb.outputs.get(SHEET_NAMES.roadmap)!;
    expect(again.rows[headerRow + 1][col]).toBe("Ông Nguyễn Văn An");
    expect(again.rows[headerRow + 1][2]).toBe(rows[headerRow + 1][2]);
  });

  test("the yearly review reads last year's roadmap against this year's data", async () => {
    const wb = new MemoryWorkbook([indicatorRollup({ merges: true })]);
    await expect(reviewAndWrite(wb, { ruleset: rs, year: 2021 })).rejects.toThrow(/Lộ trình/);
    await analyseAndWrite(wb, { ruleset: rs, year: 2020 });
    const run = await reviewAndWrite(wb, { ruleset: rs, year: 2021 });
    expect(run.outcome.written).toEqual([SHEET_NAMES.progress, SHEET_NAMES.roadmap, SHEET_NAMES.roadmapSummary]);
    // Nothing changed in the data, so every area planned for 2020 slipped.
    expect(run.review.reached).toBe(0);
    expect(run.review.slipped).toBe(run.review.due);
    expect(run.review.due).toBeGreaterThan(0);
    expect(wb.outputs.get(SHEET_NAMES.progress)!.rows.length).toBeGreaterThan(run.review.due);
  });

  test("a user's sheet carrying one of the add-in's names is left alone", async () => {
    const userSheet = { name: SHEET_NAMES.areas, values: [["của tôi"]] };
    const wb = new MemoryWorkbook([indicatorRollup({ merges: false }), userSheet]);
    const run = await analyseAndWrite(wb, { ruleset: rs });
    expect(run.outcome.renamed).toEqual([{ wanted: SHEET_NAMES.areas, used: `${SHEET_NAMES.areas} (2)` }]);
    expect(wb.sheets.get(SHEET_NAMES.areas)).toBe(userSheet);
    // A second run replaces its own sheets, and still not the user's.
    const again = await writeOwnSheets(wb, run.sheets);
    expect(again.written[0]).toBe(`${SHEET_NAMES.areas} (2)`);
  });

  test("a status sheet (Đạt/Chưa đạt per criterion) goes through the same pipeline", async () => {
    const wb = new MemoryWorkbook([statusRollup()]);
    const run = await analyseAndWrite(wb, { ruleset: rs });
    expect(run.analysis.tables[0].layout.layout).toBe("status");
    expect(run.analysis.tables[0].assessments.some((a) => a.criteria.some((c) => c.basis === "declared"))).toBe(true);
    const hs = gapHighlights(run.analysis.tables[0], rs);
    expect(hs.every((h) => h.formula.startsWith("="))).toBe(true);
  });

  test("highlights cover area rows only and compare in the sheet's own terms", async () => {
    const wb = new MemoryWorkbook([indicatorRollup({ merges: true })]);
    const run = await analyseAndWrite(wb, { ruleset: rs });
    const hs = wb.highlights.get(run.analysis.tables[0].sheet)!;
    const unmet = hs.filter((h) => h.fill === HIGHLIGHT_FILL.unmet);
    expect(unmet.length).toBe(run.analysis.tables[0].layout.columns.filter((c) => c.role.kind === "indicator").length);
    const areaRows = new Set(run.analysis.tables[0].assessments.map((a) => a.area.row));
    for (const h of hs) {
      for (const part of h.range.split(",")) {
        const [, a, b] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(part)!;
        for (let r = Number(a); r <= Number(b); r++) expect(areaRows.has(r)).toBe(true);
      }
    }
  });

  test("a percentage column formatted 0% holds fractions: its highlight compares with the threshold / 100", async () => {
    const sheet = indicatorRollup({ merges: true });
    const plain = await analyseAndWrite(new MemoryWorkbook([sheet]), { ruleset: rs });
    const roads = plain.analysis.tables[0].layout.columns.find(
      (c) => c.role.kind === "indicator" && c.role.indicatorId === "TC01.1"
    )!;
    const formulaOf = (hs: Highlight[]) => hs.find((h) => h.label === "TC01.1")!.formula;
    expect(formulaOf(gapHighlights(plain.analysis.tables[0], rs))).toMatch(/<70\)$/);
    // The same sheet with most of that column's area cells in a percent format.
    const rows = plain.analysis.tables[0].assessments.map((a) => a.area.row! - 1);
    const numberFormats = sheet.values.map((r, k) =>
      r.map((_, c) => (c === roads.column && rows.slice(1).includes(k) ? "0%" : "General"))
    );
    const formatted = await analyseAndWrite(new MemoryWorkbook([{ ...sheet, numberFormats }]), { ruleset: rs });
    expect(formulaOf(gapHighlights(formatted.analysis.tables[0], rs))).toMatch(/<0\.7\)$/);
  });

  test("empty sheets and sheets without a table give clear messages", async () => {
    const p1 = await problemsOf(analyseAndWrite(new MemoryWorkbook([{ name: "Trống", values: [] }]), { ruleset: rs }));
    expect(p1[0]).toMatchObject({ code: "empty-sheet", where: "Trống" });
    const p2 = await problemsOf(
      analyseAndWrite(
        new MemoryWorkbook([
          {
            name: "Khác",
            values: [
              ["Họ tên", "Tuổi"],
              ["An", 3],
            ],
          },
        ]),
        { ruleset: rs }
      )
    );
    expect(p2[0].message.vi.length).toBeGreaterThan(0);
    const p3 = await problemsOf(
      analyseAndWrite(new MemoryWorkbook([indicatorRollup({ merges: true })]), { ruleset: rs, sheets: ["Không có"] })
    );
    expect(p3[0]).toMatchObject({ code: "no-sheet" });
  });

  test("an officer corrects a threshold in the criteria sheet and results recompute", async () => {
    const wb = new MemoryWorkbook([indicatorRollup({ merges: true })]);
    const first = await analyseAndWrite(wb, { ruleset: rs });
    const table = wb.outputs.get(SHEET_NAMES.ruleset)!;
    const header = table.tableHeaderRow!;
    // Lower every percent threshold to 0: more areas meet their criteria.
    const unit = RULESET_TABLE_COLUMNS.findIndex((c) => c.key === "unit");
    const threshold = RULESET_TABLE_COLUMNS.findIndex((c) => c.key === "threshold");
    const rows = table.rows.map((r, k) =>
      k > header && r[unit] === "%" ? r.map((v, c) => (c === threshold ? 0 : v)) : r
    );
    wb.outputs.set(SHEET_NAMES.ruleset, { ...table, rows });
    const corrected = await reloadRulesetFromSheet(wb, rs);
    expect(corrected.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(0);
    expect(wb.settings.get(SETTING_KEYS.ruleset)).toContain('"TC07.1"');
    const second = await analyseAndWrite(wb, { ruleset: corrected });
    const met = (r: typeof first) => r.analysis.tables[0].assessments.reduce((s, a) => s + a.metCount, 0);
    expect(met(second)).not.toBe(met(first));
    // A faulty edit is refused with the cell named.
    const bad = rows.map((r, k) => (k === header + 1 ? r.map((v, c) => (c === threshold ? 140 : v)) : r));
    wb.outputs.set(SHEET_NAMES.ruleset, { ...table, rows: bad });
    const p = await problemsOf(reloadRulesetFromSheet(wb, rs));
    expect(p[0].where).toBe(`${SHEET_NAMES.ruleset}!${columnLetter(threshold)}${header + 2}`);
  });
});

describe("the saved column mappings, read by the analysis", () => {
  /** A district sheet analysed once without a saved mapping: its tables as detected. */
  async function detected() {
    const sheet = indicatorRollup({ merges: true });
    const first = await analyseWorkbook(new MemoryWorkbook([sheet]), { ruleset: rs });
    return { sheet, first };
  }

  test("an unreadable setting is set aside and said, in the same words as the custom functions'; the table is found again", async () => {
    const { sheet, first } = await detected();
    const wb = new MemoryWorkbook([sheet]);
    wb.settings.set(SETTING_KEYS.mapping, "{not json");
    const analysis = await analyseWorkbook(wb, { ruleset: rs });
    expect(analysis.notes).toEqual([readMappingSetting("{not json").problem]);
    expect(analysis.notes[0]).toMatchObject({ code: "stored-mapping", where: SETTING_KEYS.mapping });
    expect(analysis.tables.map((t) => t.layout)).toEqual(first.tables.map((t) => t.layout));
    expect(analysis.tables[0].assessments).toHaveLength(first.tables[0].assessments.length);
  });

  test("a mapping that no longer fits its sheet is set aside for that sheet, with the reason", async () => {
    const { sheet, first } = await detected();
    const saved = toSavedMapping(sheet.name, first.tables[0].layout);
    const wb = new MemoryWorkbook([sheet]);
    const misfit = {
      ...saved,
      columns: [...saved.columns, { column: "ZZ", role: { kind: "indicator", indicatorId: "TC99.9" } }],
    };
    wb.settings.set(SETTING_KEYS.mapping, JSON.stringify([misfit]));
    const analysis = await analyseWorkbook(wb, { ruleset: rs });
    expect(analysis.notes).toHaveLength(1);
    expect(analysis.notes[0]).toMatchObject({ code: "saved-mapping", where: sheet.name });
    expect(analysis.notes[0].message.vi).toContain('"TC99.9"');
    expect(analysis.notes[0].message.vi).toContain(`Các cột của trang "${sheet.name}" được nhận lại`);
    expect(analysis.tables.map((t) => t.layout)).toEqual(first.tables.map((t) => t.layout));
  });

  test("a saved mapping that fits is used, as a list or as one older mapping, with nothing to say; so is none", async () => {
    const { sheet, first } = await detected();
    // The user ignored the households column: only the saved mapping says so.
    const saved = toSavedMapping(sheet.name, first.tables[0].layout);
    saved.columns = saved.columns.filter((c) => c.role.kind !== "households");
    expect(saved.columns.length).toBeLessThan(first.tables[0].layout.columns.length);
    for (const text of [JSON.stringify([saved]), JSON.stringify(saved)]) {
      const wb = new MemoryWorkbook([sheet]);
      wb.settings.set(SETTING_KEYS.mapping, text);
      const analysis = await analyseWorkbook(wb, { ruleset: rs });
      expect(analysis.notes).toEqual([]);
      expect(analysis.tables[0].layout.columns.some((c) => c.role.kind === "households")).toBe(false);
    }
    const empty = new MemoryWorkbook([sheet]);
    empty.settings.set(SETTING_KEYS.mapping, "");
    expect((await analyseWorkbook(empty, { ruleset: rs })).notes).toEqual([]);
  });
});
