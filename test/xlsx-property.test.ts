import ExcelJS from "exceljs";
import fc from "fast-check";
import { cellAddress, CellValue, isExcelError, MergedRange } from "../src/rules/reading/cell";
import { SheetData } from "../src/rules/workbook";
import { readXlsx } from "../src/xlsx/read-workbook";
import { XlsxReadError } from "../src/xlsx/read-error";
import { CellSpec, Form, FORMS, handWrittenWorkbook } from "./support/cell-forms";
import { entries, workbookParts, zip } from "./support/xlsx-files";

/**
 * On random workbooks, the reader gives exactly the values Excel saved: whatever the cell's form (typed,
 * a formula's cached result of any type, shared and array formulas, inline and rich strings, CDATA,
 * escapes, t="d" dates, the 1904 system) and whoever wrote the file (by hand here, or exceljs).
 */

const DATE_FORMATS = ["dd/mm/yyyy", "m/d/yyyy h:mm", "h:mm"];
const FORMATS = ["General", "0%", "0.0", "#,##0", '#,##0\\ "đ"', "@", ...DATE_FORMATS];

const text = fc.oneof(
  fc.constantFrom(
    "Đạt",
    "Chưa đạt",
    "Khu dân cư số 1",
    "Xã Tiên Kiên",
    "91,7%",
    "46,5 triệu",
    " Thôn  Hạ ",
    "A & B <c> \"d\" 'e'",
    "a\tb\nc",
    "_x0041_ là chữ",
    "dòng 1\r\ndòng 2",
    "\u0001 điều khiển",
    "]]> cuối CDATA",
    "😀 Khu",
    ""
  ),
  fc.string({ maxLength: 12 })
);

const errorText = fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!");
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x))
);
/** A date-time serial in whole seconds, from 1990 to 2030. */
const serial = fc
  .tuple(fc.integer({ min: 32874, max: 47848 }), fc.integer({ min: 0, max: 86_399 }))
  .map(([day, seconds]) => day + seconds / 86_400);

const cellArb: fc.Arbitrary<CellSpec> = fc
  .oneof(
    { weight: 3, arbitrary: fc.record({ value: fc.constant(null), format: fc.constantFrom(undefined, "0%") }) },
    { weight: 2, arbitrary: fc.record({ value: number, format: fc.constantFrom(...FORMATS.slice(0, 6)) }) },
    { weight: 1, arbitrary: fc.record({ value: serial, format: fc.constantFrom(...DATE_FORMATS) }) },
    { weight: 1, arbitrary: fc.record({ value: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ value: errorText }) },
    { weight: 3, arbitrary: fc.record({ value: text }) }
  )
  .chain((cell) =>
    fc
      .oneof(
        { weight: 12, arbitrary: fc.constantFrom<Form>(...FORMS) },
        { weight: 1, arbitrary: fc.constant<Form>("uncalculated") }
      )
      .map((form) => ({ ...cell, form }))
  );

const sheetArb = fc.record({
  cells: fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 7 }),
  merge: fc.option(
    fc.record({
      top: fc.nat({ max: 5 }),
      left: fc.nat({ max: 4 }),
      rows: fc.nat({ max: 2 }),
      columns: fc.nat({ max: 2 }),
    })
  ),
  hidden: fc.uniqueArray(fc.nat({ max: 8 }), { maxLength: 3 }),
});

/** What Excel saved and Office.js gives for a sheet of these cells (see readXlsx). */
function expected(name: string, cells: CellSpec[][], merges: MergedRange[], hidden: number[]): SheetData {
  const written = (c: CellSpec | undefined) => c !== undefined && c.value !== null && c.value !== undefined;
  let height = 0;
  let width = 0;
  cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (written(c)) ((height = Math.max(height, r + 1)), (width = Math.max(width, k + 1)));
    })
  );
  const uncalculated: string[] = [];
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row = cells[r] ?? [];
    const filled = row.some(written);
    values.push(
      Array.from({ length: width }, (_, k) => {
        const c = row[k];
        if (!written(c)) return "";
        if (c.form === "uncalculated") {
          uncalculated.push(cellAddress(r, k));
          return "";
        }
        return c.value;
      })
    );
    numberFormats.push(Array.from({ length: width }, (_, k) => (filled ? (row[k]?.format ?? "General") : "General")));
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < height; r++) {
      for (let k = r === m.top ? m.left + 1 : m.left; k <= m.right && k < width; k++) values[r][k] = "";
    }
  }
  const data: SheetData = {
    name,
    values,
    numberFormats,
    merges,
    hiddenRows: hidden.filter((r) => r < height).sort((a, b) => a - b),
    protected: false,
  };
  if (uncalculated.length > 0) data.formulasWithoutResult = uncalculated;
  return data;
}

// eslint-disable-next-line no-control-regex -- control characters are what is excluded
const NOT_EXCELJS_TEXT = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F]/;

const mergeOf = (m: { top: number; left: number; rows: number; columns: number } | null): MergedRange[] =>
  m && m.rows + m.columns > 0 ? [{ top: m.top, left: m.left, bottom: m.top + m.rows, right: m.left + m.columns }] : [];

