import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Tab,
  TabList,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ColumnRole } from "../../rules/columns";
import { InputError, Language, Problem } from "../../rules/message";
import { withOverride } from "../../rules/sheet-table";
import { AnalysisReport, Detection, PaneActions, ReviewReport, RulesetInfo } from "../actions";
import { RoadmapSettings } from "../roadmap-settings";
import { errorProblem, STRINGS, Strings } from "../strings";
import { AnalyseOptions, ResultsTab } from "./ResultsTab";
import { CriteriaTab } from "./CriteriaTab";
import { ProblemList } from "./ProblemList";
import { RoadmapTab } from "./RoadmapTab";
import { TableTab } from "./TableTab";
import { usePaneStyles } from "./styles";

export type TabId = "table" | "results" | "criteria" | "roadmap";

export interface PaneProps {
  actions: PaneActions;
  initialLanguage?: Language;
  /** Told when the user switches language (index.tsx remembers it). */
  onLanguageChange?(language: Language): void;
}

/** A message for the live region, rendered in whichever language is current. */
type Status = (t: Strings) => string;

const problemsOf = (e: unknown): Problem[] => (e instanceof InputError ? e.problems : [errorProblem(e)]);

/**
 * The task pane: find the table, analyse, criteria, roadmap. State lives here; every workbook effect goes
 * through `actions`, so the components are tested with any implementation of them.
 */
