import { MergedRange } from "../../rules/reading/cell";
import type { SampleCell } from "./sheet";

/** The rows and merged ranges of a sheet being generated, all rows as wide as the table. */
export class SampleGrid {
  readonly rows: SampleCell[][] = [];
  readonly merges: MergedRange[] = [];

  /** `withMerges` false: labels typed once, their neighbours left blank, nothing merged. */
  constructor(
    readonly width: number,
    private readonly withMerges: boolean
  ) {}

  /** A new blank row at the bottom; returns it and its zero-based index. */
  addRow(): { row: SampleCell[]; r: number } {
    const row = new Array<SampleCell>(this.width).fill(null);
    this.rows.push(row);
    return { row, r: this.rows.length - 1 };
  }

  /** Merge a range of more than one cell (when merges are made). */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (this.withMerges && (bottom > top || right > left)) this.merges.push({ top, left, bottom, right });
  }
}
