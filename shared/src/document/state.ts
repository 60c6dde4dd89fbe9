// A document's state folded from its stream: mode, paragraph statuses, revisions, adoption.
import { unreachable } from '../decider.js';
import { can } from '../permissions.js';
import type { DocumentMode, ParagraphStatus, Role } from '../vocabulary.js';
import type { DocumentEvent } from './events.js';

export interface Revision {
  label: string;
  /** Decimal string of the `doctext-` stream revision the label freezes. */
  textRevision: string;
  sequence: number;
  issuedAt: string;
}

interface DocumentInfo {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  /** Only paragraphs whose status was ever set; every other paragraph is 'open'. */
  paragraphStatuses: Readonly<Record<string, ParagraphStatus>>;
  /** In the order issued. */
  revisions: readonly Revision[];
}

export type DocumentState =
  | { status: 'none' }
  | ({ status: 'drafting' } & DocumentInfo)
  | ({ status: 'adopted'; adoptedRevision: string } & DocumentInfo);

export const initialDocumentState = (): DocumentState => ({ status: 'none' });

export const paragraphStatusOf = (
  state: Exclude<DocumentState, { status: 'none' }>,
  paragraphId: string,
): ParagraphStatus => state.paragraphStatuses[paragraphId] ?? 'open';

/** What the Yjs gateway asks on connect: may this role write to this document's text now? */
export const canEditText = (role: Role, state: DocumentState): boolean =>
  state.status === 'drafting' && can(role, 'text.edit', state.mode);

export function evolveDocument(state: DocumentState, event: DocumentEvent): DocumentState {
  if (event.type === 'DocumentCreated') {
    const { documentId, negotiationId, title, symbol, mode } = event.data;
    return {
      status: 'drafting',
      documentId,
      negotiationId,
      title,
      symbol,
      mode,
      paragraphStatuses: {},
      revisions: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DocumentModeChanged':
      return { ...state, mode: event.data.to };
    case 'ParagraphStatusSet': {
      const { paragraphId, status } = event.data;
      return { ...state, paragraphStatuses: { ...state.paragraphStatuses, [paragraphId]: status } };
    }
    case 'RevisionIssued': {
      const { label, textRevision, sequence, issuedAt } = event.data;
      return {
        ...state,
        revisions: [...state.revisions, { label, textRevision, sequence, issuedAt }],
      };
    }
    case 'DocumentAdopted':
      return { ...state, status: 'adopted', adoptedRevision: event.data.revisionLabel };
    default:
      return unreachable(event);
  }
}
