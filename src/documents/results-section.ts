import { Paragraph, Table } from "docx";
import { shortfallCounts, summariseDistrict } from "../rules/report/district-summary";
import { formatNumber } from "../rules/format";
import { communeGroups } from "../rules/report/communes-sheet";
import { severalDistricts } from "../rules/report/areas-sheet";
import { SHEET_NAMES } from "../rules/workbook";
import { annexesTables } from "./dossier-annex";
import { provisionalParagraph } from "./provisional";
import { chartFigure, WordReportModel } from "./word-report-model";
import { dataTable } from "./word-table";
import { body, heading, run } from "./word-text";

/** Part I of the report: where the areas stand, overall and commune by commune, and what holds them back. */

const share = (part: number, whole: number): string =>
  whole === 0 ? "0" : formatNumber(Math.round((part / whole) * 1000) / 10, "vi", 1);

/** "I.1": totals in the words of the chairman's letter, the dossier, the source, the provisional note. */
function overall(model: WordReportModel): Array<Paragraph | Table> {
  const all = model.results.flatMap((r) => r.assessments);
  const t = shortfallCounts(all);
  const communes = new Set(all.map((a) => a.area.commune)).size;
  const total = model.ruleset.criteria.length;
  const sources = model.results.map((r) => `${r.source} (trang “${r.sheet}”)`).join("; ");
  const out: Array<Paragraph | Table> = [
    heading("1. Kết quả chung"),
    body(
      `Tổng số khu dân cư được rà soát, đánh giá: ${t.areas} khu, thuộc ${communes} xã${model.year ? `, số liệu năm ${model.year}` : ""}. ` +
        `Trong đó: đạt đủ ${total}/${total} tiêu chí: ${t.meetsAll} khu (${share(t.meetsAll, t.areas)}%); ` +
        `còn thiếu 1 tiêu chí: ${t.short1} khu; còn thiếu 2 tiêu chí: ${t.short2} khu; ` +
        `còn thiếu từ 3 tiêu chí trở lên: ${t.short3} khu.`
    ),
    body(
      model.dossier.length === 0
        ? `Chưa có khu dân cư nào đạt đủ ${total}/${total} tiêu chí để đề nghị công nhận.`
        : annexesTables(model)
          ? `Hồ sơ đánh giá từng tiêu chí của ${model.dossier.length} khu ${model.dossierListed ? "được chọn" : "đạt đủ tiêu chí"} tại Phụ lục kèm theo.`
          : `Danh sách ${model.dossier.length} khu đạt đủ tiêu chí tại Phụ lục kèm theo; bảng đánh giá từng tiêu chí của từng khu tại trang “${SHEET_NAMES.dossier}” của báo cáo Excel.`
    ),
    body([run(`Nguồn số liệu: ${sources}.`, { italics: true })]),
  ];
  const note = provisionalParagraph(model.ruleset);
  if (note) out.push(note);
  return out;
}

/** "I.2": the per-commune summary, the same groups as the "Theo xã" sheet, and the distribution chart. */
function byCommune(model: WordReportModel): Array<Paragraph | Table> {
  const groups = communeGroups(model.results);
  // A district column only where the workbooks name several districts, as on the "Theo xã" sheet.
  const multi = severalDistricts(model.results);
  const rows = groups.map((g, k) => {
    const t = shortfallCounts(g.assessments);
    return [
      k + 1,
      ...(multi ? [g.district] : []),
      g.commune,
      t.areas,
      t.meetsAll,
      t.short1,
      t.short2,
      t.short3,
      share(t.meetsAll, t.areas),
    ];
  });
  const t = shortfallCounts(model.results.flatMap((r) => r.assessments));
  rows.push([
    "",
    ...(multi ? [""] : []),
    "Tổng cộng",
    t.areas,
    t.meetsAll,
    t.short1,
    t.short2,
    t.short3,
    share(t.meetsAll, t.areas),
  ]);
  // The distribution chart under the table: the page under the heading of the form is too short for it.
  return [
    heading("2. Kết quả theo từng xã"),
    dataTable(
      [
        { header: "TT", width: 5, align: "center" },
        ...(multi ? [{ header: "Huyện", width: 14 }] : []),
        { header: "Xã", width: 20 },
        { header: "Số khu dân cư", width: 10 },
        { header: "Đạt đủ tiêu chí", width: 10 },
        { header: "Còn thiếu 1 tiêu chí", width: 10 },
        { header: "Còn thiếu 2 tiêu chí", width: 10 },
        { header: "Còn thiếu từ 3 tiêu chí", width: 10 },
        { header: "Tỷ lệ đạt (%)", width: 9, align: "center" },
      ],
      rows
    ),
    ...chartFigure(model, SHEET_NAMES.distribution, 1, "Phân bố khu dân cư theo số tiêu chí đạt"),
  ];
}

