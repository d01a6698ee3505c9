const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text as Excel stores it in a cell or shared string, with the OOXML escapes decoded: `_x000D_` is a
 * carriage return, `_x005F_` an underscore (so `_x005F_x000D_` is the literal text "_x000D_"). A
 * character XML cannot carry (`_x0001_`, `_xFFFF_`) is kept here, as Excel keeps it; writers drop it.
 */
export function unescapeText(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(ESCAPE, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
