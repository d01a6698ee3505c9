import { Batch } from "./batch";
import { DoubleError } from "./double-error";
import { DoublePageLayout, DoubleSheet } from "./sheets";

/** Worksheet.pageLayout: the setters the add-in uses, applied at sync; a protected sheet refuses them. */
export class PageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly batch: Batch,
    private readonly sheet: () => DoubleSheet
  ) {
    const set = this.set.bind(this);
    this.headersFooters = {
      defaultForAllPages: Object.defineProperty({} as { centerFooter: string }, "centerFooter", {
        set: (v: string) => {
          set("centerFooter", v);
        },
      }),
    };
  }
  private set<K extends keyof DoublePageLayout>(key: K, value: DoublePageLayout[K]): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.pageLayout[key] = value;
    });
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  set orientation(v: string) {
    this.set("orientation", v);
  }
  set zoom(v: DoublePageLayout["zoom"]) {
    this.set("zoom", { ...v });
  }
  setPrintTitleRows(address: string): void {
    // Excel wants whole rows: "$5:$5".
    if (!/^\$?\d+:\$?\d+$/.test(address)) throw new DoubleError("InvalidArgument", `Not whole rows: ${address}`);
    this.set("printTitleRows", address);
  }
}
