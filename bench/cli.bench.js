"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = cliBench;
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const perf_hooks_1 = require("perf_hooks");
const sample_places_1 = require("../src/cli/sample-places");
const workbooks_1 = require("../test/support/workbooks");
const AREAS = 10000;
const RUNS = 3;
/**
 * The province's job end to end: 13 district workbooks (10,000 areas, written beforehand) analysed by
 * `ntm analyse` as a process, report written. Median wall time of three runs after a warm-up, and the
 * process's peak resident memory (getrusage maxRSS, reported by a preloaded exit hook).
 */
async function cliBench() {
    const bin = (0, workbooks_1.builtCli)();
    const dir = (0, workbooks_1.tempDir)("bench");
    try {
        const files = [];
        for (const [k, district] of sample_places_1.DISTRICTS.entries()) {
            const areas = Math.floor(AREAS / sample_places_1.DISTRICTS.length) + (k < AREAS % sample_places_1.DISTRICTS.length ? 1 : 0);
            const file = path.join(dir, `${k + 1}-${district.name}.xlsx`);
            // Most districts send indicator values; some send Đạt/Chưa đạt per criterion.
            await (0, workbooks_1.writeDistrict)(file, { district, areas, seed: 1000 + k, layout: k % 4 === 3 ? "status" : "indicators" });
            files.push(file);
        }
        const peakHook = path.join(dir, "peak.js");
        fs.writeFileSync(peakHook, 'process.on("exit", () => process.stderr.write(`\\nntm-peak-rss-kb=${process.resourceUsage().maxRSS}\\n`));\n');
        const out = path.join(dir, "toan-tinh.xlsx");
        const run = () => {
            const t0 = perf_hooks_1.performance.now();
            const r = (0, child_process_1.spawnSync)(process.execPath, ["--require", peakHook, bin, "analyse", ...files, "--out", out, "--force"], {
                encoding: "utf8",
                env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
            });
            const ms = perf_hooks_1.performance.now() - t0;
            if (r.status !== 0)
                throw new Error(`ntm analyse failed (${r.status}):\n${r.stderr}`);
            const total = /^Toàn tỉnh\s+(\d+)/m.exec(r.stdout)?.[1];
            if (Number(total) !== AREAS)
                throw new Error(`expected ${AREAS} areas in the summary, got ${total}`);
            const kb = Number(/ntm-peak-rss-kb=(\d+)/.exec(r.stderr)?.[1]);
            return { ms, mb: kb / 1024 };
        };
        run();
        const runs = Array.from({ length: RUNS }, run).sort((a, b) => a.ms - b.ms);
        const median = runs[Math.floor(RUNS / 2)];
        const reportMb = fs.statSync(out).size / 1024 / 1024;
        return [
            { name: `province ${AREAS} areas ${sample_places_1.DISTRICTS.length} districts end to end`, value: median.ms, unit: "ms" },
            { name: "peak memory", value: Math.max(...runs.map((r) => r.mb)), unit: "MB" },
            { name: "province report size", value: reportMb, unit: "MB" },
        ];
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
