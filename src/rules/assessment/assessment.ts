import { CellValue } from "../reading/cell";
import { LogicKind } from "../ruleset/criterion-logic";
import { Message } from "../message";
import { Operator, ThresholdValue, Unit } from "../ruleset/ruleset";

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
  /** The group of the area or its commune (a groupKey: "nhom 2", "dbkk"); selects threshold variants. */
  group?: string;
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

/**
 * How a criterion's logic came out, block by block, as the engine evaluated its rule: how many items of
 * each block held against how many it needs ("đạt 2/4, cần 3").
 */
export interface LogicOutcome {
  kind: LogicKind;
  /** Items that must hold: all of them, 1, or N. */
  need: number;
  /** Items that held. */
  held: number;
  met: boolean;
  items: Array<{ indicatorId: string; met: boolean } | LogicOutcome>;
}

export interface CriterionResult {
  criterionId: string;
  met: boolean;
  /** What decided: indicator values, a declared status, or nothing usable. */
  basis: "indicators" | "declared" | "none";
  indicators: IndicatorResult[];
  declared?: Reading;
  /** The engine's outcome of the criterion's logic, when indicator values decided it. */
  logic?: LogicOutcome;
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
