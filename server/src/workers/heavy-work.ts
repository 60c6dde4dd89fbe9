/**
 * The tasks that run in the worker pool (pool.ts) and what comes back. Errors a caller must tell
 * apart (a refused import) cross the thread boundary as data, because a thrown error loses its
 * class and fields on the way.
 */
import type {
  DraftFormat,
  DraftProblemCode,
  ImportLimits,
  RecognisedDraft,
} from '../imports/draft-model.js';
import type { ExportFormat, ExportModel } from '../exports/model.js';

export type HeavyTask =
  | { kind: 'import'; bytes: Uint8Array; format: DraftFormat; limits: ImportLimits }
  | { kind: 'export'; model: ExportModel; format: ExportFormat };

export interface DraftProblem {
  code: DraftProblemCode;
  status: number;
  title: string;
  detail: string;
}

export type HeavyResult =
  | { kind: 'import'; draft: RecognisedDraft }
  | { kind: 'import-refused'; problem: DraftProblem }
  | { kind: 'export'; bytes: Uint8Array; contentType: string; extension: string };
