import { SheetAnalysis } from "../rules/analysis";
import { AreaAssessment } from "../rules/assessment";
import { districtOf, shortfallCounts, ShortfallCounts } from "../rules/district-summary";
import { FORMULA_NO_RESULT } from "../rules/formula-results";
import { formatProblem, Language, Problem } from "../rules/message";
import { provisionalNote } from "../rules/report";
import { Ruleset } from "../rules/ruleset";

/** One analysed file: what the user named, and what was found in it. */
export interface FileResult {
  file: string;
  analysis: SheetAnalysis;
}

const T = {
  ruleset: { vi: "Bộ tiêu chí", en: "Criteria" },
  year: { vi: "năm đánh giá", en: "assessment year" },
  district: { vi: "Huyện", en: "District" },
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
  sources: string[];
  counts: ShortfallCounts;
}

/** Rows of the summary: one per district (a file, or a district column within one). */
function tallies(results: FileResult[]): Tally[] {
  const byDistrict = new Map<string, { sources: string[]; areas: AreaAssessment[] }>();
  for (const { file, analysis } of results) {
    const source = `${file} › ${analysis.sheet}`;
    for (const a of analysis.assessments) {
      const label = districtOf(a, analysis);
      let d = byDistrict.get(label);
      if (!d) {
        d = { sources: [], areas: [] };
        byDistrict.set(label, d);
      }
      if (!d.sources.includes(source)) d.sources.push(source);
      d.areas.push(a);
    }
  }
  return [...byDistrict].map(([label, d]) => ({ label, sources: d.sources, counts: shortfallCounts(d.areas) }));
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
  const rows = tallies(results);
  if (rows.length > 1) {
    const all = results.flatMap((r) => r.analysis.assessments);
    rows.push({ label: T.total[language], sources: [], counts: shortfallCounts(all) });
  }
  const header = [
    T.district[language],
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
  return lines.join("\n");
}

/**
 * Problems found while reading (unreadable cells, rows without a name): a count per file, and for a
 * few files the first cells to check. The report lists every one.
 */
export function warningText(results: FileResult[], language: Language): string {
  const shown = results.length <= 3 ? 5 : 0;
  const lines: string[] = [];
  for (const { file, analysis } of results) {
    // A warning about the whole sheet is always shown whole; cell problems are counted.
    for (const p of analysis.problems) {
      if (p.code === FORMULA_NO_RESULT) lines.push(`Cảnh báo / Warning: ${file} › ${formatProblem(p, language)}`);
    }
    const problems: Problem[] = analysis.problems.filter((p) => p.code !== FORMULA_NO_RESULT);
    if (problems.length === 0) continue;
    const n = problems.length;
    lines.push(
      `Cảnh báo / Warning: ${file} › ${analysis.sheet}: ${n} ${language === "vi" ? "ô cần xem lại" : "cells to check"}`
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

/** The --json document: the ruleset in use, and per file every area with what it misses. */
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
      sheet: analysis.sheet,
      district: analysis.district ?? null,
      layout: analysis.layout.layout,
      areas: analysis.assessments.map((a) => ({
        row: a.area.row ?? null,
        ...(a.area.district !== undefined && a.area.district !== analysis.district
          ? { district: a.area.district }
          : {}),
        commune: a.area.commune,
        name: a.area.name,
        met: a.metCount,
        total: a.total,
        meetsAll: a.meetsAll,
        notMet: a.notMet,
        missing: a.missing,
      })),
      problems: analysis.problems,
    })),
  };
}
