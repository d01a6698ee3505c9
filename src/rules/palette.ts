/**
 * The add-in's colours, one set for every host: the highlights it paints on the user's sheets, its own result
 * sheets (Office.js in the pane, exceljs for the command line and the web page), the charts and the Word report.
 * Hex "#RRGGBB". The pane's own controls use Fluent UI's theme tokens, not these.
 */

/** Conditional formats on the user's sheet: an indicator below its threshold, an indicator with no value. */
export const HIGHLIGHT_FILL = { unmet: "#F8CBAD", missing: "#FFF2CC" } as const;

/**
 * The add-in's result sheets: their tabs, the table's header row, and the provisional-threshold warning rows in
 * Excel's own "Neutral" cell style (set apart from the "missing" highlight a user sees on the data).
 */
export const SHEET_COLOURS = {
  tab: "#2F75B5",
  tableHeader: "#DDEBF7",
  warningFill: "#FFEB9C",
  warningText: "#9C5700",
} as const;

/** Charts (native in the pane, pictures in the .xlsx and Word report): series in order, text, background. */
export const CHART_COLOURS = {
  series: ["#2F5597", "#C55A11", "#548235"],
  text: "#000000",
  background: "#FFFFFF",
} as const;

/** The Word report: table rules and the signature line, the shading of table headers. */
export const DOCUMENT_COLOURS = { line: "#000000", tableHeader: "#F2F2F2" } as const;

/** "#RRGGBB" as the ARGB an .xlsx file stores: "FFRRGGBB", opaque. */
export const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;
