import { AreaAssessment, IndicatorResult, Reading } from "../assessment/assessment";
import { CellValue } from "../reading/cell";
import { formatCondition, formatValue } from "../format";
import { InputError, Language, Message, msg, Problem, problem } from "../message";
import { provisionalNote } from "./report-labels";
import { foldText, Ruleset } from "../ruleset/ruleset";
import { SHEET_NAMES, SheetOutput } from "../workbook";

/**
 * The recognition dossier (hồ sơ đề nghị công nhận): for each area put forward, its results criterion by
 * criterion — indicator, requirement, result, assessment — as the commune's per-area evaluation table
 * lays them out. By default the areas that meet every criterion; the officer may list others.
 */

/** An area the officer names: "Xã A/Khu 1", or "Khu 1" when only one commune has such an area. */
export interface DossierRef {
  commune?: string;
  area: string;
  /** As typed, for messages. */
  text: string;
}

/** "Xã Hùng Xuyên/Khu 3; Khu 5, Xã Yên Nội/Khu 1": entries split by ";", "," or new lines. */
export function parseDossierList(text: string): DossierRef[] {
  const refs: DossierRef[] = [];
  for (const part of text.split(/[;,\n]/)) {
    const entry = part.trim();
    if (entry === "") continue;
    const slash = entry.lastIndexOf("/");
    const commune = slash >= 0 ? entry.slice(0, slash).trim() : "";
    const area = slash >= 0 ? entry.slice(slash + 1).trim() : entry;
    refs.push({ ...(commune ? { commune } : {}), area, text: entry });
  }
  return refs;
}

/** A commune name without its "Xã", "Phường" or "Thị trấn", folded: "Xã Hùng Xuyên" and "hung xuyen" agree. */
const communeKey = (name: string): string => foldText(name).replace(/^(xa|phuong|thi tran)\s+/, "");

/**
 * The areas of the dossier: those listed (every entry must name exactly one area; faults are listed all
 * at once, naming the entry), else every area that meets all criteria, in sheet order.
 */
