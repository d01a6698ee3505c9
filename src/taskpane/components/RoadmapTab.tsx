import { columnLetter } from "../../rules/cell";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from "@fluentui/react-components";
import { ChangeEvent, useMemo, useState } from "react";
import { Language, Problem } from "../../rules/message";
import { planYears } from "../../rules/report";
import { CommuneRef, comparePriority, DEFAULT_PER_COMMUNE, RoadmapPlan, RoadmapYear } from "../../rules/roadmap";
import { defaultEffortTable, EFFORT_CLASSES, EFFORT_LABEL, EffortClass, EffortTable } from "../../rules/roadmap-effort";
import { Ruleset } from "../../rules/ruleset";
import { SHEET_NAMES } from "../../rules/workbook";
import { AnalysisReport, HostFeatures, ReviewReport } from "../actions";
import {
  communeChoices,
  defaultEffort,
  effortOf,
  effortOverrides,
  formOf,
  isTicked,
  money,
  readForm,
  RoadmapField,
  RoadmapForm,
  RoadmapSettings,
  tickCommune,
  withChoices,
  withEffortClass,
} from "../roadmap-settings";
import { Strings } from "../strings";
import { AreaItem } from "./AreaItem";
import { CountList } from "./CountList";
import { ProblemList } from "./ProblemList";
import { ProvisionalNotice } from "./ProvisionalNotice";
import { usePaneStyles } from "./styles";

/** Areas of a year shown as buttons; the roadmap sheet has them all. */
const AREAS_PER_YEAR = 3;
const NOTES_SHOWN = 10;

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

/** "Cơ sở vật chất văn hóa (nhà văn hóa, …)" → "Cơ sở vật chất văn hóa": the effort table's rows stay short. */
const shortName = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, "") || name;

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const ROADMAP_SHEETS: string[] = [SHEET_NAMES.roadmap, SHEET_NAMES.roadmapSummary];
const isRoadmapSheet = (name: string) => ROADMAP_SHEETS.some((r) => name === r || name.startsWith(`${r} (`));

