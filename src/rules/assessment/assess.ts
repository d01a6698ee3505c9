import { AreaAssessment, AreaInput, CriterionResult, Reading } from "./assessment";
import { thresholdsInForce } from "./criterion-rule";
import { CriterionMemory } from "./criterion-memory";
import { AssessmentContext, Ruleset, ThresholdValue } from "../ruleset/ruleset";
import { BLANK_READING } from "../reading/values";

/**
 * What an Assessor remembers (engine results and results shared between areas, see criterion-memory)
 * before it starts afresh: checked before each batch, so a long-lived add-in runtime stays flat whatever
 * it is given. The one bound; nothing is kept anywhere else. A caller that wants results remembered
 * between analyses keeps its Assessor (the functions' add-in state does; the pane and the command line
 * make one per analysis).
 */
export const MEMORY_LIMIT = 200_000;

/** The criteria's memories for one set of thresholds in force. */
interface Compiled {
  thresholds: Record<string, ThresholdValue>;
  criteria: CriterionMemory[];
}

/**
 * Assesses areas against one ruleset: each criterion by its json-rules-engine rule, with the thresholds
 * in force for the year and the area's group. Runs are queued: json-rules-engine keeps run status on the
 * Engine, so overlapping runs can skip rules; queuing costs no throughput (the work is synchronous
 * JavaScript) and makes any number of concurrent callers (Excel recalculating many cells) safe.
 */
export class Assessor {
  readonly ruleset: Ruleset;
  private readonly compiledSets = new Map<string, Compiled>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limit: number;
  private forgottenRuns = 0;

  /** `memory`: how much to remember (MEMORY_LIMIT; smaller only in tests). */
  constructor(ruleset: Ruleset, options: { memory?: number } = {}) {
    this.ruleset = ruleset;
    this.limit = options.memory ?? MEMORY_LIMIT;
  }

  /** Thresholds in force for a year and group. */
  thresholds(context: AssessmentContext): Record<string, ThresholdValue> {
    return this.compiled(context).thresholds;
  }

  /** How many times a criterion's rule actually ran. */
  get engineRuns(): number {
    let runs = this.forgottenRuns;
    for (const c of this.compiledSets.values()) for (const m of c.criteria) runs += m.runs;
    return runs;
  }

  /** How many sets of engines this ruleset needed so far (one per distinct set of thresholds in force). */
  get engineCount(): number {
    return this.compiledSets.size;
  }

  private compiled(context: AssessmentContext): Compiled {
    const thresholds = thresholdsInForce(this.ruleset, context);
    const signature = JSON.stringify(thresholds);
    let c = this.compiledSets.get(signature);
    if (!c) {
      c = {
        thresholds,
        criteria: this.ruleset.criteria.map((criterion) => new CriterionMemory(criterion, thresholds)),
      };
      this.compiledSets.set(signature, c);
    }
    return c;
  }

  /** Assess one area. The area's own group, if it has one, overrides the context's. */
  assess(area: AreaInput, context: AssessmentContext = {}): Promise<AreaAssessment> {
    return this.enqueue(async () => (await this.assessNow([area], context))[0]);
  }

  /** Assess many areas as one queued task. */
  assessAll(areas: AreaInput[], context: AssessmentContext = {}): Promise<AreaAssessment[]> {
    return this.enqueue(() => this.assessNow(areas, context));
  }

  /** Runs never overlap on an engine: each waits for the one before. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async assessNow(areas: AreaInput[], context: AssessmentContext): Promise<AreaAssessment[]> {
    let remembered = 0;
    for (const c of this.compiledSets.values()) for (const m of c.criteria) remembered += m.size;
    if (remembered > this.limit) {
      this.forgottenRuns = this.engineRuns;
      this.compiledSets.clear();
    }
    // Areas mostly share one group (none): its thresholds are looked up once.
    const byGroup = new Map<string | undefined, { context: AssessmentContext; compiled: Compiled }>();
    const out: AreaAssessment[] = [];
    for (const area of areas) {
      const group = area.group ?? context.group;
      let found = byGroup.get(group);
      if (!found) {
        const ctx: AssessmentContext = { year: context.year, group };
        byGroup.set(group, (found = { context: ctx, compiled: this.compiled(ctx) }));
      }
      out.push(await this.assessArea(area, found.context, found.compiled));
    }
    return out;
  }

  private async assessArea(area: AreaInput, context: AssessmentContext, compiled: Compiled): Promise<AreaAssessment> {
    const all = this.ruleset.criteria;
    const criteria: CriterionResult[] = new Array(all.length);
    const notMet: string[] = [];
    const missing: string[] = [];
    for (let ci = 0; ci < all.length; ci++) {
      const c = all[ci];
      const readings: Reading[] = c.indicators.map((i) => area.indicators[i.id] ?? BLANK_READING);
      const memory = compiled.criteria[ci];
      const declared = area.criteria[c.id];
      const shared = memory.known(declared, readings) ?? (await memory.newResult(declared, readings));
      criteria[ci] = shared.result;
      if (!shared.result.met) notMet.push(c.id);
      for (let k = 0; k < shared.missing.length; k++) missing.push(shared.missing[k]);
    }
    return {
      area,
      year: context.year,
      criteria,
      metCount: criteria.length - notMet.length,
      total: criteria.length,
      meetsAll: notMet.length === 0,
      notMet,
      missing,
    };
  }
}
