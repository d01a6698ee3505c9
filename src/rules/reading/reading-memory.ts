import { LRUCache } from "lru-cache";
import { Ruleset } from "../ruleset/ruleset";

/**
 * How many things one reading remembers (readings of cell values, parsed and scored header texts), the
 * least recently used forgotten first. The one bound of reading; nothing is kept anywhere else.
 */
export const READING_MEMORY_LIMIT = 50_000;

/**
 * What reading a workbook remembers, created per analysis and passed down (findTables, detectTable,
 * readAreas, recognizeHeaders). A district's cells repeat a few hundred values and its tables the same
 * header texts: each is read once, and one reading object serves every cell with that value, so that
 * the assessments built on them are shared too (see criterion-memory). Without one, each call reads
 * afresh: same results, only slower.
 */
export class ReadingMemory {
  private readonly entries: LRUCache<string, object>;
  private derived?: { ruleset: Ruleset; value: object };

  constructor(limit: number = READING_MEMORY_LIMIT) {
    this.entries = new LRUCache<string, object>({ max: limit });
  }

  /** What is remembered under `key`, made by `make` the first time. Keys are namespaced by their caller. */
  recall<T extends object>(key: string, make: () => T): T {
    let value = this.entries.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      this.entries.set(key, value);
    }
    return value;
  }

  /**
   * A structure derived from the ruleset (the column index), built once for the ruleset in use. A reading
   * is of one ruleset: asked for another, the memory forgets everything (scores depend on the ruleset).
   */
  ofRuleset<T extends object>(ruleset: Ruleset, make: () => T): T {
    if (this.derived?.ruleset !== ruleset) {
      this.entries.clear();
      this.derived = { ruleset, value: make() };
    }
    return this.derived.value as T;
  }

  /** Things remembered now (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }
}
