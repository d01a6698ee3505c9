import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Select } from "@fluentui/react-components";
import { ChangeEvent } from "react";
import { Language } from "../../../rules/message";
import {
  defaultEffortTable,
  EFFORT_CLASSES,
  EFFORT_LABEL,
  EffortClass,
  EffortTable,
} from "../../../rules/roadmap/roadmap-effort";
import { Ruleset } from "../../../rules/ruleset/ruleset";
import { defaultEffort, effortOverrides } from "../../../rules/roadmap-settings";
import { effortOf, withEffortClass } from "../../roadmap-form";
import { Strings } from "../../strings";
import { useSharedStyles } from "../styles";
import { useEffortClassTableStyles } from "./EffortClassTable.styles";

export interface EffortClassTableProps {
  t: Strings;
  language: Language;
  /** The ruleset in use: its criteria are the table's rows. */
  ruleset?: Ruleset;
  /** The shipped table with the officer's changes; none: the shipped table. */
  effort?: EffortTable;
  busy: boolean;
  onChange(effort: EffortTable | undefined): void;
}

/** "Cơ sở vật chất văn hóa (nhà văn hóa, …)" → "Cơ sở vật chất văn hóa": the effort table's rows stay short. */
const shortName = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, "") || name;

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The effort class of each criterion, collapsed under a heading that counts the changes; reset to the shipped ones. */
export function EffortClassTable({ t, language, ruleset, effort, busy, onChange }: EffortClassTableProps) {
  const shared = useSharedStyles();
  const styles = useEffortClassTableStyles();
  const changed = Object.keys(effortOverrides(effort)?.criteria ?? {}).length;
  const rows = ruleset
    ? ruleset.criteria.map((c) => ({ id: c.id, name: shortName(language === "vi" ? c.nameVi : c.nameEn) }))
    : Object.keys(defaultEffortTable().criteria).map((id) => ({ id, name: "" }));
  const label = (k: EffortClass) => capitalised(EFFORT_LABEL[k][language]);
  return (
    <Accordion collapsible>
      <AccordionItem value="effort">
        <AccordionHeader as="h3" size="small" button={{ id: "ntm-effort-heading" }}>
          {t.effortHeading(changed)}
        </AccordionHeader>
        <AccordionPanel className={styles.widePanel}>
          <div className={shared.section}>
            <p className={shared.note}>{t.effortHelp}</p>
            <table className={styles.table} aria-labelledby="ntm-effort-heading">
              <thead>
                <tr>
                  <th scope="col" className={styles.nameColumn}>
                    {t.effortCriterionColumn}
                  </th>
                  <th scope="col" className={styles.classColumn}>
                    {t.effortClassColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const id = `ntm-effort-${c.id}`;
                  const byDefault = defaultEffort(c.id).effort;
                  const current = effortOf(effort, c.id);
                  return (
                    <tr key={c.id}>
                      <th scope="row" className={current === byDefault ? styles.name : styles.nameChanged}>
                        <label htmlFor={id}>{c.name ? `${c.id} ${c.name}` : c.id}</label>
                      </th>
                      <td className={styles.cell}>
                        <Select
                          id={id}
                          size="small"
                          value={current}
                          disabled={busy}
                          onChange={(e: ChangeEvent<HTMLSelectElement>) =>
                            onChange(withEffortClass(effort, c.id, e.target.value as EffortClass))
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
            <p className={shared.note}>{t.effortFundingNote}</p>
            <div className={shared.actions}>
              <Button
                size="small"
                disabled={busy}
                disabledFocusable={!busy && changed === 0}
                onClick={() => onChange(undefined)}
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
