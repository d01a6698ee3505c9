import ExcelJS from "exceljs";
import type { SampleCell, SampleSheet } from "./sheet";

/** A generated sheet written with exceljs, as district staff format theirs. */

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function toExcel(v: SampleCell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (v === undefined) return { value: null };
  if (v === null || typeof v !== "object" || v instanceof Date) return { value: v };
  if ("numFmt" in v) return { value: v.value, numFmt: v.numFmt };
  if ("formula" in v) {
    const result =
      typeof v.result === "number" ? v.result : { error: v.result.error as ExcelJS.CellErrorValue["error"] };
    return { value: { formula: v.formula, result } as ExcelJS.CellFormulaValue };
  }
  return { value: { error: v.error as ExcelJS.CellErrorValue["error"] } };
}

/** The sample sheet as an .xlsx workbook: merged titles and headers, borders, widths, frozen header. */
export function sampleWorkbook(sheet: SampleSheet, options: { year?: number } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same seed gives the same workbook content.
  const stamp = new Date(Date.UTC(options.year ?? 2019, 10, 25));
  wb.creator = `UBND ${sheet.district.kind} ${sheet.district.name}`;
  wb.created = stamp;
  wb.modified = stamp;
  addSampleSheet(wb, sheet);
  return wb;
}

/** Add a sample sheet to a workbook (tests put several tables in one file). */
export function addSampleSheet(wb: ExcelJS.Workbook, sheet: SampleSheet): ExcelJS.Worksheet {
  const lastHeader = sheet.dataStart - 1;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: lastHeader + 1, xSplit: 3 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const width = sheet.columnWidths.length;
  let tableEnd = sheet.rows.length - 1;
  while (tableEnd > 0 && sheet.rows[tableEnd].every((v) => v === null || v === "" || typeof v === "string")) tableEnd--;
  sheet.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const { value, numFmt } = toExcel(cell);
      const target = row.getCell(c + 1);
      if (value !== null) target.value = value;
      if (numFmt) target.numFmt = numFmt;
      if (r >= sheet.headerTop && r <= tableEnd && c < width) target.border = THIN;
    });
    if (r < sheet.headerTop) row.font = { bold: true };
    if (r >= sheet.headerTop && r <= lastHeader) {
      row.font = { bold: true };
      row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let r = sheet.headerTop; r <= sheet.headerBottom; r++) ws.getRow(r + 1).height = 45;
  return ws;
}
