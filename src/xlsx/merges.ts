import { cellAddress, MergedRange } from "../rules/reading/cell";
import { parseCellReference } from "./cell-reference";
import { EXCEL_COLUMNS, LimitUse, XlsxLimits } from "./limits";
import { corrupt, count, tooLarge } from "./read-error";

const rangeText = (m: MergedRange): string => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;

/**
 * The merged blocks of one sheet, collected as the part streams: with the other sheets', at most
 * `limits.merges` of them covering at most `limits.mergedCells` cells; none overlapping another
 * (Excel cannot hold that: it repairs such a file). Checked without comparing blocks pair by pair.
 */
export class MergeList {
  readonly merges: MergedRange[] = [];

  constructor(
    private readonly sheet: string,
    private readonly limits: XlsxLimits,
    private readonly used: LimitUse
  ) {}

  /** A `<mergeCell ref="A1:C2">`; a single cell is no merge and is passed over. */
  add(ref: string | undefined): void {
    const [first, second = first, extra] = (ref ?? "").split(":");
    const a = parseCellReference(first ?? "");
    const b = parseCellReference(second ?? "");
    if (!a || !b || extra !== undefined) {
      throw corrupt(
        `${this.sheet}`,
        `vùng gộp ô "${ref ?? ""}" không hợp lệ.`,
        `the merged range "${ref ?? ""}" is invalid.`
      );
    }
    const m: MergedRange = {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
    if (m.top === m.bottom && m.left === m.right) return;
    if (++this.used.merges > this.limits.merges) {
      const max = count(this.limits.merges);
      throw tooLarge(
        this.sheet,
        `Sổ làm việc có hơn ${max.vi} vùng gộp ô (đến trang "${this.sheet}").`,
        `The workbook has more than ${max.en} merged ranges (up to sheet "${this.sheet}").`
      );
    }
    this.used.mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (this.used.mergedCells > this.limits.mergedCells) {
      const max = count(this.limits.mergedCells);
      throw tooLarge(
        `${this.sheet}!${rangeText(m)}`,
        `Các vùng gộp ô của sổ làm việc phủ hơn ${max.vi} ô (đến ${rangeText(m)} của trang "${this.sheet}").`,
        `The workbook's merged ranges cover more than ${max.en} cells (up to ${rangeText(m)} of sheet "${this.sheet}").`
      );
    }
    this.merges.push(m);
  }

  /**
   * Refuse overlapping blocks. Taken from the top down, a block overlaps an earlier one exactly when one
   * of its columns is still covered at its top row: one pass over each block's columns, so the work is
   * bounded by the cells merged, not by the square of the number of blocks.
   */
  checkOverlaps(): void {
    const order = this.merges.slice().sort((a, b) => a.top - b.top);
    const coveredTo = new Int32Array(EXCEL_COLUMNS).fill(-1);
    const owner = new Int32Array(EXCEL_COLUMNS);
    order.forEach((m, k) => {
      for (let c = m.left; c <= m.right; c++) {
        if (coveredTo[c] >= m.top) {
          const other = order[owner[c]];
          throw corrupt(
            `${this.sheet}!${rangeText(m)}`,
            `vùng gộp ô ${rangeText(m)} chồng lên vùng ${rangeText(other)}.`,
            `the merged range ${rangeText(m)} overlaps ${rangeText(other)}.`
          );
        }
        coveredTo[c] = m.bottom;
        owner[c] = k;
      }
    });
  }
}
