/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one
 * measured figure per line as `name: value unit`.
 */
import * as fs from "fs";
import { performance } from "perf_hooks";
import * as path from "path";

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/**
 * A fixed piece of work, timed: this machine's speed right now. Shared 2-core machines vary by several
 * times from hour to hour; figures from different runs compare only alongside this one.
 */
function referenceLoopMs(): number {
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < 1e8; i++) sum += i % 7;
  if (sum < 0) throw new Error("unreachable");
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`machine speed reference (10^8-step loop, lower is faster): ${Math.round(referenceLoopMs())} ms`);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const f of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, f)) as { default: () => Promise<Figure[]> };
    const figures = await mod.default();
    for (const fig of figures) {
      const v =
        Number.isInteger(fig.value) || Math.abs(fig.value) >= 100
          ? Math.round(fig.value)
          : Number(fig.value.toFixed(2));
      console.log(`${fig.name}: ${v} ${fig.unit}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
