import * as fs from "fs";
import * as path from "path";
import { analyseWorkbook, readingSummary, writeOwnSheets } from "../rules/analysis";
import { InputError, Language, problem, Problem } from "../rules/message";
import { PlanSettings, reportSheets } from "../rules/report";
import { roadmapSettingsFromDocument } from "../rules/roadmap-settings";
import { Ruleset } from "../rules/ruleset";
import { WorkbookSnapshot } from "../xlsx/read-workbook";
import { choiceOption, integerOption, OptionSpec, parseArgs, usageError } from "./args";
import { CliError, EXIT } from "./exit-codes";
import { isInput, outputIsInput, readJsonText, writeOutput } from "./files";
import { snapshotFile, snapshotWorkbook } from "./read-files";
import { Io } from "./io";
import { loadRuleset } from "./ruleset-file";
import { FileResult, jsonReport, summaryText, warningText } from "./summary";
import { XlsxWorkbook } from "./xlsx-workbook";

export const ANALYSE_OPTIONS: OptionSpec = {
  out: { kind: "value", short: "o" },
  sheet: { kind: "value", repeat: true },
  ruleset: { kind: "value" },
  roadmap: { kind: "value" },
  year: { kind: "value" },
  lang: { kind: "value" },
  json: { kind: "flag" },
  force: { kind: "flag", short: "f" },
  help: { kind: "flag", short: "h" },
};

/** Where the report goes when --out is not given: beside a single input, else in the current folder. */
export function defaultReportPath(files: string[]): string {
  if (files.length === 1) {
    const f = files[0];
    return path.join(path.dirname(f), `${path.basename(f, path.extname(f))}-bao-cao.xlsx`);
  }
  return "bao-cao-ntm-tong-hop.xlsx";
}

const outputError = (where: string, vi: string, en: string) =>
  new CliError(EXIT.output, [problem("output", where, vi, en)]);

/**
 * Refuse early, before any work: a report that would replace an input (an .xlsx, the --ruleset or
 * --roadmap file), or an existing one without --force.
 */
function checkOutput(out: string, inputs: Array<string | undefined>, force: boolean): void {
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw usageError(
      "--out",
      `Báo cáo phải là tệp .xlsx, không phải "${out}".`,
      `The report must be an .xlsx file, not "${out}".`
    );
  }
  if (isInput(out, inputs)) throw outputIsInput(out);
  if (!fs.existsSync(out)) return;
  if (fs.statSync(out).isDirectory()) {
    throw outputError(
      out,
      "Đây là một thư mục; hãy cho tên tệp báo cáo .xlsx.",
      "This is a folder; give a report file name ending in .xlsx."
    );
  }
  if (!force) {
    throw outputError(
      out,
      "Tệp báo cáo đã có. Thêm --force để ghi đè, hoặc chọn tên khác với --out.",
      "The report file already exists. Add --force to replace it, or choose another name with --out."
    );
  }
}

/** Problems of one file, each located as "file › where". */
const inFile = (file: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, where: p.where ? `${file} › ${p.where}` : file }));

/** Find and assess every table of one file already read (or of the sheets named with --sheet). */
async function analyseSnapshot(
  file: string,
  snapshot: WorkbookSnapshot,
  ruleset: Ruleset,
  options: { sheets?: string[]; year?: number }
): Promise<FileResult> {
  try {
    const analysis = await analyseWorkbook(snapshotWorkbook(snapshot), {
      ruleset,
      year: options.year,
      sheets: options.sheets,
      // Where the areas came from, shown as the source file: never taken for a district.
      source: path.basename(file),
    });
    return { file, analysis };
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.noTable, inFile(file, e.problems));
    throw e;
  }
}

/** Roadmap settings from `--roadmap FILE.json` ("ntm-roadmap/1"); none given: the five-year defaults. */
function loadRoadmapSettings(file: string | undefined): PlanSettings {
  if (file === undefined) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(readJsonText(file));
  } catch (e) {
    const reason = e instanceof CliError ? e.problems[0].message : undefined;
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new CliError(EXIT.ruleset, [
      problem(
        "roadmap-file",
        file,
        `Không đọc được tệp lộ trình (${reason?.vi ?? detail}).`,
        `Cannot read the roadmap file (${reason?.en ?? detail}).`
      ),
    ]);
  }
  try {
    return roadmapSettingsFromDocument(doc, path.basename(file));
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.ruleset, e.problems);
    throw e;
  }
}

/**
 * The report workbook with the same sheets the pane writes, written whole or not at all. A streaming
 * writer: each row goes to disk once, so a province report costs little time or memory.
 */
async function writeReport(
  out: string,
  results: FileResult[],
  ruleset: Ruleset,
  language: Language,
  roadmap: PlanSettings,
  year?: number
): Promise<string[]> {
  const reading = results.map((r) => readingSummary(r.analysis, path.basename(r.file)));
  const sheets = reportSheets(
    results.flatMap((r) => r.analysis.tables),
    ruleset,
    language,
    roadmap,
    year,
    { reading: { tables: reading.flatMap((x) => x.tables), skipped: reading.flatMap((x) => x.skipped) } }
  );
  let written: string[] = [];
  await writeOutput(out, async (tmp) => {
    // The streaming writer alone: loading all of exceljs would cost twice as long (its readers).
    const { default: WorkbookWriter } = await import("exceljs/lib/stream/xlsx/workbook-writer");
    const writer = new WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: false,
    });
    writer.creator = "ntm";
    written = (await writeOwnSheets(new XlsxWorkbook(writer, { streaming: true }), sheets)).written;
    await writer.commit();
  });
  return written;
}

