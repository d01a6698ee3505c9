import { Resvg } from "@resvg/resvg-js";
import { Rasterizer } from "../documents/chart-picture";
import { CHART_COLOURS } from "../rules/palette";

/**
 * Charts to PNG on Node with resvg (a Rust SVG renderer, no browser). Text is drawn with the machine's
 * fonts, so a machine without any would print charts without a word on them: refused, with what to install.
 */
export class ResvgRasterizer implements Rasterizer {
  constructor() {
    const probe = new Resvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="2" y="15" font-size="12">Đạt</text></svg>',
      { font: { loadSystemFonts: true } }
    );
    if (!probe.innerBBox()) {
      throw new Error(
        "Không tìm thấy phông chữ nào để vẽ biểu đồ (cài Times New Roman, hoặc gói fonts-liberation trên Linux). / " +
          "No font found to draw the charts with (install Times New Roman, or the fonts-liberation package on Linux)."
      );
    }
  }

  /** The SVG carries its own height: resvg scales it with the width. */
  async png(svg: string, size: { width: number }, scale: number): Promise<Uint8Array> {
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: true },
      fitTo: { mode: "width", value: Math.round(size.width * scale) },
      background: CHART_COLOURS.background,
    });
    return resvg.render().asPng();
  }
}
