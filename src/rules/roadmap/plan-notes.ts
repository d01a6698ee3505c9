import { AreaAssessment } from "../assessment/assessment";
import { Message, msg, Problem, problem } from "../message";
import { EffortTable } from "./roadmap-effort";
import { RoadmapCapacity, CommuneRef, AreaPlan, TargetOutcome, RoadmapPlan } from "./plan-shapes";
import { areaKey, communeMatches } from "./area-plan";
import { money } from "./plan-options";
import { SkipReason } from "./plan";

/* What the plan says about its input and its outcome: areas without a row, deferred areas, the target. */

function rowsText(areas: Array<{ row?: number }>): string {
  return areas.map((a) => (a.row !== undefined ? String(a.row) : "?")).join(", ");
}

export function inputNotes(
  assessments: AreaAssessment[],
  candidates: AreaPlan[],
  effort: EffortTable,
  capacity: RoadmapCapacity,
  standardCommunes: CommuneRef[]
): Problem[] {
  const out: Problem[] = [];
  const byKey = new Map<string, Array<{ name: string; commune: string; row?: number }>>();
  const keyed = [
    ...candidates.map((a) => ({ key: a.key, area: a })),
    ...assessments.filter((a) => a.meetsAll).map((a) => ({ key: areaKey(a.area), area: a.area })),
  ];
  for (const { key, area } of keyed) {
    const list = byKey.get(key);
    if (list) list.push(area);
    else byKey.set(key, [area]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => (x.row ?? Number.MAX_SAFE_INTEGER) - (y.row ?? Number.MAX_SAFE_INTEGER));
    const a = list[0];
    out.push(
      problem(
        "roadmap-duplicate-area",
        `dòng / rows ${rowsText(list)}`,
        `Khu "${a.name}" (xã ${a.commune}) có ${list.length} dòng; lộ trình và cột người phụ trách không phân biệt được.`,
        `Area "${a.name}" (commune ${a.commune}) has ${list.length} rows; the roadmap and the responsible column cannot tell them apart.`
      )
    );
  }
  for (const r of standardCommunes) {
    const found = assessments.some((a) => communeMatches(r, a.area));
    if (!found) {
      out.push(
        problem(
          "roadmap-unknown-commune",
          "Xã đã đạt chuẩn / communes at the standard",
          `Không có khu nào thuộc xã "${r.commune}".`,
          `No area belongs to commune "${r.commune}".`
        )
      );
    }
  }
  const noData = candidates.filter((a) =>
    a.steps.some((s) => s.basis === "none" || s.gaps.some((g) => g.status !== "unmet"))
  );
  if (noData.length > 0) {
    const names =
      noData
        .slice(0, 5)
        .map((a) => a.name)
        .join(", ") + (noData.length > 5 ? ", …" : "");
    out.push(
      problem(
        "roadmap-missing-data",
        `dòng / rows ${rowsText(noData.slice(0, 5))}${noData.length > 5 ? ", …" : ""}`,
        `${noData.length} khu thiếu số liệu ở một số chỉ tiêu (${names}); lộ trình coi các chỉ tiêu đó là chưa đạt, cần rà soát.`,
        `Areas lacking values for some indicators: ${noData.length} (${names}); the roadmap takes those as not met, to be surveyed.`
      )
    );
  }
  if (capacity.budgetPerYear !== undefined) {
    const used = new Set<string>();
    for (const a of candidates) for (const s of a.steps) if (s.source === "state-support") used.add(s.criterionId);
    const noCost = [...used].filter((id) => effort.criteria[id]?.supportCost === undefined).sort();
    if (noCost.length > 0) {
      out.push(
        problem(
          "roadmap-no-cost",
          `Bảng mức độ / effort table › ${noCost.join(", ")} › support_cost`,
          `Chưa có kinh phí hỗ trợ cho ${noCost.join(", ")}: ngân sách chỉ tính phần đã có số (và tiền thưởng).`,
          `No support cost for ${noCost.join(", ")}: the budget counts only the known costs (and rewards).`
        )
      );
    }
  }
  return out;
}