/** Step 5: the roadmap settings, the plan year by year, and the yearly progress review. */
export function RoadmapTab({
  t,
  language,
  ruleset,
  settings,
  assessmentYear,
  report,
  review,
  reviewProblems,
  reviewYear,
  canPlan,
  busy,
  features,
  onPlan,
  onReview,
  onSelectArea,
}: RoadmapTabProps) {
  const styles = usePaneStyles();
  const [form, setForm] = useState<RoadmapForm>(() => formOf(settings, language));
  const [communes, setCommunes] = useState<CommuneRef[]>(() => settings.communesMeetingStandard ?? []);
  const [effort, setEffort] = useState<EffortTable | undefined>(() => settings.effort);
  const read = readForm(form, assessmentYear);
  const chosen = withChoices(read.settings, communes, effort);
  const years = planYears(read.settings, assessmentYear);
  const defaultStart = planYears({}, assessmentYear).startYear;
  const plan = review?.plan ?? report?.plan;
  const planNotes = review ? review.plan.notes : (report?.planProblems ?? []);
  const written = review
    ? review.outcome.written
    : (report?.outcome.written ?? []).filter((name) => isRoadmapSheet(name));
  const roadmapSheet = written.find((n) => isRoadmapSheet(n) && !n.startsWith(SHEET_NAMES.roadmapSummary));
  const summarySheet = written.find((n) => n.startsWith(SHEET_NAMES.roadmapSummary));

  // The district's communes: from the assessments the pane holds, else from the plan on show.
  const communeAreas = useMemo(
    () =>
      report
        ? report.assessments.map((a) => a.area)
        : plan
          ? [...plan.years.flatMap((y) => y.communes.flatMap((c) => c.areas)), ...plan.deferred.map((d) => d.area)]
          : [],
    [report, plan]
  );
  const savedCommunes = settings.communesMeetingStandard;
  // Saved communes no area belongs to stay listed (unticked once unticked) until the settings are saved.
  const choices = useMemo(
    () => communeChoices(communeAreas, [...(savedCommunes ?? []), ...communes]),
    [communeAreas, savedCommunes, communes]
  );
  const perCommune = read.settings.perCommune ?? DEFAULT_PER_COMMUNE;
  const effortChanged = Object.keys(effortOverrides(effort)?.criteria ?? {}).length;
  const effortRows = ruleset
    ? ruleset.criteria.map((c) => ({ id: c.id, name: shortName(language === "vi" ? c.nameVi : c.nameEn) }))
    : Object.keys(defaultEffortTable().criteria).map((id) => ({ id, name: "" }));

  const field = (
    name: RoadmapField,
    label: string,
    hint?: string,
    inputMode: "numeric" | "decimal" = "numeric",
    placeholder?: string
  ) => (
    <Field label={label} hint={hint} validationState={read.fields.has(name) ? "error" : "none"}>
      <Input
        className={styles.input}
        inputMode={inputMode}
        value={form[name]}
        placeholder={placeholder}
        disabled={busy}
        onChange={(_, d) => setForm({ ...form, [name]: d.value })}
      />
    </Field>
  );

  return (
    <div className={styles.panel}>
      <ProvisionalNotice t={t} ruleset={ruleset} language={language} />
      <p className={styles.note}>{t.roadmapIntro}</p>
      <section className={styles.section} aria-labelledby="ntm-roadmap-settings">
        <h2 id="ntm-roadmap-settings" className={styles.heading}>
          {t.roadmapSettingsHeading}
        </h2>
        <div className={styles.pair}>
          {field("startYear", t.startYearLabel, t.startYearHint(defaultStart), "numeric", String(defaultStart))}
          {field(
            "targetYear",
            t.targetYearLabel,
            t.targetYearHint(years.startYear + 4),
            "numeric",
            String(years.startYear + 4)
          )}
        </div>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t.perCommuneLegend}</legend>
          <div className={styles.pair}>
            {field("perCommuneMin", t.perCommuneMin)}
            {field("perCommuneMax", t.perCommuneMax)}
          </div>
        </fieldset>
        {field("target", t.targetLabel, t.targetHint)}
        {field(
          "rewardPerArea",
          t.rewardLabel,
          read.settings.rewardPerArea !== undefined && !read.fields.has("rewardPerArea")
            ? t.rewardRead(money(read.settings.rewardPerArea, language))
            : t.rewardHint,
          "decimal"
        )}
        {field("completionsPerYear", t.completionsLabel, t.completionsHint)}
        {renderCommunes()}
        {renderEffort()}
        <div aria-live="polite">
          {read.problems.length > 0 ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.settingsInvalid}</MessageBarTitle>
                <ProblemList problems={read.problems} language={language} label={t.settingsInvalid} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
        {!canPlan ? <p className={styles.note}>{t.needTable}</p> : null}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || !canPlan || read.problems.length > 0}
            onClick={() => onPlan(chosen)}
          >
            {t.planRoadmap}
          </Button>
        </div>
      </section>
      {plan ? renderPlan(plan) : <p className={styles.note}>{t.noPlanYet}</p>}
      {written.length > 0 ? (
        <section className={styles.section} aria-labelledby="ntm-roadmap-written">
          <h2 id="ntm-roadmap-written" className={styles.heading}>
            {t.roadmapWritten}
          </h2>
          <ul className={styles.plainList}>
            {written.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {renderReview()}
    </div>
  );

  function renderCommunes() {
    return (
      <fieldset className={styles.fieldset} aria-describedby="ntm-communes-help">
        <legend className={styles.legend}>{t.communesLegend}</legend>
        <p id="ntm-communes-help" className={styles.note}>
          {t.communesHelp(perCommune.min, perCommune.max)}
        </p>
        {communeAreas.length === 0 ? <p className={styles.note}>{t.communesNeedAnalysis}</p> : null}
        {choices.length > 0 ? (
          <div className={styles.checkGrid}>
            {choices.map((c) => (
              <Checkbox
                key={c.key}
                label={c.inTable ? c.label : `${c.label} (${t.communeNotInTable})`}
                checked={isTicked(c, communes)}
                disabled={busy}
                onChange={(_, d) => setCommunes(tickCommune(choices, communes, c.key, d.checked === true))}
              />
            ))}
          </div>
        ) : null}
      </fieldset>
    );
  }

  function renderEffort() {
    const label = (k: EffortClass) => capitalised(EFFORT_LABEL[k][language]);
    return (
      <Accordion collapsible>
        <AccordionItem value="effort">
          <AccordionHeader as="h3" size="small" button={{ id: "ntm-effort-heading" }}>
            {t.effortHeading(effortChanged)}
          </AccordionHeader>
          <AccordionPanel className={styles.widePanel}>
            <div className={styles.section}>
              <p className={styles.note}>{t.effortHelp}</p>
              <table className={styles.effortTable} aria-labelledby="ntm-effort-heading">
                <thead>
                  <tr>
                    <th scope="col" className={styles.effortNameColumn}>
                      {t.effortCriterionColumn}
                    </th>
                    <th scope="col" className={styles.effortClassColumn}>
                      {t.effortClassColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {effortRows.map((c) => {
                    const id = `ntm-effort-${c.id}`;
                    const byDefault = defaultEffort(c.id).effort;
                    const current = effortOf(effort, c.id);
                    return (
                      <tr key={c.id}>
                        <th
                          scope="row"
                          className={current === byDefault ? styles.effortName : styles.effortNameChanged}
                        >
                          <label htmlFor={id}>{c.name ? `${c.id} ${c.name}` : c.id}</label>
                        </th>
                        <td className={styles.effortCell}>
                          <Select
                            id={id}
                            size="small"
                            value={current}
                            disabled={busy}
                            onChange={(e: ChangeEvent<HTMLSelectElement>) =>
                              setEffort(withEffortClass(effort, c.id, e.target.value as EffortClass))
                            }
                          >
                            {EFFORT_CLASSES.map((k) => (
                              <option key={k} value={k}>
                                {k === byDefault ? t.effortDefault(label(k)) : label(k)}
                              </option>
                            ))}
                          </Select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className={styles.note}>{t.effortFundingNote}</p>
              <div className={styles.actions}>
                <Button
                  size="small"
                  disabled={busy}
                  disabledFocusable={!busy && effortChanged === 0}
                  onClick={() => setEffort(undefined)}
                >
                  {t.effortReset}
                </Button>
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    );
  }

  function renderYear(y: RoadmapYear, sheet: string) {
    const areas = y.communes.flatMap((c) => c.areas).sort(comparePriority);
    const shown = areas.slice(0, AREAS_PER_YEAR);
    return (
      <li key={y.year} className={styles.section}>
        <p className={styles.yearLine}>{t.yearLine(y.year, y.planned, y.cumulative, y.targetPath)}</p>
        {plan && plan.rewardPerArea > 0 ? (
          <p className={styles.note}>{t.rewardSpending(money(y.rewardSpending, language))}</p>
        ) : null}
        {shown.length > 0 ? (
          <ul className={styles.bareList} aria-label={t.yearAreasLabel(y.year)}>
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
          <p className={styles.note}>{t.yearMore(areas.length - shown.length, sheet)}</p>
        ) : null}
      </li>
    );
  }

  function renderPlan(plan: RoadmapPlan) {
    const outcome = plan.outcome;
    return (
      <>
        <section className={styles.section} aria-labelledby="ntm-roadmap-plan">
          <h2 id="ntm-roadmap-plan" className={styles.heading}>
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
          <p className={styles.note}>{t.alreadyMeetingLine(plan.alreadyMeeting, plan.totalAreas)}</p>
          <ol className={styles.bareList}>
            {plan.years.map((y) => renderYear(y, roadmapSheet ?? SHEET_NAMES.roadmap))}
          </ol>
          {plan.deferred.length > 0 ? <p>{t.deferredLine(plan.deferred.length, plan.targetYear)}</p> : null}
        </section>
        {planNotes.length > 0 ? (
          <section className={styles.section} aria-labelledby="ntm-roadmap-notes">
            <h2 id="ntm-roadmap-notes" className={styles.heading}>
              {t.planNotesHeading(planNotes.length)}
            </h2>
            <ProblemList
              problems={planNotes}
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
              <ul className={styles.bareList}>
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

  function renderReview() {
    return (
      <section className={styles.section} aria-labelledby="ntm-review">
        <h2 id="ntm-review" className={styles.heading}>
          {t.reviewHeading}
        </h2>
        <p className={styles.note}>{t.reviewHelp(reviewYear)}</p>
        <div className={styles.actions}>
          <Button disabled={busy || !canPlan} onClick={onReview}>
            {t.reviewButton}
          </Button>
        </div>
        {reviewProblems.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.reviewRefused}</MessageBarTitle>
              <ProblemList problems={reviewProblems} language={language} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {review ? (
          <section className={styles.section} aria-labelledby="ntm-review-result">
            <h3 id="ntm-review-result" className={styles.heading}>
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
                <h3 className={styles.heading}>{t.reviewNotesHeading(review.problems.length)}</h3>
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
}
