import * as path from "path";
import { analyseWorkbook } from "../rules/analysis/analyse";
import { readingSummary } from "../rules/analysis/reading-notes";
import { Assessor } from "../rules/assessment/assess";
import { ReadingMemory } from "../rules/reading/reading-memory";
import { InputError, Language, msg, Problem } from "../rules/message";
import { reportFileName } from "../rules/report/build-report";
import { DossierRef, parseDossierList } from "../rules/report/dossier";
import { Rasterizer } from "../documents/chart-picture";
import { RenderedReport, renderReport, ReportOptions, wordReportOf } from "../documents/rendered-report";
import { ResvgRasterizer } from "./resvg-rasterizer";
import { Ruleset } from "../rules/ruleset/ruleset";
import { WorkbookSnapshot } from "../xlsx/read-workbook";
import { choiceOption, integerOption, OptionSpec, readArguments, usageError } from "./args";
import { CliError, EXIT } from "./exit-codes";
import { checkOutput, CommandInput, OutputKind, writeFileOutput } from "./output-files";
import { snapshotFile, snapshotWorkbook } from "./read-files";
import { Io } from "./io";
import { loadRuleset } from "./ruleset-file";
import { FileResult, jsonReport, summaryText, warningText } from "./summary";
import { writeReport } from "./report-file";
import { loadRoadmapSettings } from "./roadmap-file";

export const ANALYSE_OPTIONS = {
  out: { type: "string", short: "o" },
  sheet: { type: "string", multiple: true },
  ruleset: { type: "string" },
  roadmap: { type: "string" },
  year: { type: "string" },
  lang: { type: "string" },
  docx: { type: "string" },
  dossier: { type: "string" },
  json: { type: "boolean" },
  force: { type: "boolean", short: "f" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

/** Where the report goes when --out is not given: beside a single input, else in the current folder. */
export function defaultReportPath(files: string[]): string {
  const name = reportFileName(files.map((f) => path.basename(f)));
  return files.length === 1 ? path.join(path.dirname(files[0]), name) : name;
}

/** The report files: an .xlsx at --out, a Word .docx at --docx (so never the same file). */
const REPORT: OutputKind = { option: "--out", extension: ".xlsx", what: msg("Báo cáo", "The report") };
const WORD_REPORT: OutputKind = { option: "--docx", extension: ".docx", what: msg("Báo cáo", "The report") };

/** Problems of one file, each located as "file › where". */
const inFile = (file: string, problems: Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, where: p.where ? `${file} › ${p.where}` : file }));

