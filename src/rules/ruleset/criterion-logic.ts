import { Problem, problem } from "../message";

/**
 * How a criterion's indicators make its verdict, as real criteria sets say it: every indicator ("đạt tất
 * cả"), one of them ("đạt một trong các nội dung"), or at least N of them ("đạt ít nhất 3/4 chỉ tiêu"),
 * nested where a set says so. The default, and the shipped ruleset's logic, is `all`.
 */
export type Logic =
  | { kind: "all"; items: LogicItem[] }
  | { kind: "any"; items: LogicItem[] }
  | { kind: "atLeast"; count: number; items: LogicItem[] };

/** An indicator id, or a nested block. */
export type LogicItem = string | Logic;

export type LogicKind = Logic["kind"];

/**
 * The most conditions one criterion's rule may hold. "At least N of k" becomes json-rules-engine's `any`
 * of every N-indicator `all` (the engine has no such operator), which grows fast: "ít nhất 3/4" is 12
 * conditions, "ít nhất 6/8" 168, "ít nhất 5/10" 1,260. A criterion that needs more should be split into
 * nested groups.
 */
export const MAX_RULE_CONDITIONS = 400;

/** The words of each block, as the criteria sheet writes them (and reads them, among others). */
export const LOGIC_WORDS = {
  vi: { all: "Tất cả", any: "Một trong", atLeast: (n: number, of?: number) => `Ít nhất ${n}${of ? `/${of}` : ""}` },
  en: { all: "All", any: "Any", atLeast: (n: number, of?: number) => `At least ${n}${of ? ` of ${of}` : ""}` },
} as const;

/** Every indicator of a criterion must hold: the logic of a criterion that says nothing else. */
export const allOf = (indicatorIds: string[]): Logic => ({ kind: "all", items: [...indicatorIds] });

/** How many items of a block must hold. */
export const needOf = (logic: Logic): number =>
  logic.kind === "all" ? logic.items.length : logic.kind === "any" ? 1 : logic.count;

/** The indicator ids a logic names, in order. */
export function logicIndicators(logic: Logic): string[] {
  return logic.items.flatMap((item) => (typeof item === "string" ? [item] : logicIndicators(item)));
}

/** Whether a logic is a flat block over exactly these indicators, in this order. */
export function isFlatOver(logic: Logic, indicatorIds: string[]): boolean {
  return logic.items.length === indicatorIds.length && logic.items.every((item, k) => item === indicatorIds[k]);
}

/** Whether a logic says nothing more than "every indicator", the default. */
export const isDefaultLogic = (logic: Logic, indicatorIds: string[]): boolean =>
  logic.kind === "all" && isFlatOver(logic, indicatorIds);

/** n choose k, exactly for the small numbers logic allows (stops counting past the cap). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k && c <= MAX_RULE_CONDITIONS * n; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** How many fact conditions the logic's engine rule holds (each item of an "at least N of k" block sits in C(k-1, N-1) combinations). */
export function conditionCount(logic: Logic): number {
  const sizes = logic.items.map((item) => (typeof item === "string" ? 1 : conditionCount(item)));
  const sum = sizes.reduce((s, n) => s + n, 0);
  return logic.kind === "atLeast" ? choose(logic.items.length - 1, logic.count - 1) * sum : sum;
}

/** A logic as read from a file or a cell, before its indicator ids are checked. */
export type LogicDraft =
  | { kind: "all" | "any"; items?: LogicDraftItem[] }
  | { kind: "atLeast"; count: number; /** "3/4": the 4 the writer counted. */ of?: number; items?: LogicDraftItem[] };
export type LogicDraftItem = string | LogicDraft;

/**
 * Check a drafted logic against its criterion's indicators and give the logic with canonical ids. Items
 * left out (a bare "Một trong") mean every indicator of the criterion, in order; that is allowed at the
 * top only. Every indicator must be named exactly once: one left out would never count, one named twice
 * would count twice. Faults are located at `where` (a cell or a field).
 */
