import { makeStyles, tokens } from "@fluentui/react-components";

/** One recognised column per row: its role, its confidence and sample values below. */
export const useTableTabStyles = makeStyles({
  columnRow: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  columnMeta: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
});
