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
/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one
 * measured figure per line as `name: value unit`.
 */
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const perf_hooks_1 = require("perf_hooks");
const path = __importStar(require("path"));
/**
 * A fixed piece of work, timed: this machine's speed right now. Shared 2-core machines vary by several
 * times from hour to hour; figures from different runs compare only alongside this one.
 */
function referenceLoopMs() {
    const t0 = perf_hooks_1.performance.now();
    let sum = 0;
    for (let i = 0; i < 1e8; i++)
        sum += i % 7;
    if (sum < 0)
        throw new Error("unreachable");
    return perf_hooks_1.performance.now() - t0;
}
/** Run one bench file in this process and print its figures. */
async function runFile(file) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file));
    for (const fig of await mod.default()) {
        const v = Number.isInteger(fig.value) || Math.abs(fig.value) >= 100 ? Math.round(fig.value) : Number(fig.value.toFixed(2));
        console.log(`${fig.name}: ${v} ${fig.unit}`);
    }
}
/** The child's argument naming the one bench file it runs. */
const CHILD_FLAG = "--bench-file";
async function main() {
    const args = process.argv.slice(2);
    if (args[0] === CHILD_FLAG)
        return runFile(args[1]);
    console.log(`machine speed reference (10^8-step loop, lower is faster): ${Math.round(referenceLoopMs())} ms`);
    const files = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith(".bench.ts"))
        .filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
        .sort();
    // Each file in a process of its own: a bench must not inherit the heap another one left behind.
    for (const f of files) {
        const child = (0, child_process_1.spawnSync)(process.execPath, [...process.execArgv, __filename, CHILD_FLAG, f], { stdio: "inherit" });
        if (child.status !== 0)
            throw new Error(`${f} failed (exit ${child.status ?? child.signal})`);
    }
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