export function checkLogic(
  draft: LogicDraft,
  indicatorIds: string[],
  where: string
): { logic?: Logic; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const byKey = new Map(indicatorIds.map((id) => [id.trim().toLowerCase(), id]));
  const word = (d: LogicDraft, language: "vi" | "en"): string =>
    d.kind === "atLeast" ? LOGIC_WORDS[language].atLeast(d.count) : LOGIC_WORDS[language][d.kind];

  const block = (d: LogicDraft, top: boolean): Logic | undefined => {
    const items = d.items ?? (top ? indicatorIds : undefined);
    if (items === undefined || items.length === 0) {
      problems.push(
        problem(
          "logic-empty",
          where,
          `Nhóm "${word(d, "vi")}" không có chỉ tiêu nào: ghi các chỉ tiêu trong ngoặc, vd. "Một trong (${indicatorIds.slice(0, 2).join("; ")})".`,
          `The group "${word(d, "en")}" names no indicator: list them in brackets, e.g. "Any (${indicatorIds.slice(0, 2).join("; ")})".`
        )
      );
      return undefined;
    }
    const out: LogicItem[] = [];
    for (const item of items) {
      if (typeof item !== "string") {
        const nested = block(item, false);
        if (nested) out.push(nested);
        continue;
      }
      const id = byKey.get(item.trim().toLowerCase());
      if (id === undefined) {
        problems.push(
          problem(
            "logic-indicator",
            where,
            `"${item}" không phải chỉ tiêu của tiêu chí này (các chỉ tiêu: ${indicatorIds.join(", ")}).`,
            `"${item}" is not an indicator of this criterion (its indicators: ${indicatorIds.join(", ")}).`
          )
        );
      } else if (seen.has(id)) {
        problems.push(
          problem(
            "logic-repeated",
            where,
            `Chỉ tiêu ${id} được ghi hai lần trong cách tính đạt.`,
            `Indicator ${id} is named twice in the logic.`
          )
        );
      } else {
        seen.add(id);
        out.push(id);
      }
    }
    if (d.kind !== "atLeast") return { kind: d.kind, items: out };
    if (!Number.isInteger(d.count) || d.count < 1 || d.count > items.length) {
      problems.push(
        problem(
          "logic-count",
          where,
          `"Ít nhất ${d.count}" nhưng nhóm có ${items.length} mục: số cần đạt phải từ 1 đến ${items.length}.`,
          `"At least ${d.count}" but the group has ${items.length} items: the number needed must be 1 to ${items.length}.`
        )
      );
      return undefined;
    }
    if (d.of !== undefined && d.of !== items.length) {
      problems.push(
        problem(
          "logic-of",
          where,
          `"Ít nhất ${d.count}/${d.of}" nhưng nhóm có ${items.length} mục, không phải ${d.of}.`,
          `"At least ${d.count} of ${d.of}" but the group has ${items.length} items, not ${d.of}.`
        )
      );
      return undefined;
    }
    return { kind: "atLeast", count: d.count, items: out };
  };

  const logic = block(draft, true);
  const unused = indicatorIds.filter((id) => !seen.has(id));
  if (logic && problems.length === 0 && unused.length > 0) {
    problems.push(
      problem(
        "logic-unused",
        where,
        `Cách tính đạt không nêu chỉ tiêu ${unused.join(", ")}: mỗi chỉ tiêu của tiêu chí phải có mặt đúng một lần.`,
        `The logic leaves out ${unused.join(", ")}: every indicator of the criterion must appear exactly once.`
      )
    );
  }
  if (logic && problems.length === 0 && conditionCount(logic) > MAX_RULE_CONDITIONS) {
    problems.push(
      problem(
        "logic-size",
        where,
        `Cách tính đạt cần ${conditionCount(logic)} điều kiện (mỗi tổ hợp "ít nhất N" là một nhóm điều kiện), quá ${MAX_RULE_CONDITIONS}: hãy chia thành các nhóm nhỏ hơn.`,
        `The logic needs ${conditionCount(logic)} conditions (each combination of an "at least N" block is one group of them), more than ${MAX_RULE_CONDITIONS}: split it into smaller groups.`
      )
    );
  }
  return problems.length ? { problems } : { logic, problems };
}
