import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { CanvasRasterizer } from "../taskpane/canvas-rasterizer";
import { browserFileSaver } from "../taskpane/file-saver";
import { WebPage } from "./components/WebPage";

/** package.json's version, written in by the build (webpack.config.js). */
declare const NTM_VERSION: string;

// No Office here: the page is the pane over files picked in the browser (src/web/files-workbook.ts).
const container = document.getElementById("page");
if (container) {
  createRoot(container).render(
    // Transparent: the page's grey shows between its white cards.
    <FluentProvider theme={webLightTheme} style={{ backgroundColor: "transparent" }}>
      <WebPage version={NTM_VERSION} documents={{ rasterizer: new CanvasRasterizer(), saver: browserFileSaver() }} />
    </FluentProvider>
  );
}
