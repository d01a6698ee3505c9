import { formatNumber } from "../format";
import { Language, Message, msg, Problem, problem } from "../message";
import { RoadmapOptions, RoadmapPlan } from "./plan-shapes";

/* The roadmap's options checked, and its rules as users read them. */

function isWholeIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
}

export function checkRoadmapOptions(options: RoadmapOptions): Problem[] {
  const out: Problem[] = [];
  const year = (v: unknown, where: string, vi: string, en: string) => {
    if (!isWholeIn(v, 1990, 2100)) {
      out.push(
        problem(
          "roadmap-year",
          where,
          `${vi} không hợp lệ: "${String(v)}".`,
          `${en} is not a valid year: "${String(v)}".`
        )
      );
      return false;
    }
    return true;
  };
  const okStart = year(options.startYear, "Năm bắt đầu / start year", "Năm bắt đầu", "The start year");
  const okTarget = year(options.targetYear, "Năm mục tiêu / target year", "Năm mục tiêu", "The target year");
  if (okStart && okTarget && options.startYear > options.targetYear) {
    out.push(
      problem(
        "roadmap-years",
        "Năm mục tiêu / target year",
        `Năm mục tiêu (${options.targetYear}) trước năm bắt đầu (${options.startYear}).`,
        `The target year (${options.targetYear}) is before the start year (${options.startYear}).`
      )
    );
  }
  const pc = options.perCommune;
  if (pc) {
    if (!isWholeIn(pc.min, 0, 1000)) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm tối thiểu / min per commune",
          `Phải là số nguyên không âm (đang là "${String(pc.min)}").`,
          `Must be a whole number, 0 or more (got "${String(pc.min)}").`
        )
      );
    }
    if (!isWholeIn(pc.max, 1, 1000)) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm tối đa / max per commune",
          `Phải là số nguyên từ 1 trở lên (đang là "${String(pc.max)}").`,
          `Must be a whole number, 1 or more (got "${String(pc.max)}").`
        )
      );
    } else if (isWholeIn(pc.min, 0, 1000) && pc.min > pc.max) {
      out.push(
        problem(
          "roadmap-per-commune",
          "Số khu/xã/năm / per commune",
          `Tối thiểu (${pc.min}) lớn hơn tối đa (${pc.max}).`,
          `The minimum (${pc.min}) is above the maximum (${pc.max}).`
        )
      );
    }
  }
  const whole = (v: unknown, where: string) => {
    if (v !== undefined && !isWholeIn(v, 0, 1e7)) {
      out.push(
        problem(
          "roadmap-number",
          where,
          `Phải là số nguyên không âm (đang là "${String(v)}").`,
          `Must be a whole number, 0 or more (got "${String(v)}").`
        )
      );
    }
  };
  const amount = (v: unknown, where: string) => {
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      out.push(
        problem(
          "roadmap-money",
          where,
          `Phải là số tiền không âm (đang là "${String(v)}").`,
          `Must be an amount, 0 or more (got "${String(v)}").`
        )
      );
    }
  };
  whole(options.target, "Mục tiêu của huyện / district target");
  whole(options.capacity?.completionsPerYear, "Số tiêu chí hoàn thành được mỗi năm / completions per year");
  amount(options.capacity?.budgetPerYear, "Ngân sách mỗi năm / budget per year");
  amount(options.rewardPerArea, "Mức thưởng mỗi khu / reward per area");
  return out;
}

export const money = (n: number, language: Language) =>
  `${formatNumber(n, language, 0)} ${language === "vi" ? "đồng" : "VND"}`;

