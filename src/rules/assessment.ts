import { CellValue } from "./cell";
import { Message } from "./message";
import { Operator, ThresholdValue, Unit } from "./ruleset";

/** What a cell says once read in its indicator's unit. */
export type Reading =
  | { kind: "number"; value: number; raw: CellValue; note?: Message }
  | { kind: "boolean"; value: boolean; raw: CellValue }
  | { kind: "missing"; raw: CellValue }
  | { kind: "unreadable"; raw: CellValue; reason: Message };

/** One residential area (khu dân cư) as read from a row of a district sheet. */
export interface AreaInput {
  /** 1-based sheet row, for messages and for selecting the row. */
  row?: number;
  /** 1-based sheet column of an area read from a sideways table (one area per column), instead of a row. */
  column?: number;
  /** The sheet the area was read from, when a workbook has several tables. */
  sheet?: string;
  district?: string;
  commune: string;
  name: string;
  /** e.g. "dbkk" (xã đặc biệt khó khăn); selects threshold variants. */
  areaType?: string;
  /** Indicator values by indicator id ("TC01.1"). */
  indicators: Record<string, Reading>;
  /** Declared "Đạt/Chưa đạt" per criterion id ("TC01"), for sheets that record a status per criterion. */
  criteria: Record<string, Reading>;
  /** Whether the area can mobilise resources (roadmap priority), if the sheet says. */
  canMobilise?: boolean;
}

export type IndicatorStatus = "met" | "unmet" | "missing" | "unreadable";

export interface IndicatorResult {
  indicatorId: string;
  criterionId: string;
  reading: Reading;
  unit: Unit;
  operator: Operator;
  threshold: ThresholdValue;
  status: IndicatorStatus;
  met: boolean;
  /** How far from the threshold, in the indicator's unit; only for unmet numeric values. */
  shortfall?: number;
}

export interface CriterionResult {
  criterionId: string;
  met: boolean;
  /** What decided: indicator values, a declared status, or nothing usable. */
  basis: "indicators" | "declared" | "none";
  indicators: IndicatorResult[];
  declared?: Reading;
}

export interface AreaAssessment {
  area: AreaInput;
  year?: number;
  criteria: CriterionResult[];
  metCount: number;
  total: number;
  meetsAll: boolean;
  /** Criterion ids not met, in ruleset order. */
  notMet: string[];
  /** Indicator ids (or criterion ids, for declared statuses) with no usable value. */
  missing: string[];
}
