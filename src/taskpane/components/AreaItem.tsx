import { Button } from "@fluentui/react-components";
import { useAreaItemStyles } from "./AreaItem.styles";
import { useSharedStyles } from "./styles";

export interface AreaItemProps {
  name: string;
  commune: string;
  /** What holds it back, or what is left to do. */
  detail: string;
  /** What picking it does ("Khu 3, Xã A: chọn dòng 12 trên trang số liệu"). */
  selectLabel: string;
  /** Shows the area on its sheet; none: the host has no sheet to show (the web page), the area is plain text. */
  onSelect?: () => void;
  disabled: boolean;
}

/** One area in a list: a button that shows its row where the host can, else its name and detail as text. */
export function AreaItem({ name, commune, detail, selectLabel, onSelect, disabled }: AreaItemProps) {
  const shared = useSharedStyles();
  const styles = useAreaItemStyles();
  const text = (
    <span className={styles.text}>
      <span>
        {name}
        {commune ? ` · ${commune}` : ""}
      </span>
      <span className={shared.note}>{detail}</span>
    </span>
  );
  if (!onSelect) return <div className={styles.plain}>{text}</div>;
  return (
    <Button
      appearance="subtle"
      className={styles.button}
      disabled={disabled}
      aria-label={selectLabel}
      onClick={onSelect}
    >
      {text}
    </Button>
  );
}
