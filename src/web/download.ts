/** Time the browser gets to start the download before the file's memory is released. */
const RELEASE_AFTER_MS = 60_000;

/**
 * Hand a file the page made to the user, as any web page does: a link to the bytes in memory (a blob: URL, no
 * network), clicked. The browser saves it in its downloads folder, or asks where.
 */
export function downloadFile(fileName: string, bytes: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}
