/**
 * Resolves an "as of" point for one document into the two cuts time travel needs: how far to fold
 * the record (a log position or a time) and which `doctext-` revision the text stood at.
 *
 * - `now`: everything; the text's last revision.
 * - `position:<n>`: record events at or before n; the last text update at or before n.
 * - `time:<t>`: record events up to the first whose occurredAt is after t; the last text update
 *   whose occurredAt is at or before t. (The demo seed backdates record events but not text
 *   updates, so in the demo a time mixes an old record with newer text; revisions are immune.)
 * - `revision:<label>`: the record as it stood when the chair issued it (up to and including its
 *   RevisionIssued event); the text at the revision it froze (`textRevision`).
 *
 *   const point = await resolvePoint({ store, history }, documentId, parseAsOf('revision:Rev 1')!);
 */
import {
  formatAsOf,
  sameRevisionLabel,
  type AsOf,
  type ConsensusState,
  type DocumentRecord,
} from '@accord/shared';
import type { EventStore } from '../eventstore/port.js';
import { InvalidInputError, NotFoundError } from '../application/errors.js';
import {
  lastTextRevision,
  textRevisionAtPosition,
  textRevisionAtTime,
} from '../text/text-points.js';
import type { FoldedRecord, RecordHistory } from './record-history.js';

export interface TimeTravelDeps {
  store: EventStore;
  history: RecordHistory;
}

export interface ResolvedPoint {
  asOf: string;
  /** The last record event folded into `state`, and its time. */
  recordPosition: string | null;
  recordOccurredAt: string | null;
  /** The `doctext-` revision the text is taken at; null when there was no text yet. */
  textRevision: string | null;
  /** The revision in force at that point (the last issued), if any. */
  revisionInForce: string | null;
  state: ConsensusState;
  document: DocumentRecord;
}

async function documentNow(deps: TimeTravelDeps, documentId: string): Promise<DocumentRecord> {
  const document = (await deps.history.at({ kind: 'now' })).state.documents[documentId];
  if (!document) throw new NotFoundError('Document not found');
  return document;
}

export async function resolvePoint(
  deps: TimeTravelDeps,
  documentId: string,
  asOf: AsOf,
  /** The query parameter the point came from, for the problem's `errors`. */
  field = 'asOf',
): Promise<ResolvedPoint> {
  const { store, history } = deps;
  let record: FoldedRecord;
  let textRevision: bigint | undefined;
  switch (asOf.kind) {
    case 'now':
      record = await history.at({ kind: 'now' });
      textRevision = await lastTextRevision(store, documentId);
      break;
    case 'position':
      record = await history.at({ kind: 'position', position: asOf.position });
      textRevision = await textRevisionAtPosition(store, documentId, asOf.position);
      break;
    case 'time':
      record = await history.at({ kind: 'time', ms: asOf.ms });
      textRevision = await textRevisionAtTime(store, documentId, asOf.ms);
      break;
    case 'revision': {
      const now = await documentNow(deps, documentId);
      const revision = now.revisions.find((r) => sameRevisionLabel(r.label, asOf.label));
      if (!revision || revision.position === undefined) {
        throw new NotFoundError('No revision with that label', {
          code: 'revision-not-found',
          detail: `This document has no revision "${asOf.label}".`,
          extensions: { revisions: now.revisions.map((r) => r.label) },
        });
      }
      record = await history.at({ kind: 'position', position: BigInt(revision.position) });
      textRevision = BigInt(revision.textRevision);
      break;
    }
  }
  const document = record.state.documents[documentId];
  if (!document) {
    const created = await documentNow(deps, documentId);
    throw new InvalidInputError('before-document', 'The document did not exist then', {
      detail: `${formatAsOf(asOf)} is before the document was created (${created.createdAt}, position ${created.createdPosition ?? '?'}).`,
      errors: [{ path: `query.${field}`, message: 'before the document was created' }],
      extensions: {
        documentCreatedAt: created.createdAt,
        documentCreatedPosition: created.createdPosition ?? null,
      },
    });
  }
  return {
    asOf: formatAsOf(asOf),
    recordPosition: record.position?.toString() ?? null,
    recordOccurredAt: record.occurredAt ?? null,
    textRevision: textRevision?.toString() ?? null,
    revisionInForce: document.revisions.at(-1)?.label ?? null,
    state: record.state,
    document,
  };
}
