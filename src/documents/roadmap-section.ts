import { Paragraph, Table } from "docx";
import { formatNumber } from "../rules/format";
import { CriterionTally, RoadmapPlan } from "../rules/roadmap/plan-shapes";
import { SHEET_NAMES } from "../rules/workbook";
import { provisionalParagraph } from "./provisional";
import { chartFigure, WordReportModel } from "./word-report-model";
import { dataTable } from "./word-table";
import { body, heading, run } from "./word-text";

/**
 * Part II: the roadmap as the letter asks it to be put into each year's plan — areas to bring to the
 * standard each year and in which commune, the reward money, and which criteria the state supports
 * directly versus those left to community and business mobilisation.
 */

const money = (n: number): string => formatNumber(n, "vi");
const tally = (t: CriterionTally[]): string => t.map((x) => `${x.criterionId} (${x.count})`).join("; ");
const count = (t: CriterionTally[]): number => t.reduce((s, x) => s + x.count, 0);

/** "II.1": areas per year against the target, and the chart of the summary sheet. */
function perYear(model: WordReportModel, plan: RoadmapPlan): Array<Paragraph | Table> {
  const last = plan.years[plan.years.length - 1];
  const planned = plan.years.reduce((s, y) => s + y.planned, 0);
  const out: Array<Paragraph | Table> = [
    heading("1. Số khu dân cư phấn đấu đạt chuẩn theo từng năm"),
    body(
      `Đầu năm ${plan.startYear} có ${plan.alreadyMeeting} khu đạt đủ tiêu chí. Lộ trình dự kiến thêm ${planned} khu đạt chuẩn ` +
        `đến năm ${plan.targetYear}, nâng tổng số lên ${last?.cumulative ?? plan.alreadyMeeting}/${plan.totalAreas} khu` +
        (plan.deferred.length > 0 ? `; ${plan.deferred.length} khu để sau năm ${plan.targetYear}.` : ".")
    ),
  ];
  if (plan.outcome) out.push(body(plan.outcome.message.vi));
  out.push(
    dataTable(
      [
        { header: "Năm", width: 8, align: "center" },
        { header: "Số khu đạt chuẩn trong năm", width: 11 },
        { header: "Lũy kế số khu đạt chuẩn", width: 11 },
        { header: "Mục tiêu (lộ trình đều)", width: 11 },
        { header: "Lượt tiêu chí hoàn thành", width: 11 },
        { header: "Kinh phí hỗ trợ (đồng)", width: 15, align: "right" },
        { header: "Kinh phí thưởng (đồng)", width: 15, align: "right" },
      ],
      [
        ...plan.years.map((y) => [
          String(y.year),
          y.planned,
          y.cumulative,
          y.targetPath ?? "",
          y.completions,
          y.supportSpending,
          y.rewardSpending,
        ]),
        [
          "Cộng",
          planned,
          last?.cumulative ?? plan.alreadyMeeting,
          plan.outcome?.target ?? "",
          plan.years.reduce((s, y) => s + y.completions, 0),
          plan.years.reduce((s, y) => s + y.supportSpending, 0),
          plan.years.reduce((s, y) => s + y.rewardSpending, 0),
        ],
      ]
    ),
    ...chartFigure(model, SHEET_NAMES.roadmapSummary, 3, "Số khu đạt chuẩn dự kiến (lũy kế) so với mục tiêu")
  );
  return out;
}

/** "II.2": each year, each commune and its areas. */
function perCommune(plan: RoadmapPlan): Array<Paragraph | Table> {
  const rows = plan.years.flatMap((y) =>
    y.communes.map((c) => [String(y.year), c.commune, c.areas.length, c.areas.map((a) => a.name).join(", ")])
  );
  const below = plan.years.flatMap((y) => y.belowAim.map((c) => `${c.commune} năm ${y.year} (${c.planned} khu)`));
  return [
    heading("2. Phân bổ theo năm và theo xã"),
    body(
      `Mỗi xã chưa đạt chuẩn nông thôn mới phấn đấu mỗi năm có thêm từ ${plan.perCommune.min} đến ${plan.perCommune.max} khu dân cư được công nhận; ` +
        "trong mỗi khu, làm trước các tiêu chí dễ, cần ít nguồn lực; khu gần đạt chuẩn và khu có điều kiện huy động nguồn lực được ưu tiên."
    ),
    ...(below.length > 0 ? [body(`Xã chưa đủ số khu tối thiểu trong năm: ${below.join("; ")}.`)] : []),
    ...(rows.length === 0
      ? [body("Không có khu dân cư nào cần lập lộ trình.")]
      : [
          dataTable(
            [
              { header: "Năm", width: 8, align: "center" },
              { header: "Xã", width: 18 },
              { header: "Số khu", width: 8 },
              { header: "Các khu dân cư phấn đấu đạt chuẩn", width: 48 },
            ],
            rows
          ),
        ]),
  ];
}

/** "II.3": reward money and the split between state support and community mobilisation. */
function funding(plan: RoadmapPlan): Array<Paragraph | Table> {
  const reward =
    plan.rewardPerArea > 0
      ? `Mức thưởng ${money(plan.rewardPerArea)} đồng cho mỗi khu được công nhận mới; tổng kinh phí thưởng ${money(plan.years.reduce((s, y) => s + y.rewardSpending, 0))} đồng (chi tiết theo năm ở bảng mục 1).`
      : "Chưa nhập mức thưởng cho khu được công nhận (dòng lệnh: reward_per_area trong tệp --roadmap; khung tác vụ: thẻ Lộ trình).";
  return [
    heading("3. Kinh phí thưởng; hỗ trợ của nhà nước và huy động cộng đồng"),
    body(reward),
    body(
      "Nhà nước hỗ trợ trực tiếp các tiêu chí dễ đạt và các tiêu chí khó huy động xã hội hóa; các tiêu chí còn lại dựa vào huy động cộng đồng, doanh nghiệp. " +
        "Số lượt hoàn thành từng tiêu chí theo nguồn lực:"
    ),
    dataTable(
      [
        { header: "Năm", width: 8, align: "center" },
        { header: "Hỗ trợ của nhà nước (tiêu chí: số lượt)", width: 37 },
        { header: "Huy động cộng đồng, doanh nghiệp (tiêu chí: số lượt)", width: 37 },
      ],
      plan.years.map((y) => [
        String(y.year),
        `${tally(y.stateSupport) || "—"}\nCộng: ${count(y.stateSupport)}`,
        `${tally(y.community) || "—"}\nCộng: ${count(y.community)}`,
      ])
    ),
  ];
}

export function roadmapSection(model: WordReportModel): Array<Paragraph | Table> {
  const plan = model.plan;
  if (!plan) return [];
  const note = provisionalParagraph(model.ruleset);
  return [
    heading(`II. LỘ TRÌNH XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI ĐẾN NĂM ${plan.targetYear}`),
    ...(note ? [note] : []),
    ...perYear(model, plan),
    ...perCommune(plan),
    ...funding(plan),
    body([
      run("Lộ trình là kế hoạch dự kiến, được rà soát, điều chỉnh hằng năm theo kết quả thực hiện.", { italics: true }),
    ]),
  ];
}
