import type { EChartsOption } from "echarts";
import { CellValue } from "../rules/reading/cell";
import { formatNumber } from "../rules/format";
import { CHART_COLOURS } from "../rules/palette";
import { ChartSpec, SheetOutput } from "../rules/workbook";

/**
 * A chart of the report as echarts draws it: the same block of the sheet's own rows the pane's native
 * Excel chart covers (categories, one series per value column, the header row naming them), so the
 * picture in the Word report and the .xlsx shows exactly the figures on the sheet.
 */

/**
 * Serif faces in order of preference, all with Vietnamese: Times New Roman where Office is, its metric twin
 * Tinos, then DejaVu Serif. Liberation Serif only last: its version 1, still installed beside version 2 on
 * many Linux machines, has no ơ, ư or the stacked tone marks (ậ, ế), and resvg then falls back to whatever
 * font comes first. Unquoted: resvg ignores quoted names.
 */
export const CHART_FONT = "Times New Roman, Tinos, DejaVu Serif, Liberation Serif, serif";

const text = (v: CellValue): string => (v === null || v === undefined ? "" : String(v));
const numberOrNull = (v: CellValue): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The categories and series of a chart spec, read from its sheet's rows. */
export function chartData(sheet: SheetOutput, spec: ChartSpec) {
  const categories: string[] = [];
  for (let r = spec.firstRow; r <= spec.lastRow; r++) categories.push(text(sheet.rows[r]?.[spec.categoryColumn]));
  const series = spec.valueColumns.map((c) => {
    const values: Array<number | null> = [];
    for (let r = spec.firstRow; r <= spec.lastRow; r++) values.push(numberOrNull(sheet.rows[r]?.[c]));
    return { name: text(sheet.rows[spec.headerRow]?.[c]), values };
  });
  return { categories, series };
}

/** The echarts option of a sheet's chart: no animation, labelled values, the title and legend on top. */
export function chartOption(sheet: SheetOutput, spec: ChartSpec, width: number): EChartsOption {
  const { categories, series } = chartData(sheet, spec);
  const legend = series.length > 1;
  // Every text names the font: echarts does not pass the chart's text style down to labels.
  const font = (fontSize: number) => ({ fontFamily: CHART_FONT, fontSize, color: CHART_COLOURS.text });
  // Figures as Vietnamese write them: "1.000".
  const figure = (v: unknown): string => (typeof v === "number" ? formatNumber(v, "vi") : "");
  const valueAxis = { type: "value" as const, minInterval: 1, axisLabel: { ...font(13), formatter: figure } };
  const categoryAxis = {
    type: "category" as const,
    data: categories,
    // Horizontal bars list the largest first, top down, as the sheet does.
    inverse: spec.kind === "bar",
    axisLabel: {
      ...font(13),
      interval: 0,
      ...(spec.kind === "bar" ? { width: Math.round(width * 0.55), overflow: "truncate" as const } : {}),
    },
  };
  // Long titles wrap; the legend lists one series a line, so long names never run into each other.
  const titleLines = Math.ceil((spec.title.length * 8.5) / (width - 90));
  const titleHeight = 8 + titleLines * 21;
  return {
    animation: false,
    backgroundColor: CHART_COLOURS.background,
    color: [...CHART_COLOURS.series],
    textStyle: { fontFamily: CHART_FONT },
    title: {
      text: spec.title,
      left: "center",
      top: 4,
      textStyle: { ...font(16), fontWeight: "bold", width: width - 90, overflow: "break" },
    },
    legend: legend
      ? { top: titleHeight, left: "center", orient: "vertical", itemGap: 4, textStyle: font(13) }
      : { show: false },
    grid: {
      left: 16,
      right: 36,
      top: titleHeight + (legend ? series.length * 20 + 12 : 12),
      bottom: 12,
      containLabel: true,
    },
    xAxis: spec.kind === "bar" ? valueAxis : categoryAxis,
    yAxis: spec.kind === "bar" ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: spec.kind === "line" ? ("line" as const) : ("bar" as const),
      data: s.values,
      connectNulls: false,
      label: {
        show: true,
        position: spec.kind === "bar" ? ("right" as const) : ("top" as const),
        ...font(12),
        formatter: (p: { value?: unknown }) => figure(p.value),
      },
      ...(spec.kind === "line" ? { symbolSize: 7, lineStyle: { width: 2.5 } } : { barMaxWidth: 36 }),
    })),
  };
}
