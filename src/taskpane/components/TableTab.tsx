import { Badge, Button, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { ChangeEvent, useMemo } from "react";
import { columnLetter } from "../../rules/cell";
import { ColumnRole, roleKey, roleLabel, roleOptions } from "../../rules/columns";
import { uncoveredCriteria } from "../../rules/district-summary";
import { Language, Problem } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset";
import { TableLayout } from "../../rules/sheet-table";
import { Detection } from "../actions";
import { Strings } from "../strings";
import { ProblemList } from "./ProblemList";
import { usePaneStyles } from "./styles";

/** Below this the pane asks the user to check the column. */
const CHECK_BELOW = 0.8;
const IGNORE = "";

export interface TableTabProps {
  t: Strings;
  language: Language;
  ruleset: Ruleset;
  detection?: Detection;
  /** The user changed the mapping since it was found or saved. */
  dirty: boolean;
  problems: Problem[];
  busy: boolean;
  onFind(activeSheet: boolean): void;
  onChangeRole(column: number, role: ColumnRole | null): void;
  onSave(): void;
}

interface ColumnView {
  column: number;
  header: string;
  role?: ColumnRole;
  confidence?: number;
}

/** Step 1: find the table, show what each column was taken for, let the user correct any of them. */
export function TableTab({
  t,
  language,
  ruleset,
  detection,
  dirty,
  problems,
  busy,
  onFind,
  onChangeRole,
  onSave,
}: TableTabProps) {
  const styles = usePaneStyles();
  const options = useMemo(
    () => roleOptions(ruleset).map((role) => ({ key: roleKey(role), role, label: roleLabel(role, ruleset)[language] })),
    [ruleset, language]
  );
  const byKey = useMemo(() => new Map(options.map((o) => [o.key, o.role])), [options]);
  const layout = detection?.layout;
  const uncovered = layout ? uncoveredCriteria(layout, ruleset) : [];

  const select = (c: ColumnView) => (
    <Field key={c.column} className={styles.columnRow} label={t.columnRoleLabel(columnLetter(c.column), c.header)}>
      <Select
        value={c.role ? roleKey(c.role) : IGNORE}
        disabled={busy}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChangeRole(c.column, byKey.get(e.target.value) ?? null)}
      >
        <option value={IGNORE}>{t.ignoreColumn}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </Select>
      {c.confidence !== undefined ? (
        <span className={styles.columnMeta}>
          <span className={styles.note}>{t.confidence(Math.round(c.confidence * 100))}</span>
          {c.confidence < CHECK_BELOW ? (
            <Badge appearance="tint" color="warning" size="small">
              {t.checkThis}
            </Badge>
          ) : null}
        </span>
      ) : null}
    </Field>
  );

  return (
    <div className={styles.panel}>
      <p className={styles.note}>{t.tableIntro}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => onFind(false)}>
          {t.findTable}
        </Button>
        <Button disabled={busy} onClick={() => onFind(true)}>
          {t.detectActive}
        </Button>
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ProblemList problems={problems} language={language} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {detection && layout ? renderMapping() : null}
    </div>
  );

  function renderMapping() {
    const mapped: ColumnView[] = (layout as TableLayout).columns.map((c) => ({ ...c }));
    const unmapped: ColumnView[] = (layout as TableLayout).unmapped.map((u) => ({
      column: u.column,
      header: u.header,
    }));
    const d = detection as Detection;
    return (
      <>
        <section className={styles.section} aria-label={t.sheetLine(d.sheet)}>
          <p className={styles.heading}>{t.sheetLine(d.sheet)}</p>
          <p className={styles.note}>
            {t.headerLine(d.layout.headerTop + 1, d.layout.headerBottom + 1, d.layout.dataStart + 1)}
          </p>
          <p className={styles.note}>
            {d.source === "saved" ? t.savedSource : d.source === "manual" ? t.manualSource : t.detectedSource}
          </p>
          {d.layout.district ? <p className={styles.note}>{t.districtLine(d.layout.district)}</p> : null}
        </section>
        {uncovered.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.uncovered(uncovered.join(", "))}</MessageBarBody>
          </MessageBar>
        ) : null}
        <section className={styles.section}>
          <h2 className={styles.heading}>{t.columnsHeading}</h2>
          {mapped.map(select)}
        </section>
        <section className={styles.section}>
          <h2 className={styles.heading}>{t.unmappedHeading}</h2>
          {unmapped.length === 0 ? <p className={styles.note}>{t.noUnmapped}</p> : unmapped.map(select)}
        </section>
        <div className={styles.actions}>
          <Button disabled={busy || !dirty} onClick={onSave}>
            {t.saveMapping}
          </Button>
          {dirty ? <p className={styles.note}>{t.unsaved}</p> : null}
        </div>
      </>
    );
  }
}