/** `ntm analyse FILE.xlsx... [--out REPORT.xlsx] [--sheet NAME] [--ruleset FILE] [--year N] [--json] [--force] [--lang vi|en]` */
export async function analyseCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ANALYSE_OPTIONS);
  const language = choiceOption(args, "lang", ["vi", "en"] as const, "vi");
  if (args.flags.has("help")) {
    io.out(ANALYSE_HELP[language]);
    return EXIT.ok;
  }
  const files = [...new Set(args.positionals)];
  if (files.length === 0) {
    throw usageError(
      "analyse",
      "Cần ít nhất một tệp .xlsx: ntm analyse TỆP.xlsx …",
      "At least one .xlsx file is needed: ntm analyse FILE.xlsx …"
    );
  }
  const year = integerOption(args, "year", 2000, 2100);
  const json = args.flags.has("json");
  const out = args.values.get("out") ?? (json ? undefined : defaultReportPath(files));
  const rulesetFile = args.values.get("ruleset");
  const roadmapFile = args.values.get("roadmap");
  if (out !== undefined) checkOutput(out, [...files, rulesetFile, roadmapFile], args.flags.has("force"));
  const ruleset = await loadRuleset(rulesetFile);
  const roadmap = loadRoadmapSettings(roadmapFile);

  // Every file is read before anything is written, and every fault is listed at once.
  const results: FileResult[] = [];
  const failures: CliError[] = [];
  for (const file of files) {
    try {
      const snapshot = snapshotFile(file);
      results.push(await analyseSnapshot(file, snapshot, ruleset, { sheets: args.lists.get("sheet"), year }));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length > 0)
    throw new CliError(
      failures[0].exitCode,
      failures.flatMap((f) => f.problems)
    );

  const written = out !== undefined ? await writeReport(out, results, ruleset, language, roadmap, year) : [];
  if (json) {
    io.out(JSON.stringify(jsonReport(results, ruleset, language, { year, report: out }), null, 2));
    return EXIT.ok;
  }
  io.out(summaryText(results, ruleset, language, year));
  io.out("");
  io.out(
    language === "vi"
      ? `Đã ghi báo cáo: ${out} (${written.length} trang: ${written.join(", ")})`
      : `Report written: ${out} (${written.length} sheets: ${written.join(", ")})`
  );
  const warnings = warningText(results, language);
  if (warnings) io.err(warnings);
  return EXIT.ok;
}

export const ANALYSE_HELP: Record<Language, string> = {
  vi: `Cách dùng: ntm analyse TỆP.xlsx... [tùy chọn]

Đánh giá mọi khu dân cư trong mọi bảng của mỗi tệp (mọi trang, mỗi khu một dòng hoặc bảng ngang mỗi khu
một cột) và ghi báo cáo (cùng các trang như bảng tác vụ trong Excel). Nhiều tệp: thêm trang tổng hợp
toàn tỉnh. Bảng đọc không đáng tin (ví dụ các dòng mang tên tiêu chí) bị từ chối, mã thoát 4.

  -o, --out BÁO-CÁO.xlsx  nơi ghi báo cáo (mặc định: TỆP-bao-cao.xlsx cạnh tệp, hoặc bao-cao-ntm-tong-hop.xlsx)
      --sheet TÊN         chỉ đọc trang này (cho nhiều lần để chọn nhiều trang; mặc định: mọi trang có bảng)
      --ruleset TỆP       bộ tiêu chí: tệp .json, hoặc .xlsx có trang "NTM - Bộ tiêu chí" đã sửa ngưỡng
      --roadmap TỆP       thiết lập lộ trình (.json): năm, mục tiêu, số khu/xã/năm, thưởng, năng lực, xã đã đạt chuẩn, mức độ tiêu chí
      --year NĂM          năm đánh giá (chọn ngưỡng theo năm nếu bộ tiêu chí có)
      --json              in kết quả dạng JSON ra stdout (không ghi báo cáo trừ khi có --out)
  -f, --force             ghi đè báo cáo đã có
      --lang vi|en        ngôn ngữ của báo cáo và bảng tóm tắt (mặc định vi)`,
  en: `Usage: ntm analyse FILE.xlsx... [options]

Assess every residential area in every table of each file (every sheet; one area per row, or sideways
with one area per column) and write a report (the same sheets the Excel task pane writes). Several
files: a province roll-up sheet too. A table whose reading cannot be trusted (e.g. rows named after
criteria) is refused with exit code 4.

  -o, --out REPORT.xlsx   where to write the report (default: FILE-bao-cao.xlsx beside it, or bao-cao-ntm-tong-hop.xlsx)
      --sheet NAME        read only this sheet (repeat it for several; default: every sheet with a table)
      --ruleset FILE      criteria: a .json file, or an .xlsx with a corrected "NTM - Bộ tiêu chí" sheet
      --roadmap FILE      roadmap settings (.json): years, target, areas per commune a year, reward, capacity, communes at standard, effort classes
      --year N            assessment year (picks year-dependent thresholds where the ruleset has them)
      --json              print the results as JSON on stdout (no report unless --out is given)
  -f, --force             replace an existing report
      --lang vi|en        language of the report and summary (default vi)`,
};
