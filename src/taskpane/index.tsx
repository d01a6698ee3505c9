import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { Language } from "../rules/message";
import { createPaneActions } from "./actions";
import { Pane } from "./components/Pane";
import { CanvasRasterizer } from "./canvas-rasterizer";
import { ExcelWorkbook } from "./excel-workbook";
import { browserFileSaver } from "./file-saver";
import { STRINGS } from "./strings";

/* global Excel, Office */

const LANGUAGE_KEY = "ntm.language";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode or a locked-down webview: the choice lasts for this session only.
  }
}

// Mounted inside Office.onReady, as Office requires. Outside Excel (a plain browser) there is no Excel API:
// the pane says so, unless a test double of the Excel object model was installed first (end-to-end tests).
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const language = storedLanguage();
  const root = createRoot(container);
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <p role="alert">{STRINGS[language].notInExcel}</p>
      </FluentProvider>
    );
    return;
  }
  const actions = createPaneActions(new ExcelWorkbook(), {
    rasterizer: new CanvasRasterizer(),
    saver: browserFileSaver(),
  });
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Pane actions={actions} initialLanguage={language} onLanguageChange={rememberLanguage} />
    </FluentProvider>
  );
});
