import { isFlatOver, isDefaultLogic, Logic, LogicDraft, LogicDraftItem, LOGIC_WORDS } from "./criterion-logic";
import { foldText } from "../fold";
import { Problem, problem } from "../message";

/**
 * A criterion's logic as people write it, both ways:
 *
 * - in a cell of the criteria sheet ("Cách tính đạt"): `Tất cả`, `Một trong`, `Ít nhất 3/4`, or with its
 *   items in brackets, nested: `Tất cả (TC05.1; Một trong (TC05.2; TC05.3))`. A bare word means every
 *   indicator of the criterion, in order. Words are read in Vietnamese or English, with or without marks,
 *   and with the set's own phrasing around them ("Đạt một trong các nội dung", "đạt ít nhất 3/4 chỉ tiêu").
 * - in the ruleset file (`logic`): `"any"`, `{ "at_least": 3 }`, `{ "all": ["TC05.1", { "any": [...] }] }`,
 *   `{ "at_least": 3, "of": [...] }`, or the cell's text as a string.
 */

const ALL = /^(tat ca|ca|all|every|moi)$/;
const ANY = /^(mot trong|mot trong so|bat ky|any|one of|either)$/;
const AT_LEAST = /^(?:it nhat|toi thieu|at least) (\d+)(?: ?(?:\/|tren|trong so|trong|of) ?(\d+))?$/;

/** The block word of a head ("Đạt ít nhất 3/4 chỉ tiêu" → at least 3 of 4), without its items. */
function blockWord(head: string): LogicDraft | undefined {
  const t = foldText(head)
    .replace(/^dat /, "")
    .replace(/ (cac )?(chi tieu|noi dung|tieu chi|indicators?|items?)$/, "")
    .replace(/:$/, "")
    .trim();
  if (ALL.test(t)) return { kind: "all" };
  if (ANY.test(t)) return { kind: "any" };
  const m = AT_LEAST.exec(t);
  if (m) return { kind: "atLeast", count: Number(m[1]), of: m[2] === undefined ? undefined : Number(m[2]) };
  return undefined;
}

const unknownWord = (text: string, where: string): Problem =>
  problem(
    "logic-word",
    where,
    `Không hiểu cách tính đạt "${text}" (dùng: Tất cả, Một trong, Ít nhất 3/4, hoặc có ngoặc: Tất cả (TC05.1; Một trong (TC05.2; TC05.3))).`,
    `Cannot read the logic "${text}" (use: All, Any, At least 3 of 4, or with brackets: All (TC05.1; Any (TC05.2; TC05.3))).`
  );

const syntax = (text: string, where: string): Problem =>
  problem(
    "logic-syntax",
    where,
    `Cách tính đạt "${text}" có ngoặc không khớp, hoặc chữ sau dấu ngoặc đóng.`,
    `The logic "${text}" has unbalanced brackets, or text after a closing bracket.`
  );

