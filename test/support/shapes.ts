import { SampleCell, SampleSheet } from "../../src/cli/sample/sheet";
import { BookOptions, sampleBook, SampleBook } from "../../src/cli/sample/shapes";
import { CellValue } from "../../src/rules/reading/cell";
import { embeddedRuleset } from "../../src/rules/ruleset/ruleset-document";
import { SheetData } from "../../src/rules/workbook";
import { SheetSeed } from "./office/excel-double";
import { district } from "./workbooks";

/**
 * The sample shapes (ntm sample --shape) as the pane's hosts would hand them over: each generated sheet as
 * SheetData (values Excel shows, number formats, merges) and as a seed of the Excel double.
 */

/** Days from Excel's day 0 (30 Dec 1899) to a date: how Office.js hands a date cell over. */
const excelSerial = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function cellOf(v: SampleCell): { value: CellValue; format: string } {
  if (v === undefined || v === null) return { value: null, format: "General" };
  if (v instanceof Date) return { value: excelSerial(v), format: "dd/mm/yyyy" };
  if (typeof v !== "object") return { value: v, format: "General" };
  if ("numFmt" in v) return { value: v.value, format: v.numFmt };
  if ("formula" in v) return { value: typeof v.result === "number" ? v.result : v.result.error, format: "General" };
  return { value: v.error, format: "General" };
}

/** A generated sheet as the core reads it from Excel. */
export function sheetDataOf(sheet: SampleSheet): SheetData {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const row of sheet.rows) {
    const cells = Array.from({ length: width }, (_, c) => cellOf(row[c] ?? null));
    values.push(cells.map((c) => c.value));
    numberFormats.push(cells.map((c) => c.format));
  }
  return { name: sheet.name, values, numberFormats, merges: sheet.merges };
}

/** A generated sheet as a seed of the Excel double (blank cells as Excel gives them: ""). */
export function seedOf(sheet: SampleSheet): SheetSeed {
  const data = sheetDataOf(sheet);
  return {
    name: data.name,
    values: data.values.map((r) => r.map((v) => (v === null || v === undefined ? "" : v))),
    numberFormats: data.numberFormats,
    merges: data.merges,
  };
}

/** Every sheet of a sample book, its cover first. */
export function bookSheets(book: SampleBook): SheetData[] {
  const cover: SheetData[] = book.cover ? [{ name: book.cover.name, values: book.cover.rows }] : [];
  return [...cover, ...book.sheets.map(sheetDataOf)];
}

export function bookSeeds(book: SampleBook): SheetSeed[] {
  const cover: SheetSeed[] = book.cover ? [{ name: book.cover.name, values: book.cover.rows }] : [];
  return [...cover, ...book.sheets.map(seedOf)];
}

/** A sample book of a shape, small and seeded. */
export function shapeBook(
  options: Partial<BookOptions> & { shape: BookOptions["shape"]; commune?: string }
): SampleBook {
  return sampleBook(embeddedRuleset(), {
    district: district("Đoan Hùng"),
    areas: options.shape === "communes" ? 36 : 12,
    layout: "indicators",
    seed: 12,
    year: 2019,
    ...options,
  });
}

/** An area as the tests compare it with what the sheet was built to say. */
export const truthOf = (a: { sheet?: string; commune: string; name: string; notMet: string[] }) => [
  a.sheet,
  a.commune,
  a.name,
  a.notMet,
];
