import { Message, msg } from "../../message";
import { Ruleset } from "../../ruleset/ruleset";

/* The roles a column can play, and how they are named to the user. */

/** What a column of a district sheet holds. */
export type ColumnRole =
  | { kind: "indicator"; indicatorId: string }
  | { kind: "criterion"; criterionId: string } // a declared "Đạt/Chưa đạt" status per criterion
  | { kind: "area" }
  | { kind: "commune" }
  | { kind: "district" }
  | { kind: "order" } // TT/STT
  | { kind: "households" }
  | { kind: "population" }
  | { kind: "areaType" }
  | { kind: "canMobilise" }
  | { kind: "metCount" }
  | { kind: "targetYear" }
  | { kind: "recognised" }
  | { kind: "note" };

/** The roles that do not come from the ruleset. */
export type FixedRoleKind = Exclude<ColumnRole["kind"], "indicator" | "criterion">;

export interface ColumnMatch {
  /** Zero-based column index. */
  column: number;
  /** The header text as written, rows joined top to bottom with " › ". */
  header: string;
  role: ColumnRole;
  /** 0..1: exact id or name ≈ 1, alias ≈ 0.9, fuzzy word overlap lower. */
  confidence: number;
  /** Multiplier the header's unit implies for plain numbers ("triệu đồng" → 1e6); money indicators only. */
  scale?: number;
  /** Why the role was chosen by the column's values rather than its header alone, for the user to check. */
  note?: Message;
}

export const FIXED_ROLE_KINDS: readonly FixedRoleKind[] = [
  "order",
  "district",
  "commune",
  "area",
  "households",
  "population",
  "areaType",
  "canMobilise",
  "metCount",
  "targetYear",
  "recognised",
  "note",
];

/** The role of a fixed kind (area, commune, ...). */
export function fixedRole(kind: FixedRoleKind): ColumnRole {
  return { kind } as ColumnRole;
}

/** Below this a match is not trusted and the column is reported as unmapped. */
export const MIN_CONFIDENCE = 0.5;

/** A stable key per role ("indicator:TC01.1", "commune"), e.g. to compare or deduplicate. */
export function roleKey(role: ColumnRole): string {
  if (role.kind === "indicator") return `indicator:${role.indicatorId}`;
  if (role.kind === "criterion") return `criterion:${role.criterionId}`;
  return role.kind;
}

const FIXED_LABEL_TEXT: Record<FixedRoleKind, Message> = {
  order: msg("TT (số thứ tự)", "No. (row order)"),
  district: msg("Huyện", "District"),
  commune: msg("Xã", "Commune"),
  area: msg("Khu dân cư", "Residential area"),
  households: msg("Số hộ", "Households"),
  population: msg("Số nhân khẩu", "Population"),
  areaType: msg(
    "Nhóm xã / loại khu (nhóm 1/2/3, xã ĐBKK…)",
    "Commune group / area type (group 1/2/3, especially difficult commune…)"
  ),
  canMobilise: msg("Có khả năng huy động nguồn lực", "Can mobilise resources"),
  metCount: msg("Tổng số tiêu chí đạt (theo bảng)", "Criteria met (as stated in the sheet)"),
  targetYear: msg("Năm dự kiến đạt chuẩn", "Target year"),
  recognised: msg("Đã công nhận (năm, số QĐ)", "Already recognised (year, decision)"),
  note: msg("Ghi chú", "Note"),
};

const LABEL_LENGTH = 70;

function shorten(text: string): string {
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, "")}…`;
}

/** A role as shown in the pane's column lists: "TC01.1 Tỷ lệ đường trục…", "Xã". */
export function roleLabel(role: ColumnRole, ruleset: Ruleset): Message {
  if (role.kind === "indicator") {
    const i = ruleset.indicators.find((x) => x.id === role.indicatorId);
    if (!i) return msg(`${role.indicatorId} (không có trong bộ tiêu chí)`, `${role.indicatorId} (not in the ruleset)`);
    return msg(shorten(`${i.id} ${i.nameVi}`), shorten(`${i.id} ${i.nameEn}`));
  }
  if (role.kind === "criterion") {
    const c = ruleset.criteria.find((x) => x.id === role.criterionId);
    if (!c) return msg(`${role.criterionId} (không có trong bộ tiêu chí)`, `${role.criterionId} (not in the ruleset)`);
    return msg(shorten(`${c.id} ${c.nameVi}`) + " – Đạt/Chưa đạt", shorten(`${c.id} ${c.nameEn}`) + " – met/not met");
  }
  return FIXED_LABEL_TEXT[role.kind];
}

/** Every role a user can give a column, in the order the pane lists them. */
export function roleOptions(ruleset: Ruleset): ColumnRole[] {
  return [
    ...FIXED_ROLE_KINDS.map(fixedRole),
    ...ruleset.criteria.flatMap((c): ColumnRole[] => [
      { kind: "criterion", criterionId: c.id },
      ...c.indicators.map((i): ColumnRole => ({ kind: "indicator", indicatorId: i.id })),
    ]),
  ];
}

/** Whether a role names something that exists in the ruleset (fixed roles always do). */
export function roleExists(role: ColumnRole, ruleset: Ruleset): boolean {
  if (role.kind === "indicator") return ruleset.indicators.some((i) => i.id === role.indicatorId);
  if (role.kind === "criterion") return ruleset.criteria.some((c) => c.id === role.criterionId);
  return (FIXED_ROLE_KINDS as readonly string[]).includes(role.kind);
}
