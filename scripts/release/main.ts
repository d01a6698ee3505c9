/**
 * `ADDIN_URL=https://… npm run release [-- --out FOLDER]`: the production build of the add-in for ADDIN_URL
 * (webpack.config.js writes every manifest URL from it), packed with its read-me and the deployment guide into
 * one archive an IT officer can open anywhere: FOLDER/ntm-kdc-<version>.zip (FOLDER: release/). What goes in
 * is RELEASE_CONTENTS (contents.ts). Exit codes: 0 written; 2 ADDIN_URL or an option refused; 1 the build
 * failed or its output is not a release; 6 the archive could not be written. Nothing is written unless 0.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { zipSync, Zippable } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { errorText } from "../../src/cli/main";
import { CliError, EXIT } from "../../src/cli/exit-codes";
import { Io, processIo } from "../../src/cli/io";
import { problem } from "../../src/rules/message";
import { releaseUrl } from "./addin-url";
import { Release, RELEASE_CONTENTS } from "./contents";

const ROOT = path.resolve(__dirname, "../..");

const HELP = `ADDIN_URL=https://ntm.phutho.gov.vn/addin/ npm run release [-- --out THƯ-MỤC]
  Dựng add-in cho địa chỉ ADDIN_URL và đóng gói thành THƯ-MỤC/ntm-kdc-<phiên bản>.zip (mặc định release/).
  Builds the add-in for ADDIN_URL and packs it into FOLDER/ntm-kdc-<version>.zip (default release/).`;

/** Files whose text is read by people or browsers; the others (icons) are bytes. */
const TEXT_FILE = /\.(html|js|json|xml|txt|md|css)$/i;

function usage(vi: string, en: string): CliError {
  return new CliError(EXIT.usage, [problem("usage", "npm run release", vi, en)]);
}

function notARelease(where: string, vi: string, en: string): CliError {
  return new CliError(EXIT.internal, [problem("release", where, vi, en)]);
}

/** `--out FOLDER`, or the help; nothing else. */
function parseOptions(argv: string[]): { out: string } | "help" {
  let out = path.join(ROOT, "release");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--out" && argv[i + 1]) out = path.resolve(argv[++i]);
    else
      throw usage(`Không hiểu "${arg}". Chỉ có --out THƯ-MỤC.`, `Unknown "${arg}". The only option is --out FOLDER.`);
  }
  return { out };
}

/** The production build for `url` (webpack.config.js turns every manifest URL into it) in `dir`. */
function build(url: string, dir: string): void {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const run = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", dir], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_URL: url },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    // webpack's error lines, without stack frames; else the end of what it printed.
    const lines = `${run.stdout ?? ""}\n${run.stderr ?? ""}`.trim().split("\n");
    const errors = lines.filter((l) => /error/i.test(l) && !/^\s+at /.test(l));
    const output = (errors.length ? errors : lines).slice(-30).join("\n");
    throw notARelease("webpack", `bản dựng thất bại:\n${output}`, `the build failed (output above).`);
  }
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name), `${prefix}${d.name}/`) : [prefix + d.name]))
    .sort();
}

/** A text for people on Windows: UTF-8 with a byte-order mark and CRLF line ends, so any Notepad shows it right. */
function windowsText(text: string): Uint8Array {
  return new TextEncoder().encode("\ufeff" + text.replace(/\r?\n/g, "\r\n"));
}

/** The archive's files, path → bytes, from RELEASE_CONTENTS; a path claimed by two entries is a fault. */
function archiveFiles(release: Release, buildDir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const add = (to: string, bytes: Uint8Array) => {
    if (files.has(to)) {
      throw notARelease(
        to,
        "hai mục của RELEASE_CONTENTS cùng ghi tệp này.",
        "two RELEASE_CONTENTS entries write this file."
      );
    }
    files.set(to, bytes);
  };
  for (const entry of RELEASE_CONTENTS) {
    if ("text" in entry) {
      add(entry.to, windowsText(entry.text(release, RELEASE_CONTENTS)));
      continue;
    }
    const source = "build" in entry ? path.join(buildDir, entry.build) : path.join(ROOT, entry.repository);
    if (!fs.existsSync(source)) throw notARelease(entry.to, `không có ${source}.`, `${source} does not exist.`);
    if (fs.statSync(source).isDirectory()) {
      for (const file of filesUnder(source)) add(entry.to + file, fs.readFileSync(path.join(source, file)));
    } else {
      add(entry.to, fs.readFileSync(source));
    }
  }
  return files;
}

/** The last guard before writing: a text naming the developer's machine would install and then fail everywhere. */
function checkNoLocalhost(files: Map<string, Uint8Array>): void {
  for (const [name, bytes] of files) {
    if (TEXT_FILE.test(name) && Buffer.from(bytes).toString("utf8").includes("localhost")) {
      throw notARelease(name, "còn nhắc đến localhost.", "still names localhost.");
    }
  }
}

/** Deflate text; store icons as they are (PNG is compressed already). */
function zippable(files: Map<string, Uint8Array>): Zippable {
  const zip: Zippable = {};
  for (const [name, bytes] of files) zip[name] = TEXT_FILE.test(name) ? [bytes, { level: 9 }] : [bytes, { level: 0 }];
  return zip;
}

/** Written whole or not at all: a half-written archive never carries the final name. */
function writeWhole(target: string, bytes: Uint8Array): void {
  const partial = `${target}.${process.pid}.part`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, target);
  } catch (e) {
    if (fs.existsSync(partial)) fs.rmSync(partial);
    const reason = e instanceof Error ? e.message : String(e);
    throw new CliError(EXIT.output, [
      problem("write", target, `không ghi được gói (${reason}).`, `the archive could not be written (${reason}).`),
    ]);
  }
}

export function release(argv: string[], env: NodeJS.ProcessEnv, io: Io): number {
  try {
    const options = parseOptions(argv);
    if (options === "help") {
      io.out(HELP);
      return EXIT.ok;
    }
    const url = releaseUrl(env.ADDIN_URL);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-release-"));
    try {
      io.err(`Đang dựng add-in cho ${url} … / Building the add-in for ${url} …`);
      build(url, buildDir);
      const files = archiveFiles({ version, url }, buildDir);
      checkNoLocalhost(files);
      const archive = zipSync(zippable(files));
      const target = path.join(options.out, `ntm-kdc-${version}.zip`);
      writeWhole(target, archive);
      const kb = Math.round(archive.length / 1024);
      const shown = path.relative(process.cwd(), target).startsWith("..")
        ? target
        : path.relative(process.cwd(), target);
      io.out(`Đã ghi / Written: ${shown} (${kb} KB, ${files.size} tệp / files)`);
      io.out(`Phiên bản / Version: ${version} · Địa chỉ / Address: ${url}`);
      io.out(`SHA-256: ${createHash("sha256").update(archive).digest("hex")}`);
      io.out(`Tiếp theo: đọc DOC-TRUOC-README.txt trong gói. / Next: read DOC-TRUOC-README.txt inside.`);
      return EXIT.ok;
    } finally {
      fs.rmSync(buildDir, { recursive: true, force: true });
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(errorText(e.problems));
      return e.exitCode;
    }
    const reason = e instanceof Error ? e.message : String(e);
    io.err(`Lỗi: lỗi nội bộ khi đóng gói (${reason}).\nError: internal error while packing (${reason}).`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  process.exitCode = release(process.argv.slice(2), process.env, processIo);
}