/** Split "a; b (c; d); e" at the separators outside brackets. */
function splitItems(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if ((ch === ";" || ch === ",") && depth === 0) {
      out.push(inner.slice(start, k));
      start = k + 1;
    }
  }
  out.push(inner.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

/** A cell's text as a drafted logic; blank: none (every indicator). */
export function logicFromText(text: string, where: string): { draft?: LogicDraft; problems: Problem[] } {
  const problems: Problem[] = [];
  const parse = (s: string): LogicDraft | undefined => {
    const open = s.indexOf("(");
    if (open < 0) {
      const word = blockWord(s);
      if (!word) problems.push(unknownWord(s, where));
      return word;
    }
    let depth = 0;
    let close = -1;
    for (let k = open; k < s.length && close < 0; k++) {
      if (s[k] === "(") depth++;
      else if (s[k] === ")" && --depth === 0) close = k;
    }
    if (close < 0 || s.slice(close + 1).trim() !== "") {
      problems.push(syntax(text, where));
      return undefined;
    }
    const word = blockWord(s.slice(0, open));
    if (!word) {
      problems.push(unknownWord(s.slice(0, open).trim() || s, where));
      return undefined;
    }
    const items: LogicDraftItem[] = [];
    for (const part of splitItems(s.slice(open + 1, close))) {
      if (part.includes("(") || part.includes(")")) {
        const nested = parse(part);
        if (nested) items.push(nested);
      } else if (blockWord(part)) {
        // A bare word inside a list has no items of its own.
        items.push({ ...(blockWord(part) as LogicDraft), items: [] });
      } else items.push(part);
    }
    return { ...word, items };
  };
  const t = text.trim();
  if (t === "") return { problems };
  const draft = parse(t);
  return problems.length ? { problems } : { draft, problems };
}

const fieldProblem = (where: string, vi: string, en: string): Problem =>
  problem(
    "logic-field",
    where,
    `${vi} (vd. "any", { "at_least": 3 }, { "all": ["TC05.1", { "any": ["TC05.2", "TC05.3"] }] }).`,
    `${en} (e.g. "any", { "at_least": 3 }, { "all": ["TC05.1", { "any": ["TC05.2", "TC05.3"] }] }).`
  );

/** The file's `logic` value as a drafted logic; absent or blank: none (every indicator). */
export function readLogic(value: unknown, where: string): { draft?: LogicDraft; problems: Problem[] } {
  if (value === undefined || value === null) return { problems: [] };
  if (typeof value === "string") return logicFromText(value, where);
  const problems: Problem[] = [];
  const parse = (v: unknown, at: string): LogicDraft | undefined => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      problems.push(
        fieldProblem(at, "Cách tính đạt phải là một chữ hoặc một đối tượng", "The logic must be a word or an object")
      );
      return undefined;
    }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const kind = keys.includes("at_least")
      ? "atLeast"
      : keys.includes("any")
        ? "any"
        : keys.includes("all")
          ? "all"
          : undefined;
    const allowed = kind === "atLeast" ? ["at_least", "of"] : kind ? [kind] : [];
    const extra = keys.filter((k) => !allowed.includes(k));
    if (!kind || extra.length > 0) {
      problems.push(
        fieldProblem(
          at,
          `Cách tính đạt cần đúng một trong "all", "any", "at_least" (kèm "of")${extra.length ? `; trường lạ: ${extra.join(", ")}` : ""}`,
          `The logic needs exactly one of "all", "any", "at_least" (with "of")${extra.length ? `; unknown field: ${extra.join(", ")}` : ""}`
        )
      );
      return undefined;
    }
    const list = kind === "atLeast" ? o.of : o[kind];
    let items: LogicDraftItem[] | undefined;
    if (list !== undefined) {
      if (!Array.isArray(list)) {
        const field = kind === "atLeast" ? "of" : kind;
        problems.push(
          fieldProblem(`${at} › ${field}`, `"${field}" phải là một danh sách`, `"${field}" must be a list`)
        );
        return undefined;
      }
      items = [];
      for (const [k, item] of list.entries()) {
        if (typeof item === "string") items.push(item);
        else {
          const nested = parse(item, `${at} › ${kind === "atLeast" ? "of" : kind}[${k}]`);
          if (nested) items.push(nested);
        }
      }
    }
    if (kind !== "atLeast") return { kind, items };
    if (typeof o.at_least !== "number") {
      problems.push(fieldProblem(`${at} › at_least`, '"at_least" phải là một số', '"at_least" must be a number'));
      return undefined;
    }
    return { kind, count: o.at_least, items };
  };
  const draft = parse(value, where);
  return problems.length ? { problems } : { draft, problems };
}

/**
 * The logic as the criteria sheet writes it: a bare word when it is one block over the criterion's
 * indicators in order, else the word and its items in brackets.
 */
export function logicToText(logic: Logic, indicatorIds: string[], language: "vi" | "en" = "vi"): string {
  const words = LOGIC_WORDS[language];
  const word = (l: Logic): string => (l.kind === "atLeast" ? words.atLeast(l.count, l.items.length) : words[l.kind]);
  const nested = (l: Logic): string =>
    `${word(l)} (${l.items.map((item) => (typeof item === "string" ? item : nested(item))).join("; ")})`;
  return isFlatOver(logic, indicatorIds) ? word(logic) : nested(logic);
}

/** The logic as the ruleset file writes it; undefined for the default (every indicator), which is left out. */
export function logicToJson(logic: Logic, indicatorIds: string[]): unknown {
  if (isDefaultLogic(logic, indicatorIds)) return undefined;
  if (isFlatOver(logic, indicatorIds)) return logic.kind === "atLeast" ? { at_least: logic.count } : logic.kind;
  const json = (l: Logic): unknown => {
    const items = l.items.map((item) => (typeof item === "string" ? item : json(item)));
    return l.kind === "atLeast" ? { at_least: l.count, of: items } : { [l.kind]: items };
  };
  return json(logic);
}
