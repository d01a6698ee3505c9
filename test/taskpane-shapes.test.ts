import { resetAddinState } from "../src/functions/addin-state";
import { InputError } from "../src/rules/message";
import { SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions, Detection } from "../src/taskpane/actions";
import { ExcelWorkbook } from "../src/taskpane/excel-workbook";
import { HIGHLIGHT_MARKER } from "../src/rules/own-formats";
import { ExcelDouble, SheetSeed } from "./support/office/excel-double";
import { recordingDocuments } from "./support/documents";
import { bookSeeds, shapeBook, truthOf } from "./support/shapes";

/**
 * Every shape of workbook through the pane's own path: ExcelWorkbook (Office.js) over the Excel double,
 * the same object-model semantics the end-to-end test runs in Chromium.
 */

function paneOn(seeds: SheetSeed[]) {
  const double = new ExcelDouble(seeds);
  return { double, actions: createPaneActions(new ExcelWorkbook(double.run), recordingDocuments()) };
}

/** The tables as the pane passes them: those found and not corrected may be read again the other way. */
const choices = (d: Detection) =>
  d.tables
    .filter((t) => t.included)
    .map((t) => ({ sheet: t.sheet, layout: t.layout, detected: t.source === "detected" && !t.edited }));

async function analyseAll(seeds: SheetSeed[]) {
  const { double, actions } = paneOn(seeds);
  const { ruleset } = await actions.loadRuleset();
  const detection = await actions.detect(ruleset);
  const before = double.state.syncs;
  const report = await actions.analyse({ tables: choices(detection), ruleset, language: "vi", highlight: true });
  return { double, actions, detection, report, syncs: double.state.syncs - before };
}

const ownFormats = (double: ExcelDouble, sheet: string) =>
  double.state.sheets
    .find((s) => s.name === sheet)
    ?.conditionalFormats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER)) ?? [];

beforeEach(() => resetAddinState());

