import * as fs from "fs";
import * as path from "path";
import { findBrowser, Machine } from "./support/browser";

/** The browser tests' lookup on machines described here: what is installed is a list of executables. */
function machine(platform: NodeJS.Platform, installed: string[], env: NodeJS.ProcessEnv = {}, arch = "x64"): Machine {
  return { platform, arch, env, isExecutable: (file) => installed.includes(file) };
}

test("CHROME_PATH wins over a system browser", async () => {
  const found = await findBrowser(
    machine("linux", ["/usr/bin/chromium", "/home/me/chrome/chrome"], {
      PATH: "/usr/bin",
      CHROME_PATH: "/home/me/chrome/chrome",
    })
  );
  expect(found).toMatchObject({ executablePath: "/home/me/chrome/chrome", source: "CHROME_PATH" });
});

test("a CHROME_PATH that names no executable fails and says so, even when another browser is there", async () => {
  await expect(
    findBrowser(machine("linux", ["/usr/bin/chromium"], { PATH: "/usr/bin", CHROME_PATH: "/opt/chrome" }))
  ).rejects.toThrow(/CHROME_PATH is "\/opt\/chrome", which is not an executable file/);
});

test("Linux: Chromium before Chrome, on PATH or in /usr/bin when PATH lacks it", async () => {
  const installed = ["/usr/local/bin/google-chrome", "/usr/bin/chromium"];
  expect((await findBrowser(machine("linux", installed, { PATH: "/usr/local/bin" }))).executablePath).toBe(
    "/usr/bin/chromium"
  );
  expect(await findBrowser(machine("linux", ["/opt/microsoft/msedge/msedge"], { PATH: "/usr/bin" }))).toMatchObject({
    executablePath: "/opt/microsoft/msedge/msedge",
    source: "system",
  });
});

test("Windows: the Edge every Windows has", async () => {
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  const env = {
    PROGRAMFILES: "C:\\Program Files",
    "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
    LOCALAPPDATA: "C:\\Users\\me\\AppData\\Local",
  };
  expect((await findBrowser(machine("win32", [edge], env))).executablePath).toBe(edge);
  const chrome = "C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
  expect((await findBrowser(machine("win32", [edge, chrome], env))).executablePath).toBe(chrome);
});

test("macOS: Chrome in the user's Applications folder", async () => {
  const chrome = "/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  expect((await findBrowser(machine("darwin", [chrome], { HOME: "/Users/me" }))).executablePath).toBe(chrome);
});

test("no browser at all fails with how to provide one, where npm has none to give", async () => {
  const howTo = /Set CHROME_PATH to the executable of Chromium, Google Chrome or Microsoft Edge/;
  await expect(findBrowser(machine("darwin", [], { HOME: "/Users/me" }))).rejects.toThrow(howTo);
  await expect(findBrowser(machine("linux", [], { PATH: "/usr/bin" }, "arm64"))).rejects.toThrow(
    /runs on Linux x64 only \(this is linux arm64\)/
  );
});

test("Linux x64 without a system browser: the one npm ci brought, with its own fonts and libraries", async () => {
  const version = (require("../package.json") as { devDependencies: Record<string, string> }).devDependencies[
    "@sparticuz/chromium"
  ];
  const found = await findBrowser(machine("linux", [], { PATH: "/usr/bin" }));
  expect(found.source).toBe(`@sparticuz/chromium ${version}`);
  expect(found.executablePath).toBe(
    path.resolve(__dirname, "..", "node_modules/.cache/ntm-chromium", version, "chromium")
  );
  expect(fs.statSync(found.executablePath).mode & 0o100).toBeTruthy();
  expect(fs.readFileSync(found.env?.FONTCONFIG_FILE ?? "", "utf8")).toContain(
    `<dir>${path.dirname(found.executablePath)}/fonts</dir>`
  );
  expect(found.env?.LD_LIBRARY_PATH?.split(":")[0]).toBe(
    path.join(path.dirname(found.executablePath), "al2023", "lib")
  );
}, 120_000);
