// Time travel over the record and the text: frames as of a point, comparisons between two points.
export { asOfSchema, formatAsOf, parseAsOf, type AsOf } from './as-of.js';
export { attributedTexts, type AttributedTexts } from './change-attribution.js';
export { compareAsOf, type DocumentComparison } from './compare.js';
export { frameAsOf, type DocumentFrame, type FrameParagraph } from './frame.js';
export { resolvePoint, type ResolvedPoint, type TimeTravelDeps } from './points.js';
export {
  RecordHistory,
  occurredAtOf,
  recordFilter,
  type FoldedRecord,
  type RecordCut,
  type RecordHistoryOptions,
} from './record-history.js';
export {
  lastTextRevision,
  paragraphsAt,
  replayTextFromStart,
  textRevisionAtPosition,
  textRevisionAtTime,
} from './text-points.js';
export { TextLog } from './text-log.js';
