import { makeStyles, tokens } from "@fluentui/react-components";

/** The per-criterion effort table: name and class, fitted to the pane's width. */
export const useEffortClassTableStyles = makeStyles({
  /** An accordion panel using the pane's full width (the effort table needs it). */
  widePanel: { marginLeft: 0, marginRight: 0 },
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse" },
  nameColumn: { width: "40%", textAlign: "left", fontWeight: tokens.fontWeightSemibold },
  classColumn: { width: "60%", textAlign: "left", fontWeight: tokens.fontWeightSemibold },
  name: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    paddingRight: tokens.spacingHorizontalXS,
    verticalAlign: "middle",
  },
  nameChanged: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    paddingRight: tokens.spacingHorizontalXS,
    verticalAlign: "middle",
  },
  cell: { paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
});
