import { columnLetter } from "../reading/cell";
import { AreaInput } from "../assessment/assessment";
import { Message, msg, Problem, problem } from "../message";
import { Orientation, sheetAddress } from "../reading/orientation";
import { ReadingSummary } from "../report/sources-sheet";
import { groupLabel, Ruleset, rulesetGroups } from "../ruleset/ruleset";
import { FoundTable } from "../reading/table-finder";
import { fileAndSheet } from "../workbook";
import { WorkbookAnalysis } from "./analysis-shapes";

/* What the user is told about how a table was read: its notes, unknown groups, and the report's summary of the reading. */

const lineWord = (o: Orientation) => (o === "rows" ? { vi: "Cột", en: "Column" } : { vi: "Dòng", en: "Row" });

/** The notes that say how a table was read, for the report, the command line and the pane. */
export function readingNotes(found: FoundTable, range: string): Problem[] {
  const { layout } = found;
  const o = layout.orientation ?? "rows";
  const where = `${found.data.name}!${range}`;
  const notes: Problem[] = [];
  if (o === "columns") {
    notes.push(
      problem(
        "sideways",
        where,
        "Bảng ngang: tiêu chí, chỉ tiêu theo dòng, mỗi khu dân cư một cột.",
        "A sideways table: criteria and indicators down the rows, one column per area."
      )
    );
  }
  if (layout.commune !== undefined && !layout.columns.some((c) => c.role.kind === "commune")) {
    notes.push(
      layout.communeSource === "sheet"
        ? problem(
            "commune-from-sheet",
            where,
            `Bảng không có cột xã: xã lấy từ tên trang, "${layout.commune}".`,
            `No commune column: the commune is taken from the sheet name, "${layout.commune}".`
          )
        : problem(
            "commune-from-title",
            where,
            `Bảng không có cột xã: xã lấy từ tiêu đề, "${layout.commune}".`,
            `No commune column: the commune is taken from the title, "${layout.commune}".`
          )
    );
  }
  if (layout.titleCommune !== undefined && layout.commune !== undefined) {
    notes.push(
      problem(
        "commune-title-differs",
        where,
        `Tiêu đề ghi "${layout.titleCommune}" nhưng tên trang là "${layout.commune}": đã dùng tên trang. Hãy kiểm tra.`,
        `The title names "${layout.titleCommune}" but the sheet is named "${layout.commune}": the sheet name was used. Please check.`
      )
    );
  }
  const word = lineWord(o);
  const place = (column: number) => (o === "rows" ? columnLetter(column) : String(column + 1));
  for (const c of layout.columns) {
    if (!c.note) continue;
    const head = `${word.vi} ${place(c.column)}${c.header ? ` (${c.header})` : ""}`;
    const headEn = `${word.en} ${place(c.column)}${c.header ? ` (${c.header})` : ""}`;
    const percent = Math.round(c.confidence * 100);
    notes.push(
      problem(
        "column-by-values",
        `${found.data.name}!${sheetAddress(o, layout.headerTop, c.column)}`,
        `${head}: ${c.note.vi} Độ tin cậy ${percent}%.`,
        `${headEn}: ${c.note.en} Confidence ${percent}%.`
      )
    );
  }
  for (const u of layout.unmapped) {
    if (!u.note) continue;
    notes.push(
      problem(
        "column-by-values",
        `${found.data.name}!${sheetAddress(o, layout.headerTop, u.column)}`,
        `${word.vi} ${place(u.column)} (${u.header}): ${u.note.vi}`,
        `${word.en} ${place(u.column)} (${u.header}): ${u.note.en}`
      )
    );
  }
  return notes;
}
/**
 * Areas whose group (from the table's group column) no threshold of the ruleset depends on: they are
 * assessed against the common thresholds, which the user should know (a misspelt group, a ruleset
 * without that group's thresholds).
 */
export function unknownGroups(areas: AreaInput[], ruleset: Ruleset): Message | undefined {
  const known = rulesetGroups(ruleset);
  const counts = new Map<string, number>();
  for (const a of areas)
    if (a.group !== undefined && !known.has(a.group)) counts.set(a.group, (counts.get(a.group) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const list = [...counts].map(([g, n]) => `"${groupLabel(g)}" (${n})`).join(", ");
  return msg(
    `Bộ tiêu chí không có ngưỡng riêng cho nhóm ${list}: các khu đó được đánh giá theo ngưỡng chung.`,
    `The ruleset has no thresholds of their own for the group ${list}: those areas are assessed against the common thresholds.`
  );
}

/** What the report says about how the workbook was read: its tables, the sheets passed over, the notes. */
export function readingSummary(analysis: WorkbookAnalysis, source?: string): ReadingSummary {
  // A sheet of several files ("[file]sheet") is listed as the command line lists it: its file, its own name.
  const skippedSource = (sheet: string) => source ?? fileAndSheet(sheet).file ?? "";
  return {
    tables: analysis.tables.map((t) => ({
      source: source ?? t.source,
      sheet: fileAndSheet(t.sheet).sheet,
      range: t.range,
      orientation: t.layout.orientation ?? "rows",
      areas: t.assessments.length,
      district: t.layout.district,
      commune: t.layout.columns.some((c) => c.role.kind === "commune") ? undefined : t.layout.commune,
      notes: t.notes,
    })),
    skipped: analysis.skippedSheets.map((s) => ({
      source: skippedSource(s.sheet),
      sheet: fileAndSheet(s.sheet).sheet,
      message: s.message,
    })),
  };
}
