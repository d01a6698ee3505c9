import { WorkbookAnalysis } from "../rules/analysis/analysis-shapes";
import { AreaAssessment } from "../rules/assessment/assessment";
import { shortfallCounts, ShortfallCounts, unitOf } from "../rules/report/district-summary";
import { FORMULA_NO_RESULT } from "../rules/reading/formula-results";
import { formatProblem, Language, Problem } from "../rules/message";
import { provisionalNote } from "../rules/report/report-labels";
import { Ruleset } from "../rules/ruleset/ruleset";

/** One analysed file: what the user named, and every table found in it. */
export interface FileResult {
  file: string;
  analysis: WorkbookAnalysis;
}

const T = {
  ruleset: { vi: "Bộ tiêu chí", en: "Criteria" },
  year: { vi: "năm đánh giá", en: "assessment year" },
  district: { vi: "Huyện", en: "District" },
  commune: { vi: "Xã", en: "Commune" },
  unit: { vi: "Huyện / xã", en: "District / commune" },
  areas: { vi: "Số khu", en: "Areas" },
  meetsAll: { vi: "Đạt chuẩn", en: "Meet all" },
  short1: { vi: "Thiếu 1", en: "1 short" },
  short2: { vi: "Thiếu 2", en: "2 short" },
  short3: { vi: "Thiếu ≥3", en: "3+ short" },
  source: { vi: "Tệp › trang", en: "File › sheet" },
  total: { vi: "Toàn tỉnh", en: "Province" },
  allFiles: { vi: "Cộng", en: "Total" },
} as const;

const width = (s: string): number => [...s.normalize("NFC")].length;
const padEnd = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s;

interface Tally {
  label: string;
  kind: "district" | "commune";
  sources: string[];
  counts: ShortfallCounts;
}

/**
 * Rows of the summary: one per district where a workbook names one, else one per commune (since 2025
 * communes report to the province directly): the province → (district →) commune → area grouping.
 */
function tallies(results: FileResult[], language: Language): Tally[] {
  const units = new Map<string, { label: string; kind: Tally["kind"]; sources: string[]; areas: AreaAssessment[] }>();
  for (const { file, analysis } of results) {
    for (const table of analysis.tables) {
      const source = `${file} › ${table.sheet}`;
      for (const a of table.assessments) {
        const unit = unitOf(a, table, language);
        let d = units.get(unit.key);
        if (!d) units.set(unit.key, (d = { label: unit.label, kind: unit.kind, sources: [], areas: [] }));
        if (!d.sources.includes(source)) d.sources.push(source);
        d.areas.push(a);
      }
    }
  }
  return [...units.values()].map((d) => ({
    label: d.label,
    kind: d.kind,
    sources: d.sources,
    counts: shortfallCounts(d.areas),
  }));
}

/** The table printed after an analysis: per district, areas meeting all, one, two, three or more short. */
export function summaryText(results: FileResult[], ruleset: Ruleset, language: Language, year?: number): string {
  const lines: string[] = [];
  const doc = ruleset.source.document ? ` (${ruleset.source.document})` : "";
  lines.push(
    `${T.ruleset[language]}: ${ruleset.title}${doc}${year !== undefined ? `, ${T.year[language]} ${year}` : ""}`
  );
  const note = provisionalNote(ruleset, language);
  if (note) lines.push(note);
  lines.push("");
  const rows = tallies(results, language);
  const kinds = new Set(rows.map((r) => r.kind));
  if (rows.length > 1) {
    const all = results.flatMap((r) => r.analysis.tables.flatMap((t) => t.assessments));
    rows.push({ label: T.total[language], kind: "district", sources: [], counts: shortfallCounts(all) });
  }
  const header = [
    (kinds.size > 1 ? T.unit : kinds.has("commune") ? T.commune : T.district)[language],
    T.areas[language],
    T.meetsAll[language],
    T.short1[language],
    T.short2[language],
    T.short3[language],
    T.source[language],
  ];
  const cells = rows.map(({ label, counts: c, sources }) => [
    label,
    ...[c.areas, c.meetsAll, c.short1, c.short2, c.short3].map(String),
    sources.join(", "),
  ]);
  // Name left, counts right-aligned, the file list last and unpadded.
  const last = header.length - 1;
  const widths = header.map((h, k) => (k === last ? 0 : Math.max(width(h), ...cells.map((c) => width(c[k])))));
  const render = (c: string[]) =>
    c
      .map((v, k) => (k === 0 ? padEnd(v, widths[k]) : k === last ? v : padStart(v, widths[k])))
      .join("  ")
      .trimEnd();
  const rule = (w: number[]) =>
    w
      .map((n) => "-".repeat(n))
      .join("  ")
      .trimEnd();
  lines.push(render(header));
  lines.push(rule(widths.map((w, k) => (k === last ? width(header[k]) : w))));
  cells.forEach((c, k) => {
    if (rows.length > 1 && k === cells.length - 1) lines.push(rule(widths));
    lines.push(render(c));
  });
  lines.push("", ...tablesReadText(results, language));
  return lines.join("\n");
}

