import { Assessor } from "../assessment/assess";
import { formulasWithoutResultProblem } from "../reading/formula-results";
import { InputError, Language, msg, Problem, problem } from "../message";
import { otherOrientation, sheetView } from "../reading/orientation";
import { Ruleset } from "../ruleset/ruleset";
import { embeddedRuleset, parseRulesetJson } from "../ruleset/ruleset-document";
import { Implausibility, implausibilities, ReadingFacts } from "../reading/sanity";
import { ReadingMemory } from "../reading/reading-memory";
import { readAreas } from "../reading/sheet-table";
import { findTables, FoundTable, FoundTables, skippedText, tableRange, tablesOfSheet } from "../reading/table-finder";
import { fileAndSheet, SETTING_KEYS, SheetData, Workbook } from "../workbook";
import { SheetAnalysis, WorkbookAnalysis, TableChoice, AnalyseOptions } from "./analysis-shapes";
import { readingNotes, unknownGroups } from "./reading-notes";

/*
 * The analysis pipeline, written once above the Workbook interface: the task pane runs it on Office.js,
 * the command line on exceljs, the tests on MemoryWorkbook. Each step is a constant number of
 * workbook calls, whatever the number of rows.
 */

/** The ruleset the workbook carries (corrected by an officer), else the embedded one. */
export async function workbookRuleset(workbook: Workbook): Promise<Ruleset> {
  const saved = await workbook.loadSetting(SETTING_KEYS.ruleset);
  return saved ? parseRulesetJson(saved, SETTING_KEYS.ruleset) : embeddedRuleset();
}

/** The tables the user gave, each sheet read once. */
async function givenTables(workbook: Workbook, choices: TableChoice[]): Promise<FoundTables> {
  const names = await workbook.sheetNames();
  const missing = [...new Set(choices.map((c) => c.sheet))].filter((n) => !names.includes(n));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((n) =>
        problem(
          "no-sheet",
          n,
          `Không có trang "${n}" (đã đổi tên hay xóa?). Hãy tìm lại bảng.`,
          `No sheet "${n}" (renamed or deleted?). Find the tables again.`
        )
      )
    );
  }
  const read = new Map<string, SheetData>();
  const tables: FoundTable[] = [];
  for (const choice of choices) {
    let data = read.get(choice.sheet);
    if (!data) read.set(choice.sheet, (data = await workbook.readSheet(choice.sheet)));
    tables.push({
      data,
      view: sheetView(data, choice.layout.orientation ?? "rows"),
      layout: choice.layout,
      source: choice.detected ? "detected" : "given",
    });
  }
  return { tables, skipped: [], notes: [] };
}

interface TableReading {
  analysis: SheetAnalysis;
  facts: ReadingFacts;
}

/** Read a table's areas and assess them all with the ruleset's Assessor; undefined when it has none. */
async function readTable(
  found: FoundTable,
  assessor: Assessor,
  options: TableOptions
): Promise<TableReading | undefined> {
  const { ruleset } = assessor;
  const read = readAreas(found.view, found.layout, ruleset, options.memory);
  if (read.areas.length === 0) return undefined;
  const sheet = found.data.name;
  for (const a of read.areas) a.sheet = sheet;
  const assessments = await assessor.assessAll(read.areas, { year: options.year });
  const range = tableRange(found);
  const notes = readingNotes(found, range);
  const unknown = unknownGroups(read.areas, ruleset);
  if (unknown) notes.push(problem("group-unknown", `${sheet}!${range}`, unknown.vi, unknown.en));
  // Per sheet: every table of a sheet carries its formulas without a saved result.
  const unsaved = formulasWithoutResultProblem(found.data);
  const placeless = read.areas.filter((a) => a.commune.trim() === "").length;
  if (placeless > 0) {
    notes.push(
      problem(
        "no-commune",
        `${sheet}!${range}`,
        `${placeless} khu không rõ thuộc xã nào (không có cột xã, dòng tên xã, tên trang hay tiêu đề nêu xã): bảng theo xã và lộ trình (số khu mỗi xã mỗi năm) coi chúng là một xã.`,
        `${placeless} areas belong to no named commune (no commune column, section row, sheet name or title names one): the commune sheet and the roadmap (areas per commune a year) count them as one commune.`
      )
    );
  }
  const analysis: SheetAnalysis = {
    // The file named by a sheet of several files ("[file]sheet"), as the command line names each of its files.
    source: options.source ?? fileAndSheet(sheet).file ?? sheet,
    sheet,
    district: found.layout.district,
    assessments,
    problems: unsaved ? [unsaved, ...read.problems] : read.problems,
    layout: found.layout,
    skipped: read.skipped,
    data: found.data,
    view: found.view,
    range,
    notes,
  };
  return {
    analysis,
    facts: { assessments, labels: read.labels, unnamed: read.unnamed, cells: read.cells, readable: read.readable },
  };
}

interface TableOptions {
  year?: number;
  source?: string;
  /** The analysis's reading memory: values and headers repeated over its tables are read once. */
  memory: ReadingMemory;
}

/** One sheet's tables read and checked: their readings, and what the checks found (none: believable). */
async function readSheetTables(
  tables: FoundTable[],
  assessor: Assessor,
  options: TableOptions
): Promise<{ readings: Array<TableReading | undefined>; findings: Implausibility[] }> {
  const readings: Array<TableReading | undefined> = [];
  const findings: Implausibility[] = [];
  for (const t of tables) {
    const reading = await readTable(t, assessor, options);
    readings.push(reading);
    if (reading) findings.push(...implausibilities(reading.facts, assessor.ruleset, options.memory));
  }
  return { readings, findings };
}

