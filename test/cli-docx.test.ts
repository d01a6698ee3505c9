import * as fs from "fs";
import * as path from "path";
import { SHEET_NAMES } from "../src/rules/workbook";
import { openDocx, paragraphs, tables } from "./support/docx";
import { builtCli, district, readBack, runNtm, tempDir, writeDistrict } from "./support/workbooks";

/**
 * `ntm analyse --docx` and `--dossier` as a user runs them: the Word report beside the workbook, both from
 * one analysis; the charts as pictures in the workbook too; every fault refused before anything is written.
 */

let bin: string;
let dir: string;
let input: string;

beforeAll(async () => {
  bin = builtCli();
  dir = tempDir("docx");
  input = path.join(dir, "thanh-ba.xlsx");
  await writeDistrict(input, { district: district("Thanh Ba"), areas: 48, seed: 21 });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

describe("ntm analyse --docx", () => {
  test("writes the Word report and the workbook from one analysis, the charts as pictures in both", async () => {
    const out = file("bao-cao.xlsx");
    const docx = file("bao-cao.docx");
    const run = runNtm(bin, ["analyse", input, "-o", out, "--docx", docx, "--year", "2019"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Đã ghi báo cáo Word: ${docx}`);
    const { workbook, sheets } = await readBack(out);
    expect([...sheets.keys()]).toContain(SHEET_NAMES.dossier);
    for (const name of [SHEET_NAMES.distribution, SHEET_NAMES.criteria, SHEET_NAMES.roadmapSummary]) {
      expect(workbook.getWorksheet(name)!.getImages()).toHaveLength(1);
      expect(workbook.getWorksheet(name)!.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    }
    // The dossier sheet lists the same areas as the annex of the Word report.
    const dossierRows = sheets.get(SHEET_NAMES.dossier)!;
    const onSheet = dossierRows.filter((r) => typeof r[1] === "string" && /\(13\/13\)$/.test(r[1])).map((r) => r[1]);
    const document = openDocx(fs.readFileSync(docx)).text("word/document.xml");
    const text = paragraphs(document);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const inAnnex = text.filter((p) => /^\d+\. .+: đạt 13\/13 tiêu chí$/.test(p));
    expect(inAnnex.length).toBe(onSheet.length);
    expect(inAnnex.length).toBeGreaterThan(0);
    // The same figures as the summary the command printed.
    const printed = /^Thanh Ba\s+(\d+)\s+(\d+)/m.exec(run.stdout)!;
    const communes = tables(document).find((t) => t[0][1] === "Xã")!;
    expect(communes[communes.length - 1].slice(2, 4)).toEqual([printed[1], printed[2]]);
  });

  test("--lang en writes English sheets and the Word report still in Vietnamese", async () => {
    const docx = file("en.docx");
    const run = runNtm(bin, ["analyse", input, "-o", file("en.xlsx"), "--docx", docx, "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Word report written: ${docx}`);
    const text = paragraphs(openDocx(fs.readFileSync(docx)).text("word/document.xml"));
    expect(text).toContain("I. KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ");
  });

  test("--dossier lists the areas of the annex and the sheet; an area not in the table is refused by name (exit 2), nothing written", async () => {
    const json = JSON.parse(runNtm(bin, ["analyse", input, "--json"]).stdout) as {
      files: Array<{ tables: Array<{ areas: Array<{ commune: string; name: string; meetsAll: boolean }> }> }>;
    };
    const [a, b] = json.files[0].tables[0].areas.filter((x) => !x.meetsAll);
    const docx = file("chosen.docx");
    const chosen = `${a.commune}/${a.name}; ${b.commune}/${b.name}`;
    const ok = runNtm(bin, ["analyse", input, "-o", file("chosen.xlsx"), "--docx", docx, "--dossier", chosen]);
    expect(ok.status).toBe(0);
    const text = paragraphs(openDocx(fs.readFileSync(docx)).text("word/document.xml"));
    expect(text.filter((p) => /^\d+\. .+: đạt \d+\/13 tiêu chí$/.test(p))).toEqual([
      expect.stringContaining(`1. ${a.name}, ${a.commune}`),
      expect.stringContaining(`2. ${b.name}, ${b.commune}`),
    ]);

    const refused = runNtm(bin, [
      "analyse",
      input,
      "-o",
      file("refused.xlsx"),
      "--docx",
      file("refused.docx"),
      "--dossier",
      "Xã Không Có/Khu 99",
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Không có khu dân cư "Xã Không Có/Khu 99" trong bảng');
    expect(refused.stderr).toContain('No residential area "Xã Không Có/Khu 99" in the table');
    expect(fs.existsSync(file("refused.xlsx"))).toBe(false);
    expect(fs.existsSync(file("refused.docx"))).toBe(false);
  });

  test("a commune's own workbook (commune in the title) names its committee; a workbook of one sheet per commune gets a row per commune and no district", () => {
    const commune = file("xa.xlsx");
    expect(runNtm(bin, ["sample", "--shape", "commune", "--commune", "Thanh Thủy", "--out", commune]).status).toBe(0);
    const one = file("xa.docx");
    expect(runNtm(bin, ["analyse", commune, "--docx", one, "--json"]).status).toBe(0);
    const [head] = tables(openDocx(fs.readFileSync(one)).text("word/document.xml"));
    expect(head[0][0].split("\n").slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ THANH THỦY"]);
    expect(head[1]).toEqual(["Số: ……/BC-UBND", "Thanh Thủy, ngày …… tháng …… năm ……"]);

    const communes = file("cac-xa.xlsx");
    expect(runNtm(bin, ["sample", "--shape", "communes", "--out", communes]).status).toBe(0);
    const many = file("cac-xa.docx");
    const run = runNtm(bin, ["analyse", communes, "--docx", many, "--json"]);
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as { files: Array<{ tables: Array<{ areas: Array<{ commune: string }> }> }> };
    const names = [...new Set(read.files[0].tables.flatMap((t) => t.areas.map((a) => a.commune)))];
    const document = openDocx(fs.readFileSync(many)).text("word/document.xml");
    const byCommune = tables(document).find((t) => t[0][1] === "Xã")!;
    expect(byCommune.slice(1, -1).map((r) => r[1])).toEqual(names);
    expect(document).not.toMatch(/Huyện|HUYỆN/);
  });

  test("a report that is not .docx, or exists without --force, is refused before any work", () => {
    const wrong = runNtm(bin, ["analyse", input, "--docx", file("bao-cao.doc")]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Báo cáo phải là tệp .docx");
    fs.writeFileSync(file("existing.docx"), "keep");
    const kept = runNtm(bin, ["analyse", input, "-o", file("x.xlsx"), "--docx", file("existing.docx")]);
    expect(kept.status).toBe(6);
    expect(fs.readFileSync(file("existing.docx"), "utf8")).toBe("keep");
    expect(fs.existsSync(file("x.xlsx"))).toBe(false);
    const empty = runNtm(bin, ["analyse", input, "--dossier", " ; "]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("--dossier cần danh sách khu");
  });
});
