/**
 * How the add-in knows its own conditional formats on a user's sheet, the same in every host (the pane through
 * Office.js, the command line and the web page through exceljs): each one's condition is ANDed with an
 * always-true marker. The marker goes wherever the format goes (Excel moves formats with inserted rows and
 * copied sheets, and saves them in the .xlsx), shows the owner in Excel's rule manager, and tells ours from a
 * user's format of the same colour, which a fill could not.
 */
export const HIGHLIGHT_MARKER = 'ISTEXT("NTM-KDC")';

/** The core's condition with the marker: `=AND(condition,ISTEXT("NTM-KDC"))`. */
export function markedFormula(formula: string): string {
  return `=AND(${formula.replace(/^=/, "")},${HIGHLIGHT_MARKER})`;
}

const MARKER_KEY = HIGHLIGHT_MARKER.toUpperCase();

/**
 * Whether a conditional format's formula is one of the add-in's: with or without the leading "=" (an .xlsx
 * stores none), whatever case and spacing Excel or the user gave it.
 */
export function isOwnFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.replace(/\s+/g, "").toUpperCase().includes(MARKER_KEY);
}
