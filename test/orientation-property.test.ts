import fc from "fast-check";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { CellValue, MergedRange } from "../src/rules/reading/cell";
import { InputError } from "../src/rules/message";
import { transposedView } from "../src/rules/reading/orientation";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { Indicator } from "../src/rules/ruleset/ruleset";
import { MemoryWorkbook, SheetData } from "../src/rules/workbook";

/**
 * A table written the usual way (one area per row) and the same table turned sideways (one area per
 * column) are read the same: same areas, same communes, same assessments; or both refused alike.
 */

const rs = embeddedRuleset();

/** A value column: an indicator's value, or a criterion's Đạt/Chưa đạt. */
type Column = { kind: "indicator"; indicator: Indicator } | { kind: "status"; criterion: number };

const COMMUNES = ["Xã Minh Lương", "Xã Chí Đám", "Phường Âu Cơ", "Thị trấn Hạ Hòa"];
const NAMES = ["Khu 1", "Khu 2", "Thôn Đồng Xuân", "Xóm Gò Chè", "Khu Tân Lập", "Thôn Cầu Trắng", "Khu 7", "Xóm Mới"];

/** A cell typed for a column, as people type them (a blank now and then). */
function cellFor(column: Column): fc.Arbitrary<CellValue> {
  if (column.kind === "status") return fc.constantFrom<CellValue>("Đạt", "Đạt", "Chưa đạt", "Không đạt", null);
  const i = column.indicator;
  if (i.unit === "percent")
    return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom<CellValue>("85%", "92,5", null));
  if (i.unit === "boolean") return fc.constantFrom<CellValue>("Có", "Không", "Đạt", "Chưa đạt", null);
  if (i.unit === "vnd_per_person_year") return fc.integer({ min: 20, max: 60 }).map((m) => m * 1_000_000);
  return fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant<CellValue>(null));
}

/** Some value columns: indicators of some criteria, Đạt/Chưa đạt for others, in ruleset order. */
const columnsArb: fc.Arbitrary<Column[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: rs.criteria.length - 1 }), { minLength: 1, maxLength: 8 })
  .chain((criteria) =>
    fc
      .tuple(...criteria.sort((a, b) => a - b).map((k) => fc.boolean().map((status) => ({ k, status }))))
      .map((picks) =>
        picks.flatMap(({ k, status }): Column[] =>
          status
            ? [{ kind: "status", criterion: k }]
            : rs.criteria[k].indicators.map((indicator) => ({ kind: "indicator", indicator }))
        )
      )
  );

interface Table {
  sheet: SheetData;
  areas: number;
  /** Each area's commune and name, as written. */
  written: Array<{ commune: string; name: string }>;
}

/** The usual table: a title naming the commune, two header rows (a criterion over its indicators), the areas. */
const tableArb: fc.Arbitrary<Table> = fc
  .record({
    columns: columnsArb,
    commune: fc.constantFrom(...COMMUNES),
    names: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 6 }),
    // A commune column (each area its own commune), or the commune in the title.
    communeColumn: fc.boolean(),
  })
  .chain(({ columns, commune, names, communeColumn }) =>
    fc
      .tuple(
        fc.tuple(...names.map(() => fc.constantFrom(...COMMUNES))),
        ...names.map(() => fc.tuple(...columns.map(cellFor)))
      )
      .map(([communes, ...cells]): Table => {
        const fixed = communeColumn ? 3 : 2;
        const width = fixed + columns.length;
        const upper: CellValue[] = communeColumn ? ["TT", "Xã", "Khu dân cư"] : ["TT", "Khu dân cư"];
        const lower: CellValue[] = upper.map(() => null);
        const merges: MergedRange[] = upper.map((_, c) => ({ top: 2, left: c, bottom: 3, right: c }));
        columns.forEach((c, k) => {
          const col = fixed + k;
          if (c.kind === "status") {
            upper.push(`${c.criterion + 1}. ${rs.criteria[c.criterion].nameVi}`);
            lower.push(null);
            merges.push({ top: 2, left: col, bottom: 3, right: col });
            return;
          }
          const criterion = rs.criteria.find((x) => x.id === c.indicator.criterionId)!;
          const first = criterion.indicators[0] === c.indicator;
          upper.push(first ? `${rs.criteria.indexOf(criterion) + 1}. ${criterion.nameVi}` : null);
          lower.push(c.indicator.nameVi);
          if (first && criterion.indicators.length > 1)
            merges.push({ top: 2, left: col, bottom: 2, right: col + criterion.indicators.length - 1 });
        });
        const values: CellValue[][] = [
          [`BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ - ${commune.toLocaleUpperCase("vi")}`],
          [],
          upper,
          lower,
          ...names.map((name, k) => [k + 1, ...(communeColumn ? [communes[k]] : []), name, ...cells[k]]),
        ].map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
        const written = names.map((name, k) => ({ commune: communeColumn ? communes[k] : commune, name }));
        return { sheet: { name: "Tổng hợp", values, merges }, areas: names.length, written };
      })
  );

/** What a reading says of each area, wherever it sits; or the codes of a refusal. */
async function outcome(sheet: SheetData) {
  try {
    const analysis = await analyseWorkbook(new MemoryWorkbook([sheet]), { ruleset: rs });
    return analysis.tables.flatMap((t) =>
      t.assessments.map((a) => ({
        line: a.area.row ?? a.area.column,
        commune: a.area.commune,
        name: a.area.name,
        met: a.metCount,
        notMet: a.notMet,
        missing: a.missing,
      }))
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { refused: e.problems.map((p) => p.code) };
  }
}

test("a table read the usual way and turned sideways gives the same areas and assessments", async () => {
  await fc.assert(
    fc.asyncProperty(tableArb, async ({ sheet, written }) => {
      const usual = await outcome(sheet);
      const sideways = await outcome({ ...transposedView(sheet), name: sheet.name });
      expect(sideways).toEqual(usual);
      // And what is read is what was written: every area, in its commune, in order.
      if (Array.isArray(usual)) expect(usual.map((a) => ({ commune: a.commune, name: a.name }))).toEqual(written);
    }),
    { seed: 20260712, numRuns: 100 }
  );
});

test("the tables the property draws are mostly read, not refused: it tests readings, not refusals", async () => {
  const samples = fc.sample(tableArb, { seed: 20260712, numRuns: 100 });
  let read = 0;
  for (const { sheet, areas } of samples) {
    const o = await outcome(sheet);
    if (Array.isArray(o)) {
      expect(o).toHaveLength(areas);
      read++;
    }
  }
  expect(read).toBeGreaterThan(samples.length / 2);
});
