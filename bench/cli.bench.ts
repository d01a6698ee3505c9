import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { DISTRICTS } from "../src/cli/sample/places";
import { builtCli, tempDir, writeDistrict } from "../test/support/workbooks";
import { peakMb, writePeakHook } from "./peak-memory";
import type { Figure } from "./run";

const AREAS = 10_000;
const RUNS = 3;

/**
 * The province's job end to end: 13 district workbooks (10,000 areas, written beforehand) analysed by
 * `ntm analyse` as a process, report written. Median wall time of three runs after a warm-up, and the
 * process's own peak resident memory (reported by a preloaded exit hook, see peak-memory.ts).
 */
export default async function cliBench(): Promise<Figure[]> {
  const bin = builtCli();
  const dir = tempDir("bench");
  try {
    const files: string[] = [];
    for (const [k, district] of DISTRICTS.entries()) {
      const areas = Math.floor(AREAS / DISTRICTS.length) + (k < AREAS % DISTRICTS.length ? 1 : 0);
      const file = path.join(dir, `${k + 1}-${district.name}.xlsx`);
      // Most districts send indicator values; some send Đạt/Chưa đạt per criterion.
      await writeDistrict(file, { district, areas, seed: 1000 + k, layout: k % 4 === 3 ? "status" : "indicators" });
      files.push(file);
    }
    const peakHook = writePeakHook(dir);
    const out = path.join(dir, "toan-tinh.xlsx");
    const run = () => {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        ["--require", peakHook, bin, "analyse", ...files, "--out", out, "--force"],
        {
          encoding: "utf8",
          env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
        }
      );
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`ntm analyse failed (${r.status}):\n${r.stderr}`);
      const total = /^Toàn tỉnh\s+(\d+)/m.exec(r.stdout)?.[1];
      if (Number(total) !== AREAS) throw new Error(`expected ${AREAS} areas in the summary, got ${total}`);
      return { ms, mb: peakMb(r.stderr) };
    };
    run();
    const runs = Array.from({ length: RUNS }, run).sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(RUNS / 2)];
    const reportMb = fs.statSync(out).size / 1024 / 1024;
    return [
      { name: `province ${AREAS} areas ${DISTRICTS.length} districts end to end`, value: median.ms, unit: "ms" },
      { name: "peak memory", value: Math.max(...runs.map((r) => r.mb)), unit: "MB" },
      { name: "province report size", value: reportMb, unit: "MB" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
