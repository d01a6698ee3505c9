import { DoubleError } from "./double-error";
import { DoubleHost } from "./sheets";

/**
 * Office.js's batch semantics: operations queue until context.sync(), which applies them in order and is
 * counted; a failing operation rejects the sync and drops the rest of the batch.
 */

export class Batch {
  private queue: Array<() => void> = [];
  constructor(readonly excel: DoubleHost) {}
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  get pending(): number {
    return this.queue.length;
  }
  async sync(): Promise<void> {
    this.excel.state.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
    await Promise.resolve();
  }
}

/** Properties become readable after load() and a sync; reading earlier throws, as in Office.js. */
export class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly batch: Batch) {}

  load(what?: string | string[] | { select?: string }): this {
    const text =
      what === undefined
        ? ""
        : typeof what === "string"
          ? what
          : Array.isArray(what)
            ? what.join(",")
            : (what.select ?? "");
    const keys = text
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k !== "");
    this.batch.enqueue(() => {
      for (const key of keys) this.loaded.set(key, this.read(key));
    });
    return this;
  }

  /** The value of a property now (at sync time). */
  protected read(key: string): unknown {
    throw new DoubleError("PropertyNotFound", `${this.constructor.name} has no property ${key}`);
  }

  protected prop<T>(key: string): T {
    if (!this.loaded.has(key)) {
      throw new DoubleError(
        "PropertyNotLoaded",
        `The property '${key}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(key) as T;
  }

  protected setLoaded(key: string, value: unknown): void {
    this.loaded.set(key, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A *OrNullObject result: isNullObject is known after the next sync. */
export class NullableObject extends ClientObject {
  constructor(batch: Batch, exists: () => boolean) {
    super(batch);
    batch.enqueue(() => this.setLoaded("isNullObject", !exists()));
  }
  get isNullObject(): boolean {
    return this.prop<boolean>("isNullObject");
  }
}