export function dossierAssessments(assessments: AreaAssessment[], refs?: DossierRef[]): AreaAssessment[] {
  if (!refs || refs.length === 0) return assessments.filter((a) => a.meetsAll);
  const chosen: AreaAssessment[] = [];
  const problems: Problem[] = [];
  for (const ref of refs) {
    const named = assessments.filter((a) => foldText(a.area.name) === foldText(ref.area));
    const found = ref.commune ? named.filter((a) => communeKey(a.area.commune) === communeKey(ref.commune!)) : named;
    if (found.length === 1) {
      if (!chosen.includes(found[0])) chosen.push(found[0]);
    } else if (found.length === 0) {
      problems.push(
        problem(
          "dossier-area",
          ref.text,
          `Không có khu dân cư "${ref.text}" trong bảng.${namedElsewhere(named, "vi")} Viết "Xã/Khu", ví dụ "${example(assessments)}".`,
          `No residential area "${ref.text}" in the table.${namedElsewhere(named, "en")} Write "Commune/Area", e.g. "${example(assessments)}".`
        )
      );
    } else {
      const communes = found.map((a) => a.area.commune).join(", ");
      problems.push(
        problem(
          "dossier-area",
          ref.text,
          `Có ${found.length} khu "${ref.area}" (xã ${communes}): hãy ghi cả tên xã, "Xã/Khu".`,
          `${found.length} areas are named "${ref.area}" (communes ${communes}): give the commune too, "Commune/Area".`
        )
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return chosen;
}

const namedElsewhere = (named: AreaAssessment[], language: Language): string => {
  if (named.length === 0) return "";
  const communes = [...new Set(named.map((a) => a.area.commune))].join(", ");
  return language === "vi" ? ` Khu có tên này thuộc xã: ${communes}.` : ` Areas of this name are in: ${communes}.`;
};

const example = (assessments: AreaAssessment[]): string => {
  const a = assessments[0];
  return a ? `${a.area.commune}/${a.area.name}` : "Xã A/Khu 1";
};

/** One line of an area's evaluation table. */
export interface DossierLine {
  /** "1.1" for an indicator, "1" for a criterion judged by its recorded status. */
  number: string;
  criterionId: string;
  /** The criterion's name on its first line, "" on the next ones. */
  criterion: string;
  indicator: string;
  requirement: string;
  result: string;
  assessment: string;
  met: boolean;
}

export interface DossierArea {
  assessment: AreaAssessment;
  lines: DossierLine[];
}

const VERDICT = {
  met: msg("Đạt", "Met"),
  unmet: msg("Chưa đạt", "Not met"),
  missing: msg("Thiếu số liệu", "No data"),
  unreadable: msg("Không đọc được", "Unreadable"),
} as const;

function resultText(reading: Reading, unit: IndicatorResult["unit"], language: Language): string {
  switch (reading.kind) {
    case "number":
    case "boolean":
      return formatValue(reading.value, unit, language);
    case "missing":
      return "";
    case "unreadable":
      return `"${String(reading.raw)}"`;
  }
}

/** Each chosen area's evaluation table, criterion by criterion, in ruleset order. */
export function dossierAreas(chosen: AreaAssessment[], ruleset: Ruleset, language: Language = "vi"): DossierArea[] {
  return chosen.map((assessment) => {
    const lines: DossierLine[] = [];
    assessment.criteria.forEach((c, ci) => {
      const criterion = ruleset.criteria.find((x) => x.id === c.criterionId);
      const name = criterion ? (language === "vi" ? criterion.nameVi : criterion.nameEn) : c.criterionId;
      if (c.basis === "indicators") {
        c.indicators.forEach((r, ii) => {
          const indicator = criterion?.indicators.find((i) => i.id === r.indicatorId);
          lines.push({
            number: `${ci + 1}.${ii + 1}`,
            criterionId: c.criterionId,
            criterion: ii === 0 ? name : "",
            indicator: indicator ? (language === "vi" ? indicator.nameVi : indicator.nameEn) : r.indicatorId,
            // "≥ 70%"; an equality is just the value required ("Có", "0").
            requirement:
              r.operator === "=="
                ? formatValue(r.threshold, r.unit, language)
                : formatCondition(r.operator, r.threshold, r.unit, language),
            result: resultText(r.reading, r.unit, language),
            assessment: VERDICT[r.status][language],
            met: r.met,
          });
        });
      } else {
        // Judged by the status the sheet records for the whole criterion (or by nothing).
        const declared = c.declared;
        const status: keyof typeof VERDICT =
          c.basis === "none" || !declared || declared.kind === "missing"
            ? "missing"
            : declared.kind === "unreadable"
              ? "unreadable"
              : c.met
                ? "met"
                : "unmet";
        lines.push({
          number: `${ci + 1}`,
          criterionId: c.criterionId,
          criterion: name,
          indicator: DECLARED.indicator[language],
          requirement: DECLARED.requirement[language],
          result: declared && declared.kind !== "missing" ? String(declared.raw) : "",
          assessment: VERDICT[status][language],
          met: c.met,
        });
      }
    });
    return { assessment, lines };
  });
}

const DECLARED = {
  indicator: msg(
    "Đánh giá chung của tiêu chí (bảng ghi Đạt/Chưa đạt)",
    "The criterion as a whole (recorded Met/Not met)"
  ),
  requirement: msg("Đạt", "Met"),
} as const;

const TITLE: Message = msg(
  "HỒ SƠ CÔNG NHẬN: KẾT QUẢ ĐÁNH GIÁ TỪNG KHU DÂN CƯ THEO TỪNG TIÊU CHÍ",
  "RECOGNITION DOSSIER: EACH AREA'S RESULTS CRITERION BY CRITERION"
);

const HEADERS = {
  commune: msg("Xã", "Commune"),
  area: msg("Khu dân cư", "Residential area"),
  number: msg("TT", "No."),
  criterion: msg("Tiêu chí", "Criterion"),
  indicator: msg("Chỉ tiêu", "Indicator"),
  requirement: msg("Yêu cầu (chỉ tiêu quy định)", "Requirement"),
  result: msg("Kết quả thực hiện", "Result"),
  assessment: msg("Đánh giá", "Assessment"),
} as const;

/** The areas put forward, and how: every area meeting all criteria, or the officer's list. */
export function dossierSubtitle(areas: DossierArea[], listed: boolean, ruleset: Ruleset): Message {
  const total = ruleset.criteria.length;
  if (listed)
    return msg(`Các khu do cán bộ chọn: ${areas.length} khu.`, `Areas chosen by the officer: ${areas.length}.`);
  if (areas.length === 0) {
    return msg(
      `Chưa có khu dân cư nào đạt đủ ${total}/${total} tiêu chí. Có thể chọn khu để lập hồ sơ (dòng lệnh: --dossier "Xã/Khu"; khung tác vụ: ô "Hồ sơ công nhận").`,
      `No area meets all ${total} criteria yet. Areas can be chosen for a dossier (command line: --dossier "Commune/Area"; task pane: the "Recognition dossier" box).`
    );
  }
  return msg(
    `Các khu dân cư đạt đủ ${total}/${total} tiêu chí: ${areas.length} khu.`,
    `Areas meeting all ${total} criteria: ${areas.length}.`
  );
}

/** The dossier as a sheet: one table, an area's lines one after another, the header repeated on each page. */
export function dossierSheet(
  areas: DossierArea[],
  ruleset: Ruleset,
  options: { language?: Language; listed?: boolean } = {}
): SheetOutput {
  const language = options.language ?? "vi";
  const rows: CellValue[][] = [[TITLE[language]], [dossierSubtitle(areas, options.listed === true, ruleset)[language]]];
  const warningRows: number[] = [];
  const note = provisionalNote(ruleset, language);
  if (note) {
    warningRows.push(rows.length);
    rows.push([note]);
  }
  rows.push([]);
  const tableHeaderRow = rows.length;
  rows.push(Object.values(HEADERS).map((h) => h[language]));
  for (const { assessment, lines } of areas) {
    lines.forEach((l, k) => {
      rows.push([
        k === 0 ? assessment.area.commune : "",
        k === 0 ? `${assessment.area.name} (${assessment.metCount}/${assessment.total})` : "",
        l.number,
        l.criterion,
        l.indicator,
        l.requirement,
        l.result,
        l.assessment,
      ]);
    });
  }
  return {
    name: SHEET_NAMES.dossier,
    rows,
    headerRows: tableHeaderRow + 1,
    tableHeaderRow,
    warningRows,
    columnWidths: [16, 20, 6, 22, 50, 18, 18, 14],
  };
}
