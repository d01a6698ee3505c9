import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Language, Problem } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { Strings } from "../strings";
import { ProblemList } from "./ProblemList";
import { ProvisionalNotice } from "./ProvisionalNotice";
import { useSharedStyles } from "./styles";

export interface CriteriaTabProps {
  t: Strings;
  language: Language;
  ruleset: Ruleset;
  fromWorkbook: boolean;
  /** Faults of the stored ruleset (built-in used instead) or of the sheet the user tried to reload. */
  problems: Problem[];
  refusedCount?: number;
  busy: boolean;
  /** The host writes the criteria out as a sheet of the workbook (Excel; the web page reads them from a file). */
  writesSheet: boolean;
  onWrite(): void;
  onReload(): void;
  onReset(): void;
}

/** Step 3 (when the official annex is at hand): criteria as an editable sheet, loaded back after checks. */
export function CriteriaTab({
  t,
  language,
  ruleset,
  fromWorkbook,
  problems,
  refusedCount,
  busy,
  writesSheet,
  onWrite,
  onReload,
  onReset,
}: CriteriaTabProps) {
  const styles = useSharedStyles();
  const unverified = ruleset.indicators.filter((i) => !i.verified).length;
  return (
    <div className={styles.panel}>
      <section className={styles.section}>
        <h2 className={styles.heading}>{ruleset.title}</h2>
        {ruleset.source.document ? (
          <p className={styles.note}>
            {ruleset.source.document}
            {ruleset.source.date ? `, ${ruleset.source.date}` : ""}
            {ruleset.source.issuer ? `, ${ruleset.source.issuer}` : ""}
          </p>
        ) : null}
        <p className={styles.note}>
          {t.criteriaCounts(ruleset.criteria.length, ruleset.indicators.length, unverified)}
        </p>
        <p className={styles.note}>{fromWorkbook ? t.criteriaFromWorkbook : t.criteriaBuiltIn}</p>
      </section>
      <ProvisionalNotice t={t} ruleset={ruleset} language={language} />
      <p className={styles.note}>{t.criteriaHelp}</p>
      <div className={styles.actions}>
        {writesSheet ? (
          <Button disabled={busy} onClick={onWrite}>
            {t.writeCriteria}
          </Button>
        ) : null}
        <Button appearance="primary" disabled={busy} onClick={onReload}>
          {t.reloadCriteria}
        </Button>
        {fromWorkbook ? (
          <Button disabled={busy} onClick={onReset}>
            {t.resetCriteria}
          </Button>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {refusedCount !== undefined ? <MessageBarTitle>{t.criteriaRefused(refusedCount)}</MessageBarTitle> : null}
            <ProblemList problems={problems} language={language} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
