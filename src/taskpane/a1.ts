import { cellAddress, columnIndex, MergedRange } from "../rules/reading/cell";

/**
 * A1 addresses as Excel hands them to Office.js ("'Xã A, B'!A1:C2, 'Xã A, B'!D5") and as the pane builds
 * them for multi-area conditional formats.
 */

const SHEET_PREFIX = /^(?:'(?:[^']|'')*'|[^'!]+)!/;

/** Split a (multi-area) address into its areas, without sheet names; commas inside quoted names are kept. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim().replace(SHEET_PREFIX, "").replace(/\$/g, "")).filter((p) => p !== "");
}

/** "B3:D5" → zero-based inclusive block; "B3" → one cell; whole rows "3:5" and columns "B:D" too. */
export function parseArea(area: string): MergedRange | undefined {
  const m = /^([A-Z]{0,3})(\d*)(?::([A-Z]{0,3})(\d*))?$/i.exec(area.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const MAX_ROW = 1048575;
  const MAX_COL = 16383;
  return {
    top: r1 ? Number(r1) - 1 : 0,
    left: c1 ? columnIndex(c1) : 0,
    bottom: r2 ? Number(r2) - 1 : r1 ? Number(r1) - 1 : MAX_ROW,
    right: c2 ? columnIndex(c2) : c1 ? columnIndex(c1) : MAX_COL,
  };
}

export function parseAreas(address: string): MergedRange[] {
  return splitAreas(address)
    .map(parseArea)
    .filter((r): r is MergedRange => r !== undefined);
}

/** Rows 0..rowCount-1 not covered by any of the visible areas. */
export function hiddenRowsFrom(visible: MergedRange[], rowCount: number): number[] {
  const shown = new Uint8Array(rowCount);
  for (const v of visible) for (let r = Math.max(0, v.top); r <= Math.min(rowCount - 1, v.bottom); r++) shown[r] = 1;
  const hidden: number[] = [];
  for (let r = 0; r < rowCount; r++) if (!shown[r]) hidden.push(r);
  return hidden;
}

/**
 * Group the areas of a multi-area range into chunks Excel accepts in one getRanges() call (long address
 * lists fail unpredictably), each with its own top-left cell.
 */
export function chunkAreas(
  range: string,
  maxAreas = 40,
  maxLength = 1500
): Array<{ address: string; topLeft: string }> {
  const areas = splitAreas(range);
  const chunks: Array<{ address: string; topLeft: string }> = [];
  let group: string[] = [];
  let length = 0; // of group.join(",")
  const flush = () => {
    if (group.length === 0) return;
    const first = parseArea(group[0]);
    chunks.push({ address: group.join(","), topLeft: first ? cellAddress(first.top, first.left) : group[0] });
    group = [];
    length = 0;
  };
  for (const a of areas) {
    if (group.length >= maxAreas || length + a.length + 1 > maxLength) flush();
    length += (group.length > 0 ? 1 : 0) + a.length;
    group.push(a);
  }
  flush();
  return chunks;
}

/**
 * A conditional-format formula is relative to its range's top-left cell: moved to a chunk starting at `to`,
 * every reference to `from` becomes `to` (text in quotes is left alone).
 */
export function rebaseFormula(formula: string, from: string, to: string): string {
  if (from === to) return formula;
  const ref = new RegExp(`(^|[^A-Za-z0-9_$.])${from.replace(/\$/g, "")}(?![0-9A-Za-z_(])`, "g");
  return formula
    .split('"')
    .map((part, k) => (k % 2 === 1 ? part : part.replace(ref, `$1${to}`)))
    .join('"');
}
