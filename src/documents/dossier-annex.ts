import { Paragraph, Table } from "docx";
import { DossierLine, dossierSubtitle } from "../rules/report/dossier";
import { SHEET_NAMES } from "../rules/workbook";
import { Issuer, SHORT_BLANK } from "./issuer";
import { provisionalParagraph } from "./provisional";
import { WordReportModel } from "./word-report-model";
import { TEXT_WIDTH } from "./word-style";
import { dataTable } from "./word-table";
import { body, centred, heading, rule } from "./word-text";

/**
 * The annex (Phụ lục): each area put forward for recognition, its results criterion by criterion —
 * indicator, requirement, result, assessment — the same lines as the "Hồ sơ công nhận" sheet. Headed as
 * the state form heads an annex: "Phụ lục", its title in capitals, "(Kèm theo Báo cáo số … ngày … của …)".
 * A roll-up of many communes can have hundreds of such areas: beyond ANNEXED_AT_MOST (not listed by the
 * officer) the annex lists them and points to the sheet, which has every table.
 */

/** Areas whose tables the annex carries unless the officer chose them: a commune has a handful. */
export const ANNEXED_AT_MOST = 40;

/** Whether the annex has each area's table, or only the list of areas (see ANNEXED_AT_MOST). */
export const annexesTables = (model: Pick<WordReportModel, "dossier" | "dossierListed">): boolean =>
  model.dossierListed || model.dossier.length <= ANNEXED_AT_MOST;

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
  if (!annexesTables(model)) {
    out.push(
      body(
        `Bảng đánh giá theo từng tiêu chí của từng khu có tại trang “${SHEET_NAMES.dossier}” của báo cáo Excel. ` +
          "Để kèm theo báo cáo bảng của một số khu, hãy chọn các khu đó (dòng lệnh: --dossier; khung tác vụ: ô Hồ sơ công nhận)."
      ),
      dataTable(
        [
          { header: "TT", width: 6, align: "center" },
          { header: "Xã", width: 30 },
          { header: "Khu dân cư", width: 34 },
          { header: "Số tiêu chí đạt", width: 14 },
        ],
        model.dossier.map(({ assessment: a }, k) => [k + 1, a.area.commune, a.area.name, `${a.metCount}/${a.total}`])
      )
    );
    return out;
  }
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
