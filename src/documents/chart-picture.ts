import { init } from "echarts";
import { ChartSpec, SheetOutput } from "../rules/workbook";
import { chartOption } from "./chart-option";

/**
 * Charts as pictures, host-neutral: echarts renders SVG on its own (server-side mode, no DOM); turning
 * SVG into PNG is the one step that needs the host, behind `Rasterizer` (resvg on Node, a canvas in a
 * browser).
 */

/** SVG → PNG, supplied by the host. `scale` multiplies the pixel size for a sharp print. */
export interface Rasterizer {
  png(svg: string, size: { width: number; height: number }, scale: number): Promise<Uint8Array>;
}

/** A rendered chart: the PNG and the size it is drawn at, in CSS pixels (96 per inch). */
export interface ChartPicture {
  png: Uint8Array;
  width: number;
  height: number;
  title: string;
}

/** 16 cm by 9 cm at 96 px per inch: the text width of an A4 page in the state's form. */
export const CHART_SIZE = { width: 605, height: 340 } as const;

/** Pixels per CSS pixel in the PNG: about 200 dpi on paper. */
const SCALE = 2;

/** The chart of one sheet as SVG text. */
export function chartSvg(sheet: SheetOutput, spec: ChartSpec, size = CHART_SIZE): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(sheet, spec, size.width));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every chart of a report, rendered once: the .xlsx and the Word report take the same pictures. */
export async function chartPictures(
  sheets: SheetOutput[],
  rasterizer: Rasterizer
): Promise<Map<ChartSpec, ChartPicture>> {
  const pictures = new Map<ChartSpec, ChartPicture>();
  for (const sheet of sheets) {
    if (!sheet.chart) continue;
    const png = await rasterizer.png(chartSvg(sheet, sheet.chart), CHART_SIZE, SCALE);
    pictures.set(sheet.chart, { png, ...CHART_SIZE, title: sheet.chart.title });
  }
  return pictures;
}
