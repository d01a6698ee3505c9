import { Checkbox } from "@fluentui/react-components";
import { CommuneRef } from "../../../rules/roadmap/plan-shapes";
import { CommuneChoice, isTicked, tickCommune } from "../../roadmap-form";
import { Strings } from "../../strings";
import { useSharedStyles } from "../styles";
import { useCommunesFieldStyles } from "./CommunesField.styles";

export interface CommunesFieldProps {
  t: Strings;
  /** The communes to tick: those of the assessed areas, then saved ones no area belongs to. */
  choices: CommuneChoice[];
  /** The communes ticked. */
  communes: CommuneRef[];
  /** The yearly aim per commune, which a ticked commune is not given. */
  perCommune: { min: number; max: number };
  /** Whether any area is known yet (the list is filled by an analysis). */
  hasAreas: boolean;
  busy: boolean;
  onChange(communes: CommuneRef[]): void;
}

/** "Xã đã đạt chuẩn nông thôn mới": one checkbox per commune. */
export function CommunesField({ t, choices, communes, perCommune, hasAreas, busy, onChange }: CommunesFieldProps) {
  const shared = useSharedStyles();
  const styles = useCommunesFieldStyles();
  return (
    <fieldset className={shared.fieldset} aria-describedby="ntm-communes-help">
      <legend className={shared.legend}>{t.communesLegend}</legend>
      <p id="ntm-communes-help" className={shared.note}>
        {t.communesHelp(perCommune.min, perCommune.max)}
      </p>
      {!hasAreas ? <p className={shared.note}>{t.communesNeedAnalysis}</p> : null}
      {choices.length > 0 ? (
        <div className={styles.checkGrid}>
          {choices.map((c) => (
            <Checkbox
              key={c.key}
              label={c.inTable ? c.label : `${c.label} (${t.communeNotInTable})`}
              checked={isTicked(c, communes)}
              disabled={busy}
              onChange={(_, d) => onChange(tickCommune(choices, communes, c.key, d.checked === true))}
            />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
