/* global Office */

/**
 * Handing a file the pane made (the Word report) to the user. In Excel on the web the pane is a frame of
 * the browser, and a blob link with `download` saves the file as any web page does. The webviews of
 * Excel on Windows (WebView2) and Mac (WKWebView) do not let a pane download a blob (Microsoft's "Browsers
 * and webview controls used by Office Add-ins", and openBrowserWindow only opens URLs, not blobs): there
 * the pane says so and points to Excel on the web or the command line instead.
 */
export interface FileSaver {
  /** Whether this host lets the pane save a file. */
  readonly available: boolean;
  save(fileName: string, bytes: Uint8Array, mimeType: string): void;
}

/** Office on the web, or no Office host at all (a plain browser page): downloads work. */
function downloadsAllowed(): boolean {
  if (typeof Office === "undefined" || !Office.context) return true;
  const platform = Office.context.platform;
  return platform === undefined || platform === null || platform === Office.PlatformType.OfficeOnline;
}

/** Time the browser gets to start the download before the blob is released. */
const RELEASE_AFTER_MS = 60_000;

export function browserFileSaver(): FileSaver {
  return {
    available: downloadsAllowed(),
    save(fileName, bytes, mimeType) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.style.display = "none";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
    },
  };
}
