import { Problem, problem } from "../../message";
import { SETTING_KEYS } from "../../workbook";

/*
 * The workbook setting that keeps the saved column mappings, read back the one way every host reads it:
 * the pane, the web page and the command line (through findTables) and the custom functions.
 */

export interface MappingSetting {
  /** One saved mapping per table, as stored: each is checked against its sheet and ruleset where it is used. */
  mappings: unknown[];
  /** Why the setting could not be read; its content is then set aside, as if no mapping had been saved. */
  problem?: Problem;
}

/** Said in every host alike: the user sees the same words beside a function's result and in the pane. */
const unreadable = (): Problem =>
  problem(
    "stored-mapping",
    SETTING_KEYS.mapping,
    "Cách ghép cột lưu trong sổ không đọc được nên đã bỏ qua: các cột được nhận như khi chưa lưu cách ghép. Hãy kiểm tra lại các cột và lưu cách ghép cột trong ngăn tác vụ.",
    "The column mapping saved in the workbook cannot be read, so it was set aside: columns are recognised as if none had been saved. Check the columns and save the mapping again in the task pane."
  );

/**
 * The saved mappings from the setting's value: JSON text, or the value itself when Office hands the setting
 * back as an object. A list holds one mapping per table; a single mapping is one saved by an older version.
 * Nothing saved (absent, empty, null) is no mapping and no problem.
 */
export function readMappingSetting(value: unknown): MappingSetting {
  if (value === undefined || value === null) return { mappings: [] };
  let parsed: unknown = value;
  if (typeof value === "string") {
    if (value.trim() === "") return { mappings: [] };
    try {
      parsed = JSON.parse(value);
    } catch {
      return { mappings: [], problem: unreadable() };
    }
  }
  if (parsed === null) return { mappings: [] };
  if (Array.isArray(parsed)) return { mappings: parsed };
  // A number, a text or a yes/no holds no mapping: the setting was written by something else.
  if (typeof parsed !== "object") return { mappings: [], problem: unreadable() };
  return { mappings: [parsed] };
}
