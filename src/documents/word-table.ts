import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from "docx";
import { formatNumber } from "../rules/format";
import { DOCUMENT_COLOURS } from "../rules/palette";
import { SIZE, TEXT_WIDTH } from "./word-style";
import { run } from "./word-text";

/** The report's data tables: ruled, the header row repeated on every page, rows never split. */

export type TableCellValue = string | number;

/** A cell merged with the `rowSpan - 1` cells below it, which the next rows give as `null`. */
export interface MergedCell {
  value: TableCellValue;
  rowSpan: number;
}

export type TableCellInput = TableCellValue | MergedCell | null;

type Align = "left" | "center" | "right";

export interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  /** Numbers are centred, text left-aligned, unless said otherwise. */
  align?: Align;
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: DOCUMENT_COLOURS.line } as const;
// No border: Word wants a colour all the same, "auto".
const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;

export const RULED = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
export const UNRULED = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const cellText = (v: TableCellValue): string => (typeof v === "number" ? formatNumber(v, "vi") : v);

function cell(value: TableCellValue, width: number, align: Align, header: boolean, rowSpan = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    rowSpan: rowSpan > 1 ? rowSpan : undefined,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: 80, right: 80 },
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: DOCUMENT_COLOURS.tableHeader } : undefined,
    children: cellText(value)
      .split("\n")
      .map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : ALIGNMENT[align],
            spacing: { after: 0, line: 250, lineRule: "auto" },
            children: [run(line, { size: SIZE.table, bold: header })],
          })
      ),
  });
}

/**
 * A table over the full text width; `rows` hold strings or numbers (numbers written "1.234,5"), a
 * `MergedCell` spanning rows, or `null` where a cell above spans.
 */
export function dataTable(columns: Column[], rows: TableCellInput[][]): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  const align = (k: number, v: TableCellValue): Align =>
    columns[k].align ?? (typeof v === "number" ? "center" : "left");
  const bodyCell = (v: TableCellInput, k: number): TableCell[] => {
    if (v === null) return [];
    const merged = typeof v === "object";
    const value = merged ? v.value : v;
    return [cell(value, widths[k], align(k, value), false, merged ? v.rowSpan : 1)];
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: RULED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, k) => cell(c.header, widths[k], "center", true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.flatMap((_, k) => bodyCell(r[k] === undefined ? "" : r[k], k)),
          })
      ),
    ],
  });
}
