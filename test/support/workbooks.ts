import { spawnSync } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CellValue } from "../../src/rules/reading/cell";
import { embeddedRuleset } from "../../src/rules/ruleset/ruleset-document";
import { SampleOptions, SampleSheet, sampleSheet } from "../../src/cli/sample/sheet";
import { addSampleSheet, sampleWorkbook } from "../../src/cli/sample/xlsx";
import { District, findDistrict } from "../../src/cli/sample/places";
import { snapshotWorkbook } from "../../src/cli/read-files";
import { MemoryWorkbook } from "../../src/rules/workbook";
import { readXlsx } from "../../src/xlsx/read-workbook";

/**
 * Workbooks on disk for the command-line tests and bench, and `ntm` run as a child process from a
 * build of the current sources (bin/ntm.js beside build/cli, as in the package).
 */

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/**
 * Compile the CLI with tsconfig.cli.json into a folder named by a hash of its sources, once: parallel
 * test files share it, an unchanged tree reuses it. Returns the path of that copy of bin/ntm.js.
 */
export function builtCli(): string {
  const inputs = [
    ...filesUnder(path.join(ROOT, "src", "cli")),
    ...filesUnder(path.join(ROOT, "src", "rules")),
    ...filesUnder(path.join(ROOT, "src", "xlsx")),
    ...filesUnder(path.join(ROOT, "src", "documents")),
    ...["tsconfig.json", "tsconfig.cli.json", "package.json", "bin/ntm.js"].map((f) => path.join(ROOT, f)),
  ];
  const hash = createHash("sha1");
  for (const f of inputs) hash.update(f).update(fs.readFileSync(f));
  const dir = path.join(os.tmpdir(), `ntm-cli-${hash.digest("hex").slice(0, 16)}`);
  const bin = path.join(dir, "bin", "ntm.js");
  if (fs.existsSync(path.join(dir, "built"))) return bin;
  removeStaleBuilds();
  const staging = `${dir}.${process.pid}.${Date.now()}`;
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      path.join(ROOT, "tsconfig.cli.json"),
      "--outDir",
      path.join(staging, "build", "cli"),
      "--tsBuildInfoFile",
      path.join(staging, "tsbuildinfo"),
    ],
    { encoding: "utf8" }
  );
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
  fs.mkdirSync(path.join(staging, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "ntm.js"), path.join(staging, "bin", "ntm.js"));
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(staging, "package.json"));
  fs.writeFileSync(path.join(staging, "built"), "");
  try {
    fs.renameSync(staging, dir);
  } catch {
    // Another test file built the same sources first.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return bin;
}

/** Builds of older sources, untouched for an hour. */
function removeStaleBuilds(): void {
  const hourAgo = Date.now() - 3600 * 1000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith("ntm-cli-")) continue;
    const full = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(full).mtimeMs < hourAgo) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `ntm ARGS` as a process, as a user would. */
export function runNtm(bin: string, args: string[], options: { cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    // The build lives outside the repository: let it find the repository's packages.
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules"), NTM_DEBUG: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ntm-${label}-`));
}

export function district(name: string): District {
  const d = findDistrict(name);
  if (!d) throw new Error(`no district ${name}`);
  return d;
}

/** A generated district table; it says what each area was built to miss. */
export function districtSheet(options: Partial<SampleOptions> & { district?: District } = {}): SampleSheet {
  return sampleSheet(embeddedRuleset(), {
    district: options.district ?? district("Thanh Ba"),
    areas: 40,
    layout: "indicators",
    seed: 7,
    year: 2019,
    ...options,
  });
}

/** A generated district workbook written to `file`. */
export async function writeDistrict(
  file: string,
  options: Partial<SampleOptions> & { district?: District } = {}
): Promise<SampleSheet> {
  const sheet = districtSheet(options);
  await sampleWorkbook(sheet).xlsx.writeFile(file);
  return sheet;
}

/** A generated district workbook as the command line reads it: saved by exceljs, read by src/xlsx. */
export async function readableDistrict(sheet: SampleSheet): Promise<MemoryWorkbook> {
  const bytes = new Uint8Array(await sampleWorkbook(sheet).xlsx.writeBuffer());
  return snapshotWorkbook(readXlsx(bytes));
}

/** Several sheets in one workbook, in order: generated tables and plain ones (name → rows). */
export async function writeWorkbook(
  file: string,
  parts: Array<SampleSheet | { name: string; rows: CellValue[][] }>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const part of parts) {
    if ("areas" in part) addSampleSheet(wb, part);
    else {
      const ws = wb.addWorksheet(part.name);
      part.rows.forEach((r) => ws.addRow(r.map((v) => (v === undefined ? null : v))));
    }
  }
  await wb.xlsx.writeFile(file);
}

/**
 * A written workbook: its values as the command line reads them (src/xlsx: formula results, errors as
 * text, "" for blanks), and the exceljs model for what the values do not show (fills, fonts, views).
 */
export async function readBack(
  file: string
): Promise<{ workbook: ExcelJS.Workbook; sheets: Map<string, CellValue[][]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const snapshot = readXlsx(new Uint8Array(fs.readFileSync(file)));
  return { workbook, sheets: new Map(snapshot.sheets.map((s) => [s.name, s.values])) };
}

export const sha1 = (file: string): string => createHash("sha1").update(fs.readFileSync(file)).digest("hex");
