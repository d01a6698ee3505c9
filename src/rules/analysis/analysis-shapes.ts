import { Assessor } from "../assessment/assess";
import { ReadingMemory } from "../reading/reading-memory";
import { Problem } from "../message";
import { SheetResult } from "../report/report-labels";
import { Ruleset } from "../ruleset/ruleset";
import { SkippedRow, TableLayout } from "../reading/sheet-table";
import { SkippedSheet } from "../reading/table-finder";
import { SheetData } from "../workbook";

/* The shapes of an analysis: each table's areas and assessments, the workbook's, and what the caller asks for. */

export interface SheetAnalysis extends SheetResult {
  layout: TableLayout;
  skipped: SkippedRow[];
  /** The sheet as read (hidden rows, for the pane). */
  data: SheetData;
  /** The sheet as the table is read: itself, or transposed for a sideways table (formats, for highlights). */
  view: SheetData;
  /** Where the table sits on its sheet ("A6:AD160"). */
  range: string;
  /** How it was read: sideways, read again the other way, its commune from the sheet name or title, columns chosen by values. */
  notes: Problem[];
}

/** Every table of a workbook assessed, the sheets passed over with the reason, and notes on the whole. */
export interface WorkbookAnalysis {
  tables: SheetAnalysis[];
  skippedSheets: SkippedSheet[];
  /** Notes on the workbook as a whole: a saved column mapping that could not be read or was set aside. */
  notes: Problem[];
}

/** A table as the pane shows and corrects it: its sheet and layout. */
export interface TableChoice {
  sheet: string;
  layout: TableLayout;
  /** The layout is as detected, not corrected by the user: it may be read again the other way round. */
  detected?: boolean;
}

export interface AnalyseOptions {
  ruleset: Ruleset;
  /**
   * The ruleset's Assessor, to keep its verdicts across analyses (the command line's files share one);
   * none: the analysis makes its own.
   */
  assessor?: Assessor;
  /**
   * What reading remembers, to keep across analyses with this ruleset (the command line's files share
   * one: a province's districts repeat the same values and headers); none: the analysis makes its own.
   */
  memory?: ReadingMemory;
  year?: number;
  /** Only these sheets (the command line's --sheet); else every sheet of the workbook. */
  sheets?: string[];
  /** The tables the user confirmed or corrected (the pane); else the saved mappings, else detected. */
  tables?: TableChoice[];
  /** With `tables`: the sheets passed over when they were found, and why, for the report to say so. */
  skipped?: SkippedSheet[];
  /** Where the areas came from (a file name, the workbook's name): shown as such, never taken for a district. */
  source?: string;
}
