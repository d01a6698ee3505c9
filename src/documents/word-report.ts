import { AlignmentType, Document, Header, ISectionOptions, Packer, PageNumber, Paragraph, Table, TextRun } from "docx";
import { closing, proposalsSection } from "./closing";
import { dossierAnnex } from "./dossier-annex";
import { Issuer, issuerOf, SHORT_BLANK } from "./issuer";
import { letterhead, titleBlock } from "./letterhead";
import { resultsSection } from "./results-section";
import { roadmapSection } from "./roadmap-section";
import { WordReportModel } from "./word-report-model";
import { FONT, PAGE, SIZE, SPACING } from "./word-style";
import { body } from "./word-text";

/**
 * The Word report (BÁO CÁO) drafted in the state form of Nghị định 30/2020/NĐ-CP, built from the same
 * report model as the sheets; host-neutral (no file system, no DOM): the command line writes the bytes
 * to a file, the pane offers them as a download.
 */

/** Page numbers at the top centre, none on a section's first page (the form's rule for page 1). */
function pageSection(children: Array<Paragraph | Table>, restartNumbers: boolean): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: PAGE.margin,
        ...(restartNumbers ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })],
          }),
        ],
      }),
      first: new Header({ children: [] }),
    },
    children,
  };
}

function introduction(model: WordReportModel, issuer: Issuer): Paragraph {
  const source = model.ruleset.source;
  const decision = source.document
    ? ` (Quyết định số ${source.document}${source.date ? ` ngày ${vietnameseDate(source.date)}` : ""}${source.issuer ? ` của ${source.issuer}` : ""})`
    : "";
  const target = model.plan ? ` và lộ trình thực hiện đến năm ${model.plan.targetYear}` : "";
  return body(
    `Thực hiện chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh về tăng cường xây dựng khu dân cư nông thôn mới (Văn bản số ${SHORT_BLANK}), ` +
      `${issuer.inText} báo cáo kết quả rà soát, đánh giá các khu dân cư theo ${model.ruleset.title}${decision}${target} như sau:`
  );
}

/** "2017-08-17" → "17/8/2017", as dates are cited in the text of documents. */
function vietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

export function wordReportDocument(model: WordReportModel): Document {
  const communes = model.results.flatMap((r) => r.assessments.map((a) => a.area.commune));
  const issuer = issuerOf(communes, model.ruleset);
  const summary =
    "Kết quả rà soát, đánh giá khu dân cư theo Bộ tiêu chí khu dân cư nông thôn mới" +
    (model.plan ? ` và lộ trình đến năm ${model.plan.targetYear}` : "");
  const report: Array<Paragraph | Table> = [
    letterhead(issuer),
    ...titleBlock("BÁO CÁO", summary),
    introduction(model, issuer),
    ...resultsSection(model),
    ...roadmapSection(model),
    ...proposalsSection(),
    ...closing(issuer),
  ];
  const sections = [pageSection(report, false)];
  if (model.dossier.length > 0) sections.push(pageSection(dossierAnnex(model, issuer), true));
  return new Document({
    creator: "ntm",
    title: `Báo cáo ${summary.charAt(0).toLocaleLowerCase("vi")}${summary.slice(1)}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: "vi-VN" } },
          paragraph: { spacing: SPACING },
        },
      },
    },
    sections,
  });
}

/** The .docx bytes of the report. */
export function wordReport(model: WordReportModel): Promise<Uint8Array> {
  return Packer.pack(wordReportDocument(model), "uint8array");
}
