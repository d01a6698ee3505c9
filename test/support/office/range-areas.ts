import { quoteSheet, Rect, rectAddress } from "./addresses";
import { Batch, ClientObject } from "./batch";
import { ConditionalFormatCollection } from "./conditional-formats";
import { DoubleSheet } from "./sheets";

/** Several blocks of one sheet (getRanges, merged areas, visible cells), *OrNullObject when asked so. */

export class RangeAreas extends ClientObject {
  private readonly nullable?: () => boolean;
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly areas: () => Rect[],
    exists?: () => boolean
  ) {
    super(batch);
    if (exists) {
      this.nullable = exists;
      batch.enqueue(() => this.setLoaded("isNullObject", !exists()));
    }
  }
  protected override read(key: string): unknown {
    if (key === "address") {
      if (this.nullable && !this.nullable()) return null;
      const name = quoteSheet(this.sheet().name);
      return this.areas()
        .map((a) => `${name}!${rectAddress(a)}`)
        .join(",");
    }
    if (key === "areaCount") return this.areas().length;
    return super.read(key);
  }
  get isNullObject(): boolean {
    return this.nullable ? this.prop<boolean>("isNullObject") : false;
  }
  get address(): string {
    return this.prop("address");
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return new ConditionalFormatCollection(this.batch, this.sheet, this.areas);
  }
}
