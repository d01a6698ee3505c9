import { columnLetter } from "../../../rules/reading/cell";
import { Language } from "../../../rules/message";
import { comparePriority } from "../../../rules/roadmap/priority";
import { RoadmapYear } from "../../../rules/roadmap/plan-shapes";
import { HostFeatures } from "../../actions";
import { money } from "../../roadmap-form";
import { Strings } from "../../strings";
import { AreaItem } from "../AreaItem";
import { useSharedStyles } from "../styles";
import { usePlanYearStyles } from "./PlanYear.styles";

/** Areas of a year shown as buttons; the roadmap sheet has them all. */
const AREAS_PER_YEAR = 3;

export interface PlanYearProps {
  t: Strings;
  language: Language;
  year: RoadmapYear;
  /** The roadmap sheet, where the areas not shown are. */
  sheet: string;
  /** Whether the plan pays a reward per area (its spending is shown). */
  rewarded: boolean;
  busy: boolean;
  features: HostFeatures;
  onSelectArea(area: { sheet?: string; row?: number; column?: number }, name: string): void;
}

/** One year of the roadmap: how many areas, the first few by priority (each shown on its sheet on click). */
export function PlanYear({ t, language, year: y, sheet, rewarded, busy, features, onSelectArea }: PlanYearProps) {
  const shared = useSharedStyles();
  const styles = usePlanYearStyles();
  const areas = y.communes.flatMap((c) => c.areas).sort(comparePriority);
  const shown = areas.slice(0, AREAS_PER_YEAR);
  return (
    <li className={shared.section}>
      <p className={styles.yearLine}>{t.yearLine(y.year, y.planned, y.cumulative, y.targetPath)}</p>
      {rewarded ? <p className={shared.note}>{t.rewardSpending(money(y.rewardSpending, language))}</p> : null}
      {shown.length > 0 ? (
        <ul className={shared.bareList} aria-label={t.yearAreasLabel(y.year)}>
          {shown.map((a, k) => (
            <li key={`${a.key}-${a.sheet ?? ""}-${a.row ?? a.column ?? k}`}>
              <AreaItem
                name={a.name}
                commune={a.commune}
                detail={`${t.stepsCount(a.steps.length)}: ${a.steps.map((s) => s.criterionId).join(", ")}`}
                selectLabel={
                  a.row === undefined && a.column !== undefined
                    ? t.selectColumnLabel(`${a.name}, ${a.commune}`, columnLetter(a.column - 1))
                    : t.selectRowLabel(`${a.name}, ${a.commune}`, a.row ?? 0)
                }
                onSelect={features.selectAreas ? () => onSelectArea(a, a.name) : undefined}
                disabled={busy || (a.row === undefined && a.column === undefined)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {areas.length > shown.length ? (
        <p className={shared.note}>{t.yearMore(areas.length - shown.length, sheet)}</p>
      ) : null}
    </li>
  );
}
