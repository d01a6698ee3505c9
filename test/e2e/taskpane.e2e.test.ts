/**
 * End to end: the production build of taskpane.html in real headless Chromium (the one
 * test/support/browser.ts finds), office.js served from node_modules instead of Microsoft's CDN, and the
 * Excel double (test/support/office/excel-double.ts) installed before the pane's bundles. The test clicks
 * through mapping and analysis, checks what the pane wrote into the workbook, and saves a screenshot of the
 * pane as a CI artifact: artifacts/taskpane.png.
 */
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { HIGHLIGHT_MARKER } from "../../src/rules/own-formats";
import type { ExcelDouble } from "../support/office/excel-double";
import { launchBrowser } from "../support/browser";
import { openDocx, paragraphs } from "../support/docx";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const PANE_WIDTH = 320;

type Snapshot = ReturnType<ExcelDouble["snapshot"]>;

let buildDir = "";
let server: http.Server | undefined;
let browser: Browser | undefined;
let page: Page;
let origin = "";
const pageErrors: string[] = [];

/** The add-in's production build and the double, side by side in a temporary directory. */
async function build(outDir: string): Promise<void> {
  const configs = (
    require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => webpack.Configuration[]
  )({}, { mode: "production" });
  const addinConfig = configs.find((c) => c.name === "addin") as webpack.Configuration;
  // Both write into one fresh directory: neither may clean it.
  const addin: webpack.Configuration = {
    ...addinConfig,
    context: ROOT,
    output: { ...addinConfig.output, path: outDir, clean: false },
  };
  const double: webpack.Configuration = {
    mode: "development",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: { "excel-double": "./test/support/office/e2e-install.ts" },
    output: { path: outDir, filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
  };
  await new Promise<void>((resolve, reject) =>
    webpack([addin, double], (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    })
  );
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".json": "application/json",
    ".png": "image/png",
    ".xml": "text/xml",
  };
  const s = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

const snapshot = (): Promise<Snapshot> =>
  page.evaluate(() => (window as unknown as { __excelDouble: ExcelDouble }).__excelDouble.snapshot());

const statusText = () => page.getByRole("status").textContent();

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-pane-build-"));
  await build(buildDir);
  browser = await launchBrowser();
  server = await serve(buildDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 1400 }, locale: "vi-VN" });
  // Nothing leaves the machine: the CDN's office.js files come from node_modules, anything else is refused.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  await context.route(`${CDN}**`, (route) => {
    const file = path.join(OFFICE_JS_DIST, route.request().url().slice(CDN.length).split("?")[0]);
    if (!file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
  });
  // The double goes in before any script of the page (office.js leaves `Excel` undefined outside Office).
  await context.addInitScript({ path: path.join(buildDir, "excel-double.js") });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
});