/** Find and assess every table of one file already read (or of the sheets named with --sheet). */
async function analyseSnapshot(
  file: string,
  snapshot: WorkbookSnapshot,
  assessor: Assessor,
  memory: ReadingMemory,
  options: { sheets?: string[]; year?: number }
): Promise<FileResult> {
  try {
    const analysis = await analyseWorkbook(snapshotWorkbook(snapshot), {
      ruleset: assessor.ruleset,
      assessor,
      memory,
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

/** The report and its charts; a --dossier entry not found in the tables is a usage error. */
async function rendered(
  results: FileResult[],
  ruleset: Ruleset,
  language: Language,
  options: ReportOptions,
  rasterizer: Rasterizer
): Promise<RenderedReport> {
  try {
    return await renderReport(
      results.flatMap((r) => r.analysis.tables),
      ruleset,
      language,
      options,
      rasterizer
    );
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.usage, e.problems);
    throw e;
  }
}

/** The areas the officer lists for the recognition dossier (`--dossier "Xã A/Khu 1; Xã B/Khu 2"`). */
function dossierOption(text: string | undefined): DossierRef[] | undefined {
  if (text === undefined) return undefined;
  const refs = parseDossierList(text);
  if (refs.length === 0) {
    throw usageError(
      "--dossier",
      '--dossier cần danh sách khu, ví dụ "Xã Hùng Xuyên/Khu 3; Xã Yên Nội/Khu 1".',
      '--dossier needs a list of areas, e.g. "Xã Hùng Xuyên/Khu 3; Xã Yên Nội/Khu 1".'
    );
  }
  return refs;
}

/** `ntm analyse FILE.xlsx... [--out REPORT.xlsx] [--docx REPORT.docx] [--dossier LIST] [--sheet NAME] [--ruleset FILE] [--year N] [--json] [--force] [--lang vi|en]` */
export async function analyseCommand(argv: string[], io: Io): Promise<number> {
  const args = readArguments(argv, ANALYSE_OPTIONS);
  const language = choiceOption("lang", args.values.lang, ["vi", "en"] as const, "vi");
  if (args.values.help === true) {
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
  const year = integerOption("year", args.values.year, 2000, 2100);
  const json = args.values.json === true;
  const out = args.values.out ?? (json ? undefined : defaultReportPath(files));
  const docx = args.values.docx;
  const rulesetFile = args.values.ruleset;
  const roadmapFile = args.values.roadmap;
  const inputs: CommandInput[] = [
    ...files.map((file) => ({ file, what: msg("tệp cần đánh giá", "a workbook to assess") })),
    { file: rulesetFile, what: msg("tệp --ruleset", "the --ruleset file") },
    { file: roadmapFile, what: msg("tệp --roadmap", "the --roadmap file") },
  ];
  const force = args.values.force === true;
  if (out !== undefined) checkOutput(out, REPORT, inputs, force);
  if (docx !== undefined) checkOutput(docx, WORD_REPORT, inputs, force);
  const dossier = dossierOption(args.values.dossier);
  const ruleset = await loadRuleset(rulesetFile);
  const roadmap = loadRoadmapSettings(roadmapFile);

  // Every file is read before anything is written, and every fault is listed at once. The files share
  // one Assessor and one reading memory: a province's districts repeat the same values and headers.
  const assessor = new Assessor(ruleset);
  const memory = new ReadingMemory();
  const results: FileResult[] = [];
  const failures: CliError[] = [];
  for (const file of files) {
    try {
      const snapshot = snapshotFile(file);
      results.push(await analyseSnapshot(file, snapshot, assessor, memory, { sheets: args.values.sheet, year }));
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

  let written: string[] = [];
  if (out !== undefined || docx !== undefined) {
    // The "tables read" sheet: every table of every file, and what was skipped.
    const reading = results.map((r) => readingSummary(r.analysis, path.basename(r.file)));
    const options: ReportOptions = {
      roadmap,
      year,
      dossier,
      reading: { tables: reading.flatMap((x) => x.tables), skipped: reading.flatMap((x) => x.skipped) },
    };
    const rasterizer = new ResvgRasterizer();
    const report = await rendered(results, ruleset, language, options, rasterizer);
    // The Word report is made before anything is written, so a fault in it leaves no file half done.
    let word: Uint8Array | undefined;
    if (docx !== undefined) {
      const vi = language === "vi" ? report : await rendered(results, ruleset, "vi", options, rasterizer);
      word = await wordReportOf(
        results.flatMap((r) => r.analysis.tables),
        ruleset,
        vi,
        options
      );
    }
    if (out !== undefined) written = await writeReport(out, report.report.sheets, report.pictures);
    if (docx !== undefined && word) await writeFileOutput(docx, word);
  }
  if (json) {
    io.out(JSON.stringify(jsonReport(results, ruleset, language, { year, report: out }), null, 2));
    return EXIT.ok;
  }
  io.out(summaryText(results, ruleset, language, year));
  io.out("");
  if (out !== undefined) {
    io.out(
      language === "vi"
        ? `Đã ghi báo cáo: ${out} (${written.length} trang: ${written.join(", ")})`
        : `Report written: ${out} (${written.length} sheets: ${written.join(", ")})`
    );
  }
  if (docx !== undefined) io.out(language === "vi" ? `Đã ghi báo cáo Word: ${docx}` : `Word report written: ${docx}`);
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
      --docx BÁO-CÁO.docx báo cáo Word theo thể thức Nghị định 30/2020/NĐ-CP (biểu đồ, lộ trình, phụ lục hồ sơ công nhận)
      --dossier "Xã/Khu; …" các khu lập hồ sơ công nhận (mặc định: các khu đạt đủ tiêu chí)
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
      --docx REPORT.docx  a Word report in the state's document form (Decree 30/2020): charts, roadmap, dossier annex
      --dossier "Commune/Area; …" areas for the recognition dossier (default: the areas meeting every criterion)
      --year N            assessment year (picks year-dependent thresholds where the ruleset has them)
      --json              print the results as JSON on stdout (no report unless --out is given)
  -f, --force             replace an existing report
      --lang vi|en        language of the report and summary (default vi)`,
};
