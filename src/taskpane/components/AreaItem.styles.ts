import { makeStyles, tokens } from "@fluentui/react-components";

/** An area in a list: a full-width button, or plain text aligned with the buttons. */
export const useAreaItemStyles = makeStyles({
  button: { justifyContent: "flex-start", textAlign: "left", width: "100%", minWidth: 0, height: "auto" },
  /** An area listed as text (no sheet to show it on): aligned with the buttons of the same lists. */
  plain: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
});
