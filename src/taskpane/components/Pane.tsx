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
import { parseDossierList } from "../../rules/dossier";
import { InputError, Language, Problem } from "../../rules/message";
import { columnLetter } from "../../rules/cell";
import { TableChoice } from "../../rules/analysis";
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
  /** The texts, both languages; none: the add-in's (the web page words a few of them for files). */
  strings?: Record<Language, Strings>;
  initialLanguage?: Language;
  /** The language, where the page around the pane chooses it (with `header={false}`: the page shows the switch). */
  language?: Language;
  /** The pane's title and language switch; false where the page around it has its own. */
  header?: boolean;
  /** Told when the user switches language (index.tsx remembers it). */
  onLanguageChange?(language: Language): void;
}

/** A message for the live region, rendered in whichever language is current. */
type Status = (t: Strings) => string;

/**
 * The task pane: find the table, analyse, criteria, roadmap. State lives here; every workbook effect goes
 * through `actions`, so the components are tested with any implementation of them.
 */
export function Pane({
  actions,
  strings = STRINGS,
  initialLanguage = "vi",
  language: chosenLanguage,
  header = true,
  onLanguageChange,
}: PaneProps) {
  const styles = usePaneStyles();
  const [ownLanguage, setLanguage] = useState<Language>(initialLanguage);
  const language = chosenLanguage ?? ownLanguage;
  const t = strings[language];
  const { features } = actions;
  const problemsOf = (e: unknown): Problem[] => (e instanceof InputError ? e.problems : [errorProblem(e, "", strings)]);
  const [tab, setTab] = useState<TabId>("table");
  const [rulesetInfo, setRulesetInfo] = useState<RulesetInfo>();
  const [detection, setDetection] = useState<Detection>();
  const [selected, setSelected] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [detectProblems, setDetectProblems] = useState<Problem[]>([]);
  const [report, setReport] = useState<AnalysisReport>();
  const [lastOptions, setLastOptions] = useState<AnalyseOptions>({ highlight: true, dossier: "" });
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
    setSelected(0);
    setDirty(false);
    setReport(undefined);
    setDetectProblems(found.problems ?? []);
    const first = found.tables[0];
    if (!first) return undefined;
    if (first.source === "manual") return (s) => s.tableManual(first.sheet);
    if (found.tables.length === 1) return (s) => s.tableFound(first.sheet, first.layout.columns.length);
    const sheets = [...new Set(found.tables.map((x) => `“${x.sheet}”`))].join(", ");
    return (s) => s.tablesFound(found.tables.length, sheets);
  }

  /** The tables the user left in, as the analysis takes them. */
  const chosenTables = (d: Detection | undefined = detection): TableChoice[] =>
    (d?.tables ?? [])
      .filter((x) => x.included)
      .map((x) => ({ sheet: x.sheet, layout: x.layout, detected: x.source === "detected" && !x.edited }));

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
    const tables = chosenTables();
    if (tables.length === 0 || !withRuleset) return undefined;
    const result = await actions.analyse({
      tables,
      skipped: detection?.skipped,
      ruleset: withRuleset,
      year: options.year,
      language,
      highlight: options.highlight,
      roadmap,
      dossier: parseDossierList(options.dossier),
    });
    setReport(result);
    setReview(undefined);
    setReviewProblems([]);
    setLastOptions(options);
    setDirty(false);
    if (detection) {
      // The tables as read and saved (a table read again the other way round shows its rows now), then
      // those left out.
      const read = result.tables.map((t) => ({
        sheet: t.sheet,
        layout: t.layout,
        range: t.range,
        source: "saved" as const,
        included: true,
      }));
      setDetection({ ...detection, tables: [...read, ...detection.tables.filter((x) => !x.included)] });
      setSelected(0);
    }
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
    const table = detection?.tables[selected];
    if (!detection || !table || !ruleset) return;
    const tables = [...detection.tables];
    tables[selected] = { ...table, layout: withOverride(table.layout, column, role, ruleset), edited: true };
    setDetection({ ...detection, tables });
    setDirty(true);
  };

  const onIncludeTable = (index: number, included: boolean) => {
    if (!detection?.tables[index]) return;
    const tables = [...detection.tables];
    tables[index] = { ...tables[index], included };
    setDetection({ ...detection, tables });
    setDirty(true);
  };

  const onSave = () =>
    perform(async () => {
      if (!detection) return undefined;
      await actions.saveMapping(chosenTables());
      setDirty(false);
      setDetection({
        ...detection,
        tables: detection.tables.map((x) => (x.included ? { ...x, source: "saved" as const } : x)),
      });
      return (s) => s.mappingSaved;
    });

  const onAnalyse = (options: AnalyseOptions) =>
    perform(async () => {
      const r = await analyse(options);
      setTab("results");
      return r ? (s) => s.analysed(r.summary.areas, r.sheets.join("”, “")) : undefined;
    });

  const onWordReport = () =>
    perform(async () => {
      if (!report || !ruleset) return undefined;
      const { fileName } = await actions.saveWordReport({
        results: report.results,
        ruleset,
        year: lastOptions.year,
        roadmap: roadmapSettings,
        dossier: parseDossierList(lastOptions.dossier),
      });
      return (s) => s.wordSaved(fileName);
    });

  const onDownloadReport = () =>
    perform(async () => {
      const { fileName } = await actions.downloadReport();
      return (s) => s.reportSaved(fileName);
    });

  const onClear = () =>
    perform(async () => {
      const sheets = report?.sheets ?? [...new Set(chosenTables().map((x) => x.sheet))];
      if (sheets.length === 0) return undefined;
      const n = await actions.clearHighlights(sheets);
      if (report) setReport({ ...report, highlights: 0 });
      return (s) => s.cleared(n, sheets.join("”, “"));
    });

  /** Show an area on its sheet: its row, or its column in a sideways table. */
  const onSelectArea = (area: { sheet?: string; row?: number; column?: number }, name: string) =>
    perform(async () => {
      await actions.selectArea(area);
      const { row, column } = area;
      if (row !== undefined) return (s) => s.rowSelected(name, row);
      return column !== undefined ? (s) => s.columnSelected(name, columnLetter(column - 1)) : undefined;
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
        const tables = chosenTables();
        if (tables.length === 0 || !ruleset) return undefined;
        setReviewProblems([]);
        const r = await actions.review({
          tables,
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
    if (report && chosenTables().length > 0) {
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
      {header ? (
        <header className={styles.header}>
          <div>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <p className={styles.subtitle}>{t.appSubtitle}</p>
          </div>
          <Switch checked={language === "en"} label={t.english} onChange={(_, d) => switchLanguage(d.checked)} />
        </header>
      ) : null}
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
              selected={selected}
              dirty={dirty}
              problems={detectProblems}
              busy={busy}
              features={features}
              onFind={onFind}
              onSelectTable={setSelected}
              onIncludeTable={onIncludeTable}
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
              canAnalyse={chosenTables().length > 0}
              busy={busy}
              canSaveFiles={actions.canSaveFiles()}
              features={features}
              onAnalyse={onAnalyse}
              onClearHighlights={onClear}
              onSelectArea={onSelectArea}
              onWordReport={onWordReport}
              onDownloadReport={onDownloadReport}
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
              writesSheet={features.writesCriteriaSheet}
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
              canPlan={chosenTables().length > 0}
              busy={busy}
              features={features}
              onPlan={onPlan}
              onReview={onReview}
              onSelectArea={onSelectArea}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}
