// The consensus fold of one document as it stands now, read the way the record routes read it
// (folded record + live text), for the chair's desk and the gavel guardrail.
import { consensusOf, recordFrozenNumbering, type ConsensusView } from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import { resolvePoint, type RecordHistory } from '../../timetravel/index.js';
import { NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';

export type DocumentConsensus = Omit<ConsensusView, 'asOf'>;

export interface ConsensusNowDeps {
  store: EventStore;
  history: RecordHistory;
  text: DocumentText;
}

export async function consensusNow(
  deps: ConsensusNowDeps,
  documentId: string,
): Promise<DocumentConsensus> {
  const resolved = await resolvePoint(deps, documentId, { kind: 'now' });
  const paragraphs = await deps.text.paragraphs(documentId);
  const frozenNumbering = recordFrozenNumbering(resolved.document.revisions);
  const consensus = consensusOf(resolved.state, documentId, { paragraphs, frozenNumbering });
  if (!consensus) throw new NotFoundError('Document not found');
  return consensus;
}
