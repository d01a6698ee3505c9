import { AlignmentType, BorderStyle, Paragraph, TextRun } from "docx";
import { xmlText } from "../rules/report/output-text";
import { DOCUMENT_COLOURS } from "../rules/palette";
import { FIRST_LINE, FONT, SIZE, SPACING } from "./word-style";

/** Paragraphs of the report body, in the state form's type (see word-style.ts). */

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** A run of text; names read from users' files may carry characters a Word file cannot hold: left out. */
export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text: xmlText(text),
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italics,
  });

/** A body paragraph: justified, first line indented. */
export function body(children: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: SPACING,
    children: typeof children === "string" ? [run(children, style)] : children,
  });
}

/** "I. KẾT QUẢ …" or "1. Kết quả chung": bold, indented like the body, kept with what follows. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { ...SPACING, before: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** A centred line (title block, captions). */
export function centred(children: string | TextRun[], style: RunStyle = {}, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: typeof children === "string" ? [run(children, style)] : children,
  });
}

/**
 * The short solid rule under a heading of the form (under the issuing body, the motto, the title): an
 * empty, tiny paragraph whose bottom border is `length` twips long, centred in a column `within` wide.
 */
export function rule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 0, line: 120, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: DOCUMENT_COLOURS.line, space: 1 } },
    children: [run("", { size: 4 })],
  });
}

/** The officer writes here: lines of dots. */
export function blankLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => body("……………………………………………………………………………………………………"));
}
