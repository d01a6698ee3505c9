import { makeStyles, tokens } from "@fluentui/react-components";

/** Checkboxes two to a row (commune names are short). */
export const useCommunesFieldStyles = makeStyles({
  /** Checkboxes two to a row (commune names are short). */
  checkGrid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
    "& > *": { minWidth: 0 },
  },
});