/**
 * What was read in each file and what was passed over: every table (where, which way round, its areas,
 * the commune it was given), every sheet skipped with the reason, and the notes on how a table, or the
 * workbook's saved column mapping, was read.
 */
export function tablesReadText(results: FileResult[], language: Language): string[] {
  const vi = language === "vi";
  const lines = [vi ? "Bảng đã đọc:" : "Tables read:"];
  for (const { file, analysis } of results) {
    for (const n of analysis.notes) lines.push(`  ${file} › ${n.where}: ${n.message[language]}`);
    for (const t of analysis.tables) {
      const parts = [`${t.assessments.length} ${vi ? "khu" : "areas"}`];
      if (t.layout.orientation === "columns")
        parts.push(vi ? "bảng ngang, mỗi khu một cột" : "sideways, one area per column");
      lines.push(`  ${file} › ${t.sheet} (${t.range}): ${parts.join(", ")}`);
      for (const n of t.notes) if (n.code !== "sideways") lines.push(`    - ${n.message[language]}`);
    }
    for (const s of analysis.skippedSheets) {
      lines.push(`  ${file} › ${s.sheet}: ${vi ? "bỏ qua" : "passed over"} (${s.message[language]})`);
    }
  }
  return lines;
}

/**
 * Problems found while reading (unreadable cells, rows without a name): a count per file, and for a
 * few files the first cells to check. The report lists every one.
 */
export function warningText(results: FileResult[], language: Language): string {
  const tables = results.flatMap((r) => r.analysis.tables.map((t) => ({ file: r.file, table: t })));
  const shown = tables.length <= 3 ? 5 : 0;
  const lines: string[] = [];
  for (const { file, table } of tables) {
    // A warning about the whole sheet is always shown whole; cell problems are counted.
    for (const p of table.problems) {
      if (p.code === FORMULA_NO_RESULT) lines.push(`Cảnh báo / Warning: ${file} › ${formatProblem(p, language)}`);
    }
    const problems: Problem[] = table.problems.filter((p) => p.code !== FORMULA_NO_RESULT);
    if (problems.length === 0) continue;
    const n = problems.length;
    lines.push(
      `Cảnh báo / Warning: ${file} › ${table.sheet}: ${n} ${language === "vi" ? "ô cần xem lại" : "cells to check"}`
    );
    for (const p of problems.slice(0, shown)) lines.push(`  ${formatProblem(p, language)}`);
    if (n > shown && shown > 0) {
      lines.push(
        `  … ${language === "vi" ? `và ${n - shown} ô khác (xem cột "Thiếu số liệu / không đọc được" trong báo cáo)` : `and ${n - shown} more (see the "No or unreadable data" column of the report)`}`
      );
    }
  }
  return lines.join("\n");
}

/**
 * The --json document: the ruleset in use, and per file every table (where, which way round, its areas
 * with what each misses, the notes on how it was read), every sheet passed over with the reason, and the
 * notes on the file as a whole (a saved column mapping set aside).
 */
export function jsonReport(
  results: FileResult[],
  ruleset: Ruleset,
  language: Language,
  extra: { year?: number; report?: string }
) {
  return {
    ruleset: {
      id: ruleset.id,
      title: ruleset.title,
      provisional: ruleset.provisional,
      note: provisionalNote(ruleset, language),
    },
    ...(extra.year !== undefined ? { year: extra.year } : {}),
    ...(extra.report !== undefined ? { report: extra.report } : {}),
    files: results.map(({ file, analysis }) => ({
      file,
      tables: analysis.tables.map((t) => ({
        sheet: t.sheet,
        range: t.range,
        orientation: t.layout.orientation ?? "rows",
        district: t.district ?? null,
        layout: t.layout.layout,
        areas: t.assessments.map((a) => ({
          ...(a.area.row !== undefined ? { row: a.area.row } : {}),
          ...(a.area.column !== undefined ? { column: a.area.column } : {}),
          ...(a.area.district !== undefined && a.area.district !== t.district ? { district: a.area.district } : {}),
          commune: a.area.commune,
          name: a.area.name,
          met: a.metCount,
          total: a.total,
          meetsAll: a.meetsAll,
          notMet: a.notMet,
          missing: a.missing,
        })),
        problems: t.problems,
        notes: t.notes,
      })),
      skippedSheets: analysis.skippedSheets.map((s) => ({ sheet: s.sheet, reason: s.reason, message: s.message })),
      notes: analysis.notes,
    })),
  };
}
