import { makeStyles, tokens } from "@fluentui/react-components";

/** Two short fields side by side. */
export const useRoadmapSettingsFormStyles = makeStyles({
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
    "& > *": { minWidth: 0 },
  },
});
