import * as fs from "fs";
import * as path from "path";

/**
 * A script to preload (`node --require`) in a measured process: on exit it prints the process's own
 * peak resident memory. Linux's VmHWM, not getrusage's maxRSS: a child inherits its parent's maxRSS
 * across fork and exec, so a bench that made large files first would read its own peak.
 */
export function writePeakHook(dir: string): string {
  const hook = path.join(dir, "peak.js");
  fs.writeFileSync(
    hook,
    `process.on("exit", () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]);
  } catch {}
  process.stderr.write("\\nntm-peak-rss-kb=" + kb + "\\n");
});
`
  );
  return hook;
}

/** The peak the hook printed, in MB. */
export function peakMb(stderr: string): number {
  return Number(/ntm-peak-rss-kb=(\d+)/.exec(stderr)?.[1]) / 1024;
}