export function deferredReason(
  a: AreaPlan,
  skip: SkipReason | undefined,
  capacity: RoadmapCapacity,
  cost: number,
  targetYear: number,
  max: number
): Message {
  if (capacity.completionsPerYear !== undefined && a.gap.criteria > capacity.completionsPerYear) {
    return msg(
      `Cần ${a.gap.criteria} lượt tiêu chí, nhiều hơn năng lực một năm (${capacity.completionsPerYear}).`,
      `Needs ${a.gap.criteria} criterion completions, more than a year's capacity (${capacity.completionsPerYear}).`
    );
  }
  if (capacity.budgetPerYear !== undefined && cost > capacity.budgetPerYear) {
    return msg(
      `Cần ${money(cost, "vi")}, nhiều hơn ngân sách một năm (${money(capacity.budgetPerYear, "vi")}).`,
      `Needs ${money(cost, "en")}, more than a year's budget (${money(capacity.budgetPerYear, "en")}).`
    );
  }
  if (skip === "capacity") {
    return msg(
      `Năng lực, ngân sách các năm đến ${targetYear} đã dành cho khu ưu tiên hơn; để sau năm ${targetYear}.`,
      `The capacity and budget of the years to ${targetYear} went to areas of higher priority; after ${targetYear}.`
    );
  }
  return msg(
    `Xã đã đủ ${max} khu mỗi năm đến ${targetYear}; để sau năm ${targetYear}.`,
    `The commune has its ${max} areas a year up to ${targetYear}; after ${targetYear}.`
  );
}

export function targetOutcome(plan: RoadmapPlan, target: number, candidates: AreaPlan[]): TargetOutcome {
  const last = plan.years[plan.years.length - 1];
  const reached = last ? last.cumulative : plan.alreadyMeeting;
  const yearReached = plan.years.find((y) => y.cumulative >= target)?.year;
  const missing = Math.max(0, target - reached);
  const Y = plan.targetYear;
  if (missing === 0) {
    return {
      target,
      reached,
      yearReached,
      missing,
      message: msg(
        `Dự kiến đạt mục tiêu: ${reached}/${target} khu đạt chuẩn đến năm ${Y} (đạt mục tiêu năm ${yearReached}).`,
        `Target projected to be met: ${reached}/${target} areas at the standard by ${Y} (target reached in ${yearReached}).`
      ),
    };
  }
  // The per-commune cap alone allows each commune min(its areas, max × years).
  const perCommune = new Map<string, number>();
  for (const a of candidates) perCommune.set(a.communeKey, (perCommune.get(a.communeKey) ?? 0) + 1);
  const span = plan.years.length * plan.perCommune.max;
  let capBound = plan.alreadyMeeting;
  for (const n of perCommune.values()) capBound += Math.min(n, span);
  let why: Message;
  if (target > plan.totalAreas) {
    why = msg(
      `Mục tiêu lớn hơn số khu dân cư (${plan.totalAreas}).`,
      `The target exceeds the number of areas (${plan.totalAreas}).`
    );
  } else if (capBound < target) {
    why = msg(
      `Mức tối đa ${plan.perCommune.max} khu/xã/năm chỉ cho phép ${capBound} khu đến năm ${Y}.`,
      `At most ${plan.perCommune.max} areas per commune per year allows only ${capBound} areas by ${Y}.`
    );
  } else {
    why = msg(
      `Giới hạn năng lực, ngân sách hằng năm chỉ cho phép ${reached} khu (mức ${plan.perCommune.max} khu/xã/năm cho phép ${capBound}).`,
      `The yearly capacity and budget limits allow only ${reached} areas (${plan.perCommune.max} per commune per year would allow ${capBound}).`
    );
  }
  return {
    target,
    reached,
    missing,
    message: msg(
      `Không đạt mục tiêu: dự kiến ${reached}/${target} khu đạt chuẩn đến năm ${Y}, còn thiếu ${missing} khu. ${why.vi}`,
      `Target not reachable: ${reached}/${target} areas projected at the standard by ${Y}, ${missing} short. ${why.en}`
    ),
  };
}
