import { Language, Problem } from "../../rules/message";
import { useProblemListStyles } from "./ProblemList.styles";
import { useSharedStyles } from "./styles";

export interface ProblemListProps {
  problems: Problem[];
  language: Language;
  /** Show at most this many; the caller says how many more there are. */
  limit?: number;
  more?: (n: number) => string;
  label?: string;
}

/** Located problems ("G7: …") as a list a screen reader can walk. */
export function ProblemList({ problems, language, limit, more, label }: ProblemListProps) {
  const shared = useSharedStyles();
  const styles = useProblemListStyles();
  const shown = limit === undefined ? problems : problems.slice(0, limit);
  const rest = problems.length - shown.length;
  return (
    <>
      <ul className={shared.plainList} aria-label={label}>
        {shown.map((p, k) => (
          <li key={`${p.code}-${p.where}-${k}`}>
            {p.where ? <span className={styles.where}>{p.where}: </span> : null}
            {p.message[language]}
          </li>
        ))}
      </ul>
      {rest > 0 && more ? <p className={shared.note}>{more(rest)}</p> : null}
    </>
  );
}
