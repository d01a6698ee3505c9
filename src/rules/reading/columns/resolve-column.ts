import { CellValue, isExcelError } from "../cell";
import { Message, msg } from "../../message";
import { Criterion } from "../../ruleset/ruleset";
import { parseLocaleNumber, readYesNo } from "../values";
import { MIN_CONFIDENCE } from "./roles";
import { UnitHint, HeaderPart } from "./header-text";
import { Target, Candidate, RulesetIndex } from "./ruleset-index";
import { unitFit, matchPart, criterionByNumber } from "./header-match";
import { ColumnParts } from "./header-rows";

/* A column's role from its parts, top (general) to bottom (specific), and where the header is not enough, from its values. */

export interface Resolution {
  column: number;
  header: string;
  target?: Target;
  confidence: number;
  parts: HeaderPart[];
  origins: string[];
  unit?: UnitHint;
  scale?: number;
  qualifier?: "status" | "value";
  /** Why the values, not the header alone, decided the role (or left the column unmapped). */
  note?: Message;
}

export function resolveColumn(index: RulesetIndex, col: ColumnParts): Resolution {
  let target: Target | undefined;
  let confidence = 0;
  let decidedBy = -1;
  let context: Criterion | undefined;
  let qualifier: "status" | "value" | undefined;
  let unit: UnitHint | undefined;
  let scale: number | undefined;
  const saysCriteria = (upTo: number) => col.parts.slice(0, upTo).some((p) => p.key.includes("tieu chi"));
  col.parts.forEach((part, pi) => {
    unit = part.unit ?? unit;
    scale = part.scale ?? scale;
    if (part.qualifier && decidedBy >= 0) {
      qualifier = part.qualifier;
      return;
    }
    const cands = matchPart(index, part);
    let pick: Candidate | undefined = cands[0] && cands[0].confidence >= MIN_CONFIDENCE ? cands[0] : undefined;
    if (context) {
      const c = context;
      const inContext = cands.find((x) => x.target.indicator !== undefined && x.target.criterion === c);
      if (inContext && inContext.confidence >= 0.35 && (!pick || inContext.confidence >= pick.confidence - 0.25)) {
        pick = {
          target: inContext.target,
          confidence: Math.max(inContext.confidence, Math.min(0.95, inContext.confidence + 0.2)),
        };
      } else if ((!pick || pick.confidence < 0.8) && part.numbering && part.tokens.length === 0) {
        // "a)", "1", "1.2" under a criterion: its n-th indicator.
        const n = part.numbering.letter ?? part.numbering.indicator ?? part.numbering.criterion;
        const i = n !== undefined ? c.indicators[n - 1] : undefined;
        if (i) pick = { target: index.indicatorTarget.get(i.id) as Target, confidence: 0.85 };
      }
    } else if (!pick && part.tokens.length === 0 && part.numbering && !part.numbering.explicit && saysCriteria(pi)) {
      // Bare "1".."13" under "Tiêu chí": criterion statuses.
      const c =
        part.numbering.criterion !== undefined ? criterionByNumber(index.ruleset, part.numbering.criterion) : undefined;
      if (c) pick = { target: index.criterionTarget.get(c.id) as Target, confidence: 0.8 };
    }
    if (!pick) {
      if (part.qualifier) qualifier = part.qualifier;
      return;
    }
    target = pick.target;
    confidence = pick.confidence;
    decidedBy = pi;
    context = pick.target.criterion;
  });
  // "Kết quả" under a criterion of several indicators: a value, but of which indicator? Leave it to the user.
  if (target?.role.kind === "criterion" && qualifier === "value" && (target.criterion?.indicators.length ?? 0) > 1) {
    target = undefined;
  }
  return {
    column: col.column,
    header: col.parts.map((p) => p.text).join(" › "),
    target,
    confidence,
    parts: col.parts,
    origins: col.origins,
    unit,
    scale,
    qualifier,
  };
}

type SampleKind = "status" | "number";

/** Mostly Đạt/Chưa đạt/x → status; mostly numbers → number. */
function sampleKind(values: CellValue[]): SampleKind | undefined {
  let status = 0;
  let numbers = 0;
  for (const v of values) {
    if (typeof v === "number") numbers++;
    else if (typeof v === "boolean") status++;
    else if (typeof v === "string") {
      const t = v.replace(/[\u00a0\u202f]/g, " ").trim();
      if (t === "" || isExcelError(t)) continue;
      if (/^[-+−]?\d/.test(t) || parseLocaleNumber(t, false) !== undefined) numbers++;
      else if (readYesNo(t) !== undefined) status++;
    }
  }
  if (status > numbers) return "status";
  if (numbers > status) return "number";
  return undefined;
}

/**
 * A criterion with one indicator can head either its value or its declared status. Decide from the
 * header's unit or qualifier, then the data, then what the other columns of the sheet are.
 */
