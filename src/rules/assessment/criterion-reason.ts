import { CriterionResult, LogicOutcome } from "./assessment";
import { formatCondition, formatValue } from "../format";
import { Language, Message, msg } from "../message";
import { ThresholdValue } from "../ruleset/ruleset";

/**
 * How a criterion's logic came out, "đạt 2/4, cần 3", when there is more to say than "every indicator":
 * undefined for a plain all-of-its-indicators criterion. From the engine's own result (see readVerdict).
 */
export function logicSummary(outcome: LogicOutcome | undefined, language: Language): string | undefined {
  if (!outcome) return undefined;
  if (outcome.kind === "all" && outcome.items.every((i) => "indicatorId" in i)) return undefined;
  const of = outcome.items.length;
  return language === "vi"
    ? `đạt ${outcome.held}/${of}, cần ${outcome.need}`
    : `${outcome.held} of ${of} met, needs ${outcome.need}`;
}

/**
 * Why a criterion is met or not, in a sentence, from its verdict. Rendered only where shown: a district's
 * thousands of verdicts rarely all need their sentence, and verdicts stay plain data (safe to send between
 * threads or store).
 */
export function criterionReason(result: CriterionResult): Message {
  const { met, basis, indicators, declared } = result;
  if (basis === "declared") {
    if (declared?.kind === "unreadable") {
      return msg(
        `Không đọc được đánh giá "${String(declared.raw)}".`,
        `Cannot read the status "${String(declared.raw)}".`
      );
    }
    return met
      ? msg("Đạt (theo đánh giá ghi trong bảng).", "Met (status recorded in the sheet).")
      : msg("Chưa đạt (theo đánh giá ghi trong bảng).", "Not met (status recorded in the sheet).");
  }
  if (basis === "none") return msg("Chưa có số liệu.", "No data.");
  const summary = { vi: logicSummary(result.logic, "vi"), en: logicSummary(result.logic, "en") };
  if (met) {
    return summary.vi
      ? msg(`Đạt: ${summary.vi}.`, `Met: ${summary.en}.`)
      : msg("Đạt: mọi chỉ tiêu đạt ngưỡng.", "Met: every indicator meets its threshold.");
  }
  const vi: string[] = [];
  const en: string[] = [];
  for (const r of indicators) {
    if (r.status === "met") continue;
    if (r.status === "missing") {
      vi.push(`${r.indicatorId} thiếu số liệu`);
      en.push(`${r.indicatorId} has no value`);
    } else if (r.status === "unreadable") {
      vi.push(`${r.indicatorId} không đọc được "${String(r.reading.raw)}"`);
      en.push(`${r.indicatorId} cannot read "${String(r.reading.raw)}"`);
    } else {
      const value: ThresholdValue = r.reading.kind === "number" || r.reading.kind === "boolean" ? r.reading.value : 0;
      const gapVi = r.shortfall !== undefined ? ` (còn thiếu ${formatValue(r.shortfall, r.unit, "vi")})` : "";
      const gapEn = r.shortfall !== undefined ? ` (short by ${formatValue(r.shortfall, r.unit, "en")})` : "";
      vi.push(
        `${r.indicatorId} = ${formatValue(value, r.unit, "vi")}, cần ${formatCondition(r.operator, r.threshold, r.unit, "vi")}${gapVi}`
      );
      en.push(
        `${r.indicatorId} = ${formatValue(value, r.unit, "en")}, needs ${formatCondition(r.operator, r.threshold, r.unit, "en")}${gapEn}`
      );
    }
  }
  const head = summary.vi
    ? { vi: `Chưa đạt (${summary.vi})`, en: `Not met (${summary.en})` }
    : { vi: "Chưa đạt", en: "Not met" };
  return msg(`${head.vi}: ${vi.join("; ")}.`, `${head.en}: ${en.join("; ")}.`);
}