test("the built pane finds the table, takes a correction, analyses, writes the results and highlights the gaps", async () => {
  await page.goto(`${origin}/taskpane.html`);
  // Mapping: found on opening, in Vietnamese.
  await page.getByText("Trang: Tổng hợp KDC").waitFor({ timeout: 30_000 });
  expect(await statusText()).toMatch(/Đã tìm thấy bảng trên trang “Tổng hợp KDC”/);
  expect(await page.getByRole("heading", { name: "Cột đã nhận ra" }).isVisible()).toBe(true);
  const areaColumn = page.getByRole("combobox", { name: /^Cột C \(Khu dân cư\)/ });
  expect(await areaColumn.inputValue()).toBe("area");
  // The user corrects one column and saves the mapping in the workbook.
  await page.getByRole("combobox", { name: /^Cột AC / }).selectOption("note");
  await page.getByRole("button", { name: "Lưu cách ghép cột" }).click();
  await page.getByText(/Đã lưu cách ghép cột vào sổ/).waitFor();

  // Analysis.
  await page.getByRole("tab", { name: "Kết quả" }).click();
  expect(await page.getByText("Ngưỡng tạm tính").first().isVisible()).toBe(true);
  await page.getByRole("button", { name: "Phân tích và ghi kết quả" }).click();
  await page.getByText(/Đã phân tích 36 khu dân cư/).waitFor({ timeout: 30_000 });
  const summary = page.getByRole("region", { name: "Tổng quan" });
  const counts = (await summary.getByRole("definition").allTextContents()).map(Number);
  expect(counts[0]).toBe(36);
  expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(36);
  expect(await page.getByText(/là trang của bạn nên được giữ nguyên/).isVisible()).toBe(true);
  expect(await page.getByText("1 khu đang bị ẩn hoặc lọc vẫn được đánh giá.").isVisible()).toBe(true);

  // What the workbook looks like now.
  const wb = await snapshot();
  const user = wb.sheets.find((s) => s.name === "Tổng hợp KDC");
  expect(user?.formatLog).toEqual([]);
  const names = wb.sheets.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([
      "NTM - Theo khu",
      "NTM - Theo tiêu chí",
      "NTM - Theo xã (2)",
      "NTM - Phân bố",
      "NTM - Bộ tiêu chí",
    ])
  );
  expect(wb.sheets.find((s) => s.name === "NTM - Theo xã")?.values).toEqual([
    ["Sổ theo dõi của tôi", "không được ghi đè"],
  ]);
  const areas = wb.sheets.find((s) => s.name === "NTM - Theo khu");
  expect(areas?.values.filter((r) => typeof r[0] === "number")).toHaveLength(36);
  expect(String(areas?.values[2][0])).toMatch(/NGƯỠNG TẠM TÍNH/);
  const distribution = wb.sheets.find((s) => s.name === "NTM - Phân bố");
  expect(distribution?.charts).toHaveLength(1);
  expect(distribution?.charts[0]).toMatchObject({ type: "ColumnClustered", title: expect.stringMatching(/PHÂN BỐ/) });
  const criteriaSheet = wb.sheets.find((s) => s.name === "NTM - Bộ tiêu chí");
  expect(criteriaSheet?.values.some((r) => r.includes("TC07.1"))).toBe(true);
  const formats = user?.conditionalFormats ?? [];
  expect(formats.filter((f) => !f.formula.includes(HIGHLIGHT_MARKER))).toEqual([
    { type: "Custom", ranges: "D9:D20", formula: "=D9>300", fill: "#C6EFCE", id: "{user-1}" },
  ]);
  const ours = formats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER));
  expect(ours.length).toBeGreaterThanOrEqual(40);
  expect(ours.find((f) => f.ranges.startsWith("F")) ?? ours[0]).toMatchObject({
    formula: expect.stringMatching(/^=AND\(/),
  });
  expect(new Set(ours.map((f) => f.fill))).toEqual(new Set(["#F8CBAD", "#FFF2CC"]));
  // One saved mapping per table.
  const [mapping] = JSON.parse(String(wb.settings["ntm.mapping"]));
  expect(mapping.sheet).toBe("Tổng hợp KDC");
  expect(mapping.columns.find((c: { column: string }) => c.column === "AC").role).toEqual({ kind: "note" });

  // An area close to the standard selects its row on the user's sheet.
  const close = page
    .getByRole("region", { name: /Khu gần đạt chuẩn/ })
    .getByRole("button")
    .first();
  const label = (await close.getAttribute("aria-label")) ?? "";
  await close.click();
  await page.getByText(/Đã chọn dòng/).waitFor();
  const row = Number(/chọn dòng (\d+)/.exec(label)?.[1]);
  expect((await snapshot()).selection).toEqual({ sheet: "Tổng hợp KDC", address: `A${row}:XFD${row}` });

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane.png"), fullPage: true });
  expect(fs.statSync(path.join(ARTIFACTS, "taskpane.png")).size).toBeGreaterThan(10_000);

  // Clearing removes the add-in's highlights only.
  await page.getByRole("button", { name: "Xóa tô màu của add-in" }).click();
  await page.getByText(/định dạng của bạn giữ nguyên/).waitFor();
  const after = (await snapshot()).sheets.find((s) => s.name === "Tổng hợp KDC");
  expect(after?.conditionalFormats.map((f) => f.id)).toEqual(["{user-1}"]);

  // Roadmap: settings kept in the workbook, the plan year by year, an infeasible target said plainly.
  await page.getByRole("tab", { name: "Lộ trình" }).click();
  await page.getByRole("textbox", { name: "Mục tiêu của huyện (không bắt buộc)" }).fill("1000");
  await page.getByRole("textbox", { name: /^Mức thưởng mỗi khu/ }).fill("50.000.000");
  await page.getByText("Hiểu là 50.000.000 đồng.").waitFor();
  await page.getByRole("button", { name: "Lưu thiết lập và lập lộ trình" }).click();
  await page.getByText(/Đã lưu thiết lập và lập lộ trình/).waitFor({ timeout: 30_000 });
  expect(await page.getByText(/^Không đạt mục tiêu: dự kiến \d+\/1000 khu/).isVisible()).toBe(true);
  expect(await page.getByText(/^\d{4}: \d+ khu \(lũy kế \d+ \/ mục tiêu \d+\)$/).count()).toBe(5);
  expect(JSON.parse(String((await snapshot()).settings["ntm.roadmapSettings"]))).toEqual({
    format: "ntm-roadmap/1",
    per_commune: { min: 2, max: 3 },
    target: 1000,
    reward_per_area: 50_000_000,
  });
  // Readable at the pane's width: nothing wider than the pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-roadmap.png"), fullPage: true });
  await page.getByRole("button", { name: "Rà soát tiến độ năm nay" }).click();
  await page.getByText(/Đã rà soát tiến độ năm \d{4}/).waitFor({ timeout: 30_000 });
  expect((await snapshot()).sheets.some((s) => s.name === "NTM - Tiến độ")).toBe(true);

  // The Word report, charts drawn by the browser's canvas, downloaded as a browser downloads (Excel on the web).
  await page.getByRole("tab", { name: "Kết quả" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: "Tải báo cáo Word (.docx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bao-cao-khu-dan-cu-ntm-\d{4}-\d{2}-\d{2}\.docx$/);
  const docx = openDocx(fs.readFileSync((await download.path()) as string));
  const text = paragraphs(docx.text("word/document.xml"));
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text.some((p) => /^II\. LỘ TRÌNH XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI ĐẾN NĂM \d{4}$/.test(p))).toBe(true);
  const pictures = docx.paths.filter((p) => p.startsWith("word/media/"));
  expect(pictures).toHaveLength(3);
  for (const p of pictures) {
    const png = Buffer.from(docx.bytes(p));
    // PNG width and height (IHDR): the chart at twice its drawn size.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1210, 680]);
    fs.writeFileSync(path.join(ARTIFACTS, `taskpane-chart-${path.basename(p)}`), png);
  }
  await page.getByText(/Đã tạo báo cáo Word/).waitFor();
  expect(pageErrors).toEqual([]);
}, 180_000);

