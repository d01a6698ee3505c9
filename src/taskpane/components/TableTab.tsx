import { Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { ChangeEvent, useMemo } from "react";
import { columnLetter } from "../../rules/reading/cell";
import { ColumnRole, roleKey, roleLabel, roleOptions } from "../../rules/reading/columns";
import { uncoveredCriteria } from "../../rules/report/district-summary";
import { Language, Message, Problem } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { DetectedTable, Detection, HostFeatures } from "../actions";
import { Strings } from "../strings";
import { ProblemList } from "./ProblemList";
import { useTableTabStyles } from "./TableTab.styles";
import { useSharedStyles } from "./styles";

/** Below this the pane asks the user to check the column. */
const CHECK_BELOW = 0.8;
const IGNORE = "";

export interface TableTabProps {
  t: Strings;
  language: Language;
  ruleset: Ruleset;
  detection?: Detection;
  /** The table whose mapping is shown. */
  selected: number;
  /** The user changed a mapping since it was found or saved. */
  dirty: boolean;
  problems: Problem[];
  busy: boolean;
  /** What the host offers: a sheet in view to detect on, a workbook to save the mapping in (Excel). */
  features: HostFeatures;
  onFind(activeSheet: boolean): void;
  onSelectTable(index: number): void;
  onIncludeTable(index: number, included: boolean): void;
  onChangeRole(column: number, role: ColumnRole | null): void;
  onSave(): void;
}

interface ColumnView {
  column: number;
  header: string;
  role?: ColumnRole;
  confidence?: number;
  note?: Message;
}

/**
 * Step 1: find the tables (every sheet, either way round), choose which to read, see what each column
 * (or, in a sideways table, each row) was taken for, and correct any of them.
 */
export function TableTab({
  t,
  language,
  ruleset,
  detection,
  selected,
  dirty,
  problems,
  busy,
  features,
  onFind,
  onSelectTable,
  onIncludeTable,
  onChangeRole,
  onSave,
}: TableTabProps) {
  const shared = useSharedStyles();
  const styles = useTableTabStyles();
  const options = useMemo(
    () => roleOptions(ruleset).map((role) => ({ key: roleKey(role), role, label: roleLabel(role, ruleset)[language] })),
    [ruleset, language]
  );
  const byKey = useMemo(() => new Map(options.map((o) => [o.key, o.role])), [options]);
  const tables = detection?.tables ?? [];
  const table: DetectedTable | undefined = tables[selected] ?? tables[0];

  return (
    <div className={shared.panel}>
      <p className={shared.note}>{t.tableIntro}</p>
      <div className={shared.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => onFind(false)}>
          {t.findTable}
        </Button>
        {features.activeSheet ? (
          <Button disabled={busy} onClick={() => onFind(true)}>
            {t.detectActive}
          </Button>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ProblemList problems={problems} language={language} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {detection && tables.length > 0 ? renderTables() : null}
      {detection && detection.skipped.length > 0 ? (
        <section className={shared.section} aria-labelledby="ntm-skipped-sheets">
          <h2 id="ntm-skipped-sheets" className={shared.heading}>
            {t.skippedSheetsHeading}
          </h2>
          <ul className={shared.plainList}>
            {detection.skipped.map((s) => (
              <li key={s.sheet}>
                {s.sheet}: {s.message[language]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {table ? renderMapping(table) : null}
    </div>
  );

  function renderTables() {
    return (
      <section className={shared.section} aria-labelledby="ntm-tables">
        <h2 id="ntm-tables" className={shared.heading}>
          {t.tablesHeading}
        </h2>
        {tables.map((x, k) => (
          <Checkbox
            key={`${x.sheet}-${x.range}`}
            checked={x.included}
            disabled={busy}
            aria-label={t.includeTable(x.sheet, x.range)}
            label={t.tableItem(x.sheet, x.range, x.layout.orientation === "columns")}
            onChange={(_, d) => onIncludeTable(k, d.checked === true)}
          />
        ))}
        {tables.every((x) => !x.included) ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.noTableIncluded}</MessageBarBody>
          </MessageBar>
        ) : null}
        {tables.length > 1 ? (
          <Field className={styles.columnRow} label={t.tableChoiceLabel}>
            <Select
              value={String(selected)}
              disabled={busy}
              onChange={(e: ChangeEvent<HTMLSelectElement>) => onSelectTable(Number(e.target.value))}
            >
              {tables.map((x, k) => (
                <option key={`${x.sheet}-${x.range}`} value={String(k)}>
                  {t.tableItem(x.sheet, x.range, x.layout.orientation === "columns")}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </section>
    );
  }

  function renderMapping(d: DetectedTable) {
    const layout = d.layout;
    const sideways = layout.orientation === "columns";
    const uncovered = uncoveredCriteria(layout, ruleset);
    const mapped: ColumnView[] = layout.columns.map((c) => ({ ...c }));
    const unmapped: ColumnView[] = layout.unmapped.map((u) => ({ column: u.column, header: u.header, note: u.note }));
    // A sideways table's "columns" are sheet rows: labelled as rows, numbered from 1.
    const lineLabel = (c: ColumnView) =>
      sideways ? t.rowRoleLabel(c.column + 1, c.header) : t.columnRoleLabel(columnLetter(c.column), c.header);
    const select = (c: ColumnView) => (
      <Field key={c.column} className={styles.columnRow} label={lineLabel(c)}>
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
        {c.confidence !== undefined || c.note ? (
          <span className={styles.columnMeta}>
            {c.confidence !== undefined ? (
              <span className={shared.note}>{t.confidence(Math.round(c.confidence * 100))}</span>
            ) : null}
            {c.confidence !== undefined && c.confidence < CHECK_BELOW ? (
              <Badge appearance="tint" color="warning" size="small">
                {t.checkThis}
              </Badge>
            ) : null}
            {c.note ? <span className={shared.note}>{c.note[language]}</span> : null}
          </span>
        ) : null}
      </Field>
    );
    const header = sideways
      ? t.headerColumnsLine(
          columnLetter(layout.headerTop),
          columnLetter(layout.headerBottom),
          columnLetter(layout.dataStart)
        )
      : t.headerLine(layout.headerTop + 1, layout.headerBottom + 1, layout.dataStart + 1);
    const showsCommune = layout.commune !== undefined && !layout.columns.some((c) => c.role.kind === "commune");
    return (
      <>
        <section className={shared.section} aria-label={t.sheetLine(d.sheet)}>
          <p className={shared.heading}>{t.sheetLine(d.sheet)}</p>
          <p className={shared.note}>{header}</p>
          {sideways ? <p className={shared.note}>{t.sidewaysLine}</p> : null}
          <p className={shared.note}>
            {d.source === "saved" ? t.savedSource : d.source === "manual" ? t.manualSource : t.detectedSource}
          </p>
          {layout.district ? <p className={shared.note}>{t.districtLine(layout.district)}</p> : null}
          {showsCommune ? (
            <p className={shared.note}>{t.communeLine(layout.commune as string, layout.communeSource === "sheet")}</p>
          ) : null}
        </section>
        {uncovered.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.uncovered(uncovered.join(", "))}</MessageBarBody>
          </MessageBar>
        ) : null}
        <section className={shared.section}>
          <h2 className={shared.heading}>{sideways ? t.rowsHeading : t.columnsHeading}</h2>
          {mapped.map(select)}
        </section>
        <section className={shared.section}>
          <h2 className={shared.heading}>{sideways ? t.unmappedRowsHeading : t.unmappedHeading}</h2>
          {unmapped.length === 0 ? <p className={shared.note}>{t.noUnmapped}</p> : unmapped.map(select)}
        </section>
        {features.savesMapping ? (
          <div className={shared.actions}>
            <Button disabled={busy || !dirty} onClick={onSave}>
              {t.saveMapping}
            </Button>
            {dirty ? <p className={shared.note}>{t.unsaved}</p> : null}
          </div>
        ) : dirty ? (
          <p className={shared.note}>{t.unsaved}</p>
        ) : null}
      </>
    );
  }
}
