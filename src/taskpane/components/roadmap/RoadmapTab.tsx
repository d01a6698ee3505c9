import { Language, Problem } from "../../../rules/message";
import { Ruleset } from "../../../rules/ruleset/ruleset";
import { SHEET_NAMES } from "../../../rules/workbook";
import { AnalysisReport, HostFeatures, ReviewReport } from "../../actions";
import { RoadmapSettings } from "../../../rules/roadmap-settings";
import { Strings } from "../../strings";
import { ProvisionalNotice } from "../ProvisionalNotice";
import { useSharedStyles } from "../styles";
import { ProgressReview } from "./ProgressReview";
import { RoadmapPlanView } from "./RoadmapPlanView";
import { RoadmapSettingsForm } from "./RoadmapSettingsForm";

export interface RoadmapTabProps {
  t: Strings;
  language: Language;
  /** The ruleset in use: its provisional note is shown with the plan. */
  ruleset?: Ruleset;
  /** The settings saved in the workbook: the form starts from them. */
  settings: RoadmapSettings;
  /** The Results tab's assessment year: the default start year. */
  assessmentYear?: number;
  report?: AnalysisReport;
  /** The last yearly review (its re-plan is on the roadmap sheets now). */
  review?: ReviewReport;
  /** Why the review could not run (no roadmap sheet yet), in the core's words. */
  reviewProblems: Problem[];
  reviewYear: number;
  canPlan: boolean;
  busy: boolean;
  /** What the host offers (whether an area can be shown on its sheet). */
  features: HostFeatures;
  onPlan(settings: RoadmapSettings): void;
  onReview(): void;
  onSelectArea(area: { sheet?: string; row?: number; column?: number }, name: string): void;
}

const ROADMAP_SHEETS: string[] = [SHEET_NAMES.roadmap, SHEET_NAMES.roadmapSummary];
const isRoadmapSheet = (name: string) => ROADMAP_SHEETS.some((r) => name === r || name.startsWith(`${r} (`));

/** Step 5: the roadmap settings, the plan year by year, and the yearly progress review. */
export function RoadmapTab(props: RoadmapTabProps) {
  const { t, language, ruleset, report, review, busy, features, onSelectArea } = props;
  const shared = useSharedStyles();
  const plan = review?.plan ?? report?.plan;
  const planNotes = review ? review.plan.notes : (report?.planProblems ?? []);
  const written = review
    ? review.outcome.written
    : (report?.outcome.written ?? []).filter((name) => isRoadmapSheet(name));
  const roadmapSheet = written.find((n) => isRoadmapSheet(n) && !n.startsWith(SHEET_NAMES.roadmapSummary));
  const summarySheet = written.find((n) => n.startsWith(SHEET_NAMES.roadmapSummary));

  return (
    <div className={shared.panel}>
      <ProvisionalNotice t={t} ruleset={ruleset} language={language} />
      <p className={shared.note}>{t.roadmapIntro}</p>
      <RoadmapSettingsForm
        t={t}
        language={language}
        ruleset={ruleset}
        settings={props.settings}
        assessmentYear={props.assessmentYear}
        report={report}
        plan={plan}
        canPlan={props.canPlan}
        busy={busy}
        onPlan={props.onPlan}
      />
      {plan ? (
        <RoadmapPlanView
          t={t}
          language={language}
          plan={plan}
          notes={planNotes}
          roadmapSheet={roadmapSheet}
          summarySheet={summarySheet}
          busy={busy}
          features={features}
          onSelectArea={onSelectArea}
        />
      ) : (
        <p className={shared.note}>{t.noPlanYet}</p>
      )}
      {written.length > 0 ? (
        <section className={shared.section} aria-labelledby="ntm-roadmap-written">
          <h2 id="ntm-roadmap-written" className={shared.heading}>
            {t.roadmapWritten}
          </h2>
          <ul className={shared.plainList}>
            {written.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ProgressReview
        t={t}
        language={language}
        review={review}
        problems={props.reviewProblems}
        year={props.reviewYear}
        written={written}
        canReview={props.canPlan}
        busy={busy}
        onReview={props.onReview}
      />
    </div>
  );
}
