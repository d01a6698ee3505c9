import { useCountListStyles } from "./CountList.styles";

/** Labelled counts as a description list ("Số khu dân cư 36", "Đạt chuẩn 3"…). */
export function CountList({ items }: { items: ReadonlyArray<readonly [string, number]> }) {
  const styles = useCountListStyles();
  return (
    <dl className={styles.list}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
