/**
 * End to end: the web page as the release builds it (webpack.config.js's "page" configuration: one HTML file),
 * served from 127.0.0.1 and opened from disk in real headless Chromium (test/support/browser.ts). The two bundled
 * samples are picked as a user picks them; the overview shown is checked against what the core computes for the
 * same files, the downloaded report's sheets against the core's report, and the Word report is downloaded too.
 * After the page is loaded it makes no request at all (only blob: URLs of its own memory, which are not network),
 * and its Content-Security-Policy is never violated. Screenshots: artifacts/web-page.png (after the analysis) and
 * artifacts/web-page-roadmap.png.
 */
import { strFromU8, unzipSync } from "fflate";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, Page } from "playwright-core";
import webpack from "webpack";
import { analyseWorkbook } from "../../src/rules/analysis/analyse";
import { readingSummary } from "../../src/rules/analysis/reading-notes";
import { WorkbookAnalysis } from "../../src/rules/analysis/analysis-shapes";
import { CellValue } from "../../src/rules/reading/cell";
import { summariseDistrict } from "../../src/rules/report/district-summary";
import { buildReport } from "../../src/rules/report/build-report";
import { embeddedRuleset } from "../../src/rules/ruleset/ruleset-document";
import { MemoryWorkbook, SHEET_NAMES } from "../../src/rules/workbook";
import { readXlsx } from "../../src/xlsx/read-workbook";
import { launchBrowser } from "../support/browser";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const SAMPLES = ["huyen-thanh-ba-2019.xlsx", "cac-xa-doan-hung-2019.xlsx"];
const samplePath = (name: string) => path.join(ROOT, "samples", name);
/** Where webpack.config.js puts the page in the build. */
const PAGE = "web/ntm-kdc.html";
/** An office computer's screen. */
const VIEWPORT = { width: 1280, height: 900 };
const ruleset = embeddedRuleset();

let buildDir = "";
let server: http.Server | undefined;
let browser: Browser | undefined;
let origin = "";

/** The page built by the release's own configuration, into `outDir`. */
async function build(outDir: string): Promise<void> {
  const configs = (
    require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => webpack.Configuration[]
  )({}, { mode: "production" });
  const page = configs.find((c) => c.name === "page") as webpack.Configuration;
  await new Promise<void>((resolve, reject) =>
    webpack({ ...page, context: ROOT, output: { ...page.output, path: outDir } }, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    })
  );
}

function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

/** A fresh browser profile watching everything the page asks for, throws, or is refused by its policy. */
async function opened(url: string): Promise<{ context: BrowserContext; page: Page; seen: Seen }> {
  const context = await (browser as Browser).newContext({ viewport: VIEWPORT, locale: "vi-VN" });
  const seen: Seen = { requests: [], errors: [] };
  // Never out of the machine, even if the page tried: and the test below says whether it did.
  await context.route(/^(?!(http:\/\/127\.0\.0\.1:|file:|blob:))/, (route) => route.abort());
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
  });
  const page = await context.newPage();
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("pageerror", (e) => seen.errors.push(e.message));
  await page.goto(url);
  return { context, page, seen };
}

