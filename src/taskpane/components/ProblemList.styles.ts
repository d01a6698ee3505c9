import { makeStyles, tokens } from "@fluentui/react-components";

/** A problem's location stands out before its message. */
export const useProblemListStyles = makeStyles({
  where: { fontWeight: tokens.fontWeightSemibold },
});
