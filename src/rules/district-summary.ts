import { AreaAssessment } from "./assessment";
import { HeaderRecognition } from "./columns";
import { Ruleset } from "./ruleset";

/**
 * The district an area is counted under in roll-ups: its own district column, else its sheet's district
 * (from a title row), else the name of the file or workbook it came from.
 */
export function districtOf(a: AreaAssessment, from: { district?: string; source: string }): string {
  return a.area.district ?? from.district ?? from.source;
}

/**
 * What a district officer asks first, in the figures the result sheets also carry: where the areas stand,
 * which are close to the standard, which criteria hold most areas back.
 */
export interface DistrictSummary {
  areas: number;
  meetsAll: number;
  short1: number;
  short2: number;
  /** Three or more criteria short. */
  short3: number;
  /** Areas one or two criteria short: fewest gaps first, then in sheet order. */
  close: AreaAssessment[];
  /** Criteria not met by at least one area, the most limiting first (ties in ruleset order). */
  holdingBack: Array<{ criterionId: string; failing: number; onlyGap: number; noData: number }>;
}

/** How many areas there are, meet every criterion, or fall one, two, three or more short. */
export type ShortfallCounts = Pick<DistrictSummary, "areas" | "meetsAll" | "short1" | "short2" | "short3">;

export function shortfallCounts(assessments: AreaAssessment[]): ShortfallCounts {
  const t: ShortfallCounts = { areas: assessments.length, meetsAll: 0, short1: 0, short2: 0, short3: 0 };
  for (const a of assessments) {
    const short = a.notMet.length;
    if (short === 0) t.meetsAll++;
    else if (short === 1) t.short1++;
    else if (short === 2) t.short2++;
    else t.short3++;
  }
  return t;
}

export function summariseDistrict(assessments: AreaAssessment[], ruleset: Ruleset): DistrictSummary {
  const summary: DistrictSummary = { ...shortfallCounts(assessments), close: [], holdingBack: [] };
  const tallies = ruleset.criteria.map((c, order) => ({ criterionId: c.id, failing: 0, onlyGap: 0, noData: 0, order }));
  const tally = new Map(tallies.map((t) => [t.criterionId, t]));
  for (const a of assessments) {
    const short = a.notMet.length;
    if (short === 1 || short === 2) summary.close.push(a);
    for (let k = 0; k < a.criteria.length; k++) {
      const c = a.criteria[k];
      // Assessments list criteria in ruleset order; look up by id only if one does not.
      const t = tallies[k]?.criterionId === c.criterionId ? tallies[k] : tally.get(c.criterionId);
      if (!t || c.met) continue;
      t.failing++;
      if (c.basis === "none") t.noData++;
      if (short === 1) t.onlyGap++;
    }
  }
  summary.close.sort((x, y) => x.notMet.length - y.notMet.length);
  summary.holdingBack = tallies
    .filter((t) => t.failing > 0)
    .sort((x, y) => y.failing - x.failing || x.order - y.order)
    .map(({ criterionId, failing, onlyGap, noData }) => ({ criterionId, failing, onlyGap, noData }));
  return summary;
}

/** Criteria with neither a status column nor any indicator column in the mapping: they cannot be assessed. */
export function uncoveredCriteria(recognition: Pick<HeaderRecognition, "columns">, ruleset: Ruleset): string[] {
  const covered = new Set<string>();
  for (const c of recognition.columns) {
    if (c.role.kind === "criterion") covered.add(c.role.criterionId);
    if (c.role.kind === "indicator") {
      const id = c.role.indicatorId;
      const criterion = ruleset.indicators.find((i) => i.id === id)?.criterionId;
      if (criterion) covered.add(criterion);
    }
  }
  return ruleset.criteria.filter((c) => !covered.has(c.id)).map((c) => c.id);
}