export function decideSingleIndicator(
  index: RulesetIndex,
  r: Resolution,
  samples: CellValue[] | undefined,
  neighbours: { indicators: number; criteria: number }
): void {
  const t = r.target;
  if (!t || !t.criterion || t.criterion.indicators.length !== 1) return;
  const c = t.criterion;
  const ind = c.indicators[0];
  const asIndicator = index.indicatorTarget.get(ind.id) as Target;
  const asCriterion = index.criterionTarget.get(c.id) as Target;
  let choice: Target | undefined;
  if (r.unit !== undefined && ind.unit !== "boolean" && unitFit(r.unit, asIndicator) < 1) {
    // "Hộ nghèo (hộ)": a count of poor households is neither the rate nor the status.
    r.target = undefined;
    return;
  }
  if (r.qualifier === "status") choice = asCriterion;
  else if (r.qualifier === "value" || (r.unit !== undefined && ind.unit !== "boolean")) choice = asIndicator;
  else {
    const kind = ind.unit === "boolean" ? undefined : samples ? sampleKind(samples) : undefined;
    if (kind === "status") choice = asCriterion;
    else if (kind === "number") choice = asIndicator;
    else if (t === asCriterion && neighbours.indicators > neighbours.criteria) choice = asIndicator;
    else if (t === asIndicator && neighbours.criteria > neighbours.indicators) choice = asCriterion;
  }
  if (choice) r.target = choice;
}

/** Confidence of a role chosen by the values against the header: below the pane's "check this" mark. */
const BY_VALUES_CONFIDENCE = 0.75;
/** Share of a percentage column's numbers above 100 that says it holds counts, not rates. */
const COUNTS_SHARE = 0.5;

/** Most of the sample's numbers above 100: counts or amounts, not a percentage. */
function mostlyAbove100(values: CellValue[]): boolean {
  let numbers = 0;
  let above = 0;
  for (const v of values) {
    const n = typeof v === "number" ? v : typeof v === "string" ? parseLocaleNumber(v.trim(), false) : undefined;
    if (n === undefined || !Number.isFinite(n)) continue;
    numbers++;
    if (n > 100) above++;
  }
  return numbers > 0 && above > COUNTS_SHARE * numbers;
}

/** The indicator of `criterion` the header's words name best, if any names it at all. */
function indicatorNamed(index: RulesetIndex, r: Resolution, criterion: Criterion): Candidate | undefined {
  let best: Candidate | undefined;
  for (const part of r.parts) {
    const cands = matchPart(index, part);
    // A part that is the criterion's own name ("Môi trường") names none of its indicators.
    if (cands[0]?.target.role.kind === "criterion" && cands[0].confidence >= 0.95) continue;
    for (const c of cands) {
      if (c.target.indicator?.criterionId !== criterion.id) continue;
      if (!best || c.confidence > best.confidence) best = c;
    }
  }
  return best && best.confidence >= MIN_CONFIDENCE ? best : undefined;
}

/**
 * Columns by what they hold, not by their header alone. A header can name a criterion and one of its
 * indicators ("Tiêu chí 1: Giao thông - Tỷ lệ đường trục … (%)"), or a role its values contradict:
 * numbers under a criterion's Đạt/Chưa đạt status, Đạt/Chưa đạt under an indicator's number, counts
 * under a rate, "Số hộ nghèo" beside the rate "Tỷ lệ hộ nghèo" computed from it. The values decide, the
 * confidence drops below the pane's check mark, and a note says why.
 */
export function decideByValues(index: RulesetIndex, r: Resolution, samples: CellValue[] | undefined): void {
  const t = r.target;
  if (!t || (t.role.kind !== "indicator" && t.role.kind !== "criterion")) return;
  const criterion = t.criterion as Criterion;
  const indicator = t.indicator;
  if (indicator && indicator.unit === "percent" && r.unit === "count") {
    // "Số hộ dùng nước hợp vệ sinh (hộ)": the count the rate is computed from.
    r.target = undefined;
    r.note = msg(
      `Tiêu đề ghi một số đếm, không phải tỷ lệ ${indicator.id}: cột không được dùng.`,
      `The header names a count, not the rate ${indicator.id}: the column is not used.`
    );
    return;
  }
  if (!samples) return;
  const kind = sampleKind(samples);
  if (t.role.kind === "criterion" && kind === "number" && criterion.indicators.length > 1) {
    const named = indicatorNamed(index, r, criterion);
    if (named) {
      r.target = named.target;
      r.confidence = Math.min(BY_VALUES_CONFIDENCE, Math.max(r.confidence, named.confidence));
      r.note = msg(
        `Cột ghi số, không ghi Đạt/Chưa đạt: đọc là chỉ tiêu ${named.target.indicator?.id} của ${criterion.id}, theo tiêu đề.`,
        `The column holds numbers, not met/not met: read as ${criterion.id}'s indicator ${named.target.indicator?.id}, as its header says.`
      );
    } else {
      r.target = undefined;
      r.note = msg(
        `Cột ghi số dưới tên tiêu chí ${criterion.id} có ${criterion.indicators.length} chỉ tiêu: chưa rõ là chỉ tiêu nào, hãy chọn.`,
        `The column holds numbers under criterion ${criterion.id}, which has ${criterion.indicators.length} indicators: choose which one.`
      );
    }
    return;
  }
  if (indicator && indicator.unit !== "boolean" && kind === "status") {
    r.target = index.criterionTarget.get(criterion.id);
    r.confidence = Math.min(BY_VALUES_CONFIDENCE, r.confidence);
    r.note = msg(
      `Cột ghi Đạt/Chưa đạt, không ghi số: đọc là kết quả đánh giá tiêu chí ${criterion.id}.`,
      `The column holds met/not met, not numbers: read as the assessment of criterion ${criterion.id}.`
    );
    return;
  }
  if (indicator && indicator.unit === "percent" && kind === "number" && mostlyAbove100(samples)) {
    r.target = undefined;
    r.note = msg(
      `Cột ghi số lớn hơn 100 dưới tỷ lệ ${indicator.id}: có lẽ là số đếm, cột không được dùng.`,
      `The column holds numbers above 100 under the rate ${indicator.id}: probably counts; the column is not used.`
    );
  }
}
