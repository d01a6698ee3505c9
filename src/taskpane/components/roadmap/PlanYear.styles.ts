import { makeStyles, tokens } from "@fluentui/react-components";

/** A roadmap year's headline. */
export const usePlanYearStyles = makeStyles({
  yearLine: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});
