/**
 * Column recognition, the folder's public face: which role each column of a table plays (an indicator's
 * value, a criterion's status, the area, the commune, ...), from its header rows and a few data rows.
 *
 * roles.ts: the roles and their labels; header-text.ts: one header cell taken apart (words, numbering,
 * unit); ruleset-index.ts: the ruleset's phrases as weighted words; header-match.ts: one header cell
 * against the index; header-rows.ts: header rows to per-column parts; resolve-column.ts: a column's
 * role from its parts (and its values); recognize.ts: the whole header, and single labels.
 */
export { FIXED_ROLE_KINDS, MIN_CONFIDENCE, roleKey, roleLabel, roleOptions, roleExists } from "./roles";
export type { ColumnRole, FixedRoleKind, ColumnMatch } from "./roles";
export { filledColumns, isColumnNumberingRow } from "./header-rows";
export {
  recognizeHeaders,
  canonicalColumns,
  headerScale,
  labelConfidence,
  criterionLabelConfidence,
  isQualifierText,
} from "./recognize";
export type { HeaderRecognition, RecognizeOptions } from "./recognize";
