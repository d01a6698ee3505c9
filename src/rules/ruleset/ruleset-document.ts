import { deepFreeze } from "../frozen";
import embedded from "../rulesets/phu-tho-kdc-ntm-2017.json";
import { isDefaultLogic } from "./criterion-logic";
import { logicToJson } from "./criterion-logic-codec";
import { InputError, problem } from "../message";
import { buildRuleset, RulesetDraft } from "./ruleset-build";
import { Ruleset } from "./ruleset";

/**
 * The ruleset file format ("ntm-ruleset/1"): criteria with their indicators and optional `logic` (how the
 * indicators make the verdict; default: all of them, see criterion-logic-codec), each indicator with unit,
 * operator, default threshold, optional `thresholds` variants by year and `group` (nhóm xã, xã ĐBKK; older
 * files say `area_type`), `verified` and `threshold_basis`. Field names follow ../shared/criteria so the
 * reference data loads as is.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Turn a parsed JSON document into a ruleset, or throw an InputError naming each faulty field. */
export function rulesetFromDocument(doc: unknown, where = "ruleset"): Ruleset {
  if (!isObject(doc)) {
    throw new InputError([
      problem(
        "not-object",
        where,
        "Tệp bộ tiêu chí phải là một đối tượng JSON.",
        "The ruleset file must be a JSON object."
      ),
    ]);
  }
  if (!Array.isArray(doc.criteria)) {
    throw new InputError([
      problem("no-criteria", `${where} › criteria`, 'Thiếu danh sách "criteria".', 'The "criteria" list is missing.'),
    ]);
  }
  const problems = [];
  const criteria: RulesetDraft["criteria"] = [];
  for (const [ci, c] of (doc.criteria as unknown[]).entries()) {
    if (!isObject(c)) {
      problems.push(
        problem("not-object", `criteria[${ci}]`, "Tiêu chí phải là một đối tượng.", "A criterion must be an object.")
      );
      continue;
    }
    const indicators = Array.isArray(c.indicators) ? (c.indicators as unknown[]) : [];
    criteria.push({
      id: c.id,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      group: c.group,
      aliases: c.aliases,
      logic: c.logic,
      indicators: indicators.filter(isObject).map((i) => ({
        id: i.id,
        nameVi: i.name_vi,
        nameEn: i.name_en,
        unit: i.unit,
        operator: i.operator,
        threshold: i.threshold,
        verified: i.verified,
        basis: i.threshold_basis,
        aliases: i.aliases,
        variants: (Array.isArray(i.thresholds) ? (i.thresholds as unknown[]) : []).filter(isObject).map((v) => ({
          value: v.value,
          fromYear: v.from_year,
          toYear: v.to_year,
          // Files written before groups were called "area_type"; both name the same thing.
          group: v.group ?? v.area_type,
          basis: v.basis,
        })),
      })),
    });
  }
  if (problems.length) throw new InputError(problems);
  return buildRuleset({
    id: doc.id,
    title: doc.title,
    status: doc.status === "provisional_reconstruction" ? "provisional" : doc.status,
    statusNote: { vi: doc.status_note_vi, en: doc.status_note_en ?? doc.status_note },
    source: isObject(doc.source)
      ? { document: doc.source.document_number, date: doc.source.date, issuer: doc.source.issuer }
      : undefined,
    criteria,
  });
}

/**
 * Offset of the first syntax error in a JSON text (Node's own message carries no position for
 * most errors): a minimal recursive-descent scan, used only after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail();
      else i += m[0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    return typeof at === "number" ? at : 0;
  }
  return text.length;
}

/** Parse the text of a ruleset file; malformed JSON is reported with its line and column. */
export function parseRulesetJson(text: string, where = "ruleset.json"): Ruleset {
  const body = text.replace(/^\uFEFF/, "");
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    const offset = jsonErrorOffset(body);
    const before = body.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new InputError([
      problem(
        "json",
        `${where}:${line}:${column}`,
        `Tệp bộ tiêu chí không phải JSON hợp lệ (dòng ${line}, cột ${column}).`,
        `The ruleset file is not valid JSON (line ${line}, column ${column}: ${detail}).`
      ),
    ]);
  }
  return rulesetFromDocument(doc, where);
}

/** Back to the file format, so a corrected ruleset can be saved and shared. */
export function rulesetToDocument(ruleset: Ruleset): Json {
  return {
    format: "ntm-ruleset/1",
    id: ruleset.id,
    title: ruleset.title,
    status: ruleset.provisional ? "provisional" : "official",
    status_note_vi: ruleset.statusNote.vi,
    status_note_en: ruleset.statusNote.en,
    source: { document_number: ruleset.source.document, date: ruleset.source.date, issuer: ruleset.source.issuer },
    criteria: ruleset.criteria.map((c) => ({
      id: c.id,
      name_vi: c.nameVi,
      name_en: c.nameEn,
      group: c.group,
      // Copies: a document is the caller's to change, the ruleset is not.
      aliases: [...c.aliases],
      ...(isDefaultLogic(
        c.logic,
        c.indicators.map((i) => i.id)
      )
        ? {}
        : {
            logic: logicToJson(
              c.logic,
              c.indicators.map((i) => i.id)
            ),
          }),
      indicators: c.indicators.map((i) => ({
        id: i.id,
        name_vi: i.nameVi,
        name_en: i.nameEn,
        unit: i.unit,
        operator: i.operator,
        threshold: i.threshold,
        ...(i.variants.length
          ? {
              thresholds: i.variants.map((v) => ({
                value: v.value,
                from_year: v.fromYear,
                to_year: v.toYear,
                group: v.group,
                basis: v.basis,
              })),
            }
          : {}),
        verified: i.verified,
        threshold_basis: i.basis,
        aliases: [...i.aliases],
      })),
    })),
  };
}

/** Read once, when the module loads: a constant, the same object for every caller (engines are per ruleset). */
const EMBEDDED: Ruleset = deepFreeze(rulesetFromDocument(embedded, "phu-tho-kdc-ntm-2017.json"));

/** The ruleset shipped with the add-in (provisional reconstruction of QĐ 2076/QĐ-UBND, 2017). */
export function embeddedRuleset(): Ruleset {
  return EMBEDDED;
}
