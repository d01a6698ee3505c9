import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createPaneActions } from "./actions";
import { Pane } from "./components/Pane";
import { CanvasRasterizer } from "./canvas-rasterizer";
import { ExcelWorkbook } from "./excel-workbook";
import { rememberLanguage, storedLanguage } from "./language-choice";
import { browserFileSaver } from "./file-saver";
import { STRINGS } from "./strings";

/* global Excel, Office */

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
