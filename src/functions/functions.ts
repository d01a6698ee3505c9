/// <reference path="./custom-functions.d.ts" />
import { addinState, officeIsReady, subscribe, whenOfficeReady } from "./addin-state";
import { criteriaTable, threshold as thresholdInForce } from "./criteria";
import { errorMessage } from "./excel-cells";
import { explain as explanation } from "./explain";
import { FormulaContext } from "./formula-context";
import * as verdicts from "./score";
import { InputError } from "../rules/message";

/* global CustomFunctions, Excel */

/**
 * The NTM.* custom functions: JSDoc entry points only (functions.json is generated from these comments;
 * English texts: locales/en-US.json). The work is in score.ts, explain.ts and criteria.ts; faults become
 * #VALUE! with a message. Descriptions are Vietnamese (the default locale); parameter descriptions stay
 * within 128 characters.
 */

function excelError(e: unknown): Error {
  const message =
    e instanceof InputError
      ? errorMessage(e)
      : `Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? e.message : String(e)}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message) as unknown as Error;
}

/** Every function: wait for Office (so the workbook's settings are read), use the shared state, map faults. */
function withState<T>(compute: (ctx: FormulaContext) => T | Promise<T>): Promise<T> {
  const run = (): Promise<T> => {
    try {
      return Promise.resolve(compute(addinState())).catch((e: unknown) => Promise.reject(excelError(e)));
    } catch (e) {
      return Promise.reject(excelError(e));
    }
  };
  return officeIsReady() ? run() : whenOfficeReady().then(run);
}

// Non-volatile functions are not recalculated when the pane changes the ruleset or mapping: ask Excel to.
subscribe(() => {
  if (typeof Excel === "undefined") return;
  Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  }).catch(() => undefined);
});

/**
 * Số tiêu chí khu dân cư đạt (0–13) theo bộ tiêu chí đang dùng. Ngưỡng của bộ kèm theo là tạm tính: xem NTM.CRITERIA().
 * @customfunction SCORE
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @returns Số tiêu chí đạt.
 */
export async function score(values: unknown[][], headers?: unknown[][]): Promise<number> {
  return withState((ctx) => verdicts.score(ctx, values, headers));
}

/**
 * Kết luận cho khu dân cư: "Đạt chuẩn" hoặc "Chưa đạt (11/13)". Ngưỡng của bộ kèm theo là tạm tính: xem NTM.CRITERIA().
 * @customfunction STATUS
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @returns Đạt chuẩn / Chưa đạt (số đạt/tổng số).
 */
export async function status(values: unknown[][], headers?: unknown[][]): Promise<string> {
  return withState((ctx) => verdicts.status(ctx, values, headers));
}

/**
 * Các tiêu chí khu dân cư chưa đạt, trong một ô: "TC02 Thủy lợi; TC07 Hộ nghèo". Trống khi đạt đủ.
 * @customfunction GAPS
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @returns Danh sách tiêu chí chưa đạt.
 */
export async function gaps(values: unknown[][], headers?: unknown[][]): Promise<string> {
  return withState((ctx) => verdicts.gaps(ctx, values, headers));
}

/**
 * Các tiêu chí khu dân cư chưa đạt, mỗi tiêu chí một ô (tràn sang phải, hoặc xuống dưới).
 * @customfunction GAPLIST
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @param [vertical] TRUE: xếp theo cột (tràn xuống dưới). Mặc định: theo hàng (tràn sang phải).
 * @returns Mỗi tiêu chí chưa đạt một ô.
 */
export async function gapList(values: unknown[][], headers?: unknown[][], vertical?: boolean): Promise<string[][]> {
  return withState(async (ctx) => (await verdicts.gapList(ctx, values, headers, vertical)) as string[][]);
}

/**
 * Khu dân cư có đạt một tiêu chí (hoặc một chỉ tiêu) không: TRUE/FALSE.
 * @customfunction MET
 * @param criterion Mã tiêu chí ("TC07" hoặc 7), tên tiêu chí, hoặc mã chỉ tiêu ("TC07.1").
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @returns TRUE nếu đạt.
 */
export async function met(criterion: unknown, values: unknown[][], headers?: unknown[][]): Promise<boolean> {
  return withState((ctx) => verdicts.met(ctx, criterion, values, headers));
}

/**
 * Bảng giải thích từng chỉ tiêu: giá trị đọc được, ngưỡng, đạt, còn thiếu, ghi chú (tràn thành bảng).
 * @customfunction EXPLAIN
 * @param values Hàng giá trị của một khu dân cư: số liệu các chỉ tiêu, hoặc Đạt/Chưa đạt từng tiêu chí.
 * @param [headers] Hàng tiêu đề tương ứng (một hay nhiều hàng). Bỏ trống: dùng cách ghép cột đã lưu hoặc thứ tự chuẩn.
 * @returns Bảng giải thích, kèm lưu ý khi ngưỡng là tạm tính.
 */
export async function explain(values: unknown[][], headers?: unknown[][]): Promise<unknown[][]> {
  return withState((ctx) => explanation(ctx, values, headers));
}

/**
 * Ngưỡng đang áp dụng cho một chỉ tiêu, theo năm và nhóm xã/khu. Ngưỡng của bộ kèm theo là tạm tính: xem NTM.CRITERIA().
 * @customfunction THRESHOLD
 * @param indicator Mã chỉ tiêu ("TC06.1"), tên chỉ tiêu, hoặc mã tiêu chí chỉ có một chỉ tiêu ("TC06").
 * @param [year] Năm đánh giá (ví dụ 2025). Bỏ trống: ngưỡng chung.
 * @param [group] Nhóm xã hoặc loại khu, ví dụ "Nhóm 2" hay "ĐBKK". Bỏ trống, hoặc nhóm không có ngưỡng riêng: ngưỡng chung.
 * @returns Ngưỡng: một số, hoặc TRUE cho chỉ tiêu Có/Không.
 */
export async function threshold(indicator: unknown, year?: number, group?: string): Promise<number | boolean> {
  return withState((ctx) => thresholdInForce(ctx, indicator, year, group));
}

/**
 * Bộ tiêu chí đang dùng thành bảng: mã, tên, đơn vị, toán tử, ngưỡng, đã xác minh; ghi rõ khi ngưỡng là tạm tính.
 * @customfunction CRITERIA
 * @returns Bảng tiêu chí và chỉ tiêu.
 */
export async function criteria(): Promise<unknown[][]> {
  return withState((ctx) => criteriaTable(ctx));
}
