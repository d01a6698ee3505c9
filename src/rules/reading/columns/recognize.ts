import { CellValue, MergedRange } from "../cell";
import { Message } from "../../message";
import { Ruleset } from "../../ruleset/ruleset";
import { ReadingMemory } from "../reading-memory";
import { moneyScaleIn } from "../units";
import { ColumnMatch, MIN_CONFIDENCE, roleKey } from "./roles";
import { parseHeader } from "./header-text";
import { indexFor } from "./ruleset-index";
import { matchPart } from "./header-match";
import { filledColumns, isColumnNumberingRow, columnParts, splitNamedPairs } from "./header-rows";
import { Resolution, resolveColumn, decideSingleIndicator, decideByValues } from "./resolve-column";

/* Recognising a whole header band, and single labels (for finding a header row or a criterion's name). */

export interface HeaderRecognition {
  columns: ColumnMatch[];
  /** Columns with header text that matched nothing (or lost to a better column for the same role). */
  unmapped: Array<{ column: number; header: string; note?: Message }>;
  layout: "indicators" | "status" | "mixed" | "none";
}

export interface RecognizeOptions {
  /** Merged blocks, with rows relative to the first header row. Without them, group labels are forward-filled. */
  merges?: MergedRange[];
  /** A few data rows (same columns), to tell a value column from a status column. */
  sampleRows?: CellValue[][];
  /** The analysis's reading memory; without it, headers are parsed and scored afresh. */
  memory?: ReadingMemory;
}

function layoutOf(columns: ColumnMatch[]): HeaderRecognition["layout"] {
  const ind = columns.some((c) => c.role.kind === "indicator");
  const crit = columns.some((c) => c.role.kind === "criterion");
  return ind && crit ? "mixed" : ind ? "indicators" : crit ? "status" : "none";
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Map header rows to roles. Headers may span several rows (criterion above its indicators); pass
 * `merges` (rows relative to headerRows[0]) when the host knows them, else group labels are
 * forward-filled. `sampleRows` help decide value vs status for one-indicator criteria.
 */
export function recognizeHeaders(
  headerRows: CellValue[][],
  ruleset: Ruleset,
  options: RecognizeOptions = {}
): HeaderRecognition {
  const memory = options.memory ?? new ReadingMemory();
  const index = indexFor(ruleset, memory);
  // A column-numbering row passed with the header ("(1) (2) (3)…") is not part of it.
  const above = headerRows.slice(0, -1);
  const rows =
    above.length > 0 && isColumnNumberingRow(headerRows[headerRows.length - 1], filledColumns(above))
      ? above
      : headerRows;
  const resolutions = columnParts(rows, options.merges, memory).map((col) =>
    resolveColumn(index, splitNamedPairs(index, col))
  );

  // A criterion label over exactly as many sub-columns as it has indicators, whose texts were not
  // recognised: take the indicators in order.
  const groups = new Map<string, Resolution[]>();
  for (const r of resolutions) {
    r.origins.forEach((o, pi) => {
      if (pi === r.parts.length - 1) return;
      const key = o;
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    });
  }
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const partIndex = members[0].origins.indexOf(key);
    const c = matchPart(index, members[0].parts[partIndex])[0];
    const criterion =
      c && c.confidence >= MIN_CONFIDENCE && c.target.role.kind === "criterion" ? c.target.criterion : undefined;
    if (!criterion || criterion.indicators.length !== members.length) continue;
    const taken = new Set(members.map((m) => m.target?.indicator?.id).filter((id) => id !== undefined));
    members.forEach((m, k) => {
      const i = criterion.indicators[k];
      if (m.target?.indicator?.criterionId === criterion.id || taken.has(i.id) || m.qualifier === "status") return;
      if (m.target && m.target.criterion !== criterion && m.confidence >= 0.8) return;
      m.target = index.indicatorTarget.get(i.id);
      m.confidence = 0.6;
    });
  }

  const count = (kind: "indicator" | "criterion") =>
    resolutions.filter(
      (r) => r.target?.role.kind === kind && r.target.criterion && r.target.criterion.indicators.length > 1
    ).length;
  const neighbours = { indicators: count("indicator"), criteria: count("criterion") };
  for (const r of resolutions) {
    const samples = options.sampleRows?.map((row) => row[r.column]);
    decideSingleIndicator(index, r, samples, neighbours);
    decideByValues(index, r, samples);
  }

  // One column per role: the most certain keeps it (leftmost on a tie).
  const winners = new Map<string, Resolution>();
  for (const r of resolutions) {
    if (!r.target || r.confidence < MIN_CONFIDENCE) continue;
    const key = roleKey(r.target.role);
    const held = winners.get(key);
    if (!held || r.confidence > held.confidence) winners.set(key, r);
  }
  const chosen = new Set(winners.values());
  const columns: ColumnMatch[] = [];
  const unmapped: HeaderRecognition["unmapped"] = [];
  for (const r of resolutions) {
    if (!chosen.has(r) || !r.target) {
      unmapped.push(
        r.note ? { column: r.column, header: r.header, note: r.note } : { column: r.column, header: r.header }
      );
      continue;
    }
    const match: ColumnMatch = {
      column: r.column,
      header: r.header,
      role: r.target.role,
      confidence: round2(Math.min(1, r.confidence)),
    };
    if (r.note) match.note = r.note;
    const unit = r.target.indicator?.unit;
    if ((unit === "vnd_per_person_year" || unit === "number") && r.scale !== undefined) match.scale = r.scale;
    columns.push(match);
  }
  return { columns, unmapped, layout: layoutOf(columns) };
}

