import { makeStyles, tokens } from "@fluentui/react-components";

/** Labels left, counts right. */
export const useCountListStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: "right" },
});
