/**
 * Whether an Excel number format shows a date or a time ("dd/mm/yyyy", "m/d/yyyy", "h:mm", "[h]:mm"):
 * the cell then holds a serial number of days, in Office.js and in a file alike. Literal text ("…",
 * \x), padding (_x), fills (*x), colours and locales ([Red], [$-42A]) and AM/PM are set aside first.
 */
export function isDateFormat(format: string): boolean {
  if (format === "General" || format === "@") return false;
  if (/\[(h+|m+|s+)\]/i.test(format)) return true;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/[\\_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/AM\/PM|A\/P/gi, "");
  return /[dmyhs]/i.test(bare);
}