/**
 * The documented canonical column order for a bare block of values: as many columns as indicators →
 * indicators in ruleset order; as many as criteria → criterion statuses in order; otherwise undefined.
 */
export function canonicalColumns(ruleset: Ruleset, width: number): ColumnMatch[] | undefined {
  if (width === ruleset.indicators.length) {
    return ruleset.indicators.map((i, column) => ({
      column,
      header: i.id,
      role: { kind: "indicator", indicatorId: i.id },
      confidence: 1,
    }));
  }
  if (width === ruleset.criteria.length) {
    return ruleset.criteria.map((c, column) => ({
      column,
      header: c.id,
      role: { kind: "criterion", criterionId: c.id },
      confidence: 1,
    }));
  }
  return undefined;
}

/** The multiplier a header's unit implies ("(triệu đồng/người/năm)" → 1e6), if it names one. */
export function headerScale(header: string, memory: ReadingMemory = new ReadingMemory()): number | undefined {
  const part = parseHeader(header, memory);
  // A header whose unit is a count or a measure ("(lao động)") names no money, whatever word it contains.
  if (part.unit !== undefined && part.unit !== "money") return undefined;
  return part.scale ?? moneyScaleIn(part.folded);
}

/** Header-like text of one cell scored alone: for finding the header band of a sheet. */
export function labelConfidence(text: string, ruleset: Ruleset, memory: ReadingMemory = new ReadingMemory()): number {
  const part = parseHeader(text, memory);
  if (part.tokens.length === 0 && !part.numbering?.explicit) return 0;
  const best = matchPart(indexFor(ruleset, memory), part)[0];
  return best ? Math.min(1, best.confidence) : 0;
}

/** How surely a text names one of the ruleset's criteria or indicators (0 when it names none). */
export function criterionLabelConfidence(
  text: string,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): number {
  const part = parseHeader(text, memory);
  if (part.tokens.length === 0 && !part.numbering?.explicit) return 0;
  const best = matchPart(indexFor(ruleset, memory), part).find(
    (c) => c.target.role.kind === "criterion" || c.target.role.kind === "indicator"
  );
  return best ? Math.min(1, best.confidence) : 0;
}

/** Whether a cell reads as a qualifier or a unit only ("(%)", "Đánh giá", "Chỉ tiêu"). */
export function isQualifierText(text: string, memory: ReadingMemory = new ReadingMemory()): boolean {
  return parseHeader(text, memory).qualifier !== undefined;
}
