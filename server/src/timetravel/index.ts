// Time travel over the record: frames as of a point, comparisons between two points. The text at a
// point (its revision, paragraphs and attribution) comes from the text's domain in ../text/.
export { compareAsOf, type DocumentComparison } from './compare.js';
export { frameAsOf, type DocumentFrame, type FrameParagraph } from './frame.js';
export { resolvePoint, type ResolvedPoint, type TimeTravelDeps } from './points.js';
export {
  RecordHistory,
  recordFilter,
  type FoldedRecord,
  type RecordCut,
  type RecordHistoryOptions,
} from './record-history.js';
