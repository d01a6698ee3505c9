/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one
 * measured figure per line as `name: value unit`.
 */
import * as fs from "fs";
import * as path from "path";

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
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
