import { Problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset/ruleset";
import { Table } from "./excel-cells";
import { RowAssessments, RowResult } from "./row-assessments";

/** What the functions read from the add-in's shared state (addin-state.ts). */
export interface FormulaContext {
  ruleset: Ruleset;
  /** The ruleset's remembered rows and Assessor, kept with it in the add-in's state. */
  rows: RowAssessments;
  /** The column mappings the pane saved, one per table (SavedMappings; each checked where it is used). */
  mappings?: unknown[];
  /** Faults loading the workbook's settings, shown beside results. */
  problems?: Problem[];
}

/** The row passed to a function, assessed (or remembered). */
export function assessRow(ctx: FormulaContext, values: unknown, headers: unknown): Promise<RowResult> {
  return ctx.rows.assess(values, headers, ctx.mappings);
}

/** Rows under a table: the provisional-threshold warning and any settings fault, wherever results are shown. */
export function notes(ctx: FormulaContext, width: number): Table {
  const rows: string[] = [];
  if (ctx.ruleset.provisional) rows.push(`Ngưỡng tạm tính: ${ctx.ruleset.statusNote.vi}`);
  for (const p of ctx.problems ?? []) rows.push(p.message.vi);
  return rows.map((text) => ["Lưu ý", text, ...Array.from({ length: width - 2 }, () => "")]);
}
