import { Language } from "../rules/message";

/** Where the pane (in Excel or on the web page) keeps the officer's language between sessions. */
const LANGUAGE_KEY = "ntm.language";

/** The language chosen last time; Vietnamese when none was, or storage is refused. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** Keep the officer's choice for next time. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode, a locked-down webview or browser: the choice lasts while the pane is open.
  }
}
