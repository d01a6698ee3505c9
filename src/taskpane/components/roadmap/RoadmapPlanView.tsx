import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Language, Problem } from "../../../rules/message";
import { RoadmapPlan } from "../../../rules/roadmap/plan-shapes";
import { SHEET_NAMES } from "../../../rules/workbook";
import { HostFeatures } from "../../actions";
import { Strings } from "../../strings";
import { ProblemList } from "../ProblemList";
import { useSharedStyles } from "../styles";
import { PlanYear } from "./PlanYear";

const NOTES_SHOWN = 10;

export interface RoadmapPlanViewProps {
  t: Strings;
  language: Language;
  plan: RoadmapPlan;
  /** Notes on the plan's input; the summary sheet lists those not shown. */
  notes: Problem[];
  /** The roadmap sheet and its summary sheet as written (another name when the user owns the usual one). */
  roadmapSheet?: string;
  summarySheet?: string;
  busy: boolean;
  features: HostFeatures;
  onSelectArea(area: { sheet?: string; row?: number; column?: number }, name: string): void;
}

/** The plan: whether the district's target is reached, the plan year by year, its notes and its rules. */
export function RoadmapPlanView({
  t,
  language,
  plan,
  notes,
  roadmapSheet,
  summarySheet,
  busy,
  features,
  onSelectArea,
}: RoadmapPlanViewProps) {
  const shared = useSharedStyles();
  const outcome = plan.outcome;
  return (
    <>
      <section className={shared.section} aria-labelledby="ntm-roadmap-plan">
        <h2 id="ntm-roadmap-plan" className={shared.heading}>
          {t.planHeading(plan.startYear, plan.targetYear)}
        </h2>
        {outcome && outcome.missing > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.targetNotReachedTitle}</MessageBarTitle>
              <span>{outcome.message[language]}</span>
            </MessageBarBody>
          </MessageBar>
        ) : outcome ? (
          <p>{outcome.message[language]}</p>
        ) : null}
        <p className={shared.note}>{t.alreadyMeetingLine(plan.alreadyMeeting, plan.totalAreas)}</p>
        <ol className={shared.bareList}>
          {plan.years.map((y) => (
            <PlanYear
              key={y.year}
              t={t}
              language={language}
              year={y}
              sheet={roadmapSheet ?? SHEET_NAMES.roadmap}
              rewarded={plan.rewardPerArea > 0}
              busy={busy}
              features={features}
              onSelectArea={onSelectArea}
            />
          ))}
        </ol>
        {plan.deferred.length > 0 ? <p>{t.deferredLine(plan.deferred.length, plan.targetYear)}</p> : null}
      </section>
      {notes.length > 0 ? (
        <section className={shared.section} aria-labelledby="ntm-roadmap-notes">
          <h2 id="ntm-roadmap-notes" className={shared.heading}>
            {t.planNotesHeading(notes.length)}
          </h2>
          <ProblemList
            problems={notes}
            language={language}
            limit={NOTES_SHOWN}
            more={(n) => t.notesMore(n, summarySheet ?? SHEET_NAMES.roadmapSummary)}
          />
        </section>
      ) : null}
      <Accordion collapsible>
        <AccordionItem value="rules">
          <AccordionHeader as="h2" size="small">
            {t.rulesHeading}
          </AccordionHeader>
          <AccordionPanel>
            <ul className={shared.bareList}>
              {plan.rules.map((r) => (
                <li key={r.vi}>{r[language]}</li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
