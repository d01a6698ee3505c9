import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { BLANK, Issuer } from "./issuer";
import { FIRST_LINE, SIZE, SPACING, TEXT_WIDTH } from "./word-style";
import { blankLines, body, centred, heading, run } from "./word-text";
import { UNRULED } from "./word-table";

/**
 * The end of the report: the proposals the officer writes, the closing sentence, then side by side the
 * recipients ("Nơi nhận", 12 pt bold italic over 11 pt lines) and the signature block (on whose behalf,
 * the position, room for the signature and seal, the signer's name).
 */

export function proposalsSection(): Array<Paragraph | Table> {
  return [
    heading("III. ĐỀ XUẤT, KIẾN NGHỊ"),
    body([run("(Cán bộ soạn thảo ghi đề xuất, kiến nghị của đơn vị.)", { italics: true })]),
    ...blankLines(4),
  ];
}

const RECIPIENTS = [
  "- UBND tỉnh (b/c);",
  "- Sở Nông nghiệp và Môi trường;",
  "- Văn phòng Điều phối nông thôn mới tỉnh;",
  `- ${BLANK};`,
  `- Lưu: VT, ${BLANK}.`,
];

const left = (text: string, size: number, style: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 0 }, children: [run(text, { size, ...style })] });

/** The last sentence stays on the page of the signature. */
function closingSentence(issuer: Issuer): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: SPACING,
    keepNext: true,
    children: [
      run(
        `Trên đây là báo cáo kết quả rà soát, đánh giá khu dân cư theo Bộ tiêu chí khu dân cư nông thôn mới và lộ trình thực hiện của ${issuer.inText}./.`
      ),
    ],
  });
}

export function closing(issuer: Issuer): Array<Paragraph | Table> {
  const recipientsWidth = Math.round(TEXT_WIDTH * 0.45);
  const signerWidth = TEXT_WIDTH - recipientsWidth;
  const recipients = new TableCell({
    width: { size: recipientsWidth, type: WidthType.DXA },
    borders: UNRULED,
    children: [
      left("Nơi nhận:", SIZE.recipientsLabel, { bold: true, italics: true }),
      ...RECIPIENTS.map((r) => left(r, SIZE.recipients)),
    ],
  });
  const signer = new TableCell({
    width: { size: signerWidth, type: WidthType.DXA },
    borders: UNRULED,
    children: [
      centred(issuer.authority, { bold: true }),
      centred(issuer.position, { bold: true }),
      // Room for the signature and the seal.
      ...Array.from({ length: 5 }, () => centred("")),
      centred(BLANK + BLANK, { bold: true }),
    ],
  });
  return [
    closingSentence(issuer),
    new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [recipientsWidth, signerWidth],
      layout: TableLayoutType.FIXED,
      borders: UNRULED,
      rows: [new TableRow({ cantSplit: true, children: [recipients, signer] })],
    }),
  ];
}
