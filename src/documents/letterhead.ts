import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { Issuer, SHORT_BLANK } from "./issuer";
import { SIZE, TEXT_WIDTH } from "./word-style";
import { centred, rule, run } from "./word-text";
import { UNRULED } from "./word-table";

/**
 * The head of the first page in the state form: on the left the issuing body with its short rule and
 * the number "Số: …/BC-UBND"; on the right the national name and motto with the rule under the motto, and
 * the place and date in italics; then the document type and its summary, centred, with a short rule.
 */

/** The left column takes a little over a third of the text width, as in the form's layout diagram. */
const LEFT = Math.round(TEXT_WIDTH * 0.38);
const RIGHT = TEXT_WIDTH - LEFT;

const MM = 56.7;

function column(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: UNRULED, children });
}

export function letterhead(issuer: Issuer): Table {
  const body = [
    ...(issuer.parent ? [centred(issuer.parent, { size: SIZE.letterhead })] : []),
    ...issuer.name.map((line) => centred(line, { size: SIZE.letterhead, bold: true })),
    // 1/3 to 1/2 of the body's name.
    rule(22 * MM, LEFT),
  ];
  const motto = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: SIZE.letterhead, bold: true }),
    centred("Độc lập - Tự do - Hạnh phúc", { size: SIZE.body, bold: true }),
    // As long as the motto.
    rule(64 * MM, RIGHT),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    layout: TableLayoutType.FIXED,
    borders: UNRULED,
    rows: [
      new TableRow({ children: [column(LEFT, body), column(RIGHT, motto)] }),
      new TableRow({
        children: [
          column(LEFT, [centred(`Số: ${SHORT_BLANK}/${issuer.symbol}`, { size: SIZE.letterhead }, 0)]),
          column(RIGHT, [
            centred(`${issuer.place}, ngày ${SHORT_BLANK} tháng ${SHORT_BLANK} năm ${SHORT_BLANK}`, {
              size: SIZE.body,
              italics: true,
            }),
          ]),
        ],
      }),
    ],
  });
}

/** "BÁO CÁO" and its summary under the letterhead. */
export function titleBlock(kind: string, summary: string): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred(kind, { bold: true }),
    centred([run(summary, { bold: true })]),
    rule(50 * MM, TEXT_WIDTH),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}
