import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

/* global Office */

// Placeholder pane: the real one replaces this file. Mounted inside Office.onReady, as Office requires.
Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <p>Đánh giá khu dân cư theo bộ tiêu chí nông thôn mới tỉnh Phú Thọ.</p>
    </FluentProvider>
  );
});
