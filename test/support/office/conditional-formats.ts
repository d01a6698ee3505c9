import { intersects, parseRect, Rect, rectAddress, splitAddress } from "./addresses";
import { Batch, ClientObject } from "./batch";
import { DoubleError } from "./double-error";
import { RangeAreas } from "./range-areas";
import { DoubleConditionalFormat, DoubleSheet } from "./sheets";

/** Conditional formats: the collection over a range's blocks, custom rules and fills, their ranges, deletion. */

export class ConditionalFormatCollection extends ClientObject {
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly areas: () => Rect[]
  ) {
    super(batch);
  }
  protected override read(key: string): unknown {
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    const areas = this.areas();
    const s = this.sheet();
    const sub = key === "items" ? "id,type" : key.replace(/^items\//, "");
    return s.conditionalFormats
      .filter((cf) =>
        splitAddress(cf.ranges)
          .map(parseRect)
          .some((r) => areas.some((a) => intersects(a, r)))
      )
      .map((cf) => {
        const proxy = new ConditionalFormat(this.batch, this.sheet, cf.id);
        proxy.loadNow(sub);
        return proxy;
      });
  }
  get items(): ConditionalFormat[] {
    const lists = Object.entries(this.toJSON())
      .filter(([k]) => k === "items" || k.startsWith("items/"))
      .map(([, v]) => v as ConditionalFormat[]);
    if (lists.length === 0) return this.prop<ConditionalFormat[]>("items");
    return lists[0].map((cf, k) => {
      for (const other of lists.slice(1)) cf.absorb(other[k]);
      return cf;
    });
  }
  add(type: string): ConditionalFormat {
    const id = this.batch.excel.nextId();
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.conditionalFormats.unshift({
        id,
        type,
        ranges: this.areas().map(rectAddress).join(","),
        formula: "",
        fill: "",
      });
    });
    return new ConditionalFormat(this.batch, this.sheet, id);
  }
}

/** custom.rule (formula) and custom.format.fill (color) of a conditional format. */
class ConditionalFormatPart extends ClientObject {
  constructor(
    batch: Batch,
    private readonly find: () => DoubleConditionalFormat,
    private readonly key: "formula" | "fill",
    private readonly property: "formula" | "color"
  ) {
    super(batch);
  }
  protected override read(k: string): unknown {
    if (k === this.property) return this.find()[this.key];
    return super.read(k);
  }
  private write(v: string): void {
    this.batch.enqueue(() => {
      this.find()[this.key] = v;
    });
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.write(v);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.write(v);
  }
}

export class ConditionalFormat extends ClientObject {
  readonly custom: { rule: ConditionalFormatPart; format: { fill: ConditionalFormatPart } };
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly id: string
  ) {
    super(batch);
    const find = (): DoubleConditionalFormat => {
      const cf = sheet().conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new DoubleError("ItemNotFound", `No conditional format ${id}`);
      return cf;
    };
    this.custom = {
      rule: new ConditionalFormatPart(batch, find, "formula", "formula"),
      format: { fill: new ConditionalFormatPart(batch, find, "fill", "color") },
    };
    this.find = find;
  }
  private readonly find: () => DoubleConditionalFormat;
  protected override read(key: string): unknown {
    if (key === "id") return this.id;
    if (key === "type") return this.find().type;
    return super.read(key);
  }
  loadNow(keys: string): void {
    for (const k of keys.split(",").map((x) => x.trim())) this.setLoaded(k, this.read(k));
  }
  absorb(other: ConditionalFormat): void {
    for (const [k, v] of Object.entries(other.toJSON())) this.setLoaded(k, v);
  }
  get type(): string {
    return this.prop("type");
  }
  getRanges(): RangeAreas {
    return new RangeAreas(this.batch, this.sheet, () => splitAddress(this.find().ranges).map(parseRect));
  }
  delete(): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      this.find();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x.id !== this.id);
    });
  }
}