/** "I.3": the criteria holding most areas back, table and chart. */
function holdingBack(model: WordReportModel): Array<Paragraph | Table> {
  const all = model.results.flatMap((r) => r.assessments);
  const summary = summariseDistrict(all, model.ruleset);
  const name = (id: string) => model.ruleset.criteria.find((c) => c.id === id)?.nameVi ?? "";
  const top = summary.holdingBack.slice(0, 3).map((h) => `${h.criterionId} ${name(h.criterionId)} (${h.failing} khu)`);
  return [
    heading("3. Các tiêu chí còn nhiều khu dân cư chưa đạt"),
    body(
      summary.holdingBack.length === 0
        ? "Tất cả các khu dân cư đều đạt mọi tiêu chí."
        : `Các tiêu chí có nhiều khu chưa đạt nhất: ${top.join("; ")}. Cột "Chỉ còn thiếu tiêu chí này" là số khu sẽ đạt chuẩn khi hoàn thành riêng tiêu chí đó.`
    ),
    ...(summary.holdingBack.length === 0
      ? []
      : [
          dataTable(
            [
              { header: "TT", width: 5, align: "center" },
              { header: "Tiêu chí", width: 40 },
              { header: "Số khu chưa đạt", width: 12 },
              { header: "Tỷ lệ (%)", width: 10, align: "center" },
              { header: "Chỉ còn thiếu tiêu chí này", width: 13 },
              { header: "Thiếu số liệu", width: 11 },
            ],
            summary.holdingBack.map((h, k) => [
              k + 1,
              `${h.criterionId} ${name(h.criterionId)}`,
              h.failing,
              share(h.failing, summary.areas),
              h.onlyGap,
              h.noData,
            ])
          ),
          ...chartFigure(model, SHEET_NAMES.criteria, 2, "Các tiêu chí có nhiều khu dân cư chưa đạt nhất"),
        ]),
  ];
}

/** Areas listed in the body; the rest are on the "Theo khu" sheet. */
const CLOSE_LISTED = 100;

/** "I.4": the areas one or two criteria short, which the letter asks to push first. */
function nearStandard(model: WordReportModel): Array<Paragraph | Table> {
  const all = model.results.flatMap((r) => r.assessments);
  const close = summariseDistrict(all, model.ruleset).close;
  const one = close.filter((a) => a.notMet.length === 1).length;
  const out: Array<Paragraph | Table> = [
    heading("4. Các khu dân cư gần đạt chuẩn"),
    body(
      close.length === 0
        ? "Không có khu dân cư nào chỉ còn thiếu 1 hoặc 2 tiêu chí."
        : `Có ${one} khu còn thiếu 1 tiêu chí và ${close.length - one} khu còn thiếu 2 tiêu chí; đây là các khu cần tập trung chỉ đạo để sớm đạt chuẩn.`
    ),
  ];
  if (close.length === 0) return out;
  const name = (id: string) => model.ruleset.criteria.find((c) => c.id === id)?.nameVi ?? "";
  out.push(
    dataTable(
      [
        { header: "TT", width: 5, align: "center" },
        { header: "Xã", width: 17 },
        { header: "Khu dân cư", width: 20 },
        { header: "Số tiêu chí đạt", width: 10 },
        { header: "Tiêu chí còn thiếu", width: 39 },
      ],
      close
        .slice(0, CLOSE_LISTED)
        .map((a, k) => [
          k + 1,
          a.area.commune,
          a.area.name,
          `${a.metCount}/${a.total}`,
          a.notMet.map((id) => `${id} ${name(id)}`).join("; "),
        ])
    )
  );
  if (close.length > CLOSE_LISTED) {
    out.push(
      body([
        run(
          `(Bảng trên liệt kê ${CLOSE_LISTED} khu đầu tiên; ${close.length - CLOSE_LISTED} khu còn lại có tại trang "${SHEET_NAMES.areas}" của báo cáo Excel.)`,
          { italics: true }
        ),
      ])
    );
  }
  return out;
}

export function resultsSection(model: WordReportModel): Array<Paragraph | Table> {
  return [
    heading("I. KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ"),
    ...overall(model),
    ...byCommune(model),
    ...holdingBack(model),
    ...nearStandard(model),
  ];
}
