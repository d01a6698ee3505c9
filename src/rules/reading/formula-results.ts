import { Problem, problem } from "../message";
import { SheetData } from "../workbook";

/** The code of the warning below: hosts show it whole, above the cell-by-cell problems. */
export const FORMULA_NO_RESULT = "formula-no-result";

const SHOWN = 5;

/**
 * The sheet's formulas that have no saved result (a file written by a program that does not calculate,
 * never saved in Excel): their cells were read as blank, so never met. One warning naming them.
 */
export function formulasWithoutResultProblem(data: SheetData): Problem | undefined {
  const cells = data.formulasWithoutResult ?? [];
  if (cells.length === 0) return undefined;
  const more = cells.length > SHOWN ? ` (+${cells.length - SHOWN})` : "";
  const named = cells.slice(0, SHOWN).join(", ") + more;
  return problem(
    FORMULA_NO_RESULT,
    data.name,
    `${named} là công thức chưa có kết quả lưu, được đọc là ô trống (không bao giờ tính là đạt): hãy mở tệp bằng Excel và lưu lại rồi chạy lại.`,
    `${named}: formulas with no saved result, read as blank (never met): open and save the file in Excel, then run again.`
  );
}
