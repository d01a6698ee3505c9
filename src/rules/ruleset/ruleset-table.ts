import { CellValue, cellAddress, Grid } from "../reading/cell";
import { UNIT_LABEL } from "../format";
import { InputError, Problem, problem } from "../message";
import { logicToText } from "./criterion-logic-codec";
import { buildRuleset, RulesetDraft } from "./ruleset-build";
import { foldText, Operator, Ruleset, Unit, UNITS } from "./ruleset";
import { readYesNo, readValue } from "../reading/values";

/**
 * The ruleset as a plain table, one row per indicator (plus one row per threshold variant), the way an
 * officer keeps it in an Excel sheet. This is where a threshold is corrected without touching code.
 */
export const RULESET_TABLE_COLUMNS = [
  { key: "criterionId", vi: "Mã tiêu chí", en: "Criterion id", width: 10 },
  { key: "criterionName", vi: "Tên tiêu chí", en: "Criterion name", width: 28 },
  // On the criterion's first row: "Tất cả", "Một trong", "Ít nhất 3/4", or nested with brackets.
  { key: "logic", vi: "Cách tính đạt", en: "How it is met", width: 16 },
  { key: "indicatorId", vi: "Mã chỉ tiêu", en: "Indicator id", width: 10 },
  { key: "indicatorName", vi: "Tên chỉ tiêu", en: "Indicator name", width: 60 },
  { key: "unit", vi: "Đơn vị", en: "Unit", width: 14 },
  { key: "operator", vi: "Toán tử", en: "Operator", width: 8 },
  { key: "threshold", vi: "Ngưỡng", en: "Threshold", width: 14 },
  { key: "fromYear", vi: "Từ năm", en: "From year", width: 8 },
  { key: "toYear", vi: "Đến năm", en: "To year", width: 8 },
  { key: "group", vi: "Nhóm xã / loại khu", en: "Commune group / area type", width: 12 },
  { key: "verified", vi: "Đã xác minh", en: "Verified", width: 10 },
  { key: "basis", vi: "Căn cứ ngưỡng", en: "Threshold basis", width: 50 },
  { key: "criterionNameEn", vi: "Tên tiêu chí (tiếng Anh)", en: "Criterion name (English)", width: 28 },
  { key: "indicatorNameEn", vi: "Tên chỉ tiêu (tiếng Anh)", en: "Indicator name (English)", width: 50 },
  { key: "aliases", vi: "Tên gọi khác (cách nhau bởi ;)", en: "Other header names (separated by ;)", width: 40 },
] as const;

type ColumnKey = (typeof RULESET_TABLE_COLUMNS)[number]["key"];
const REQUIRED: ColumnKey[] = ["criterionId", "indicatorId", "indicatorName", "unit", "operator", "threshold"];

const UNIT_WORDS: Array<[RegExp, Unit]> = [
  [/^(%|percent|phan tram|ty le|ti le)$/, "percent"],
  [/^(co\/khong|boolean|yes\/no|dat\/chua dat|co khong)$/, "boolean"],
  [/^(count|so luong|cai|nha|ho)$/, "count"],
  [
    /^(vnd_per_person_year|dong\/nguoi\/nam|d\/nguoi\/nam|vnd\/person\/year|vnd|dong|trieu dong\/nguoi\/nam)$/,
    "vnd_per_person_year",
  ],
  // "số" is how the sheet writes this unit (UNIT_LABEL); a count is "số lượng".
  [/^(number|so thuc|so)$/, "number"],
];

const OPERATOR_WORDS: Array<[RegExp, Operator]> = [
  [/^(>=|≥|=>|toi thieu|lon hon hoac bang|at least)$/, ">="],
  [/^(<=|≤|=<|toi da|nho hon hoac bang|khong qua|at most)$/, "<="],
  [/^(==|=|bang|equals)$/, "=="],
  [/^(>|lon hon|above)$/, ">"],
  [/^(<|nho hon|below)$/, "<"],
];

const cellText = (v: CellValue): string => (v === null || v === undefined ? "" : String(v).trim());

function headerKey(text: string): ColumnKey | undefined {
  const t = foldText(text);
  if (!t) return undefined;
  for (const c of RULESET_TABLE_COLUMNS) {
    if (foldText(c.vi) === t || foldText(c.en) === t) return c.key;
  }
  // Short forms an officer may type.
  const loose: Array<[RegExp, ColumnKey]> = [
    [/^(ma tc|tieu chi|criterion)$/, "criterionId"],
    [/^(ma chi tieu|chi tieu|indicator)$/, "indicatorId"],
    [/^(noi dung chi tieu|ten chi tieu)/, "indicatorName"],
    [/^(chi tieu quy dinh|nguong|threshold)/, "threshold"],
    [/^(dieu kien|so sanh)$/, "operator"],
    [/^(ten goi khac|aliases)/, "aliases"],
    [/^(can cu|basis)/, "basis"],
    // Sheets written before groups had their name said "Loại khu".
    [/^(loai khu|area type|nhom|nhom xa|phan nhom|group)$/, "group"],
    [/^(cach tinh dat|cach tinh|dieu kien dat|logic|how met)$/, "logic"],
  ];
  return loose.find(([re]) => re.test(t))?.[1];
}

