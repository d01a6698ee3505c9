import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useState } from "react";
import { HIGHLIGHT_FILL } from "../../rules/palette";
import { columnLetter } from "../../rules/reading/cell";
import { Language } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { AnalysisReport, HostFeatures } from "../actions";
import { AnalyseOptions } from "../controller/pane-state";
import { Strings } from "../strings";
import { AreaItem } from "./AreaItem";
import { CountList } from "./CountList";
import { ProblemList } from "./ProblemList";
import { ProvisionalNotice } from "./ProvisionalNotice";
import { useResultsTabStyles } from "./ResultsTab.styles";
import { useSharedStyles } from "./styles";

/** Areas listed in the pane; the per-area sheet has them all. */
const CLOSE_SHOWN = 25;
const HOLDING_SHOWN = 5;
const PROBLEMS_SHOWN = 15;

export interface ResultsTabProps {
  t: Strings;
  language: Language;
  ruleset: Ruleset;
  report?: AnalysisReport;
  canAnalyse: boolean;
  busy: boolean;
  /** Whether the host lets the pane save the Word report (not in Excel on Windows and Mac). */
  canSaveFiles: boolean;
  /** What the host offers: highlights (Excel), the report as a download (the web page), areas shown on their sheet. */
  features: HostFeatures;
  onAnalyse(options: AnalyseOptions): void;
  onClearHighlights(): void;
  onSelectArea(area: { sheet?: string; row?: number; column?: number }, name: string): void;
  onWordReport(): void;
  onDownloadReport(): void;
}

function parseYear(text: string): number | undefined | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : "invalid";
}

