import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../src/rules/reading/cell";
import { embeddedRuleset, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { SHEET_NAMES } from "../src/rules/workbook";
import { readXlsx } from "../src/xlsx/read-workbook";
import { handWrittenWorkbook } from "./support/cell-forms";
import { builtCli, readBack, Run, runNtm, sha1, tempDir, writeDistrict } from "./support/workbooks";

/**
 * What the command line prints and writes, whatever the input holds: clean terminal output, reports
 * Excel can open, inputs never replaced, every write failure an exit 6 with a message, no temporary
 * file left behind, ruleset ids that would meet JavaScript's own names refused.
 */

let bin: string;
let dir: string;
let good: string;

beforeAll(async () => {
  bin = builtCli();
  dir = tempDir("safety");
  good = path.join(dir, "thanh-ba.xlsx");
  await writeDistrict(good, { areas: 15, seed: 31 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);
const leftovers = (folder = dir) => fs.readdirSync(folder).filter((f) => f.endsWith(".tmp"));

/** The district workbook with some of its cells changed, written by hand. */
function edited(name: string, edit: (values: CellValue[][], areaRow: number) => void): string {
  const sheet = readXlsx(new Uint8Array(fs.readFileSync(good))).sheets[0];
  const values = sheet.values.map((r) => r.slice());
  const areaRow = values.findIndex((r) => typeof r[2] === "string" && /^Khu \d/.test(r[2]));
  edit(values, areaRow);
  const cells = values.map((row, r) => row.map((value, c) => ({ value, format: sheet.numberFormats?.[r][c] })));
  const out = file(name);
  fs.writeFileSync(out, handWrittenWorkbook([{ name: sheet.name, cells, merges: sheet.merges }]));
  return out;
}

function expectExit(run: Run, code: number, vi: RegExp, en: RegExp): void {
  expect(run.status).toBe(code);
  expect(run.stderr).toMatch(vi);
  expect(run.stderr).toMatch(en);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}

describe("terminal output and reports hold only what they can", () => {
  test("escape sequences and control characters in names and values never reach the terminal", () => {
    const input = edited("escapes.xlsx", (values, r) => {
      values[r][2] = "Khu \u001b[2J\u001b[31mĐỏ\u001b[0m";
      values[r][5] = "\u001b]0;tiêu đề\u0007chín mươi\r";
      const title = values.findIndex((row) => typeof row[0] === "string" && /^Huyện:/.test(row[0]));
      // At the end of the title: inside a name, an escape ends the name as any punctuation does.
      values[title][0] = "Huyện: Thanh Ba\u001b[5m\u009b";
    });
    const run = runNtm(bin, ["analyse", input, "--out", file("escapes-report.xlsx")]);
    expect(run.status).toBe(0);
    for (const stream of [run.stdout, run.stderr]) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not be there
      expect(stream).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(run.stdout).toMatch(/Thanh Ba/);
    // An operating-system command (ESC ] … BEL) goes whole, its text with it.
    expect(run.stderr).toMatch(/Không đọc được "chín mươi"/);
    // JSON escapes them itself and stays valid.
    const json = JSON.parse(runNtm(bin, ["analyse", input, "--json"]).stdout) as {
      files: Array<{ tables: Array<{ areas: Array<{ name: string }> }> }>;
    };
    expect(json.files[0].tables[0].areas[0].name).toBe("Khu \u001b[2J\u001b[31mĐỏ\u001b[0m");
  });

  test("characters XML cannot carry are left out of the report, which Excel and the reader open", async () => {
    const input = edited("xffff.xlsx", (values, r) => {
      values[r][2] = "Khu\uffff 1\u0001";
      values[r + 1][5] = "9\u000b0%";
    });
    const out = file("xffff-report.xlsx");
    expect(runNtm(bin, ["analyse", input, "--out", out]).status).toBe(0);
    const { sheets } = await readBack(out);
    const names = sheets
      .get(SHEET_NAMES.areas)!
      .flat()
      .filter((v): v is string => typeof v === "string");
    expect(names).toContain("Khu 1");
    expect(names.some((t) => t.includes("90%"))).toBe(true);
  });

  test("a cell text at Excel's limit goes into the report whole; a longer one made from it is cut with a note", async () => {
    const name = `Khu ${"a".repeat(32_763)}`;
    const value = `chín mươi ${"b".repeat(32_757)}`;
    const input = edited("long.xlsx", (values, r) => {
      values[r][2] = name;
      values[r][5] = value;
    });
    const out = file("long-report.xlsx");
    expect(runNtm(bin, ["analyse", input, "--out", out]).status).toBe(0);
    const { sheets } = await readBack(out);
    const texts = [...sheets.values()].flat(2).filter((v): v is string => typeof v === "string");
    expect(texts.filter((t) => t === name).length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.length > 32_767).length).toBe(0);
    // The area's unreadable value is quoted in the "no or unreadable data" column: too long, so cut.
    const cut = texts.filter((t) => t.includes("bbbb") && t.length === 32_767);
    expect(cut.length).toBe(1);
    expect(
      cut[0].endsWith(
        "[đã cắt bớt: một ô Excel chứa tối đa 32.767 ký tự / cut: an Excel cell holds at most 32,767 characters]"
      )
    ).toBe(true);
  });
});

describe("formulas with no saved result", () => {
  test("blank and never met; one warning naming the cells in the summary, the JSON and the report", async () => {
    const sheet = readXlsx(new Uint8Array(fs.readFileSync(good))).sheets[0];
    const first = sheet.values.findIndex((r) => typeof r[2] === "string" && /^Khu \d/.test(r[2]));
    // A program that does not calculate wrote the first two areas' road shares as formulas.
    const cells = sheet.values.map((row, r) =>
      row.map((value, c) => ({
        value,
        format: sheet.numberFormats?.[r][c],
        form: (r === first || r === first + 1) && c === 5 ? ("uncalculated" as const) : ("typed" as const),
      }))
    );
    const input = file("chua-tinh.xlsx");
    fs.writeFileSync(input, handWrittenWorkbook([{ name: sheet.name, cells, merges: sheet.merges }]));
    const out = file("chua-tinh-report.xlsx");
    const run = runNtm(bin, ["analyse", input, "--out", out]);
    expect(run.status).toBe(0);
    const cellsNamed = `F${first + 1}, F${first + 2}`;
    expect(run.stderr).toContain(
      `Cảnh báo / Warning: ${input} › ${sheet.name}: ${cellsNamed} là công thức chưa có kết quả lưu, được đọc là ô trống (không bao giờ tính là đạt): hãy mở tệp bằng Excel và lưu lại rồi chạy lại.`
    );
    const json = JSON.parse(runNtm(bin, ["analyse", input, "--json", "--lang", "en"]).stdout) as {
      files: Array<{
        tables: Array<{
          areas: Array<{ notMet: string[]; missing: string[] }>;
          problems: Array<{ code: string; message: { en: string } }>;
        }>;
      }>;
    };
    const table = json.files[0].tables[0];
    expect(table.problems[0].code).toBe("formula-no-result");
    expect(table.problems[0].message.en).toMatch(/formulas with no saved result/);
    for (const area of table.areas.slice(0, 2)) {
      expect(area.notMet).toContain("TC01");
      expect(area.missing).toContain("TC01.1");
    }
    const rows = (await readBack(out)).sheets.get(SHEET_NAMES.areas)!;
    expect(
      rows
        .slice(0, 6)
        .some((r) => String(r[0]).startsWith(`⚠ chua-tinh.xlsx › ${sheet.name}: ${cellsNamed} là công thức`))
    ).toBe(true);
  });
});

describe("ruleset ids named like JavaScript's own properties are refused naming the field", () => {
  test("constructor, __proto__, hasOwnProperty in --ruleset: exit 5, no report, for analyse and ruleset", () => {
    const doc = rulesetToDocument(embeddedRuleset()) as {
      criteria: Array<{ id: string; indicators: Array<{ id: string }> }>;
    };
    doc.criteria[0].id = "constructor";
    doc.criteria[0].indicators[0].id = "__proto__";
    doc.criteria[1].id = "hasOwnProperty";
    const rules = file("proto.json");
    fs.writeFileSync(rules, JSON.stringify(doc));
    const out = file("proto-report.xlsx");
    const run = runNtm(bin, ["analyse", good, "--ruleset", rules, "--out", out]);
    expectExit(
      run,
      5,
      /constructor › id: Mã "constructor" trùng một tên dành riêng/,
      /The id "__proto__" is a name the program reserves/
    );
    expect(run.stderr).toContain("hasOwnProperty › id");
    expect(fs.existsSync(out)).toBe(false);
    expectExit(runNtm(bin, ["ruleset", "--ruleset", rules]), 5, /trùng một tên dành riêng/, /reserves/);
  });

  test("a roadmap file keyed __proto__ or constructor: unknown criteria, said so, nothing broken", async () => {
    const roadmap = file("roadmap-proto.json");
    fs.writeFileSync(
      roadmap,
      '{"format":"ntm-roadmap/1","effort":{"criteria":{"__proto__":{"effort":"low","funding":"state"},"constructor":{"effort":"high","funding":"community"}}}}'
    );
    const out = file("roadmap-proto-report.xlsx");
    const run = runNtm(bin, ["analyse", good, "--roadmap", roadmap, "--out", out]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    const notes = (await readBack(out)).sheets.get(SHEET_NAMES.roadmapSummary)!.flat().map(String);
    expect(notes.some((t) => /__proto__: Bảng mức độ có tiêu chí __proto__ không có trong bộ tiêu chí/.test(t))).toBe(
      true
    );
    expect(notes.some((t) => /constructor: Bảng mức độ có tiêu chí constructor/.test(t))).toBe(true);
  });
});

describe("an output never replaces an input, and every write failure is exit 6 with a message", () => {
  test("--out naming the --ruleset or --roadmap file, directly or through a link: refused, the input kept", () => {
    const rules = file("rules.json");
    fs.writeFileSync(rules, runNtm(bin, ["ruleset"]).stdout);
    const roadmap = file("roadmap.json");
    fs.writeFileSync(roadmap, '{"format":"ntm-roadmap/1","start_year":2020}');
    const link = file("link-to-rules.json");
    fs.linkSync(rules, link);
    // A corrected criteria sheet is an .xlsx ruleset: a report of an earlier run.
    const sheetRules = file("bao-cao-truoc.xlsx");
    expect(runNtm(bin, ["analyse", good, "--out", sheetRules]).status).toBe(0);
    const kept = [sha1(rules), sha1(roadmap), sha1(sheetRules)];
    for (const [args, out] of [
      [["analyse", good, "--ruleset", sheetRules, "--force"], sheetRules],
      [["ruleset", "--ruleset", rules, "--force"], link],
      [["ruleset", "--ruleset", link, "--force"], rules],
    ] as const) {
      expectExit(
        runNtm(bin, [...args, "--out", out]),
        6,
        /không được ghi đè lên tệp đầu vào/,
        /must not replace an input file/
      );
    }
    // A report is an .xlsx: --out naming the roadmap file is refused before anything else.
    expect(runNtm(bin, ["analyse", good, "--roadmap", roadmap, "--out", roadmap, "--force"]).status).toBe(2);
    expect([sha1(rules), sha1(roadmap), sha1(sheetRules)]).toEqual(kept);
  });

  test("a missing folder is made; a folder that cannot be made is exit 6, for every command", () => {
    expect(runNtm(bin, ["ruleset", "--out", file("moi/thu-muc/bo.json")]).status).toBe(0);
    expect(fs.existsSync(file("moi/thu-muc/bo.json"))).toBe(true);
    const blocker = file("la-tep");
    fs.writeFileSync(blocker, "không phải thư mục");
    for (const args of [
      ["ruleset", "--out", path.join(blocker, "bo.json")],
      ["sample", "--out", path.join(blocker, "mau.xlsx")],
      ["analyse", good, "--out", path.join(blocker, "bao-cao.xlsx")],
    ]) {
      expectExit(
        runNtm(bin, args),
        6,
        /Không ghi được tệp \(không tạo được thư mục chứa tệp/,
        /Cannot write the file \(the folder for the file cannot be made/
      );
    }
  });

  test("a write that fails midway (the file size limit, as on a full disk): exit 6, the old file kept, no temporary file", () => {
    for (const [command, out] of [
      ["ruleset", file("day-ruleset.json")],
      ["sample", file("day-sample.xlsx")],
      ["analyse", file("day-report.xlsx")],
    ] as const) {
      fs.writeFileSync(out, "tệp cũ");
      const args = command === "analyse" ? ["analyse", good] : [command];
      const limited = spawnSync(
        "bash",
        ["-c", 'ulimit -f 1; exec "$@"', "ntm", process.execPath, bin, ...args, "--out", out, "--force"],
        {
          encoding: "utf8",
          env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
        }
      );
      expectExit(
        { status: limited.status, stdout: limited.stdout, stderr: limited.stderr },
        6,
        /Không ghi được tệp \(tệp vượt giới hạn kích thước hoặc ổ đĩa đã đầy/,
        /Cannot write the file \(the file size limit was hit or the disk is full/
      );
      expect(fs.readFileSync(out, "utf8")).toBe("tệp cũ");
      expect(leftovers()).toEqual([]);
    }
  });

  /** Wait for `child` to end; its exit code or the signal that ended it. */
  const ending = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, sig) => resolve({ code, signal: sig }))
    );

  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s while an output is being written: its temporary file is removed, the process ends by the signal",
    async (signal) => {
      const folder = file(`atomic-${signal}`);
      fs.mkdirSync(folder);
      // The command line's own writer (the built one), holding its temporary file open until killed.
      const files = path.join(path.dirname(bin), "..", "build", "cli", "cli", "output-files.js");
      const script = `require(${JSON.stringify(files)}).writeOutput(${JSON.stringify(path.join(folder, "bao-cao.xlsx"))},
        async (tmp) => { require("fs").writeFileSync(tmp, "một nửa"); await new Promise((r) => setTimeout(r, 30000)); })`;
      const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
      const ended = ending(child);
      while (leftovers(folder).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      child.kill(signal);
      const end = await ended;
      expect(end.signal).toBe(signal);
      expect(fs.readdirSync(folder)).toEqual([]);
    },
    60_000
  );

  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s during a report run: the process ends by the signal and leaves nothing behind",
    async (signal) => {
      const big = file(`lon-${signal}.xlsx`);
      await writeDistrict(big, { areas: 4000, seed: 3 });
      const folder = file(`out-${signal}`);
      fs.mkdirSync(folder);
      const child = spawn(process.execPath, [bin, "analyse", big, "--out", path.join(folder, "bao-cao.xlsx")], {
        env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
        stdio: "ignore",
      });
      const ended = ending(child);
      // Well into the run: the 4,000 areas are read and assessed before anything is printed or written.
      await new Promise((r) => setTimeout(r, 400));
      expect(child.exitCode).toBeNull();
      child.kill(signal);
      const end = await ended;
      expect(end.signal).toBe(signal);
      expect(fs.readdirSync(folder)).toEqual([]);
    },
    60_000
  );
});
