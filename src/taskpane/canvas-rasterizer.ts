import type { Rasterizer } from "../documents/chart-picture";
import { CHART_COLOURS } from "../rules/palette";

/**
 * Charts to PNG in a browser or an Office webview: the SVG is loaded as an image (a blob URL of this page's
 * own origin, so the canvas stays readable) and drawn on a canvas at the print scale.
 */
export class CanvasRasterizer implements Rasterizer {
  async png(svg: string, size: { width: number; height: number }, scale: number): Promise<Uint8Array> {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(size.width * scale);
      canvas.height = Math.round(size.height * scale);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("No 2D canvas to draw the chart on");
      context.fillStyle = CHART_COLOURS.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const png = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The chart could not be drawn"))), "image/png")
      );
      return new Uint8Array(await png.arrayBuffer());
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}
