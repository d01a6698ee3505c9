const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Serial number of 1970-01-01 in the 1900 system. */
const UNIX_EPOCH = 25569;
/** Days between the 1900 and the 1904 systems' day 0. */
const DAYS_1904 = 1462;

/**
 * An ISO 8601 date-time of a `t="d"` cell as the serial number Excel keeps for it, in the workbook's
 * date system. The wall-clock fields are taken as written (a serial has no time zone). Excel's 1900
 * system counts the non-existent 29 February 1900, so days before 1 March 1900 are one lower.
 * undefined when the text is no date Excel can hold.
 */
export function isoDateToSerial(text: string, date1904: boolean): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let days = date.getTime() / DAY_MS + UNIX_EPOCH;
  if (date1904) days -= DAYS_1904;
  else if (days < 61) days -= 1;
  if (days < (date1904 ? 0 : 1)) return undefined;
  return days + (hour * 3600 + minute * 60 + second + Number(m[7] ?? 0)) / 86400;
}