/** Step 2: analyse; the same summary as the result sheets, areas close to the standard, what holds them back. */
export function ResultsTab({
  t,
  language,
  ruleset,
  report,
  canAnalyse,
  busy,
  canSaveFiles,
  features,
  onAnalyse,
  onClearHighlights,
  onSelectArea,
  onWordReport,
  onDownloadReport,
}: ResultsTabProps) {
  const shared = useSharedStyles();
  const styles = useResultsTabStyles();
  const [highlight, setHighlight] = useState(true);
  const [yearText, setYearText] = useState("");
  const [dossier, setDossier] = useState("");
  const year = parseYear(yearText);
  const selectLabel = (name: string, at: { row?: number; column?: number }) =>
    at.row === undefined && at.column !== undefined
      ? t.selectColumnLabel(name, columnLetter(at.column - 1))
      : t.selectRowLabel(name, at.row ?? 0);
  const criterionName = (id: string) => {
    const c = ruleset.criteria.find((x) => x.id === id);
    return c ? `${c.id} ${language === "vi" ? c.nameVi : c.nameEn}` : id;
  };

  return (
    <div className={shared.panel}>
      <ProvisionalNotice t={t} ruleset={ruleset} language={language} />
      {!canAnalyse ? <p className={shared.note}>{t.needTable}</p> : null}
      {features.highlights ? (
        <Checkbox
          checked={highlight}
          disabled={busy}
          onChange={(_, d) => setHighlight(d.checked === true)}
          label={t.highlightOption}
        />
      ) : null}
      <Field
        label={t.yearLabel}
        hint={t.yearHint}
        validationState={year === "invalid" ? "error" : "none"}
        validationMessage={year === "invalid" ? t.yearInvalid : undefined}
      >
        <Input inputMode="numeric" value={yearText} disabled={busy} onChange={(_, d) => setYearText(d.value)} />
      </Field>
      <Field label={t.dossierLabel} hint={t.dossierHint}>
        <Input value={dossier} disabled={busy} onChange={(_, d) => setDossier(d.value)} />
      </Field>
      <div className={shared.actions}>
        <Button
          appearance="primary"
          disabled={busy || !canAnalyse || year === "invalid"}
          onClick={() => onAnalyse({ highlight, year: year === "invalid" ? undefined : year, dossier })}
        >
          {t.analyse}
        </Button>
        {features.highlights ? (
          <Button disabled={busy || !canAnalyse} onClick={onClearHighlights}>
            {t.clearHighlights}
          </Button>
        ) : null}
        {features.downloadReport ? (
          <Button disabled={busy || !report} onClick={onDownloadReport}>
            {t.downloadReport}
          </Button>
        ) : null}
      </div>
      {report ? renderReport(report) : null}
    </div>
  );

  function renderReport(report: AnalysisReport) {
    const s = report.summary;
    const sections = report.skipped.filter((r) => r.reason === "section").length;
    const totals = report.skipped.filter((r) => r.reason === "total").length;
    const other = report.skipped.length - sections - totals;
    return (
      <>
        {report.highlightProblems.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.highlightFailed}</MessageBarTitle>
              <ProblemList problems={report.highlightProblems} language={language} />
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <section className={shared.section} aria-labelledby="ntm-summary">
          <h2 id="ntm-summary" className={shared.heading}>
            {t.summaryHeading}
          </h2>
          <CountList
            items={[
              [t.countAreas, s.areas],
              [t.countMeetsAll, s.meetsAll],
              [t.countShort1, s.short1],
              [t.countShort2, s.short2],
              [t.countShort3, s.short3],
            ]}
          />
        </section>
        <section className={shared.section} aria-labelledby="ntm-close">
          <h2 id="ntm-close" className={shared.heading}>
            {t.closeHeading}
          </h2>
          {s.close.length === 0 ? <p className={shared.note}>{t.closeNone}</p> : null}
          <ul className={shared.bareList}>
            {s.close.slice(0, CLOSE_SHOWN).map((a, k) => (
              <li key={`${a.area.sheet ?? ""}-${a.area.row ?? a.area.column ?? k}`}>
                <AreaItem
                  name={a.area.name}
                  commune={a.area.commune}
                  detail={`${t.shortBy(a.notMet.length)}: ${a.notMet.map(criterionName).join("; ")}`}
                  selectLabel={selectLabel(`${a.area.name}, ${a.area.commune}`, a.area)}
                  onSelect={features.selectAreas ? () => onSelectArea(a.area, a.area.name) : undefined}
                  disabled={busy || (a.area.row === undefined && a.area.column === undefined)}
                />
              </li>
            ))}
          </ul>
          {s.close.length > CLOSE_SHOWN ? (
            <p className={shared.note}>{t.closeMore(s.close.length - CLOSE_SHOWN, report.areasSheet)}</p>
          ) : null}
        </section>
        <section className={shared.section} aria-labelledby="ntm-holding">
          <h2 id="ntm-holding" className={shared.heading}>
            {t.holdingHeading}
          </h2>
          {s.holdingBack.length === 0 ? <p className={shared.note}>{t.holdingNone}</p> : null}
          <ol className={shared.plainList}>
            {s.holdingBack.slice(0, HOLDING_SHOWN).map((h) => (
              <li key={h.criterionId}>
                <span>{criterionName(h.criterionId)}</span>
                <br />
                <span className={shared.note}>
                  {t.holdingLine(h.failing, s.areas)}
                  {h.onlyGap > 0 ? `; ${t.onlyGapLine(h.onlyGap)}` : ""}
                  {h.noData > 0 ? `; ${t.noDataLine(h.noData)}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className={shared.section} aria-labelledby="ntm-written">
          <h2 id="ntm-written" className={shared.heading}>
            {t.writtenHeading}
          </h2>
          <ul className={shared.plainList}>
            {report.outcome.written.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          {report.outcome.renamed.map((r) => (
            <MessageBar key={r.used} intent="info" layout="multiline">
              <MessageBarBody>{t.renamed(r.wanted, r.used)}</MessageBarBody>
            </MessageBar>
          ))}
          {report.highlights > 0 ? (
            <>
              <p className={shared.note}>{t.highlighted(report.highlights, report.sheets.join("”, “"))}</p>
              <p className={shared.note}>
                <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT_FILL.unmet }} aria-hidden="true" />
                {t.legendUnmet}
                {"  "}
                <span
                  className={styles.swatch}
                  style={{ backgroundColor: HIGHLIGHT_FILL.missing }}
                  aria-hidden="true"
                />
                {t.legendMissing}
              </p>
            </>
          ) : null}
          {report.skipped.length > 0 ? <p className={shared.note}>{t.skippedLine(sections, totals, other)}</p> : null}
          {report.hiddenAreas > 0 ? <p className={shared.note}>{t.hiddenIncluded(report.hiddenAreas)}</p> : null}
        </section>
        {report.notes.length > 0 ? (
          <section className={shared.section} aria-labelledby="ntm-notes">
            <h2 id="ntm-notes" className={shared.heading}>
              {t.notesHeading}
            </h2>
            <ProblemList problems={report.notes} language={language} />
          </section>
        ) : null}
        <section className={shared.section} aria-labelledby="ntm-word">
          <h2 id="ntm-word" className={shared.heading}>
            {t.wordHeading}
          </h2>
          <p className={shared.note}>{t.wordIntro}</p>
          {canSaveFiles ? (
            <div className={shared.actions}>
              <Button disabled={busy} onClick={onWordReport}>
                {t.wordDownload}
              </Button>
            </div>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t.wordBlocked}</MessageBarBody>
            </MessageBar>
          )}
        </section>
        {report.problems.length > 0 ? (
          <section className={shared.section} aria-labelledby="ntm-problems">
            <h2 id="ntm-problems" className={shared.heading}>
              {t.problemsHeading(report.problems.length)}
            </h2>
            <ProblemList problems={report.problems} language={language} limit={PROBLEMS_SHOWN} more={t.problemsMore} />
          </section>
        ) : null}
      </>
    );
  }
}
