import { AreaInput } from "../../assessment/assessment";
import { ColumnRole, HeaderRecognition } from "../columns";
import { Problem } from "../../message";
import { Orientation } from "../orientation";
import { CommuneSource } from "../places";

/* The shapes of a table found on a sheet and of its saved mapping. */

/**
 * Where the table sits and what its columns hold. Rows and columns are those of the table's view of the
 * sheet (zero-based): the sheet itself for the usual table, the sheet transposed for a sideways one
 * (orientation "columns"), whose "rows" are then sheet columns and whose "columns" sheet rows.
 */
export interface TableLayout extends HeaderRecognition {
  headerTop: number;
  headerBottom: number;
  /** First row after the header band and its column-numbering row. */
  dataStart: number;
  /** Last row of the table when another table follows on the same sheet; else the sheet's last row. */
  dataEnd?: number;
  /** "columns": one area per sheet column (a sideways form). Absent: "rows". */
  orientation?: Orientation;
  /** From a title row "Huyện: Thanh Ba", for sheets without a district column. */
  district?: string;
  /** From the sheet name or a title ("… XÃ THANH THỦY"), for one commune's table without a commune column. */
  commune?: string;
  communeSource?: CommuneSource;
  /** The commune the title names when the sheet name, which wins, names another. */
  titleCommune?: string;
}

/**
 * A line below the header that is not an area. `row` is the 1-based sheet row, or for a sideways table
 * the 1-based sheet column.
 */
export interface SkippedRow {
  row: number;
  reason: "section" | "total" | "blank" | "numbering" | "hidden";
  text?: string;
}

export interface AreaRows {
  areas: AreaInput[];
  skipped: SkippedRow[];
  problems: Problem[];
  /** Per area, what its line is called: its name, or for an area without one the line's first label. */
  labels: string[];
  /** Areas whose line has values but no name (called "Dòng 12", "Cột E" for now). */
  unnamed: number;
  /** The areas' cells in criterion and indicator columns, and how many of them read as a value. */
  cells: number;
  readable: number;
}

/**
 * The column mapping of one table as stored in the workbook settings, so a user's corrections survive.
 * A sideways table (orientation "columns") names each entry by its sheet row (`row`, 1-based) instead of
 * a column letter, and its header and data positions count sheet columns. Mappings saved before
 * orientation existed have neither and are read as usual tables.
 */
export interface SavedMapping {
  version: 1;
  sheet: string;
  orientation?: Orientation;
  headerTop: number;
  headerBottom: number;
  dataStart: number;
  dataEnd?: number;
  columns: Array<{
    column?: string /* letter */;
    row?: number;
    role: ColumnRole;
    header?: string;
    confidence?: number;
    scale?: number;
  }>;
  unmapped?: Array<{ column?: string; row?: number; header: string }>;
  district?: string;
  commune?: string;
}
