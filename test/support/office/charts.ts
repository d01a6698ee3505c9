import { rectAddress } from "./addresses";
import { Batch, ClientObject } from "./batch";
import { DoubleError } from "./double-error";
import type { Range } from "./range";
import { DoubleChart, DoubleSheet } from "./sheets";

/** A sheet's charts: added over a range, titled, placed, deleted. */

export class ChartCollection extends ClientObject {
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet
  ) {
    super(batch);
  }
  protected override read(key: string): unknown {
    if (key !== "items" && !key.startsWith("items/")) return super.read(key);
    return this.sheet().charts.map((c) => new Chart(this.batch, this.sheet, c.name));
  }
  get items(): Chart[] {
    const list = Object.entries(this.toJSON()).find(([k]) => k === "items" || k.startsWith("items/"));
    return list ? (list[1] as Chart[]) : this.prop<Chart[]>("items");
  }
  add(type: string, source: Range, seriesBy?: string): Chart {
    const name = `Chart ${this.batch.excel.nextId()}`;
    this.batch.enqueue(() => {
      const s = this.sheet();
      if (s.protected) throw new DoubleError("AccessDenied", `Sheet ${s.name} is protected`);
      s.charts.push({
        name,
        type,
        source: rectAddress(source.rect()),
        seriesBy: seriesBy ?? "Auto",
        title: "",
        legendVisible: true,
      });
    });
    return new Chart(this.batch, this.sheet, name);
  }
}

class Chart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean } };
  constructor(
    batch: Batch,
    readonly sheet: () => DoubleSheet,
    readonly chartName: string
  ) {
    super(batch);
    const find = () => {
      const c = sheet().charts.find((x) => x.name === chartName);
      if (!c) throw new DoubleError("ItemNotFound", `No chart ${chartName}`);
      return c;
    };
    this.title = Object.defineProperty({} as { text: string }, "text", {
      set: (v: string) => {
        batch.enqueue(() => (find().title = v));
      },
    });
    this.legend = Object.defineProperty({} as { visible: boolean }, "visible", {
      set: (v: boolean) => {
        batch.enqueue(() => (find().legendVisible = v));
      },
    });
    this.axes = {
      categoryAxis: Object.defineProperty({} as { reversePlotOrder: boolean }, "reversePlotOrder", {
        set: (v: boolean) => {
          batch.enqueue(() => (find().reversePlotOrder = v));
        },
      }),
    };
    this.findChart = find;
  }
  private readonly findChart: () => DoubleChart;
  protected override read(key: string): unknown {
    if (key === "name") return this.chartName;
    return super.read(key);
  }
  setPosition(start: string, end?: string): void {
    this.batch.enqueue(() => (this.findChart().position = [start, end ?? start]));
  }
  delete(): void {
    this.batch.enqueue(() => {
      const s = this.sheet();
      s.charts = s.charts.filter((c) => c.name !== this.chartName);
    });
  }
}