describe("the pane on every shape of workbook", () => {
  test("one sheet per commune: every sheet found and assessed, the cover passed over, every sheet highlighted", async () => {
    const book = shapeBook({ shape: "communes" });
    const { double, detection, report } = await analyseAll(bookSeeds(book));
    expect(detection.tables.map((t) => t.sheet)).toEqual(book.sheets.map((s) => s.name));
    expect(detection.skipped.map((s) => [s.sheet, s.reason])).toEqual([["Hướng dẫn", "instructions"]]);
    expect(report.sheets).toEqual(book.sheets.map((s) => s.name));
    expect(report.assessments.map((a) => [a.area.sheet, a.area.name, a.notMet])).toEqual(
      book.areas.map((a) => [a.sheet, a.name, a.notMet])
    );
    for (const s of book.sheets) expect(ownFormats(double, s.name).length).toBeGreaterThan(0);
    expect(report.highlightProblems).toEqual([]);
    expect(report.notes.filter((n) => n.code === "commune-from-sheet")).toHaveLength(book.sheets.length);
    // The roll-ups go by commune: no district anywhere.
    const communes = double.state.sheets.find((s) => s.name === SHEET_NAMES.communes)!;
    const header = communes.values.findIndex((r) => r[0] === "Xã");
    expect(header).toBeGreaterThan(0);
    expect(communes.values.slice(header + 1, header + 1 + book.sheets.length).map((r) => r[0])).toEqual(
      book.sheets.map((s) => s.name)
    );
  });

  test("reading more commune sheets costs two syncs per sheet read; writing and highlighting cost the same", async () => {
    const small = await analyseAll(bookSeeds(shapeBook({ shape: "communes", areas: 24 })));
    const large = await analyseAll(bookSeeds(shapeBook({ shape: "communes", areas: 66 })));
    const extra = large.report.sheets.length - small.report.sheets.length;
    expect(extra).toBeGreaterThan(0);
    expect(large.syncs - small.syncs).toBe(2 * extra);
  });

  test("a commune's own workbook: its commune from the title, no district", async () => {
    const book = shapeBook({ shape: "commune", commune: "Xã Thanh Thủy" });
    const { report } = await analyseAll(bookSeeds(book));
    expect(report.assessments.map((a) => truthOf({ ...a.area, notMet: a.notMet }))).toEqual(
      book.areas.map((a) => truthOf({ ...a, commune: "Xã Thanh Thủy" }))
    );
    expect(report.assessments.every((a) => a.area.district === undefined)).toBe(true);
  });

  test("a sideways form: read by column, highlighted along its rows, an area shown by selecting its column", async () => {
    const book = shapeBook({ shape: "sideways", commune: "Xã Thanh Thủy", areas: 9 });
    const { double, actions, detection, report } = await analyseAll(bookSeeds(book));
    expect(detection.tables[0].layout.orientation).toBe("columns");
    expect(report.assessments.map((a) => [a.area.name, a.area.column, a.notMet])).toEqual(
      book.areas.map((a) => [a.name, a.column, a.notMet])
    );
    const formats = ownFormats(double, book.sheets[0].name);
    expect(formats.length).toBeGreaterThan(0);
    // Each format covers one sheet row across the area columns (D… onwards).
    for (const f of formats) expect(f.ranges).toMatch(/^D(\d+):L\1$/);
    const area = report.assessments[3].area;
    await actions.selectArea(area);
    expect(double.state.selection).toEqual({ sheet: book.sheets[0].name, address: "G1:G1048576" });
  });

  test("a protected commune sheet: the others are highlighted, that one is named; results written all the same", async () => {
    const book = shapeBook({ shape: "communes" });
    const seeds = bookSeeds(book).map((s) => (s.name === book.sheets[1].name ? { ...s, protected: true } : s));
    const { double, report } = await analyseAll(seeds);
    expect(report.highlightProblems.map((p) => [p.code, p.where])).toEqual([["sheet-protected", book.sheets[1].name]]);
    expect(ownFormats(double, book.sheets[0].name).length).toBeGreaterThan(0);
    expect(ownFormats(double, book.sheets[1].name)).toEqual([]);
    expect(double.state.sheets.some((s) => s.name === SHEET_NAMES.areas)).toBe(true);
  });

  test("a table left out is not read; corrections and the choice of tables are saved per table", async () => {
    const book = shapeBook({ shape: "communes" });
    const { double, actions } = paneOn(bookSeeds(book));
    const { ruleset } = await actions.loadRuleset();
    const detection = await actions.detect(ruleset);
    const [first, ...rest] = detection.tables;
    const report = await actions.analyse({
      tables: rest.map((t) => ({ sheet: t.sheet, layout: t.layout })),
      ruleset,
      language: "vi",
      highlight: true,
    });
    expect(report.sheets).not.toContain(first.sheet);
    expect(ownFormats(double, first.sheet)).toEqual([]);
    const again = await createPaneActions(new ExcelWorkbook(double.run), recordingDocuments()).detect(ruleset);
    expect(again.tables.filter((t) => t.source === "saved").map((t) => t.sheet)).toEqual(rest.map((t) => t.sheet));
  });

  test("a table found the wrong way round is read again the other way in the pane too, unless the user corrected it", async () => {
    // A district table whose notes column names a missing criterion on every row: the sideways reading
    // is tried first (see workbook-shapes.test.ts); the analysis reads it again the usual way.
    const book = shapeBook({ shape: "district", layout: "status", areas: 24, sections: false });
    const [seed] = bookSeeds(book);
    const sheet = book.sheets[0];
    const notes = sheet.rows[sheet.headerTop].findIndex((v) => v === "Ghi chú");
    for (const a of sheet.areas) seed.values[a.row - 1][notes] = "Môi trường";
    const { report, detection, actions } = await analyseAll([seed]);
    expect(detection.tables[0].layout.orientation).toBe("columns");
    expect(report.tables[0].layout.orientation ?? "rows").toBe("rows");
    expect(report.assessments.map((a) => [a.area.name, a.notMet])).toEqual(sheet.areas.map((a) => [a.name, a.notMet]));
    expect(report.notes.map((n) => n.code)).toContain("read-again");
    // A layout the user set is taken as given: what it reads is checked, not replaced.
    const { ruleset } = await actions.loadRuleset();
    const given = detection.tables.map((t) => ({ sheet: t.sheet, layout: t.layout }));
    const refused = await actions
      .analyse({ tables: given, ruleset, language: "vi", highlight: false })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
  });

  test("a form that cannot be read either way is refused in the pane too, and nothing is written", async () => {
    const rs = (await paneOn([]).actions.loadRuleset()).ruleset;
    const rows: unknown[][] = [
      ["TT", "Tên tiêu chí", "Nội dung chỉ tiêu", "Chỉ tiêu quy định", "Kết quả thực hiện", "Tự đánh giá"],
    ];
    rs.criteria.forEach((c, k) =>
      c.indicators.forEach((i, n) =>
        rows.push([n === 0 ? k + 1 : "", n === 0 ? c.nameVi : "", i.nameVi, "", 85, "Đạt"])
      )
    );
    const { double, actions } = paneOn([{ name: "Khu 3", values: rows }]);
    const detection = await actions.detect(rs);
    const error = await actions
      .analyse({ tables: choices(detection), ruleset: rs, language: "vi", highlight: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0].code).toBe("implausible-table");
    expect(double.state.sheets.map((s) => s.name)).toEqual(["Khu 3"]);
  });
});
