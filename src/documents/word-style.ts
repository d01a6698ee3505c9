import { convertMillimetersToTwip } from "docx";

/**
 * The form of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait; margins top
 * and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman, Unicode, black; body text 13–14
 * pt, justified, first line indented 1–1.27 cm, at least 6 pt between paragraphs, single to 1.5 line
 * spacing; page numbers from 2 at the top centre.
 */

export const FONT = "Times New Roman";

/** Sizes in half-points, as Word counts them. */
export const SIZE = {
  /** Quốc hiệu, the issuing body, the number: 12–13 pt. */
  letterhead: 26,
  /** Tiêu ngữ, the title, place and date, body text, signature block: 13–14 pt. */
  body: 28,
  /** Tables: smaller, so that the columns the province asks for fit the page width. */
  table: 24,
  /** "Nơi nhận:" 12 pt; the recipients 11 pt. */
  recipientsLabel: 24,
  recipients: 22,
} as const;

const mm = (n: number): number => Math.round(convertMillimetersToTwip(n));

/** A4: 210 × 297 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;

/** Width of the text between the margins, in twips (165 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE = mm(12.7);

/** 6 pt after each paragraph; lines 1.15 apart (240 = single), said in full: LibreOffice needs the rule. */
export const SPACING = { after: 120, line: 276, lineRule: "auto" } as const;
