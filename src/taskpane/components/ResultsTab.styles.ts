import { makeStyles, tokens } from "@fluentui/react-components";

/** The highlight legend's colour squares. */
export const useResultsTabStyles = makeStyles({
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "middle",
  },
});