const findingsText = (findings: Implausibility[], language: Language): string =>
  findings.map((f) => f.message[language]).join("; ");

function implausibleProblem(sheet: string, range: string, findings: Implausibility[], bothWays: boolean): Problem {
  return problem(
    "implausible-table",
    `${sheet}!${range}`,
    `Trang "${sheet}" không được đánh giá vì cách đọc bảng không đáng tin: ${findingsText(findings, "vi")}${bothWays ? " Đã thử đọc cả theo chiều ngang (mỗi khu một cột) và chiều dọc." : ""} Không ghi kết quả nào. Hãy kiểm tra dòng tiêu đề và cột tên khu, sửa cách ghép cột, hoặc bỏ trang này khỏi phân tích.`,
    `Sheet "${sheet}" was not assessed because its reading cannot be trusted: ${findingsText(findings, "en")}${bothWays ? " It was tried both ways round (one area per column, and per row)." : ""} Nothing was written. Check the header rows and the area-name column, correct the column mapping, or leave this sheet out of the analysis.`
  );
}

/**
 * Find and assess every table of the workbook. Each sheet's reading is checked before it is believed
 * (see sanity.ts); a detected table that fails the checks is read again the other way round (turned
 * sideways, or back), and a sheet that fails both ways is refused with what was seen: an InputError,
 * so that nothing is written from a reading that cannot be trusted.
 */
export async function analyseWorkbook(workbook: Workbook, options: AnalyseOptions): Promise<WorkbookAnalysis> {
  const { ruleset } = options;
  const assessor = options.assessor ?? new Assessor(ruleset);
  if (assessor.ruleset !== ruleset) throw new Error("The Assessor given is of another ruleset.");
  const memory = options.memory ?? new ReadingMemory();
  const tableOptions: TableOptions = { year: options.year, source: options.source, memory };
  const found = options.tables
    ? await givenTables(workbook, options.tables)
    : await findTables(workbook, ruleset, { sheets: options.sheets, memory });
  const bySheet = new Map<string, FoundTable[]>();
  for (const t of found.tables) {
    const list = bySheet.get(t.data.name);
    if (list) list.push(t);
    else bySheet.set(t.data.name, [t]);
  }
  const tables: SheetAnalysis[] = [];
  const skippedSheets = [...found.skipped, ...(options.tables ? (options.skipped ?? []) : [])];
  const refused: Problem[] = [];
  for (const [sheet, group] of bySheet) {
    let { readings, findings } = await readSheetTables(group, assessor, tableOptions);
    const empty = readings.every((r) => r === undefined);
    if ((findings.length > 0 || empty) && group.every((t) => t.source === "detected")) {
      const first = readings.find((r) => r !== undefined)?.analysis.range ?? tableRange(group[0]);
      const other = otherOrientation(group[0].layout.orientation ?? "rows");
      const again = tablesOfSheet(group[0].data, ruleset, other, memory);
      const reread = "code" in again ? undefined : await readSheetTables(again, assessor, tableOptions);
      if (reread && reread.findings.length === 0 && reread.readings.some((r) => r !== undefined)) {
        const seen = empty
          ? msg("không có dòng khu dân cư nào", "no area rows")
          : msg(findingsText(findings, "vi"), findingsText(findings, "en"));
        for (const r of reread.readings) {
          r?.analysis.notes.unshift(
            problem(
              "read-again",
              `${sheet}!${r.analysis.range}`,
              `Đọc bảng theo chiều ${other === "columns" ? "dọc" : "ngang"} không hợp lý (${seen.vi}), nên đã đọc lại theo chiều ${other === "columns" ? "ngang: mỗi khu một cột" : "dọc: mỗi khu một dòng"}.`,
              `Reading the table ${other === "columns" ? "the usual way" : "sideways"} was implausible (${seen.en}), so it was read again ${other === "columns" ? "sideways: one area per column" : "the usual way: one area per row"}.`
            )
          );
        }
        ({ readings, findings } = reread);
      } else if (!empty || (reread && reread.findings.length > 0)) {
        // What was seen: the first reading's faults, or the second's when the first found no areas at all.
        const seen = empty && reread ? reread : { readings, findings };
        const at = seen.readings.find((r) => r !== undefined)?.analysis.range ?? first;
        refused.push(implausibleProblem(sheet, at, seen.findings, true));
        continue;
      }
    }
    if (findings.length > 0) {
      const first = readings.find((r) => r !== undefined)?.analysis.range ?? tableRange(group[0]);
      refused.push(implausibleProblem(sheet, first, findings, false));
      continue;
    }
    const read = readings.filter((r): r is TableReading => r !== undefined);
    if (read.length === 0) {
      const text = msg("có tiêu đề bảng nhưng không có dòng khu dân cư nào", "has table headers but no area rows");
      if (options.sheets || options.tables) {
        refused.push(problem("no-areas", sheet, `Trang "${sheet}" ${text.vi}.`, `Sheet "${sheet}" ${text.en}.`));
      } else skippedSheets.push({ sheet, reason: "no-areas", message: text });
      continue;
    }
    tables.push(...read.map((r) => r.analysis));
  }
  if (refused.length > 0) throw new InputError(refused);
  if (tables.length === 0) {
    throw new InputError([
      problem(
        "no-areas",
        "",
        `Sổ có bảng nhưng không có dòng khu dân cư nào. ${skippedText(skippedSheets, "vi")}`,
        `The workbook has tables but no area rows. ${skippedText(skippedSheets, "en")}`
      ),
    ]);
  }
  return { tables, skippedSheets, notes: found.notes };
}
