import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, NotFound, foldEvents } from '../decider.js';
import type { DomainError } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { DocumentCommand } from './commands.js';
import { documentDecider } from './decider.js';
import type { DocumentEvent } from './events.js';
import { suggestNextRevisionLabel } from './revision-labels.js';
import { canEditText } from './state.js';

const spec = DeciderSpecification.for(documentDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const documentId = uuid(2);
const negotiationId = uuid(1);
const PARAGRAPH = uuid(300);
const CHAIR = uuid(100);
const chair = actor(CHAIR, uuid(13), 'chair');
const secretariat = actor(uuid(101), uuid(10), 'secretariat');
const delegate = actor(uuid(102), uuid(12), 'delegate');

const createData = {
  documentId,
  negotiationId,
  title: 'Global compact for safe, orderly and regular migration',
  symbol: 'A/CONF.231/2026/L.1',
  mode: 'formal' as const,
};
const created: DocumentEvent = {
  type: 'DocumentCreated',
  data: { ...createData, createdBy: secretariat.userId, createdAt: NOW },
};

const revisionIssued = (label: string, textRevision: string, sequence: number): DocumentEvent => ({
  type: 'RevisionIssued',
  data: {
    documentId,
    label,
    textRevision,
    sequence,
    issuedBy: CHAIR,
    issuedAt: NOW,
    numbering: [],
    renumbered: true,
  },
});

const command = <T extends DocumentCommand['type']>(
  type: T,
  data: Extract<DocumentCommand, { type: T }>['data'],
  by = chair,
) => ({ type, data, meta: metaFor(by) }) as DocumentCommand;

describe('document decider', () => {
  describe('CreateDocument', () => {
    it('creates the document', () => {
      spec
        .given([])
        .when(command('CreateDocument', createData, secretariat))
        .then([created]);
    });

    it('refuses a second creation and a delegate creating', () => {
      spec
        .given([created])
        .when(command('CreateDocument', createData, secretariat))
        .thenThrows(Conflict);
      spec
        .given([])
        .when(command('CreateDocument', createData, delegate))
        .thenThrows(Forbidden);
    });
  });

  describe('ChangeDocumentMode', () => {
    it('lets the chair switch to open drafting, which lets delegates edit the text', () => {
      const changed: DocumentEvent = {
        type: 'DocumentModeChanged',
        data: { documentId, from: 'formal', to: 'open-drafting', changedBy: CHAIR, changedAt: NOW },
      };
      spec
        .given([created])
        .when(command('ChangeDocumentMode', { documentId, mode: 'open-drafting' }))
        .then([changed]);
      expect(canEditText('delegate', foldEvents(documentDecider, [created]))).toBe(false);
      expect(canEditText('delegate', foldEvents(documentDecider, [created, changed]))).toBe(true);
    });

    it('does nothing when the mode is already that', () => {
      spec
        .given([created])
        .when(command('ChangeDocumentMode', { documentId, mode: 'formal' }))
        .thenNothingHappens();
    });

    it('is the chair’s alone', () => {
      spec
        .given([created])
        .when(command('ChangeDocumentMode', { documentId, mode: 'open-drafting' }, secretariat))
        .thenThrows(Forbidden);
    });

    it('refuses a document that does not exist', () => {
      spec
        .given([])
        .when(command('ChangeDocumentMode', { documentId, mode: 'formal' }))
        .thenThrows(NotFound);
    });
  });

  describe('SetParagraphStatus', () => {
    const gavel = command('SetParagraphStatus', {
      documentId,
      paragraphId: PARAGRAPH,
      status: 'agreed-ad-ref',
    });

    it('records who gavelled the paragraph and its previous status', () => {
      spec
        .given([created])
        .when(gavel)
        .then([
          {
            type: 'ParagraphStatusSet',
            data: {
              documentId,
              paragraphId: PARAGRAPH,
              status: 'agreed-ad-ref',
              previousStatus: 'open',
              reason: '',
              setBy: CHAIR,
              setAt: NOW,
            },
          },
        ]);
    });

    it('does nothing when the paragraph already has that status', () => {
      spec
        .given([created])
        .when(command('SetParagraphStatus', { documentId, paragraphId: PARAGRAPH, status: 'open' }))
        .thenNothingHappens();
    });

    it('refuses anyone but the chair', () => {
      spec
        .given([created])
        .when({ ...gavel, meta: metaFor(delegate) })
        .thenThrows(Forbidden);
      spec
        .given([created])
        .when({ ...gavel, meta: metaFor(secretariat) })
        .thenThrows(Forbidden);
    });
  });

  describe('IssueRevision', () => {
    const issue = (label: string, textRevision: string | number) =>
      command('IssueRevision', { documentId, label, textRevision });

    it('issues a revision freezing a text revision, normalised to a decimal string', () => {
      spec
        .given([created])
        .when(issue('Zero draft', 41))
        .then([revisionIssued('Zero draft', '41', 1)]);
      spec
        .given([created, revisionIssued('Zero draft', '41', 1)])
        .when(issue('Rev 1', '9007199254740993'))
        .then([revisionIssued('Rev 1', '9007199254740993', 2)]);
    });

    it('refuses a label already used, however it is spelled', () => {
      spec
        .given([created, revisionIssued('Rev 1', '41', 1)])
        .when(issue(' rev  1', 50))
        .thenThrows(Conflict, withReason('revision-label-taken'));
    });

    it('refuses a revision that freezes an older text than the last one', () => {
      spec
        .given([created, revisionIssued('Zero draft', '41', 1)])
        .when(issue('Rev 1', 40))
        .thenThrows(Conflict, withReason('revision-out-of-order'));
    });

    it('is the chair’s alone', () => {
      spec
        .given([created])
        .when({ ...issue('Zero draft', 1), meta: metaFor(secretariat) })
        .thenThrows(Forbidden);
    });
  });

  describe('AdoptDocument', () => {
    const issued = [
      created,
      revisionIssued('Zero draft', '10', 1),
      revisionIssued('Final draft', '90', 2),
    ];
    const adopted: DocumentEvent = {
      type: 'DocumentAdopted',
      data: {
        documentId,
        revisionLabel: 'Final draft',
        textRevision: '90',
        adoptedBy: CHAIR,
        adoptedAt: NOW,
      },
    };
    const adopt = (revisionLabel: string) =>
      command('AdoptDocument', { documentId, revisionLabel });

    it('adopts the latest revision', () => {
      spec.given(issued).when(adopt('final draft')).then([adopted]);
    });

    it('refuses an unknown or superseded revision', () => {
      spec.given(issued).when(adopt('Rev 9')).thenThrows(NotFound);
      spec
        .given(issued)
        .when(adopt('Zero draft'))
        .thenThrows(Conflict, withReason('not-latest-revision'));
    });

    it('changes nothing once adopted', () => {
      const after = [...issued, adopted];
      spec.given(after).when(adopt('Final draft')).thenThrows(IllegalTransition);
      spec
        .given(after)
        .when(command('IssueRevision', { documentId, label: 'Rev 3', textRevision: 91 }))
        .thenThrows(IllegalTransition);
      spec
        .given(after)
        .when(
          command('SetParagraphStatus', {
            documentId,
            paragraphId: PARAGRAPH,
            status: 'bracketed',
          }),
        )
        .thenThrows(Conflict, withReason('document-adopted'));
      spec
        .given(after)
        .when(command('ChangeDocumentMode', { documentId, mode: 'open-drafting' }))
        .thenThrows(IllegalTransition);
      expect(canEditText('chair', foldEvents(documentDecider, after))).toBe(false);
    });
  });
});

describe('suggestNextRevisionLabel', () => {
  it('goes Zero draft, Rev 1, Rev 2, then after the final draft Final draft Rev 1', () => {
    expect(suggestNextRevisionLabel([])).toBe('Zero draft');
    expect(suggestNextRevisionLabel(['Zero draft'])).toBe('Rev 1');
    expect(suggestNextRevisionLabel(['Zero draft', 'Rev 1', 'rev. 2'])).toBe('Rev 3');
    expect(suggestNextRevisionLabel(['Zero draft', 'Rev 1', 'Final draft'])).toBe(
      'Final draft Rev 1',
    );
    expect(suggestNextRevisionLabel(['Final draft', 'Final draft Rev 1'])).toBe(
      'Final draft Rev 2',
    );
  });
});
