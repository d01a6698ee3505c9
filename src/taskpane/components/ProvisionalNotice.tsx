import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Language } from "../../rules/message";
import { Ruleset } from "../../rules/ruleset/ruleset";
import { Strings } from "../strings";

/** The warning every tab that shows results carries while the ruleset's thresholds are not verified. */
export function ProvisionalNotice({ t, ruleset, language }: { t: Strings; ruleset?: Ruleset; language: Language }) {
  if (!ruleset?.provisional) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.provisionalTitle}</MessageBarTitle>
        {ruleset.statusNote[language]}
      </MessageBarBody>
    </MessageBar>
  );
}
