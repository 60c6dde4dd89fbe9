// The projector page: a read-only, full-screen view of the live text for the room. It joins the
// document's live text without ever writing to it and follows the chair's caret (see Projector).
import { bracketContracts } from '@accord/shared';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { call } from '../api/call.js';
import { api } from '../api/endpoints.js';
import { useCollab } from '../draft/collab/useCollab.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { useDocumentRoom } from '../realtime/rooms.js';
import { Loading, LoadError } from '../ui/bits.js';
import { isChairIdentity } from './chairCaret.js';
import { Projector } from './Projector.js';
import './projector.css';

const BRACKET_NOTICES = new Set(['document', 'paragraph']);

export function ProjectorPage() {
  const { documentId = '' } = useParams();
  // A new document is a new screen: no live text carries over.
  return <ProjectorScreen key={documentId} documentId={documentId} />;
}

function ProjectorScreen({ documentId }: { documentId: string }) {
  useDocumentRoom(documentId);
  const document = useLiveResource(
    `document:${documentId}`,
    () => api.document(documentId),
    (n) => n.documentId === documentId && n.kind === 'document',
  );
  const list = useLiveResource(
    `brackets:${documentId}`,
    () => call(bracketContracts.listBrackets, { params: { documentId }, query: {} }),
    (n) => n.documentId === documentId && BRACKET_NOTICES.has(n.kind),
  );
  const collab = useCollab(documentId);
  // Set before the effect that connects runs: this tab never sends a change of the text.
  collab.session.setCanWrite(false);
  const numbering = document.data?.numbering;
  const frozen = useMemo(() => new Map(numbering ?? []), [numbering]);
  if (document.error !== undefined && !document.data)
    return <LoadError error={document.error} retry={document.reload} />;
  if (!document.data) return <Loading />;
  return (
    <Projector
      doc={collab.session.doc}
      awareness={collab.session.awareness}
      isChair={isChairIdentity}
      snapshot={collab.snapshot}
      frozenNumbering={frozen}
      brackets={list.data?.brackets ?? []}
      optionSets={list.data?.optionSets ?? []}
    />
  );
}