function parseUnit(v: CellValue): Unit | string {
  const t = foldText(cellText(v));
  if ((UNITS as readonly string[]).includes(t)) return t;
  return UNIT_WORDS.find(([re]) => re.test(t))?.[1] ?? cellText(v);
}

function parseOperator(v: CellValue): Operator | string {
  const t = foldText(cellText(v));
  return OPERATOR_WORDS.find(([re]) => re.test(t))?.[1] ?? cellText(v);
}

function parseThreshold(v: CellValue, unit: Unit | string): unknown {
  if (v === null || v === undefined || cellText(v) === "") return undefined;
  // Numbers stay as typed so that range faults (a percent of 140) are reported as such.
  if (typeof v === "number" || !(UNITS as readonly string[]).includes(unit)) return v;
  const r = readValue(v, unit as Unit);
  if (r.kind === "number" || r.kind === "boolean") return r.value;
  return cellText(v);
}

function parseYear(v: CellValue): unknown {
  const t = cellText(v);
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * Read a ruleset from a sheet's values. The header row is found among the first rows; every fault is
 * reported with the cell it is in ("G7"), in Vietnamese and English.
 */
export function rulesetFromTable(grid: Grid, base?: Pick<Ruleset, "id" | "title" | "source">, sheetName = ""): Ruleset {
  const prefix = sheetName ? `${sheetName}!` : "";
  let headerRow = -1;
  let columns = new Map<ColumnKey, number>();
  for (let r = 0; r < Math.min(grid.length, 15) && headerRow < 0; r++) {
    const found = new Map<ColumnKey, number>();
    grid[r].forEach((v, c) => {
      const k = headerKey(cellText(v));
      if (k && !found.has(k)) found.set(k, c);
    });
    if (REQUIRED.every((k) => found.has(k))) {
      headerRow = r;
      columns = found;
    }
  }
  if (headerRow < 0) {
    const names = REQUIRED.map((k) => RULESET_TABLE_COLUMNS.find((c) => c.key === k)?.vi).join(", ");
    throw new InputError([
      problem(
        "table-header",
        sheetName || "bảng / table",
        `Không tìm thấy dòng tiêu đề của bảng tiêu chí (cần các cột: ${names}).`,
        `The criteria table's header row was not found (columns needed: ${REQUIRED.join(", ")}).`
      ),
    ]);
  }
  const at = (r: number, key: ColumnKey): string => prefix + cellAddress(r, columns.get(key) ?? 0);
  const get = (row: CellValue[], key: ColumnKey): CellValue => {
    const c = columns.get(key);
    return c === undefined ? undefined : row[c];
  };
  const problems: Problem[] = [];
  const criteria: RulesetDraft["criteria"] = [];
  const byCriterion = new Map<string, RulesetDraft["criteria"][number]>();
  const byIndicator = new Map<string, RulesetDraft["criteria"][number]["indicators"][number]>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => cellText(v) === "")) continue;
    const cid = cellText(get(row, "criterionId"));
    const iid = cellText(get(row, "indicatorId"));
    if (!cid) {
      problems.push(problem("criterion-id", at(r, "criterionId"), "Thiếu mã tiêu chí.", "Criterion id is missing."));
      continue;
    }
    let criterion = byCriterion.get(cid);
    if (!criterion) {
      criterion = {
        id: cid,
        nameVi: cellText(get(row, "criterionName")),
        nameEn: cellText(get(row, "criterionNameEn")),
        where: at(r, "criterionId"),
        indicators: [],
      };
      byCriterion.set(cid, criterion);
      criteria.push(criterion);
    }
    // The criterion's logic is written once, on any of its rows (the sheet writes it on the first).
    const logic = cellText(get(row, "logic"));
    if (logic !== "" && criterion.logic === undefined) {
      criterion.logic = logic;
      criterion.logicWhere = at(r, "logic");
    } else if (logic !== "" && foldText(logic) !== foldText(String(criterion.logic))) {
      problems.push(
        problem(
          "logic-twice",
          at(r, "logic"),
          `Tiêu chí ${cid} đã có cách tính đạt "${String(criterion.logic)}" (ô ${criterion.logicWhere}): ghi một lần, ở một dòng.`,
          `Criterion ${cid} already has the logic "${String(criterion.logic)}" (cell ${criterion.logicWhere}): write it once, on one row.`
        )
      );
    }
    if (!iid) continue; // a criterion row without indicators; buildRuleset reports it if none follow
    const unit = parseUnit(get(row, "unit"));
    const existing = byIndicator.get(iid);
    const fromYear = parseYear(get(row, "fromYear"));
    const toYear = parseYear(get(row, "toYear"));
    const group = cellText(get(row, "group"));
    const isVariant = fromYear !== undefined || toYear !== undefined || group !== "";
    if (existing && isVariant) {
      existing.variants ??= [];
      existing.variants.push({
        value: parseThreshold(get(row, "threshold"), existing.unit as string),
        fromYear,
        toYear,
        group,
        basis: cellText(get(row, "basis")),
        where: at(r, "threshold"),
      });
      continue;
    }
    if (existing) {
      problems.push(
        problem(
          "duplicate-id",
          at(r, "indicatorId"),
          `Mã chỉ tiêu "${iid}" bị trùng (dòng ngưỡng riêng cần ghi năm hoặc nhóm).`,
          `Duplicate indicator id "${iid}" (a variant row must name its years or group).`
        )
      );
      continue;
    }
    const verifiedText = cellText(get(row, "verified"));
    const verified = verifiedText === "" ? false : (readYesNo(verifiedText) ?? verifiedText);
    const indicator: RulesetDraft["criteria"][number]["indicators"][number] = {
      id: iid,
      nameVi: cellText(get(row, "indicatorName")),
      nameEn: cellText(get(row, "indicatorNameEn")),
      unit,
      operator: parseOperator(get(row, "operator")),
      threshold: parseThreshold(get(row, "threshold"), unit),
      verified,
      basis: cellText(get(row, "basis")),
      aliases: cellText(get(row, "aliases")),
      where: `${at(r, "indicatorId")} (${iid})`,
      cells: {
        id: at(r, "indicatorId"),
        name_vi: at(r, "indicatorName"),
        unit: at(r, "unit"),
        operator: at(r, "operator"),
        threshold: at(r, "threshold"),
        verified: at(r, "verified"),
      },
      variants: [],
    };
    if (isVariant) {
      // The first row of an indicator is its default threshold; years/group belong on later rows.
      indicator.variants = [{ value: indicator.threshold, fromYear, toYear, group, where: at(r, "threshold") }];
    }
    byIndicator.set(iid, indicator);
    criterion.indicators.push(indicator);
  }
  if (problems.length) throw new InputError(problems);
  return buildRuleset({
    id: base?.id ?? "sheet",
    title: base?.title,
    source: base ? { document: base.source.document, date: base.source.date, issuer: base.source.issuer } : undefined,
    status: "provisional",
    criteria,
  });
}