export function Pane({ actions, initialLanguage = "vi", onLanguageChange }: PaneProps) {
  const styles = usePaneStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t = STRINGS[language];
  const [tab, setTab] = useState<TabId>("table");
  const [rulesetInfo, setRulesetInfo] = useState<RulesetInfo>();
  const [detection, setDetection] = useState<Detection>();
  const [dirty, setDirty] = useState(false);
  const [detectProblems, setDetectProblems] = useState<Problem[]>([]);
  const [report, setReport] = useState<AnalysisReport>();
  const [lastOptions, setLastOptions] = useState<AnalyseOptions>({ highlight: true });
  const [criteriaProblems, setCriteriaProblems] = useState<Problem[]>([]);
  const [roadmapSettings, setRoadmapSettings] = useState<RoadmapSettings>({});
  const [review, setReview] = useState<ReviewReport>();
  const [reviewProblems, setReviewProblems] = useState<Problem[]>([]);
  const [refusedCount, setRefusedCount] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [errors, setErrors] = useState<Problem[]>([]);
  const started = useRef(false);

  /** Run one action: busy while it runs, its outcome announced, any failure shown as located problems. */
  async function perform(work: () => Promise<Status | undefined>, onFailure?: (problems: Problem[]) => boolean) {
    setBusy(true);
    setErrors([]);
    setStatus(undefined);
    try {
      const next = await work();
      setStatus(() => next);
    } catch (e) {
      const problems = problemsOf(e);
      if (!onFailure || !onFailure(problems)) setErrors(problems);
    } finally {
      setBusy(false);
    }
  }

  async function find(activeSheet: boolean, ruleset = rulesetInfo?.ruleset): Promise<Status | undefined> {
    if (!ruleset) return undefined;
    setDetectProblems([]);
    const found = await actions.detect(ruleset, { activeSheet });
    setDetection(found);
    setDirty(false);
    setReport(undefined);
    if (found.source === "manual") {
      setDetectProblems(found.problems ?? []);
      return (s) => s.tableManual(found.sheet);
    }
    return (s) => s.tableFound(found.sheet, found.layout.columns.length);
  }

  // Once, on opening: the ruleset the workbook carries, then the table.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void perform(
      async () => {
        const info = await actions.loadRuleset();
        setRoadmapSettings(await actions.loadRoadmapSettings());
        setRulesetInfo(info);
        setCriteriaProblems(info.problems);
        return find(false, info.ruleset);
      },
      (problems) => {
        // Nothing to find yet (an empty or unrelated sheet) is not an error on opening: shown in the table tab.
        setDetectProblems(problems);
        return true;
      }
    );
  }, []);

  const ruleset = rulesetInfo?.ruleset;

  async function analyse(
    options: AnalyseOptions,
    withRuleset = ruleset,
    roadmap = roadmapSettings
  ): Promise<AnalysisReport | undefined> {
    if (!detection || !withRuleset) return undefined;
    const result = await actions.analyse({
      sheet: detection.sheet,
      layout: detection.layout,
      ruleset: withRuleset,
      year: options.year,
      language,
      highlight: options.highlight,
      roadmap,
    });
    setReport(result);
    setReview(undefined);
    setReviewProblems([]);
    setLastOptions(options);
    setDirty(false);
    setDetection({ ...detection, source: "saved" });
    return result;
  }

  const onFind = (activeSheet: boolean) =>
    perform(
      () => find(activeSheet),
      (problems) => {
        setDetection(undefined);
        setDetectProblems(problems);
        return true;
      }
    );

  const onChangeRole = (column: number, role: ColumnRole | null) => {
    if (!detection || !ruleset) return;
    setDetection({ ...detection, layout: withOverride(detection.layout, column, role, ruleset) });
    setDirty(true);
  };

  const onSave = () =>
    perform(async () => {
      if (!detection) return undefined;
      await actions.saveMapping(detection.sheet, detection.layout);
      setDirty(false);
      setDetection({ ...detection, source: "saved" });
      return (s) => s.mappingSaved;
    });

  const onAnalyse = (options: AnalyseOptions) =>
    perform(async () => {
      const r = await analyse(options);
      setTab("results");
      return r ? (s) => s.analysed(r.summary.areas, r.sheet) : undefined;
    });

  const onClear = () =>
    perform(async () => {
      if (!detection) return undefined;
      const n = await actions.clearHighlights(detection.sheet);
      if (report) setReport({ ...report, highlights: 0 });
      return (s) => s.cleared(n, detection.sheet);
    });

  const onSelectArea = (row: number, name: string) =>
    perform(async () => {
      if (!report) return undefined;
      await actions.selectArea(report.sheet, row);
      return (s) => s.rowSelected(name, row);
    });

  /** The yearly review runs for the assessment year, else the roadmap's start year, else this year. */
  const reviewYear = lastOptions.year ?? roadmapSettings.startYear ?? new Date().getFullYear();

  const onPlan = (settings: RoadmapSettings) =>
    perform(async () => {
      await actions.saveRoadmapSettings(settings);
      setRoadmapSettings(settings);
      const plan = (await analyse(lastOptions, ruleset, settings))?.plan;
      return plan ? (s) => s.roadmapPlanned(plan.startYear, plan.targetYear) : undefined;
    });

  const onReview = () =>
    perform(
      async () => {
        if (!detection || !ruleset) return undefined;
        setReviewProblems([]);
        const r = await actions.review({
          sheet: detection.sheet,
          layout: detection.layout,
          ruleset,
          year: reviewYear,
          language,
          roadmap: roadmapSettings,
        });
        setReview(r);
        return (s) => s.reviewed(r.year, r.outcome.written[0]);
      },
      (problems) => {
        setReview(undefined);
        setReviewProblems(problems);
        return true;
      }
    );

  const onSelectPlannedArea = (row: number, name: string) =>
    perform(async () => {
      if (!detection) return undefined;
      await actions.selectArea(detection.sheet, row);
      return (s) => s.rowSelected(name, row);
    });

  const onWriteCriteria = () =>
    perform(async () => {
      if (!ruleset) return undefined;
      const outcome = await actions.writeCriteriaSheet(ruleset, language);
      return (s) =>
        [s.criteriaWritten(outcome.written[0]), ...outcome.renamed.map((r) => s.renamed(r.wanted, r.used))].join(" ");
    });

  /** A new ruleset is in force: the custom functions have it already; results recompute when there were any. */
  async function adopt(next: RulesetInfo, done: Status): Promise<Status> {
    setRulesetInfo(next);
    setCriteriaProblems([]);
    setRefusedCount(undefined);
    if (report && detection) {
      const r = await analyse(lastOptions, next.ruleset);
      if (r) return (s) => `${done(s)} ${s.criteriaReloadedRecomputed(r.summary.areas)}`;
    }
    return done;
  }

  const onReloadCriteria = () =>
    perform(
      async () => {
        if (!ruleset) return undefined;
        const next = await actions.reloadCriteria(ruleset);
        return adopt({ ruleset: next, fromWorkbook: true, problems: [] }, (s) => s.criteriaReloaded);
      },
      (problems) => {
        setCriteriaProblems(problems);
        setRefusedCount(problems.length);
        setTab("criteria");
        return true;
      }
    );

  const onResetCriteria = () =>
    perform(async () => {
      const next = await actions.resetCriteria();
      return adopt({ ruleset: next, fromWorkbook: false, problems: [] }, (s) => s.criteriaReset);
    });

  const switchLanguage = (english: boolean) => {
    const next: Language = english ? "en" : "vi";
    setLanguage(next);
    onLanguageChange?.(next);
  };

  const tabs: Array<{ id: TabId; label: string }> = [
    { id: "table", label: t.tabTable },
    { id: "results", label: t.tabResults },
    { id: "criteria", label: t.tabCriteria },
    { id: "roadmap", label: t.tabRoadmap },
  ];

  return (
    <main className={styles.root} lang={language}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>{t.appTitle}</h1>
          <p className={styles.subtitle}>{t.appSubtitle}</p>
        </div>
        <Switch checked={language === "en"} label={t.english} onChange={(_, d) => switchLanguage(d.checked)} />
      </header>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={t.tabsLabel}
        size="small"
      >
        {tabs.map((x) => (
          <Tab key={x.id} id={`ntm-tab-${x.id}`} value={x.id} aria-controls={`ntm-panel-${x.id}`}>
            {x.label}
          </Tab>
        ))}
      </TabList>
      <div role="status" aria-live="polite" aria-atomic="true" aria-label={t.statusLabel} className={styles.status}>
        {busy ? t.working : status ? status(t) : ""}
      </div>
      <div role="alert">
        {errors.length > 0 ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
              <ProblemList problems={errors} language={language} />
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setErrors([])}>
                {t.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
      </div>
      {ruleset ? (
        <>
          <div role="tabpanel" id="ntm-panel-table" aria-labelledby="ntm-tab-table" hidden={tab !== "table"}>
            <TableTab
              t={t}
              language={language}
              ruleset={ruleset}
              detection={detection}
              dirty={dirty}
              problems={detectProblems}
              busy={busy}
              onFind={onFind}
              onChangeRole={onChangeRole}
              onSave={onSave}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-results" aria-labelledby="ntm-tab-results" hidden={tab !== "results"}>
            <ResultsTab
              t={t}
              language={language}
              ruleset={ruleset}
              report={report}
              canAnalyse={!!detection}
              busy={busy}
              onAnalyse={onAnalyse}
              onClearHighlights={onClear}
              onSelectArea={onSelectArea}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-criteria" aria-labelledby="ntm-tab-criteria" hidden={tab !== "criteria"}>
            <CriteriaTab
              t={t}
              language={language}
              ruleset={ruleset}
              fromWorkbook={rulesetInfo?.fromWorkbook ?? false}
              problems={criteriaProblems}
              refusedCount={refusedCount}
              busy={busy}
              onWrite={onWriteCriteria}
              onReload={onReloadCriteria}
              onReset={onResetCriteria}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-roadmap" aria-labelledby="ntm-tab-roadmap" hidden={tab !== "roadmap"}>
            <RoadmapTab
              t={t}
              language={language}
              ruleset={ruleset}
              settings={roadmapSettings}
              assessmentYear={lastOptions.year}
              report={report}
              review={review}
              reviewProblems={reviewProblems}
              reviewYear={reviewYear}
              canPlan={!!detection}
              busy={busy}
              onPlan={onPlan}
              onReview={onReview}
              onSelectArea={onSelectPlannedArea}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}
