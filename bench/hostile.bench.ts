import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { HOSTILE_FILES } from "../test/support/hostile-files";
import { builtCli, tempDir } from "../test/support/workbooks";
import { peakMb, writePeakHook } from "./peak-memory";
import type { Figure } from "./run";

/**
 * Each crafted file of the tests (test/support/hostile-files.ts), refused by `ntm analyse` as a
 * process: wall time and the process's own peak resident memory (see peak-memory.ts). The promise is
 * every refusal well under 20 s and 1 GB. Also /dev/zero and a FIFO.
 */
export default async function hostileBench(): Promise<Figure[]> {
  const bin = builtCli();
  const dir = tempDir("bench-hostile");
  try {
    const peakHook = writePeakHook(dir);
    const refuse = (label: string, input: string): Figure[] => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ["--require", peakHook, bin, "analyse", input, "--json"], {
        encoding: "utf8",
        env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
      });
      const ms = performance.now() - t0;
      if (r.status !== 3) throw new Error(`${label}: expected exit 3, got ${r.status}\n${r.stderr}`);
      const mb = peakMb(r.stderr);
      return [
        { name: `refuse ${label}`, value: ms, unit: "ms" },
        { name: `refuse ${label}, peak memory`, value: mb, unit: "MB" },
      ];
    };
    const figures: Figure[] = [];
    for (const [k, hostile] of HOSTILE_FILES.entries()) {
      const file = path.join(dir, `hostile-${k}.xlsx`);
      const bytes = hostile.bytes();
      fs.writeFileSync(file, bytes);
      figures.push(...refuse(`${hostile.label} (${(bytes.length / 1024 / 1024).toFixed(1)} MB file)`, file));
      fs.rmSync(file);
    }
    const fifo = path.join(dir, "fifo.xlsx");
    spawnSync("mkfifo", [fifo]);
    figures.push(...refuse("a FIFO", fifo));
    figures.push(...refuse("/dev/zero", "/dev/zero"));
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