/** The ruleset as table rows (header first), for the criteria sheet. */
export function rulesetToTable(ruleset: Ruleset, language: "vi" | "en" = "vi"): CellValue[][] {
  const rows: CellValue[][] = [RULESET_TABLE_COLUMNS.map((c) => c[language])];
  for (const c of ruleset.criteria) {
    // Written on the criterion's first row only.
    let logic: CellValue = logicToText(
      c.logic,
      c.indicators.map((i) => i.id)
    );
    for (const i of c.indicators) {
      const base = {
        criterionId: c.id,
        criterionName: c.nameVi,
        indicatorId: i.id,
        indicatorName: i.nameVi,
        unit: UNIT_LABEL[i.unit].vi,
        operator: i.operator,
        verified: i.verified ? "Có" : "Không",
        criterionNameEn: c.nameEn,
        indicatorNameEn: i.nameEn,
        aliases: i.aliases.join("; "),
      };
      const line = (threshold: CellValue, fromYear: CellValue, toYear: CellValue, group: CellValue, basis: CellValue) =>
        RULESET_TABLE_COLUMNS.map((col) => {
          switch (col.key) {
            case "threshold":
              return threshold;
            case "fromYear":
              return fromYear;
            case "toYear":
              return toYear;
            case "group":
              return group;
            case "basis":
              return basis;
            case "logic": {
              const text = logic;
              logic = "";
              return text;
            }
            default:
              return base[col.key];
          }
        });
      const thr = typeof i.threshold === "boolean" ? (i.threshold ? "Có" : "Không") : i.threshold;
      rows.push(line(thr, "", "", "", i.basis));
      for (const v of i.variants) {
        const vt = typeof v.value === "boolean" ? (v.value ? "Có" : "Không") : v.value;
        rows.push(line(vt, v.fromYear ?? "", v.toYear ?? "", v.group ?? "", v.basis ?? ""));
      }
    }
  }
  return rows;
}
