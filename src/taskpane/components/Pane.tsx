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
import { Language } from "../../rules/message";
import { PaneActions } from "../actions";
import { TabId } from "../controller/pane-state";
import { usePaneController } from "../controller/usePaneController";
import { STRINGS, Strings } from "../strings";
import { CriteriaTab } from "./CriteriaTab";
import { ProblemList } from "./ProblemList";
import { RoadmapTab } from "./roadmap/RoadmapTab";
import { ResultsTab } from "./ResultsTab";
import { TableTab } from "./TableTab";
import { usePaneStyles } from "./Pane.styles";

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

/**
 * The task pane: find the table, analyse, criteria, roadmap. It renders; its state and actions are the
 * controller's (usePaneController), every workbook effect going through `actions`.
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
  const pane = usePaneController(actions, { initialLanguage, chosenLanguage, strings, onLanguageChange });
  const { state, language, ruleset, commands } = pane;
  const { busy, status, errors, tab } = state;
  const t = strings[language];
  const { features } = actions;

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
          <Switch
            checked={language === "en"}
            label={t.english}
            onChange={(_, d) => commands.switchLanguage(d.checked)}
          />
        </header>
      ) : null}
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => commands.selectTab(d.value as TabId)}
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
              <Button size="small" onClick={commands.dismissErrors}>
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
              detection={state.detection}
              selected={state.selected}
              dirty={state.dirty}
              problems={state.detectProblems}
              busy={busy}
              features={features}
              onFind={commands.find}
              onSelectTable={commands.selectTable}
              onIncludeTable={commands.includeTable}
              onChangeRole={commands.changeRole}
              onSave={commands.saveMapping}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-results" aria-labelledby="ntm-tab-results" hidden={tab !== "results"}>
            <ResultsTab
              t={t}
              language={language}
              ruleset={ruleset}
              report={state.report}
              canAnalyse={pane.canAnalyse}
              busy={busy}
              canSaveFiles={actions.canSaveFiles()}
              features={features}
              onAnalyse={commands.analyse}
              onClearHighlights={commands.clearHighlights}
              onSelectArea={commands.selectArea}
              onWordReport={commands.wordReport}
              onDownloadReport={commands.downloadReport}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-criteria" aria-labelledby="ntm-tab-criteria" hidden={tab !== "criteria"}>
            <CriteriaTab
              t={t}
              language={language}
              ruleset={ruleset}
              fromWorkbook={state.rulesetInfo?.fromWorkbook ?? false}
              problems={state.criteriaProblems}
              refusedCount={state.refusedCount}
              busy={busy}
              writesSheet={features.writesCriteriaSheet}
              onWrite={commands.writeCriteria}
              onReload={commands.reloadCriteria}
              onReset={commands.resetCriteria}
            />
          </div>
          <div role="tabpanel" id="ntm-panel-roadmap" aria-labelledby="ntm-tab-roadmap" hidden={tab !== "roadmap"}>
            <RoadmapTab
              t={t}
              language={language}
              ruleset={ruleset}
              settings={state.roadmapSettings}
              assessmentYear={state.lastOptions.year}
              report={state.report}
              review={state.review}
              reviewProblems={state.reviewProblems}
              reviewYear={pane.reviewYear}
              canPlan={pane.canAnalyse}
              busy={busy}
              features={features}
              onPlan={commands.plan}
              onReview={commands.review}
              onSelectArea={commands.selectArea}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}
