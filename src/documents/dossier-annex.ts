import { Paragraph, Table } from "docx";
import { DossierLine, dossierSubtitle } from "../rules/dossier";
import { Issuer, SHORT_BLANK } from "./issuer";
import { provisionalParagraph } from "./provisional";
import { WordReportModel } from "./word-report-model";
import { TEXT_WIDTH } from "./word-style";
import { dataTable } from "./word-table";
import { centred, heading, rule } from "./word-text";

/**
 * The annex (Phụ lục): each area put forward for recognition, its results criterion by criterion —
 * indicator, requirement, result, assessment — the same lines as the "Hồ sơ công nhận" sheet. Headed as
 * the state form heads an annex: "Phụ lục", its title in capitals, "(Kèm theo Báo cáo số … ngày … của …)".
 */
/** Lines of the criterion starting at `i`: it and the unnamed ones after it. */
function spanOf(lines: DossierLine[], i: number): number {
  let n = 1;
  while (i + n < lines.length && lines[i + n].criterion === "" && lines[i + n].criterionId === lines[i].criterionId)
    n++;
  return n;
}

export function dossierAnnex(model: WordReportModel, issuer: Issuer): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    centred("Phụ lục", { bold: true }),
    centred("KẾT QUẢ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ CỦA CÁC KHU DÂN CƯ ĐỀ NGHỊ CÔNG NHẬN ĐẠT CHUẨN NÔNG THÔN MỚI", {
      bold: true,
    }),
    centred(
      `(Kèm theo Báo cáo số ${SHORT_BLANK}/${issuer.symbol} ngày ${SHORT_BLANK} tháng ${SHORT_BLANK} năm ${SHORT_BLANK} của ${issuer.inText})`,
      { italics: true }
    ),
    rule(50 * 56.7, TEXT_WIDTH),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    centred(dossierSubtitle(model.dossier, model.dossierListed, model.ruleset).vi, {}, 120),
  ];
  const note = provisionalParagraph(model.ruleset);
  if (note) out.push(note);
  model.dossier.forEach(({ assessment, lines }, k) => {
    const a = assessment.area;
    out.push(
      heading(`${k + 1}. ${a.name}, ${a.commune}: đạt ${assessment.metCount}/${assessment.total} tiêu chí`),
      dataTable(
        [
          { header: "TT", width: 6, align: "center" },
          { header: "Tiêu chí", width: 15 },
          { header: "Chỉ tiêu", width: 33 },
          { header: "Yêu cầu", width: 14, align: "center" },
          { header: "Kết quả thực hiện", width: 14, align: "center" },
          { header: "Đánh giá", width: 11, align: "center" },
        ],
        lines.map((l, i) => [
          l.number,
          // The criterion's name once, over all its indicator lines.
          l.criterion === "" ? null : { value: l.criterion, rowSpan: spanOf(lines, i) },
          l.indicator,
          l.requirement,
          l.result,
          l.assessment,
        ])
      ),
      new Paragraph({ spacing: { after: 120 }, children: [] })
    );
  });
  return out;
}
