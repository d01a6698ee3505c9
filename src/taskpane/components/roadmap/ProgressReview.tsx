import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Language, Problem } from "../../../rules/message";
import { SHEET_NAMES } from "../../../rules/workbook";
import { ReviewReport } from "../../actions";
import { Strings } from "../../strings";
import { CountList } from "../CountList";
import { ProblemList } from "../ProblemList";
import { useSharedStyles } from "../styles";

const NOTES_SHOWN = 10;

export interface ProgressReviewProps {
  t: Strings;
  language: Language;
  /** The last yearly review (its re-plan is on the roadmap sheets now). */
  review?: ReviewReport;
  /** Why the review could not run (no roadmap sheet yet), in the core's words. */
  problems: Problem[];
  year: number;
  /** The sheets written by the last analysis or review: the progress sheet's notes are there. */
  written: string[];
  canReview: boolean;
  busy: boolean;
  onReview(): void;
}

/** The yearly review: last year's roadmap against this year's data, counted; why it could not run. */
export function ProgressReview({
  t,
  language,
  review,
  problems,
  year,
  written,
  canReview,
  busy,
  onReview,
}: ProgressReviewProps) {
  const shared = useSharedStyles();
  return (
    <section className={shared.section} aria-labelledby="ntm-review">
      <h2 id="ntm-review" className={shared.heading}>
        {t.reviewHeading}
      </h2>
      <p className={shared.note}>{t.reviewHelp(year)}</p>
      <div className={shared.actions}>
        <Button disabled={busy || !canReview} onClick={onReview}>
          {t.reviewButton}
        </Button>
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.reviewRefused}</MessageBarTitle>
            <ProblemList problems={problems} language={language} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {review ? (
        <section className={shared.section} aria-labelledby="ntm-review-result">
          <h3 id="ntm-review-result" className={shared.heading}>
            {t.reviewResultHeading(review.year)}
          </h3>
          <CountList
            items={[
              [t.reviewDue(review.year), review.due],
              [t.reviewReached, review.reached],
              [t.reviewSlipped, review.slipped],
              [t.reviewEarly, review.early],
            ]}
          />
          {review.problems.length > 0 ? (
            <>
              <h3 className={shared.heading}>{t.reviewNotesHeading(review.problems.length)}</h3>
              <ProblemList
                problems={review.problems}
                language={language}
                limit={NOTES_SHOWN}
                more={(n) =>
                  t.notesMore(n, written.find((w) => w.startsWith(SHEET_NAMES.progress)) ?? SHEET_NAMES.progress)
                }
              />
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
