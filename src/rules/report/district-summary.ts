import { AreaAssessment } from "../assessment/assessment";
import { HeaderRecognition } from "../reading/columns";
import { Language } from "../message";
import { communeIdentity } from "../reading/places";
import { foldText, Ruleset } from "../ruleset/ruleset";

/**
 * The district an area belongs to, only where the workbook says so: its own district column, else its
 * table's title ("Huyện: Thanh Ba", "UBND HUYỆN …"). Never a file name: since July 2025 there are no
 * districts, and most workbooks name none.
 */
export function districtOf(a: AreaAssessment, from: { district?: string }): string | undefined {
  return a.area.district ?? from.district;
}

/**
 * What an area is counted under right below the province: its district where the workbook names one,
 * else its commune (province → commune → area). `key` identifies the unit across files and sheets:
 * a folded district, or a commune's name without its kind word (see communeIdentity).
 */
export function unitOf(
  a: AreaAssessment,
  from: { district?: string },
  language: Language = "vi"
): { key: string; label: string; kind: "district" | "commune" } {
  const district = districtOf(a, from);
  if (district !== undefined) return { key: `d|${foldText(district)}`, label: district, kind: "district" };
  const commune = a.area.commune;
  if (commune.trim() === "") {
    return { key: "c|", label: language === "vi" ? "(không rõ xã)" : "(commune not given)", kind: "commune" };
  }
  return { key: `c|${communeIdentity(commune)}`, label: commune, kind: "commune" };
}

/** The key of an area's commune: its district where known, and the commune's identity. */
export function communeKeyOf(a: AreaAssessment, from: { district?: string }): string {
  return `${foldText(districtOf(a, from) ?? "")}|${communeIdentity(a.area.commune)}`;
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
