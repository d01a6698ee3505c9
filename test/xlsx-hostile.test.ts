import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { XLSX_LIMITS } from "../src/xlsx/limits";
import { readXlsx } from "../src/xlsx/read-workbook";
import { XlsxReadError } from "../src/xlsx/read-error";
import { HOSTILE_FILES } from "./support/hostile-files";
import { builtCli, runNtm, tempDir } from "./support/workbooks";
import { styles, workbookFile } from "./support/xlsx-files";

/**
 * Crafted files: each is refused with its own bilingual message, by the reader and by `ntm analyse`
 * (exit 3, no report). How long and how much memory each refusal takes is measured by `npm run bench`
 * (bench/hostile.bench.ts), not here.
 */

function refusalOf(bytes: Buffer): XlsxReadError {
  try {
    readXlsx(new Uint8Array(bytes));
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("the file was read");
}

describe("the reader refuses each crafted file, saying what it saw", () => {
  test.each(HOSTILE_FILES.map((h) => [h.label, h] as const))("%s", (_label, hostile) => {
    const e = refusalOf(hostile.bytes());
    expect(e.problem.code).toBe(hostile.code);
    expect(e.problem.message.vi).toMatch(hostile.vi);
    expect(e.problem.message.en).toMatch(hostile.en);
  });

  test("the 500,000 merges and the bomb are what they say: about 2 MB each", () => {
    const sizes = HOSTILE_FILES.filter((h) => /500,000 merged|stating 1 MB/.test(h.label)).map((h) => h.bytes().length);
    for (const size of sizes) expect(size).toBeLessThan(3 * 1024 * 1024);
  });

  test("within the caps, many merges are fine: 100,000 blocks are checked for overlaps without comparing pairs", () => {
    const rows = Array.from({ length: 20 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join(
      ""
    );
    const merges = Array.from({ length: 100_000 }, (_, k) => `<mergeCell ref="C${k + 1}:E${k + 1}"/>`).join("");
    const sheet = readXlsx(
      new Uint8Array(
        workbookFile({
          sheets: [{ name: "Gộp", data: rows, tail: `<mergeCells count="100000">${merges}</mergeCells>` }],
        })
      )
    ).sheets[0];
    expect(sheet.merges).toHaveLength(100_000);
    expect(sheet.values).toHaveLength(20);
  });

  test("cells kept are counted while the sheet streams, and rows without values keep nothing", () => {
    const limits = { ...XLSX_LIMITS, tableCells: 1_000 };
    const styled = (r: number, cells: number) =>
      `<row r="${r}"><c r="A${r}"><v>1</v></c>${Array.from({ length: cells }, () => '<c s="1"/>').join("")}</row>`;
    const blankRows = (from: number) =>
      Array.from({ length: 50 }, (_, k) => `<row r="${from + k}">${'<c s="1"/>'.repeat(100)}</row>`).join("");
    const book = (data: string) =>
      new Uint8Array(workbookFile({ sheets: [{ name: "Đếm", data }], styles: styles([9]) }));
    // 5,000 formatted blank cells in rows without values: nothing kept, read.
    expect(readXlsx(book(styled(1, 3) + blankRows(2)), { limits }).sheets[0].values).toHaveLength(1);
    // 1,200 formatted cells in one row with a value: refused while streaming.
    try {
      readXlsx(book(styled(1, 1200)), { limits });
      throw new Error("read");
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      expect((e as XlsxReadError).problem.message.en).toBe(
        'Sheet "Đếm" has more than 1,000 cells with values or formats in rows with data (with the sheets before it).'
      );
    }
  });

  test("a million overlapping column styles are passed over, not applied one over another", () => {
    const cols = '<col min="1" max="16384" style="1"/>'.repeat(1_000_000);
    const data = '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>';
    const bytes = workbookFile({ sheets: [{ name: "Cột", head: `<cols>${cols}</cols>`, data }], styles: styles([9]) });
    const sheet = readXlsx(new Uint8Array(bytes)).sheets[0];
    expect(sheet.values[0]).toHaveLength(16_384);
    expect(sheet.numberFormats?.[0][5]).toBe("0%");
  });

  test("a stray cell far below the table is fine: rows without values share one blank row", () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="B1048576"><v>2</v></c></row>';
    const sheet = readXlsx(new Uint8Array(workbookFile({ sheets: [{ name: "Xa", data }] }))).sheets[0];
    expect(sheet.values).toHaveLength(1_048_576);
    expect(sheet.values[1_048_575]).toEqual(["", 2]);
    expect(sheet.values[5]).toEqual(["", ""]);
  });
});

describe("ntm analyse on the crafted files: one message in both languages, exit 3, no report", () => {
  let bin: string;
  let dir: string;
  beforeAll(() => {
    bin = builtCli();
    dir = tempDir("hostile");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(HOSTILE_FILES.map((h, k) => [h.label, h, k] as const))("%s", (_label, hostile, k) => {
    const file = path.join(dir, `hostile-${k}.xlsx`);
    const out = path.join(dir, `report-${k}.xlsx`);
    fs.writeFileSync(file, hostile.bytes());
    const run = runNtm(bin, ["analyse", file, "--out", out]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`Lỗi: ${file}`);
    expect(run.stderr).toMatch(hostile.vi);
    expect(run.stderr).toMatch(hostile.en);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("only regular files are read: a folder, a FIFO, /dev/zero are refused before any byte is read", () => {
    const folder = path.join(dir, "thu-muc.xlsx");
    fs.mkdirSync(folder);
    const folderRun = runNtm(bin, ["analyse", folder, "--json"]);
    expect(folderRun.status).toBe(3);
    expect(folderRun.stderr).toMatch(/Đây là một thư mục, không phải một tệp/);
    const fifo = path.join(dir, "ong.xlsx");
    const made = spawnSync("mkfifo", [fifo]);
    expect(made.status).toBe(0);
    for (const input of [fifo, "/dev/zero"]) {
      const run = runNtm(bin, ["analyse", input, "--json"]);
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/Đây không phải một tệp thường trên đĩa/);
      expect(run.stderr).toMatch(/This is not a regular file on disk/);
    }
  });

  test("a file over the size cap is refused before it is read", () => {
    const big = path.join(dir, "lon.xlsx");
    const fd = fs.openSync(big, "w");
    fs.writeSync(fd, Buffer.from("PK\u0003\u0004"));
    fs.ftruncateSync(fd, 101 * 1024 * 1024);
    fs.closeSync(fd);
    const run = runNtm(bin, ["analyse", big, "--json"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/Tệp lớn 101 MB, vượt giới hạn 100 MB/);
    expect(run.stderr).toMatch(/The file is 101 MB, over the limit of 100 MB/);
  });
});
