import * as fs from "fs";
import * as path from "path";
import { builtCli, Run, runNtm, sha1, tempDir, writeDistrict } from "./support/workbooks";

/**
 * Every command that writes a file checks its output path the same way, before any work: a folder, a
 * wrong extension, one of its own inputs or (without --force) a file already there is refused with the
 * exit code of its class and a message naming the option and the path, and nothing on disk changes.
 */

let bin: string;
let dir: string;
let good: string;
let rules: string;

beforeAll(async () => {
  bin = builtCli();
  dir = tempDir("outputs");
  good = path.join(dir, "thanh-ba.xlsx");
  await writeDistrict(good, { areas: 12, seed: 5 });
  rules = path.join(dir, "bo-tieu-chi.json");
  fs.writeFileSync(rules, runNtm(bin, ["ruleset"]).stdout);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

/** Every file under the test folder with its content's hash, and every folder: what "nothing changed" means. */
function disk(folder = dir): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) Object.assign(seen, { [full]: "folder" }, disk(full));
    else seen[full] = sha1(full);
  }
  return seen;
}

/** A refusal: its exit code, both language lines naming `option` and `out`, no result printed. */
function expectRefused(run: Run, code: number, option: string, out: string, vi: RegExp, en: RegExp): void {
  expect(run.status).toBe(code);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n");
  const viLine = lines.find((l) => l.startsWith("Lỗi: ")) ?? "";
  const enLine = lines.find((l) => l.startsWith("Error: ")) ?? "";
  for (const line of [viLine, enLine]) {
    expect(line).toContain(option);
    expect(line).toContain(out);
  }
  expect(viLine).toMatch(vi);
  expect(enLine).toMatch(en);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}

interface Writer {
  name: string;
  option: "--out" | "--docx";
  extension: string;
  /** The command line writing `out` at the option (with the inputs it needs). */
  args: (out: string) => string[];
  /** A command line whose output is one of its inputs (under the option's extension), or none: sample reads no file. */
  overInput?: () => { args: string[]; out: string };
}

const WRITERS: Writer[] = [
  {
    name: "analyse --out",
    option: "--out",
    extension: ".xlsx",
    args: (out) => ["analyse", good, "--out", out],
    overInput: () => ({ args: ["analyse", good, "--out", good, "--force"], out: good }),
  },
  {
    name: "analyse --docx",
    option: "--docx",
    extension: ".docx",
    // With --out too (a name of its own each time): a refused --docx must stop the .xlsx report as well.
    args: (out) => ["analyse", good, "--out", `${out}.kem.xlsx`, "--docx", out],
    overInput: () => {
      // The workbook under another name, a .docx one: the same file on disk.
      const link = file("thanh-ba-lien-ket.docx");
      if (!fs.existsSync(link)) fs.linkSync(good, link);
      return { args: ["analyse", good, "--json", "--docx", link, "--force"], out: link };
    },
  },
  {
    name: "sample --out",
    option: "--out",
    extension: ".xlsx",
    args: (out) => ["sample", "--areas", "3", "--out", out],
  },
  {
    name: "ruleset --out",
    option: "--out",
    extension: ".json",
    args: (out) => ["ruleset", "--out", out],
    overInput: () => ({ args: ["ruleset", "--ruleset", rules, "--out", rules, "--force"], out: rules }),
  },
];

describe.each(WRITERS)("$name: one check of the output path", (w) => {
  const slug = w.name.replace(/\W+/g, "-");

  test("a file already there is kept without --force (exit 6), replaced with it", () => {
    const out = file(`co-san${slug}${w.extension}`);
    fs.writeFileSync(out, "tệp cũ của cán bộ");
    const before = disk();
    expectRefused(
      runNtm(bin, w.args(out)),
      6,
      w.option,
      out,
      /Tệp đã có\. Thêm --force để ghi đè, hoặc chọn tên khác với/,
      /The file already exists\. Add --force to replace it, or choose another name with/
    );
    expect(disk()).toEqual(before);
    // The refusal is the file's being there, not the command failing: --force replaces it.
    expect(runNtm(bin, [...w.args(out), "--force"]).status).toBe(0);
    expect(fs.readFileSync(out, "utf8")).not.toBe("tệp cũ của cán bộ");
  });

  test.each([
    ["with the extension", w.extension],
    ["without one", ""],
  ])("a folder (%s) is refused even with --force (exit 6), its content kept", (_, extension) => {
    const folder = file(`thu-muc${slug}${extension}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "giu-lai.txt"), "không được mất");
    const before = disk();
    for (const force of [[], ["--force"]]) {
      expectRefused(
        runNtm(bin, [...w.args(folder), ...force]),
        6,
        w.option,
        folder,
        new RegExp(`Đây là một thư mục, không phải tệp; hãy cho ${w.option} một tên tệp \\${w.extension}`),
        new RegExp(`This is a folder, not a file; give ${w.option} a file name ending in \\${w.extension}`)
      );
      expect(disk()).toEqual(before);
    }
  });

  test("a wrong extension is a usage error (exit 2), nothing written", () => {
    const out = file(`sai-duoi${slug}${w.extension === ".xlsx" ? ".json" : ".xlsx"}`);
    const before = disk();
    expectRefused(
      runNtm(bin, [...w.args(out), "--force"]),
      2,
      w.option,
      out,
      new RegExp(`phải là tệp \\${w.extension}, không phải`),
      new RegExp(`must be an \\${w.extension} file, not`)
    );
    expect(disk()).toEqual(before);
  });

  const overInput = w.overInput;
  if (overInput) {
    test("one of its inputs, under any name, is refused even with --force (exit 6), the input kept", () => {
      const { args, out } = overInput();
      const before = disk();
      expectRefused(
        runNtm(bin, args),
        6,
        w.option,
        out,
        /Tệp ghi ra không được ghi đè lên tệp đầu vào \(.+\)\. Hãy chọn tên khác với/,
        /The output must not replace an input file \(.+\)\. Choose another name with/
      );
      expect(disk()).toEqual(before);
    });
  }
});

test("the input refused is named: the workbook, the --ruleset or the --roadmap file", () => {
  const roadmap = file("lo-trinh.docx");
  fs.writeFileSync(roadmap, '{"format":"ntm-roadmap/1","start_year":2020}');
  const sheetRules = file("bao-cao-truoc.xlsx");
  expect(runNtm(bin, ["analyse", good, "--out", sheetRules]).status).toBe(0);
  const cases: Array<[string[], RegExp, RegExp]> = [
    [["analyse", good, "--out", good, "--force"], /\(tệp cần đánh giá\)/, /\(a workbook to assess\)/],
    [
      ["analyse", good, "--ruleset", sheetRules, "--out", sheetRules, "--force"],
      /\(tệp --ruleset\)/,
      /\(the --ruleset file\)/,
    ],
    [
      ["analyse", good, "--json", "--roadmap", roadmap, "--docx", roadmap, "--force"],
      /\(tệp --roadmap\)/,
      /\(the --roadmap file\)/,
    ],
  ];
  for (const [args, vi, en] of cases) {
    const run = runNtm(bin, args);
    expect(run.status).toBe(6);
    expect(run.stderr).toMatch(vi);
    expect(run.stderr).toMatch(en);
  }
});
