import { ResvgRasterizer } from "../../src/cli/resvg-rasterizer";
import { DocumentTools } from "../../src/taskpane/actions";

/** The pane's document tools in Node: resvg for the charts, a saver that keeps what it was given. */
export function recordingDocuments(available = true): DocumentTools & {
  saved: Array<{ fileName: string; bytes: Uint8Array; mimeType: string }>;
} {
  const saved: Array<{ fileName: string; bytes: Uint8Array; mimeType: string }> = [];
  return {
    rasterizer: new ResvgRasterizer(),
    saver: { available, save: (fileName, bytes, mimeType) => saved.push({ fileName, bytes, mimeType }) },
    saved,
  };
}