export function roadmapRules(plan: Pick<RoadmapPlan, "perCommune" | "capacity" | "rewardPerArea">): Message[] {
  const { min, max } = plan.perCommune;
  const rules: Message[] = [
    msg(
      "1. Trong mỗi khu, làm trước tiêu chí dễ, cần ít nguồn lực: mức độ thấp, rồi trung bình, rồi cao (cùng mức: theo thứ tự bộ tiêu chí).",
      "1. Within each area, easy criteria needing few resources first: low effort, then medium, then high (same class: ruleset order)."
    ),
    msg(
      "2. Khu gần đạt chuẩn làm trước. Khoảng cách đến chuẩn so theo thứ tự: (a) số tiêu chí chưa đạt; (b) tổng mức độ các tiêu chí đó (thấp 1, trung bình 2, cao 3); (c) tổng phần còn thiếu của các tiêu chí đó, mỗi tiêu chí từ 0 đến 1 (trung bình các chỉ tiêu: mức thiếu chia cho ngưỡng, tối đa 1; chỉ tiêu Có/Không chưa đạt hoặc thiếu số liệu tính 1; tiêu chí “đạt một trong” hoặc “đạt ít nhất N” chỉ tính chỉ tiêu gần đạt nhất, hoặc N chỉ tiêu gần đạt nhất).",
      "2. Areas close to the standard first. The gap is compared in order: (a) number of criteria not met; (b) sum of their effort weights (low 1, medium 2, high 3); (c) sum of their normalised shortfall, each criterion 0–1 (mean over its indicators of shortfall / threshold, capped at 1; an unmet yes/no indicator or a missing value counts 1; a criterion met by one of, or N of, its indicators counts only the closest one, or N)."
    ),
    msg(
      "3. Khu bằng nhau ở (a) và (b): khu có điều kiện huy động nguồn lực làm trước, rồi đến (c).",
      "3. Areas equal on (a) and (b): those able to mobilise resources first, then (c)."
    ),
    msg(
      `4. Mỗi xã chưa đạt chuẩn nông thôn mới: ${min}–${max} khu được công nhận mỗi năm: mọi xã được đủ ${min} khu trước, rồi thêm đến ${max} nếu năng lực còn. Xã đã đạt chuẩn: tối đa ${max} khu/năm, không đặt mức tối thiểu. Khu được đưa vào năm sớm nhất mà các giới hạn cho phép; mục tiêu của huyện được so với kết quả đó.`,
      `4. Each commune not yet at the commune standard: ${min}–${max} areas recognised per year: every commune gets ${min} first, then up to ${max} while the limits allow. Communes already at the standard: at most ${max} a year, no minimum. Each area goes into the earliest year the limits allow; the district target is checked against that.`
    ),
    msg(
      "5. Hỗ trợ trực tiếp của nhà nước dành cho tiêu chí dễ đạt (mức thấp) và tiêu chí khó huy động xã hội hóa; các tiêu chí còn lại dựa vào huy động cộng đồng, doanh nghiệp.",
      "5. Direct state support goes to easy (low-effort) criteria and to criteria hard to fund socially; the others rely on community and business mobilisation."
    ),
  ];
  const cap = plan.capacity;
  if (cap.completionsPerYear !== undefined || cap.budgetPerYear !== undefined) {
    const vi: string[] = [];
    const en: string[] = [];
    if (cap.completionsPerYear !== undefined) {
      vi.push(`tối đa ${cap.completionsPerYear} lượt tiêu chí hoàn thành`);
      en.push(`at most ${cap.completionsPerYear} criterion completions`);
    }
    if (cap.budgetPerYear !== undefined) {
      vi.push(`ngân sách ${money(cap.budgetPerYear, "vi")} (hỗ trợ trực tiếp và thưởng)`);
      en.push(`a budget of ${money(cap.budgetPerYear, "en")} (direct support and rewards)`);
    }
    rules.push(
      msg(
        `6. Giới hạn mỗi năm: ${vi.join(", ")}. Khu không vừa phần còn lại của năm thì chuyển cho khu sau hoặc sang năm sau.`,
        `6. Yearly limits: ${en.join(", ")}. An area that does not fit what is left of the year gives way to the next area or moves to a later year.`
      )
    );
  }
  rules.push(
    msg(
      `${rules.length + 1}. Mỗi khu được công nhận mới được thưởng${plan.rewardPerArea > 0 ? ` ${money(plan.rewardPerArea, "vi")}` : ""}.`,
      `${rules.length + 1}. Each newly recognised area is rewarded${plan.rewardPerArea > 0 ? ` ${money(plan.rewardPerArea, "en")}` : ""}.`
    ),
    msg(
      `${rules.length + 2}. Bằng nhau hoàn toàn thì xếp theo xã, tên khu, số dòng: cùng một bảng luôn cho cùng một lộ trình. Khu đã đạt 13/13 tính là đã đạt chuẩn từ đầu, không lập kế hoạch. Lộ trình được rà soát, lập lại mỗi năm.`,
      `${rules.length + 2}. Full ties are broken by commune, area name and row: the same workbook always gives the same plan. Areas already at 13/13 count as recognised-or-ready from the start and are not planned. The roadmap is reviewed and re-planned every year.`
    )
  );
  return rules;
}
