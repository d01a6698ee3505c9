import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Browser, chromium } from "playwright-core";
import { promisify } from "util";

/**
 * The one way browser tests get a Chromium-family browser, in this order:
 *  1. CHROME_PATH, when set (the variable chrome-launcher, Lighthouse and VS Code's debugger read): that
 *     executable, or a failure that says the setting is wrong;
 *  2. a system Chromium, Google Chrome or Microsoft Edge, on PATH or where it installs on Linux, macOS, Windows;
 *  3. on Linux x64, the Chromium that `npm ci` brought (@sparticuz/chromium), unpacked on first use.
 * When none can be had the test fails and says how to provide one: it never skips.
 */

const BROWSER_VARIABLE = "CHROME_PATH";
const NPM_BROWSER = "@sparticuz/chromium";
const ROOT = path.resolve(__dirname, "..", "..");
const UNPACKER = path.join(__dirname, "unpack-npm-chromium.mjs");
const HOW_TO_PROVIDE =
  `Set ${BROWSER_VARIABLE} to the executable of Chromium, Google Chrome or Microsoft Edge ` +
  `(e.g. ${BROWSER_VARIABLE}=/usr/bin/chromium npm test), or install one of them where it usually goes; ` +
  `on Linux x64, \`npm ci\` provides one (${NPM_BROWSER}).`;

/** What the lookup needs to know of a machine (a parameter, so that tests can describe other machines). */
export interface Machine {
  platform: NodeJS.Platform;
  arch: string;
  env: NodeJS.ProcessEnv;
  isExecutable(file: string): boolean;
}

export interface FoundBrowser {
  executablePath: string;
  /** How it was found, for messages. */
  source: string;
  /** The browser process's environment; undefined: this process's. */
  env?: NodeJS.ProcessEnv;
}

const THIS_MACHINE: Machine = {
  platform: process.platform,
  arch: process.arch,
  env: process.env,
  isExecutable(file) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

/** Where a system browser may be, most wanted first: Chromium, then Chrome, then Edge. */
function systemBrowserPaths({ platform, env }: Machine): string[] {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps = [
      "Chromium\\Application\\chrome.exe",
      "Google\\Chrome\\Application\\chrome.exe",
      "Microsoft\\Edge\\Application\\msedge.exe",
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  if (platform === "darwin") {
    const dirs = ["/Applications", ...(env.HOME ? [path.posix.join(env.HOME, "Applications")] : [])];
    const apps = [
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    return apps.flatMap((app) => dirs.map((dir) => path.posix.join(dir, app)));
  }
  const dirs = [...new Set([...(env.PATH ?? "").split(":").filter((d) => d !== ""), "/usr/bin"])];
  const names = [
    "chromium",
    "chromium-browser",
    "google-chrome-stable",
    "google-chrome",
    "microsoft-edge-stable",
    "microsoft-edge",
  ];
  return [
    ...names.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name))),
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
  ];
}

export async function findBrowser(machine: Machine = THIS_MACHINE): Promise<FoundBrowser> {
  const chosen = machine.env[BROWSER_VARIABLE];
  if (chosen) {
    if (!machine.isExecutable(chosen)) {
      throw new Error(`${BROWSER_VARIABLE} is "${chosen}", which is not an executable file. ${HOW_TO_PROVIDE}`);
    }
    return { executablePath: chosen, source: BROWSER_VARIABLE };
  }
  const system = systemBrowserPaths(machine).find((file) => machine.isExecutable(file));
  if (system) return { executablePath: system, source: "system" };
  if (machine.platform === "linux" && machine.arch === "x64") return npmBrowser(machine.env);
  throw new Error(
    `No browser for the browser tests: ${BROWSER_VARIABLE} is not set, no Chromium, Chrome or Edge is installed ` +
      `where it usually goes, and the one from npm runs on Linux x64 only (this is ${machine.platform} ` +
      `${machine.arch}). ${HOW_TO_PROVIDE}`
  );
}

/**
 * The npm-shipped browser, unpacked once per package version into node_modules/.cache (npm ci starts it
 * afresh). It runs with the fonts and NSS libraries shipped beside it, not the machine's, so that it needs
 * nothing installed and draws the same on every machine: Open Sans, which has every Vietnamese letter.
 */
async function npmBrowser(env: NodeJS.ProcessEnv): Promise<FoundBrowser> {
  let packageDir: string;
  try {
    packageDir = path.resolve(path.dirname(require.resolve(NPM_BROWSER)), "..");
  } catch {
    throw new Error(`No system browser found and ${NPM_BROWSER} is not installed (run npm ci). ${HOW_TO_PROVIDE}`);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  const dir = path.join(ROOT, "node_modules", ".cache", "ntm-chromium", version);
  if (!fs.existsSync(dir)) await unpack(path.join(packageDir, "bin"), dir);
  return {
    executablePath: path.join(dir, "chromium"),
    source: `${NPM_BROWSER} ${version}`,
    env: {
      ...env,
      FONTCONFIG_FILE: path.join(dir, "fonts.conf"),
      LD_LIBRARY_PATH: [path.join(dir, "al2023", "lib"), env.LD_LIBRARY_PATH].filter((p) => !!p).join(":"),
    },
  };
}

/** Unpacks beside `dir` and renames into place: test files running at once never see half a browser. */
async function unpack(bin: string, dir: string): Promise<void> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  try {
    await promisify(execFile)(process.execPath, [UNPACKER, bin], { env: { ...process.env, TMPDIR: staging } });
    // The package's fonts only. fontconfig reads plain XML paths: escape the XML specials.
    const xml = (file: string) => file.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    fs.writeFileSync(
      path.join(staging, "fonts.conf"),
      `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${xml(path.join(dir, "fonts"))}</dir>\n` +
        `  <cachedir>${xml(path.join(dir, "fontconfig-cache"))}</cachedir>\n</fontconfig>\n`
    );
    fs.renameSync(staging, dir);
  } catch (error) {
    // A rename that failed because another test file unpacked first is no failure.
    if (!fs.existsSync(dir)) throw new Error(`Unpacking ${NPM_BROWSER} failed: ${(error as Error).message}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Flags for a browser that talks to nothing but the test's own pages on 127.0.0.1. */
const FLAGS = [
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/**
 * A headless browser found as above. Each context it opens has a fresh profile (Playwright's temporary
 * user-data-dir). No sandbox: it shows only the tests' own pages, and the sandbox fails as root and where
 * unprivileged user namespaces are off.
 */
export async function launchBrowser(): Promise<Browser> {
  const found = await findBrowser();
  try {
    return await chromium.launch({
      executablePath: found.executablePath,
      env: found.env,
      headless: true,
      chromiumSandbox: false,
      args: FLAGS,
    });
  } catch (error) {
    throw new Error(
      `Could not start the browser ${found.executablePath} (${found.source}): ${(error as Error).message}\n` +
        HOW_TO_PROVIDE
    );
  }
}
