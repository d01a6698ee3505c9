import { InputError, Problem, problem } from "../rules/message";
import { Ruleset } from "../rules/ruleset/ruleset";
import { embeddedRuleset, parseRulesetJson, rulesetFromDocument } from "../rules/ruleset/ruleset-document";
import { readMappingSetting } from "../rules/reading/sheet-table";
import { SETTING_KEYS } from "../rules/workbook";
import { RowAssessments } from "./row-assessments";

/* global Office */

/**
 * What the pane and the custom functions share in the one runtime: the ruleset in force (with its
 * Assessor) and the column mapping the pane saved. Both import this module; the webpack build makes sure it exists once.
 */
export interface AddinState {
  ruleset: Ruleset;
  /**
   * The functions' memory of assessed rows, with the ruleset's Assessor (engines, remembered verdicts):
   * made anew with each ruleset put in force, so it lives exactly as long as that ruleset.
   */
  rows: RowAssessments;
  /** The saved column mappings, one per table (none: []), as stored; each is checked where it is used. */
  mappings: unknown[];
  /** Faults met loading the workbook's settings: shown wherever results are shown. */
  problems: Problem[];
}

/** The part of Office's document settings this module reads. */
export interface SettingsSource {
  get(name: string): unknown;
}

type Listener = (state: AddinState) => void;

let state: AddinState | undefined;
let fromDocument = false;
let officeReady: Promise<void> | undefined;
let ready = false;
const listeners = new Set<Listener>();

function documentSettings(): SettingsSource | undefined {
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.document?.settings ?? undefined;
  } catch {
    return undefined;
  }
}

/** Read the ruleset and mapping settings; a faulty ruleset falls back to the embedded one, with the fault kept. */
export function stateFromSettings(settings: SettingsSource | undefined): AddinState {
  const problems: Problem[] = [];
  let ruleset = embeddedRuleset();
  const storedRuleset = settings?.get(SETTING_KEYS.ruleset);
  if (storedRuleset !== undefined && storedRuleset !== null && storedRuleset !== "") {
    try {
      ruleset =
        typeof storedRuleset === "string"
          ? parseRulesetJson(storedRuleset, SETTING_KEYS.ruleset)
          : rulesetFromDocument(storedRuleset, SETTING_KEYS.ruleset);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(
        problem(
          "stored-ruleset",
          SETTING_KEYS.ruleset,
          "Bộ tiêu chí lưu trong sổ có lỗi, đang dùng bộ tiêu chí kèm theo: " +
            e.problems.map((p) => p.message.vi).join(" "),
          "The ruleset saved in the workbook is faulty; using the built-in one: " +
            e.problems.map((p) => p.message.en).join(" ")
        )
      );
    }
  }
  const stored = readMappingSetting(settings?.get(SETTING_KEYS.mapping));
  if (stored.problem) problems.push(stored.problem);
  return { ruleset, rows: new RowAssessments(ruleset), mappings: stored.mappings, problems };
}

/** The current state. On first use it loads the workbook's settings when Office has them. */
export function addinState(): AddinState {
  if (!fromDocument) {
    const settings = documentSettings();
    if (settings) {
      fromDocument = true;
      state = stateFromSettings(settings);
    }
  }
  state ??= stateFromSettings(undefined);
  return state;
}

/** Resolves once Office.js is initialised (at once outside Office), so the first read sees the settings. */
export function whenOfficeReady(): Promise<void> {
  officeReady ??= (
    typeof Office !== "undefined" && typeof Office.onReady === "function" ? Office.onReady() : Promise.resolve()
  ).then(
    () => {
      ready = true;
    },
    () => {
      ready = true;
    }
  );
  return officeReady;
}

/** Whether whenOfficeReady() has resolved: callers can then skip waiting. */
export function officeIsReady(): boolean {
  return ready;
}

const sameProblems = (a: Problem[], b: Problem[]): boolean =>
  a.length === b.length && a.every((p, k) => p.code === b[k].code && p.message.vi === b[k].message.vi);

/** Replace the state; listeners hear only of real changes (each one costs Excel a full recalculation). */
function update(next: Partial<AddinState>): void {
  const before = addinState();
  const after = { ...before, ...next };
  state = after;
  const changed =
    after.ruleset !== before.ruleset ||
    JSON.stringify(after.mappings) !== JSON.stringify(before.mappings) ||
    !sameProblems(after.problems, before.problems);
  if (changed) for (const listener of listeners) listener(after);
}

/** The pane corrected or loaded a ruleset (undefined: back to the embedded one). */
export function setRuleset(ruleset: Ruleset | undefined): void {
  const next = ruleset ?? embeddedRuleset();
  update({
    ruleset: next,
    rows: next === addinState().ruleset ? addinState().rows : new RowAssessments(next),
    problems: addinState().problems.filter((p) => p.code !== "stored-ruleset"),
  });
}

/** The pane saved the column mappings, one per table (none: cleared). */
export function setMappings(mappings: unknown[]): void {
  update({ mappings, problems: addinState().problems.filter((p) => p.code !== "stored-mapping") });
}

/** Re-read the workbook's settings (after the pane saved them, or with a given source). */
export function reloadSettings(settings: SettingsSource | undefined = documentSettings()): void {
  fromDocument = settings !== undefined;
  update(stateFromSettings(settings));
}

/** Be told of every change; returns the unsubscribe function. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the state before first use (tests); subscriptions stay. */
export function resetAddinState(): void {
  state = undefined;
  fromDocument = false;
  officeReady = undefined;
  ready = false;
}
