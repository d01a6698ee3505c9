import { AreaInput, Reading } from "../../assessment/assessment";
import { CellValue, columnLetter } from "../cell";
import { ColumnMatch } from "../columns";
import { Orientation } from "../orientation";
import { foldText, groupKey, Indicator, Ruleset } from "../../ruleset/ruleset";
import { BLANK_READING, readCell, readStatus, readYesNo } from "../values";
import { ReadingMemory } from "../reading-memory";
import { cellText } from "./row-text";

/* One row of a table read as an area: its name, commune, group and readings. */

const TOTAL_WORDS =
  /^(tong cong|tong so|toan huyen|toan thi xa|toan thanh pho|toan tinh|toan xa|tong|cong)(?=$|[\s:.(])(.*)$/;

/** "Tổng", "Cộng", "Tổng cộng", "Toàn huyện", "Tổng số", "Cộng xã …" (but not the place "Cộng Hòa"). */
export function isTotalText(text: string): boolean {
  const folded = stripLeadingNumber(foldText(text));
  const m = TOTAL_WORDS.exec(folded);
  if (!m) return false;
  const rest = m[2].replace(/^[\s:.]+/, "");
  return (
    m[1].startsWith("toan") ||
    m[1].includes(" ") ||
    rest === "" ||
    /^(\(|xa\b|huyen\b|so\b|cong\b|toan\b|phuong\b|thi tran\b)/.test(rest)
  );
}

/** "I.", "1.", "A " in front of a section or total label. */
export function stripLeadingNumber(text: string): string {
  return text.replace(/^(?:[ivxlc]+|\d{1,3}|[a-h])(?:\s*[.):\-–]\s*|\s+)(?=\S)/i, "").trim();
}

export const isOrderMarker = (text: string): boolean => /^(?:[ivxlcIVXLC]+|\d{1,3}|[a-hA-H])[.)]?$/.test(text.trim());

export const COMMUNE_PREFIX = /^(xa|phuong|thi tran)\s/;

export function indicatorsById(ruleset: Ruleset): Map<string, Indicator> {
  return new Map(ruleset.indicators.map((i) => [i.id, i]));
}

type Shape = Record<string, Reading>;

export interface ReadingShapes {
  indicators: Shape;
  criteria: Shape;
  /** Each column's indicator (by its position in the columns), looked up once for all rows. */
  indicatorAt: Array<Indicator | undefined>;
}

/**
 * The keys an area's readings get from these columns, in column order, as objects to copy. Thousands of
 * areas each add some twenty keys one by one; V8 turns such an object into a hash table (≈1.6 kB), where
 * a copy of one with the keys already in place stays a compact object (≈0.2 kB) and costs less to build
 * and to collect. Every key is then given the row's reading, so the objects hold the same entries.
 */
export function readingShapes(columns: ColumnMatch[], ruleset: Ruleset): ReadingShapes {
  const indicators = indicatorsById(ruleset);
  const ind: Shape = {};
  const crit: Shape = {};
  const indicatorAt: Array<Indicator | undefined> = [];
  for (const c of columns) {
    const indicator = c.role.kind === "indicator" ? indicators.get(c.role.indicatorId) : undefined;
    indicatorAt.push(indicator);
    if (indicator) ind[indicator.id] = BLANK_READING;
    else if (c.role.kind === "criterion") crit[c.role.criterionId] = BLANK_READING;
  }
  return { indicators: ind, criteria: crit, indicatorAt };
}

/**
 * The area's group (see groupKey) from its group column: "Nhóm 2", or 2 under "Nhóm xã", → "nhom 2";
 * "ĐBKK" → "dbkk". A yes/no cell ("x", "Có", 1, TRUE under "Xã ĐBKK") gives its header's group; "Không" none.
 */
function readGroup(raw: CellValue, header: string): string | undefined {
  const text = cellText(raw);
  if (text === "") return undefined;
  const yesNoColumn = /\bdbkk\b|dac biet kho khan/.test(foldText(header));
  const yes =
    typeof raw === "boolean" ? raw : typeof raw === "number" ? (yesNoColumn ? raw !== 0 : undefined) : readYesNo(text);
  if (yes !== undefined) return yes ? groupKey(header) : undefined;
  return groupKey(raw as string | number);
}

function readYesNoCell(raw: CellValue): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw === 1 ? true : raw === 0 ? false : undefined;
  const t = cellText(raw);
  return t === "" ? undefined : readYesNo(t);
}

/**
 * One row as an area, by the column roles. Used by readAreas and, with a row range, by the custom
 * functions. `numberFormats` are the row's formats (a "0%" cell holds a fraction).
 */
export function readAreaRow(
  values: CellValue[],
  columns: ColumnMatch[],
  ruleset: Ruleset,
  numberFormats?: string[],
  // readAreas makes these once for all its rows, from the same columns.
  shapes: ReadingShapes = readingShapes(columns, ruleset),
  memory?: ReadingMemory
): AreaInput {
  const area: AreaInput = {
    commune: "",
    name: "",
    indicators: { ...shapes.indicators },
    criteria: { ...shapes.criteria },
  };
  // Indexed loops in the per-row code: a for-of allocates a step object until V8 optimises the loop.
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k];
    const raw = values[c.column];
    const role = c.role;
    switch (role.kind) {
      case "indicator": {
        const indicator = shapes.indicatorAt[k];
        if (indicator) {
          area.indicators[indicator.id] = readCell(raw, indicator.unit, numberFormats?.[c.column], c.scale, memory);
        }
        break;
      }
      case "criterion":
        area.criteria[role.criterionId] = readStatus(raw, memory);
        break;
      case "area":
        area.name = cellText(raw);
        break;
      case "commune":
        area.commune = cellText(raw);
        break;
      case "district": {
        const d = cellText(raw);
        if (d) area.district = d;
        break;
      }
      case "areaType": {
        // The saved mappings' name for the group column (see groupKey).
        const group = readGroup(raw, c.header);
        if (group) area.group = group;
        break;
      }
      case "canMobilise": {
        const yes = readYesNoCell(raw);
        if (yes !== undefined) area.canMobilise = yes;
        break;
      }
      default:
        // Order, households, population, stated totals, years, notes: recognised, not assessed.
        break;
    }
  }
  return area;
}

/** Words of the signature block under a table: who drew it up, who signs for the committee. */
const SIGNATURE =
  /^(nguoi lap( bieu)?|lap bieu|tm\.?|t\/m|thu truong|chu tich|pho chu tich|ke toan|xac nhan|ky ten|ky,? ghi ro ho ten|(ubnd|uy ban)\b)/;

export function isSignatureText(text: string): boolean {
  return SIGNATURE.test(foldText(text));
}

/** What a line of the table is called in messages: "Dòng 12" / "Row 12", or "Cột E" / "Column E" sideways. */
export function lineName(orientation: Orientation, line: number): { vi: string; en: string } {
  return orientation === "rows"
    ? { vi: `Dòng ${line + 1}`, en: `Row ${line + 1}` }
    : { vi: `Cột ${columnLetter(line)}`, en: `Column ${columnLetter(line)}` };
}