test("a workbook of several shapes: every table listed, the cover passed over, the sideways one mapped by rows", async () => {
  await page.goto(`${origin}/taskpane.html?workbook=shapes`);
  await page.getByText(/Đã tìm thấy bảng: 2 bảng trên các trang/).waitFor({ timeout: 30_000 });
  const tables = page.getByRole("region", { name: "Các bảng tìm thấy" });
  expect(await tables.getByRole("checkbox").count()).toBe(2);
  expect(await page.getByText("Hướng dẫn: trang bìa, hướng dẫn hoặc ghi chú").isVisible()).toBe(true);
  // The sideways table's mapping: its rows, named by sheet row.
  await page.getByRole("combobox", { name: "Bảng đang xem cách ghép" }).selectOption({ index: 1 });
  await page.getByRole("heading", { name: "Dòng đã nhận ra" }).waitFor();
  expect(await page.getByText(/^Tiêu đề ở cột [A-Z]+–[A-Z]+, số liệu từ cột [A-Z]+/).isVisible()).toBe(true);
  expect(await page.getByRole("combobox", { name: /^Dòng \d+ \(/ }).count()).toBeGreaterThan(20);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-shapes.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);

  await page.getByRole("tab", { name: "Kết quả" }).click();
  await page.getByRole("button", { name: "Phân tích và ghi kết quả" }).click();
  await page.getByText(/Đã phân tích 23 khu dân cư/).waitFor({ timeout: 30_000 });
  const wb = await snapshot();
  const marked = (name: string) =>
    wb.sheets.find((s) => s.name === name)?.conditionalFormats.filter((f) => f.formula.includes(HIGHLIGHT_MARKER)) ??
    [];
  expect(marked("Tổng hợp KDC").length).toBeGreaterThan(0);
  // The sideways sheet's formats run along its rows.
  const sideways = marked("Bảng ngang");
  expect(sideways.length).toBeGreaterThan(0);
  for (const f of sideways) for (const part of f.ranges.split(",")) expect(part).toMatch(/^[A-Z]+(\d+):[A-Z]+\1$/);
  expect(pageErrors).toEqual([]);
}, 120_000);
