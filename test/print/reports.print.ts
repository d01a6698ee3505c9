import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { builtCli, runNtm } from "../support/workbooks";

/**
 * The reports as they print: the bundled sample district through `ntm analyse --docx`, the Word report
 * and the workbook converted to PDF by LibreOffice, the first page of each saved as a PNG under
 * artifacts/ (CI artifacts: look at them). Checks what a reader of the paper would: A4, the state form's
 * head on page 1, page numbers, the sheet's header row on every page, its page footer.
 */

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "artifacts");
const SAMPLE = path.join(ROOT, "samples/huyen-thanh-ba-2019.xlsx");

function need(command: string, what: string): void {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  if (found.status !== 0) {
    throw new Error(
      `npm run test:print needs ${what} ("${command}" is not on PATH). On Debian/Ubuntu: ` +
        "apt-get install --no-install-recommends libreoffice-writer libreoffice-calc poppler-utils fonts-liberation2 " +
        "(.ci/run does this). npm cannot install it; `npm test` runs without it."
    );
  }
}

let dir = "";

/** A file converted to PDF by LibreOffice, in a profile of its own (another soffice may be running). */
function toPdf(file: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file],
      { stdio: "pipe", timeout: 180_000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${file}`);
  return pdf;
}

const pdfText = (pdf: string, page: number): string =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });

function pdfInfo(pdf: string): { pages: number; size: [number, number] } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), size: [Number(size[1]), Number(size[2])] };
}

/** One page of a PDF as a PNG under artifacts/. */
function pagePng(pdf: string, page: number, name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const stem = path.join(ARTIFACTS, name);
  execFileSync("pdftoppm", ["-png", "-r", "110", "-f", String(page), "-l", String(page), "-singlefile", pdf, stem]);
  return `${stem}.png`;
}

/** A4 in points, either way round. */
const A4 = [595, 842];
const isA4 = (size: [number, number]) =>
  [...size]
    .map(Math.round)
    .sort((a, b) => a - b)
    .every((v, k) => Math.abs(v - A4[k]) <= 1);

let docxPdf = "";
let xlsxPdf = "";

beforeAll(() => {
  need("soffice", "LibreOffice");
  need("pdftoppm", "poppler-utils");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-print-"));
  const out = path.join(dir, "bao-cao.xlsx");
  const docx = path.join(dir, "bao-cao-word.docx");
  const run = runNtm(builtCli(), ["analyse", SAMPLE, "--out", out, "--docx", docx, "--year", "2019"]);
  if (run.status !== 0) throw new Error(`ntm analyse failed (${run.status}):\n${run.stderr}`);
  docxPdf = toPdf(docx);
  xlsxPdf = toPdf(out);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the reports on paper", () => {
  test("the Word report: A4, the state form's head on page 1, page numbers from page 2", () => {
    const { pages, size } = pdfInfo(docxPdf);
    expect(isA4(size)).toBe(true);
    expect(size[0]).toBeLessThan(size[1]);
    expect(pages).toBeGreaterThan(3);
    const first = pdfText(docxPdf, 1);
    for (const line of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      "I. KẾT QUẢ RÀ SOÁT",
    ]) {
      expect(first).toContain(line);
    }
    expect(first).toMatch(/Số: ……\/BC-/);
    // Page 1 has no number; page 2 starts with "2" at the top.
    expect(first.trim().split("\n")[0]).not.toMatch(/^\s*1\s*$/);
    expect(pdfText(docxPdf, 2).trim().split("\n")[0].trim()).toBe("2");
    const png = pagePng(docxPdf, 1, "word-report-page1");
    expect(fs.statSync(png).size).toBeGreaterThan(50_000);
  });

  test("a report sheet: A4 landscape, one page wide, its header row again on page 2, 'Trang 1/N' in the footer", () => {
    const { size } = pdfInfo(xlsxPdf);
    expect(isA4(size)).toBe(true);
    // The per-area sheet comes first; wide, it prints landscape.
    expect(size[0]).toBeGreaterThan(size[1]);
    const first = pdfText(xlsxPdf, 1);
    const second = pdfText(xlsxPdf, 2);
    expect(first).toContain("KẾT QUẢ RÀ SOÁT CÁC KHU DÂN CƯ");
    expect(first).toMatch(/Trang 1\/\d+/);
    expect(second).toMatch(/Trang 2\/\d+/);
    // The header row repeated at the top of page 2; the last column on the page (nothing cut at the edge).
    expect(second.split("\n").slice(0, 8).join(" ")).toMatch(/TT\s+Xã\s+Khu dân cư/);
    expect(first).toContain("Thiếu số liệu / không đọc");
    const png = pagePng(xlsxPdf, 1, "sheet-page1");
    expect(fs.statSync(png).size).toBeGreaterThan(30_000);
  });
});
