/**
 * The address a release is built for: what `npm run release` accepts, how it writes it, and what it refuses
 * before building anything — with a message in both languages and exit code 2, and no archive written.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliError, EXIT } from "../src/cli/exit-codes";
import { releaseUrl } from "../scripts/release/addin-url";

const ROOT = path.resolve(__dirname, "..");

function refusal(raw: string | undefined): CliError {
  try {
    releaseUrl(raw);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error(`"${raw}" was accepted`);
}

test("an https folder address is kept, with one trailing slash", () => {
  expect(releaseUrl("https://ntm.phutho.gov.vn/addin/")).toBe("https://ntm.phutho.gov.vn/addin/");
  expect(releaseUrl("  https://ntm.phutho.gov.vn/addin  ")).toBe("https://ntm.phutho.gov.vn/addin/");
  expect(releaseUrl("https://NTM.PhuTho.gov.vn")).toBe("https://ntm.phutho.gov.vn/");
  expect(releaseUrl("https://10.20.30.40:8443/ntm/kdc")).toBe("https://10.20.30.40:8443/ntm/kdc/");
});

test.each([
  [undefined, /chưa đặt/, /is not set/],
  ["", /chưa đặt/, /is not set/],
  ["ntm.phutho.gov.vn/addin", /không phải là một địa chỉ web hợp lệ/, /not a valid web address/],
  ["https://ntm phutho/", /không phải là một địa chỉ web hợp lệ/, /not a valid web address/],
  ["http://ntm.phutho.gov.vn/addin/", /phải bắt đầu bằng https/, /must start with https/],
  ["file:///C:/addin/", /phải bắt đầu bằng https/, /must start with https/],
  ["https://localhost:3000/", /máy của chính bạn/, /is this computer/],
  ["https://127.0.0.1/addin/", /máy của chính bạn/, /is this computer/],
  ["https://[::1]/addin/", /máy của chính bạn/, /is this computer/],
  ["https://ntm.phutho.gov.vn/addin/?v=2", /không được chứa/, /must not carry/],
  ["https://ntm.phutho.gov.vn/addin/#top", /không được chứa/, /must not carry/],
  ["https://can.bo:mat-khau@ntm.phutho.gov.vn/addin/", /không được chứa/, /must not carry/],
  ["https://ntm.phutho.gov.vn/a&b/", /ký tự "&"/, /contains "&"/],
  ["https://ntm.phutho.gov.vn/nong-thon'moi/", /ký tự "'"/, /contains "'"/],
])("%j is refused, naming ADDIN_URL in both languages", (raw, vi, en) => {
  const e = refusal(raw);
  expect(e.exitCode).toBe(EXIT.usage);
  expect(e.problems).toHaveLength(1);
  expect(e.problems[0].where).toBe("ADDIN_URL");
  expect(e.problems[0].message.vi).toMatch(vi);
  expect(e.problems[0].message.en).toMatch(en);
  expect(e.problems[0].message.en).toContain("ADDIN_URL=https://");
});

describe("npm run release, refusing", () => {
  const run = (env: NodeJS.ProcessEnv, args: string[] = []) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-release-refused-"));
    try {
      const result = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules/ts-node/dist/bin.js"),
          "--transpile-only",
          "scripts/release/main.ts",
          "--out",
          out,
          ...args,
        ],
        { cwd: ROOT, env: { ...process.env, ADDIN_URL: "", ...env }, encoding: "utf8" }
      );
      return { status: result.status, stderr: result.stderr, written: fs.readdirSync(out) };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  };

  test("a plain-http address: exit 2, both languages, nothing built or written", () => {
    const r = run({ ADDIN_URL: "http://ntm.phutho.gov.vn/addin/" });
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^Lỗi: ADDIN_URL: .*https:\/\//m);
    expect(r.stderr).toMatch(/^Error: ADDIN_URL: .*must start with https:\/\//m);
    expect(r.stderr).not.toMatch(/Building|webpack/);
    expect(r.written).toEqual([]);
  });

  test("an unknown option: exit 2", () => {
    const r = run({ ADDIN_URL: "https://ntm.phutho.gov.vn/addin/" }, ["--zip"]);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Unknown "--zip"/);
    expect(r.written).toEqual([]);
  });
});
