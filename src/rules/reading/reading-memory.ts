import { Ruleset } from "../ruleset/ruleset";

/**
 * How many things one reading remembers (readings of cell values, parsed and scored header texts). The
 * one bound of reading; nothing is kept anywhere else. Reached, the memory starts afresh.
 */
export const READING_MEMORY_LIMIT = 50_000;

/**
 * What reading workbooks remembers, created per analysis (or per run of the command line, whose files
 * share one) and passed down (findTables, detectTable, readAreas, recognizeHeaders). A district's cells
 * repeat a few hundred values and its tables the same header texts: each is read once, and one reading
 * object serves every cell with that value, so that the assessments built on them are shared too (see
 * criterion-memory). Without one, each call reads afresh: same results, only slower.
 *
 * Things are kept on shelves, one per kind of reading (a unit, "header"), in sections (a scale, "%"), by
 * their own value: a cell's number is looked up as a number, not turned into text with its unit first.
 * This runs once per cell, so it is plain Maps with constant keys: an LRU's bookkeeping, or a key built
 * per cell, cost more than the readings saved. A memory that reaches its bound forgets everything and
 * starts afresh; a reading made again is equal to the one forgotten.
 */
export class ReadingMemory {
  private readonly shelves = new Map<string, Map<string | number, Map<unknown, object>>>();
  private count = 0;
  private derived?: { ruleset: Ruleset; value: object };

  constructor(private readonly limit: number = READING_MEMORY_LIMIT) {}

  /**
   * What is remembered on `shelf`, in `section`, under `key`, made by `make` the first time. Keys compare
   * as Map keys do (SameValueZero): a caller that must tell -0 from 0 gives -0 a key of its own.
   */
  recall<T extends object>(shelf: string, section: string | number, key: unknown, make: () => T): T {
    const known = this.shelves.get(shelf)?.get(section)?.get(key);
    if (known !== undefined) return known as T;
    const value = make();
    if (this.count >= this.limit) this.forget();
    let sections = this.shelves.get(shelf);
    if (!sections) this.shelves.set(shelf, (sections = new Map()));
    let entries = sections.get(section);
    if (!entries) sections.set(section, (entries = new Map()));
    entries.set(key, value);
    this.count++;
    return value;
  }

  /**
   * A structure derived from the ruleset (the column index), built once for the ruleset in use. A reading
   * is of one ruleset: asked for another, the memory forgets everything (scores depend on the ruleset).
   */
  ofRuleset<T extends object>(ruleset: Ruleset, make: () => T): T {
    if (this.derived?.ruleset !== ruleset) {
      this.forget();
      this.derived = { ruleset, value: make() };
    }
    return this.derived.value as T;
  }

  /** Things remembered now (for tests of the bound). */
  get size(): number {
    return this.count;
  }

  private forget(): void {
    this.shelves.clear();
    this.count = 0;
  }
}
