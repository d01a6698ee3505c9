import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { Language } from "../../../rules/message";
import { planYears } from "../../../rules/report/build-report";
import { CommuneRef, DEFAULT_PER_COMMUNE, RoadmapPlan } from "../../../rules/roadmap/plan-shapes";
import { EffortTable } from "../../../rules/roadmap/roadmap-effort";
import { Ruleset } from "../../../rules/ruleset/ruleset";
import { AnalysisReport } from "../../actions";
import { communeChoices, formOf, money, readForm, RoadmapField, RoadmapForm, withChoices } from "../../roadmap-form";
import { RoadmapSettings } from "../../../rules/roadmap-settings";
import { Strings } from "../../strings";
import { ProblemList } from "../ProblemList";
import { useSharedStyles } from "../styles";
import { CommunesField } from "./CommunesField";
import { EffortClassTable } from "./EffortClassTable";
import { useRoadmapSettingsFormStyles } from "./RoadmapSettingsForm.styles";

export interface RoadmapSettingsFormProps {
  t: Strings;
  language: Language;
  ruleset?: Ruleset;
  /** The settings saved in the workbook: the form starts from them. */
  settings: RoadmapSettings;
  /** The Results tab's assessment year: the default start year. */
  assessmentYear?: number;
  /** The last analysis and the plan on show: their areas' communes are listed to tick. */
  report?: AnalysisReport;
  plan?: RoadmapPlan;
  canPlan: boolean;
  busy: boolean;
  onPlan(settings: RoadmapSettings): void;
}

/**
 * The roadmap settings as the officer types them: checked by the core as they are typed, saved and planned
 * with on the button. What is being typed stays here until then.
 */
export function RoadmapSettingsForm({
  t,
  language,
  ruleset,
  settings,
  assessmentYear,
  report,
  plan,
  canPlan,
  busy,
  onPlan,
}: RoadmapSettingsFormProps) {
  const shared = useSharedStyles();
  const styles = useRoadmapSettingsFormStyles();
  const [form, setForm] = useState<RoadmapForm>(() => formOf(settings, language));
  const [communes, setCommunes] = useState<CommuneRef[]>(() => settings.communesMeetingStandard ?? []);
  const [effort, setEffort] = useState<EffortTable | undefined>(() => settings.effort);
  const read = readForm(form, assessmentYear, settings);
  const chosen = withChoices(read.settings, communes, effort);
  const years = planYears(read.settings, assessmentYear);
  const defaultStart = planYears({}, assessmentYear).startYear;

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

  const field = (
    name: RoadmapField,
    label: string,
    hint?: string,
    inputMode: "numeric" | "decimal" = "numeric",
    placeholder?: string
  ) => (
    <Field label={label} hint={hint} validationState={read.fields.has(name) ? "error" : "none"}>
      <Input
        className={shared.input}
        inputMode={inputMode}
        value={form[name]}
        placeholder={placeholder}
        disabled={busy}
        onChange={(_, d) => setForm({ ...form, [name]: d.value })}
      />
    </Field>
  );

  return (
    <section className={shared.section} aria-labelledby="ntm-roadmap-settings">
      <h2 id="ntm-roadmap-settings" className={shared.heading}>
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
      <fieldset className={shared.fieldset}>
        <legend className={shared.legend}>{t.perCommuneLegend}</legend>
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
      <CommunesField
        t={t}
        choices={choices}
        communes={communes}
        perCommune={read.settings.perCommune ?? DEFAULT_PER_COMMUNE}
        hasAreas={communeAreas.length > 0}
        busy={busy}
        onChange={setCommunes}
      />
      <EffortClassTable t={t} language={language} ruleset={ruleset} effort={effort} busy={busy} onChange={setEffort} />
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
      {!canPlan ? <p className={shared.note}>{t.needTable}</p> : null}
      <div className={shared.actions}>
        <Button
          appearance="primary"
          disabled={busy || !canPlan || read.problems.length > 0}
          onClick={() => onPlan(chosen)}
        >
          {t.planRoadmap}
        </Button>
      </div>
    </section>
  );
}
