import { SHEET_NAMES } from "../../rules/workbook";
import { AnalysisReport } from "../actions";
import { Strings } from "../strings";
import { usePaneStyles } from "./styles";

export interface RoadmapTabProps {
  t: Strings;
  report?: AnalysisReport;
}

const ROADMAP_SHEETS: string[] = [SHEET_NAMES.roadmap, SHEET_NAMES.roadmapSummary];

/**
 * The place of the roadmap in the pane. The analysis already writes the roadmap sheets (core: reportSheets);
 * the plan itself will be shown here once the analysis hands it to the pane.
 */
export function RoadmapTab({ t, report }: RoadmapTabProps) {
  const styles = usePaneStyles();
  const written = (report?.outcome.written ?? []).filter((name) =>
    ROADMAP_SHEETS.some((r) => name === r || name.startsWith(`${r} (`))
  );
  return (
    <div className={styles.panel}>
      <p className={styles.note}>{t.roadmapPlaceholder}</p>
      {written.length > 0 ? (
        <section className={styles.section}>
          <h2 className={styles.heading}>{t.roadmapWritten}</h2>
          <ul className={styles.plainList}>
            {written.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
