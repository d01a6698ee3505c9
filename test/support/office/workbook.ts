import { Batch, ClientObject, NullableObject } from "./batch";
import { DoubleError } from "./double-error";
import { DoubleState, newSheet } from "./sheets";
import { Worksheet } from "./worksheet";

/** The request context and the workbook: worksheets, settings, calculation. */

export class RequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(private readonly batch: Batch) {
    this.workbook = new WorkbookProxy(batch);
    this.application = {
      suspendApiCalculationUntilNextSync: () => batch.enqueue(() => batch.excel.state.calculationSuspensions++),
    };
  }
  sync(): Promise<void> {
    return this.batch.sync();
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  constructor(batch: Batch) {
    this.worksheets = new WorksheetCollection(batch);
    this.settings = new SettingCollection(batch);
  }
}

class WorksheetCollection extends ClientObject {
  private get state(): DoubleState {
    return this.batch.excel.state;
  }
  protected override read(key: string): unknown {
    const sub = key.replace(/^items\//, "");
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    return this.state.sheets.map((s) => {
      const w = new Worksheet(this.batch, () => s);
      w.loadNow(sub === "items" ? "name" : sub);
      return w;
    });
  }
  get items(): Worksheet[] {
    const all = [...this.itemsLoaded()];
    return all;
  }
  private itemsLoaded(): Worksheet[] {
    // Several "items/x" loads share one list of items: merge their loaded properties.
    const lists = Object.entries(this.toJSON())
      .filter(([k]) => k === "items" || k.startsWith("items/"))
      .map(([, v]) => v as Worksheet[]);
    if (lists.length === 0) return this.prop<Worksheet[]>("items");
    return lists[0].map((w, k) => {
      for (const other of lists.slice(1)) w.absorb(other[k]);
      return w;
    });
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.batch, () => this.batch.excel.sheet(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(
      this.batch,
      () => this.batch.excel.sheet(name),
      () => this.batch.excel.findSheet(name) !== undefined
    );
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.batch, () => this.batch.excel.sheet(this.state.active));
  }
  add(name: string): Worksheet {
    this.batch.enqueue(() => {
      if (this.batch.excel.findSheet(name)) throw new DoubleError("ItemAlreadyExists", `A sheet named ${name} exists`);
      this.state.sheets.push(newSheet({ name, values: [] }));
    });
    return new Worksheet(this.batch, () => this.batch.excel.sheet(name));
  }
}

class SettingCollection {
  constructor(private readonly batch: Batch) {}
  add(key: string, value: unknown): void {
    this.batch.enqueue(() => this.batch.excel.state.settings.set(key, JSON.parse(JSON.stringify(value))));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.batch, key);
  }
}

class Setting extends NullableObject {
  constructor(
    batch: Batch,
    readonly key: string
  ) {
    super(batch, () => batch.excel.state.settings.has(key));
  }
  protected override read(k: string): unknown {
    if (k === "value") return this.batch.excel.state.settings.get(this.key) ?? null;
    if (k === "key") return this.key;
    return super.read(k);
  }
  get value(): unknown {
    return this.prop<unknown>("value");
  }
}
