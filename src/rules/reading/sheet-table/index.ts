/**
 * A table on a sheet, the folder's public face: where its header band and data rows are (detect.ts), each
 * row read as an area (area-row.ts, read-areas.ts), and the user's corrections kept as a saved mapping
 * (saved-mapping.ts), read back from the workbook setting that keeps them (mapping-setting.ts). layout.ts
 * holds the shapes they share, row-text.ts how a row's cells look.
 */
export type { TableLayout, SkippedRow, AreaRows, SavedMapping } from "./layout";
export { numberIsLabel, looksLikeData } from "./row-text";
export { headerRowScore, detectTable, manualLayout } from "./detect";
export type { DetectOptions } from "./detect";
export { readAreaRow } from "./area-row";
export type { ReadingShapes } from "./area-row";
export { readAreas } from "./read-areas";
export { withOverride, toSavedMapping, fromSavedMapping } from "./saved-mapping";
export { readMappingSetting } from "./mapping-setting";
export type { MappingSetting } from "./mapping-setting";