/** A row's cells as read back from a file: blanks as "", none after the last value. */
function cells(row: CellValue[]): CellValue[] {
  const out = row.map((v) => (v === null || v === undefined ? "" : v));
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

interface Seen {
  requests: string[];
  errors: string[];
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** Everything after the page itself is in-memory (blob: of the page's own origin): nothing went on the network. */
function expectNoNetwork(seen: Seen, pageUrl: string, blobOrigin: string): void {
  expect(seen.requests[0]).toBe(pageUrl);
  expect(seen.requests.slice(1).filter((u) => !u.startsWith(`blob:${blobOrigin}/`))).toEqual([]);
}

/** What the command line reads for the same files: each file analysed alone, named by its file. */
async function coreAnalyses(files: string[]): Promise<Array<{ file: string; analysis: WorkbookAnalysis }>> {
  const out: Array<{ file: string; analysis: WorkbookAnalysis }> = [];
  for (const file of files) {
    const snapshot = readXlsx(new Uint8Array(fs.readFileSync(samplePath(file))), { fileName: file });
    out.push({ file, analysis: await analyseWorkbook(new MemoryWorkbook(snapshot.sheets), { ruleset, source: file }) });
  }
  return out;
}

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-page-build-"));
  await build(buildDir);
  browser = await launchBrowser();
  server = await serve(buildDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

test("the built page is one file whose policy allows its own script alone and no connection", () => {
  expect(fs.readdirSync(path.join(buildDir, "web"))).toEqual(["ntm-kdc.html"]);
  const html = fs.readFileSync(path.join(buildDir, PAGE), "utf8");
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(policy).toMatch(/default-src 'none'/);
  expect(policy).toMatch(/connect-src 'none'/);
  expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
  // No script, style, font or picture from anywhere: no src= or href= to another file, no office.js, no CDN.
  expect(html).not.toMatch(/<script[^>]* src=|<link[^>]* href=/i);
  expect(html).not.toMatch(/office\.js|appsforoffice|https?:\/\/[^"'\s]*\.(js|css|woff2?)/i);
}, 30_000);

test("two samples picked: the core's overview, the command line's report and the Word report, and no request", async () => {
  const url = `${origin}/${PAGE}`;
  const { context, page, seen } = await opened(url);
  try {
    // Vietnamese first: the promise about the files, before anything is picked.
    await page.getByText("Tệp của bạn không rời khỏi máy tính này").waitFor();
    expect(await page.getByText(/connect-src 'none'/).isVisible()).toBe(true);

    await page.getByLabel("Chọn tệp…").setInputFiles(SAMPLES.map(samplePath));
    await page.getByText(/Đã tìm thấy bảng: \d+ bảng trên các trang/).waitFor({ timeout: 30_000 });
    const core = await coreAnalyses(SAMPLES);
    const tables = page.getByRole("region", { name: "Các bảng tìm thấy" }).getByRole("checkbox");
    expect(await tables.count()).toBe(core.reduce((n, c) => n + c.analysis.tables.length, 0));
    expect(await page.getByText(`[${SAMPLES[1]}]Hướng dẫn: trang bìa, hướng dẫn hoặc ghi chú`).isVisible()).toBe(true);
    // What only Excel does is not offered.
    expect(await page.getByRole("button", { name: "Dò lại trên trang đang mở" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Lưu cách ghép cột" }).count()).toBe(0);

    await page.getByRole("tab", { name: "Kết quả" }).click();
    expect(await page.getByText("Tô màu chỗ còn thiếu trên trang số liệu").count()).toBe(0);
    await page.getByRole("button", { name: "Phân tích", exact: true }).click();
    const assessments = core.flatMap((c) => c.analysis.tables.flatMap((t) => t.assessments));
    const summary = summariseDistrict(assessments, ruleset);
    await page.getByText(`Đã phân tích ${summary.areas} khu dân cư.`, { exact: false }).waitFor({ timeout: 60_000 });
    const overview = page.getByRole("region", { name: "Tổng quan" });
    const counts = (await overview.getByRole("definition").allTextContents()).map(Number);
    expect(counts).toEqual([summary.areas, summary.meetsAll, summary.short1, summary.short2, summary.short3]);
    // The areas close to the standard, in the core's order, as text (no sheet to select them on).
    const close = page.getByRole("region", { name: /Khu gần đạt chuẩn/ }).getByRole("listitem");
    const shown = await close.allTextContents();
    expect(shown.length).toBe(Math.min(25, summary.close.length));
    shown.forEach((text, k) =>
      expect(text.startsWith(`${summary.close[k].area.name} · ${summary.close[k].area.commune}`)).toBe(true)
    );
    expect(
      await page
        .getByRole("region", { name: /Khu gần đạt chuẩn/ })
        .getByRole("button")
        .count()
    ).toBe(0);
    const holding = page.getByRole("region", { name: "Tiêu chí cản trở nhiều khu nhất" }).getByRole("listitem");
    expect(await holding.first().textContent()).toContain(
      `${summary.holdingBack[0].failing}/${summary.areas} khu chưa đạt`
    );

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "web-page.png"), fullPage: true });

    // The report: the command line's sheets for the same files, with its charts as pictures.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải báo cáo (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bao-cao-ntm-tong-hop.xlsx");
    const bytes = new Uint8Array(fs.readFileSync(await download.path()));
    const reading = core.map(({ file, analysis }) => readingSummary(analysis, file));
    const expected = buildReport(
      core.flatMap((c) => c.analysis.tables),
      ruleset,
      "vi",
      {},
      undefined,
      { reading: { tables: reading.flatMap((r) => r.tables), skipped: reading.flatMap((r) => r.skipped) } }
    ).sheets;
    const report = readXlsx(bytes);
    expect(report.names).toEqual(expected.map((s) => s.name));
    expect(report.names).toContain(SHEET_NAMES.province);
    // One row per area, the core's, each with its file and sheet.
    const areaRows = (rows: CellValue[][]) => rows.filter((r) => typeof r[0] === "number").map(cells);
    const areas = areaRows(report.sheets.find((s) => s.name === SHEET_NAMES.areas)?.values ?? []);
    expect(areas).toHaveLength(summary.areas);
    expect(areas).toEqual(areaRows(expected.find((s) => s.name === SHEET_NAMES.areas)?.rows ?? []));
    expect(areas.some((r) => r.includes(`${SAMPLES[1]} › Phú Lâm`))).toBe(true);
    const zip = unzipSync(bytes);
    const charts = expected.filter((s) => s.chart).length;
    expect(charts).toBeGreaterThan(0);
    expect(Object.keys(zip).filter((f) => /^xl\/media\/.+\.png$/.test(f))).toHaveLength(charts);
    await page.getByText("Đã tải báo cáo “bao-cao-ntm-tong-hop.xlsx”", { exact: false }).waitFor();

    // The Word report, through the same builder as the add-in's.
    const [word] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Tải báo cáo Word (.docx)" }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/^bao-cao-khu-dan-cu-ntm-\d{4}-\d{2}-\d{2}\.docx$/);
    const docx = unzipSync(new Uint8Array(fs.readFileSync(await word.path())));
    expect(strFromU8(docx["word/document.xml"])).toContain("BÁO CÁO");
    expect(Object.keys(docx).filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBeGreaterThan(0);

    // The roadmap tab, planned on the page.
    await page.getByRole("tab", { name: "Lộ trình" }).click();
    await page.getByRole("button", { name: "Lập lộ trình", exact: true }).click();
    await page.getByText(/^Đã lập lộ trình \d{4}–\d{4}\.$/).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/^\d{4}: \d+ khu \(lũy kế \d+\)$/).count()).toBe(5);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-page-roadmap.png"), fullPage: true });

    expect(await violations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    expectNoNetwork(seen, url, origin);
  } finally {
    await context.close();
  }
}, 240_000);

test("opened from disk (file://): it runs, and a file it cannot read is said in the reader's words", async () => {
  const url = `file://${path.join(buildDir, PAGE)}`;
  const { context, page, seen } = await opened(url);
  try {
    // An Excel 97–2003 file, or one with a password: the reader's message, the pane not shown.
    const oldExcel = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await page.getByLabel("Chọn tệp…").setInputFiles([
      { name: "so-cu.xls", mimeType: "application/vnd.ms-excel", buffer: oldExcel },
      {
        name: SAMPLES[0],
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: fs.readFileSync(samplePath(SAMPLES[0])),
      },
    ]);
    const alert = page.getByRole("alert").filter({ hasText: "Không đọc được tệp" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "so-cu.xls: Tệp được đặt mật khẩu hoặc là tệp .xls cũ (Excel 97–2003)."
    );
    expect(await page.getByRole("tab", { name: "Kết quả" }).count()).toBe(0);
    // Left out, the other file is analysed.
    await page.getByRole("button", { name: "Bỏ tệp so-cu.xls" }).click();
    await page.getByText(/Đã tìm thấy bảng trên trang/).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Kết quả" }).click();
    await page.getByRole("button", { name: "Phân tích", exact: true }).click();
    const [{ analysis }] = await coreAnalyses([SAMPLES[0]]);
    const areas = analysis.tables.reduce((n, t) => n + t.assessments.length, 0);
    await page.getByText(`Đã phân tích ${areas} khu dân cư.`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    // A page opened from disk has no origin of its own: its in-memory URLs are blob:null/….
    expectNoNetwork(seen, url, "null");
  } finally {
    await context.close();
  }
}, 120_000);
