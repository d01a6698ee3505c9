import { usePaneStyles } from "./styles";

/** Labelled counts as a description list ("Số khu dân cư 36", "Đạt chuẩn 3"…). */
export function CountList({ items }: { items: ReadonlyArray<readonly [string, number]> }) {
  const styles = usePaneStyles();
  return (
    <dl className={styles.counts}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd className={styles.countValue}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
