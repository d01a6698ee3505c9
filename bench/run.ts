/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one
 * measured figure per line as `name: value unit`.
 */
import { spawnSync } from "child_process";
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

/**
 * The same for memory: small objects made and soon dropped, as reading and writing many cells does. The
 * loop above does not show a machine whose memory has slowed (seen here: the loop unchanged while this
 * and every figure below took about twice as long), this does.
 */
function referenceAllocationMs(): number {
  const t0 = performance.now();
  let kept: Array<{ key: string; values: number[] }> = [];
  for (let i = 0; i < 3e6; i++) {
    kept.push({ key: `k${i}`, values: [i, i + 1] });
    if (kept.length >= 100_000) kept = [];
  }
  if (kept.length < 0) throw new Error("unreachable");
  return performance.now() - t0;
}

/** Run one bench file in this process and print its figures. */
async function runFile(file: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(__dirname, file)) as { default: () => Promise<Figure[]> };
  for (const fig of await mod.default()) {
    const v =
      Number.isInteger(fig.value) || Math.abs(fig.value) >= 100 ? Math.round(fig.value) : Number(fig.value.toFixed(2));
    console.log(`${fig.name}: ${v} ${fig.unit}`);
  }
}

/** The child's argument naming the one bench file it runs. */
const CHILD_FLAG = "--bench-file";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) return runFile(args[1]);
  console.log(`machine speed reference (10^8-step loop, lower is faster): ${Math.round(referenceLoopMs())} ms`);
  console.log(
    `machine memory reference (3·10^6 short-lived objects, lower is faster): ${Math.round(referenceAllocationMs())} ms`
  );
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
    .sort();
  // Each file in a process of its own: a bench must not inherit the heap another one left behind.
  for (const f of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, CHILD_FLAG, f], { stdio: "inherit" });
    if (child.status !== 0) throw new Error(`${f} failed (exit ${child.status ?? child.signal})`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