describe("random workbooks: the reader gives the values Excel saved", () => {
  test("every cell form, written by hand, in 1900 and 1904 workbooks", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), fc.boolean(), (sheets, date1904) => {
        const specs = sheets.map((s, k) => ({
          name: `Trang ${k + 1}`,
          cells: s.cells,
          merges: mergeOf(s.merge),
          hiddenRows: s.hidden,
        }));
        const book = readXlsx(new Uint8Array(handWrittenWorkbook(specs, { date1904 })));
        expect(book.names).toEqual(specs.map((s) => s.name));
        book.sheets.forEach((sheet, k) => {
          const s = specs[k];
          expect(sheet).toEqual(expected(s.name, s.cells, s.merges, s.hiddenRows));
        });
      }),
      { numRuns: 150, seed: 2076 }
    );
  });

  test("formulas with cached results (and without), typed values, dates and formats, written by exceljs", async () => {
    await fc.assert(
      fc.asyncProperty(sheetArb, fc.boolean(), async (s, date1904) => {
        const merges = mergeOf(s.merge);
        // exceljs writes neither escapes nor CR nor controls as Excel would: leave such text out.
        const safe = (v: CellValue) => typeof v !== "string" || !NOT_EXCELJS_TEXT.test(v);
        // Covered cells of a merge are not written by exceljs.
        const covered = (r: number, k: number) =>
          merges.some(
            (m) => r >= m.top && r <= m.bottom && k >= m.left && k <= m.right && (r !== m.top || k !== m.left)
          );
        const cells: CellSpec[][] = s.cells.map((row, r) =>
          row.map((c, k) => (covered(r, k) || !safe(c.value) ? { value: null } : c))
        );
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet("Trang");
        const DAY_MS = 86_400_000;
        cells.forEach((row, r) =>
          row.forEach((c, k) => {
            if (c.value === null || c.value === undefined) {
              if (c.format) ws.getCell(r + 1, k + 1).numFmt = c.format;
              return;
            }
            const v = c.value;
            const isDate = typeof v === "number" && DATE_FORMATS.includes(c.format ?? "");
            const typed: ExcelJS.CellValue =
              typeof v === "string" && isExcelError(v)
                ? ({ error: v } as ExcelJS.CellErrorValue)
                : isDate
                  ? new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * DAY_MS))
                  : (v as ExcelJS.CellValue);
            const cell = ws.getCell(r + 1, k + 1);
            if (c.form === "uncalculated") cell.value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
            else if (c.form === "formula" || c.form === "shared") {
              cell.value = { formula: "N(1)", result: typed } as ExcelJS.CellFormulaValue;
            } else cell.value = typed;
            if (c.format && c.format !== "General") cell.numFmt = c.format;
          })
        );
        for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
        for (const r of s.hidden) ws.getRow(r + 1).hidden = true;
        const read = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())).sheets[0];
        // exceljs's own serial for a date, as Excel would have saved it.
        const saved = cells.map((row) =>
          row.map((c) => {
            if (typeof c.value !== "number" || !DATE_FORMATS.includes(c.format ?? "")) return c;
            const ms = Math.round((c.value - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
            return { ...c, value: 25569 + ms / DAY_MS - (date1904 ? 1462 : 0) };
          })
        );
        // exceljs writes no row without a cell, hidden or not (Excel does).
        const hidden = s.hidden.filter((r) => (cells[r] ?? []).some((c) => c.value !== null || c.format));
        const want = expected("Trang", saved, merges, hidden);
        expect(read.values).toEqual(want.values);
        expect(read.formulasWithoutResult).toEqual(want.formulasWithoutResult);
        expect(read.hiddenRows).toEqual(want.hiddenRows);
        expect(read.numberFormats).toEqual(want.numberFormats);
        expect(read.merges).toEqual(merges);
      }),
      { numRuns: 80, seed: 2017 }
    );
  });

  test("damaged files, their XML edited or their bytes changed: read, or refused with a message, never an internal error", () => {
    const parts = workbookParts({
      sheets: [
        {
          name: "Tổng hợp",
          head: '<cols><col min="1" max="2" style="1"/></cols>',
          data:
            '<row r="1" hidden="1" s="1" customFormat="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><f t="shared" ref="B1:B3" si="0">1</f><v>2</v></c>' +
            '<c r="C1" t="inlineStr"><is><r><t>a_x000D_</t></r><rPh><t>b</t></rPh></is></c><c r="D1" t="d"><v>2019-01-01T10:00:00</v></c>' +
            '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="b"><v>1</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>5</v></c></row>',
          tail: '<sheetProtection sheet="1"/><mergeCells><mergeCell ref="A5:B6"/></mergeCells>',
        },
      ],
      shared: "<si><t>Khu</t></si><si><r><t>x</t></r></si>",
      styles:
        '<numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>',
      before: '<workbookPr date1904="1"/><bookViews><workbookView activeTab="0"/></bookViews>',
    });
    const names = Object.keys(parts);
    const edit = fc.record({
      part: fc.nat({ max: names.length - 1 }),
      at: fc.nat(),
      kind: fc.constantFrom("delete", "insert", "replace"),
      char: fc.constantFrom(
        "<",
        ">",
        "/",
        '"',
        "=",
        "r",
        "c",
        "v",
        "t",
        "s",
        "1",
        "0",
        "A",
        ":",
        "&",
        ";",
        " ",
        "_",
        "#",
        "-",
        "à"
      ),
    });
    const outcome = (bytes: Buffer) => {
      try {
        readXlsx(new Uint8Array(bytes));
        return "read";
      } catch (e) {
        if (e instanceof XlsxReadError) return "refused";
        throw e;
      }
    };
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 3 }),
        (edits, flips) => {
          const edited = { ...parts };
          for (const e of edits) {
            const name = names[e.part];
            const text = edited[name];
            const at = e.at % (text.length + 1);
            edited[name] =
              e.kind === "delete"
                ? text.slice(0, at) + text.slice(at + 1)
                : e.kind === "insert"
                  ? text.slice(0, at) + e.char + text.slice(at)
                  : text.slice(0, at) + e.char + text.slice(at + 1);
          }
          const bytes = zip(entries(edited, 0));
          expect(["read", "refused"]).toContain(outcome(bytes));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          expect(["read", "refused"]).toContain(outcome(bytes));
        }
      ),
      { numRuns: 400, seed: 11 }
    );
  });
});
