// Decides commands on a document: its mode, the chair's gavel (agree ad ref, reopen with a
// reason), brackets and options (brackets-decider.ts), revisions and adoption, after which
// nothing changes.
import {
  Conflict,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import { paragraphLabels, renumber } from '../numbering.js';
import { assertCan } from '../permissions.js';
import type {
  AdoptDocument,
  ChangeDocumentMode,
  CreateDocument,
  DocumentCommand,
  IssueRevision,
  SetParagraphStatus,
} from './commands.js';
import {
  addOption,
  chooseOption,
  deleteBracketedWords,
  openOptionSet,
  placeBracket,
  recordOptionPlacement,
  removeBracket,
} from './brackets-decider.js';
import type { DocumentEvent } from './events.js';
import { sameRevisionLabel } from './revision-labels.js';
import {
  evolveDocument,
  frozenNumbering,
  hasOpenBrackets,
  initialDocumentState,
  paragraphStatusOf,
  type DocumentState,
} from './state.js';

type Drafting = Extract<DocumentState, { status: 'drafting' }>;

export function decideDocument(command: DocumentCommand, state: DocumentState): DocumentEvent[] {
  if (command.type === 'CreateDocument') return createDocument(command, state);
  const document = requireDrafting(state, command.data.documentId, command.type);
  switch (command.type) {
    case 'ChangeDocumentMode':
      return changeMode(command, document);
    case 'SetParagraphStatus':
      return setParagraphStatus(command, document);
    case 'IssueRevision':
      return issueRevision(command, document);
    case 'AdoptDocument':
      return adopt(command, document);
    case 'PlaceBracket':
      return placeBracket(command, document);
    case 'RemoveBracket':
      return removeBracket(command, document);
    case 'DeleteBracketedWords':
      return deleteBracketedWords(command, document);
    case 'OpenOptionSet':
      return openOptionSet(command, document);
    case 'AddOption':
      return addOption(command, document);
    case 'RecordOptionPlacement':
      return recordOptionPlacement(command, document);
    case 'ChooseOption':
      return chooseOption(command, document);
    default:
      return unreachable(command);
  }
}

export const documentDecider: Decider<DocumentCommand, DocumentEvent, DocumentState> = {
  decide: decideDocument,
  evolve: evolveDocument,
  initialState: initialDocumentState,
};

function createDocument(command: CreateDocument, state: DocumentState): DocumentEvent[] {
  const { actor, now } = command.meta;
  const { documentId, negotiationId, title, symbol, mode } = command.data;
  assertCan(actor.role, 'document.create', mode);
  if (state.status !== 'none') {
    throw new Conflict('This document already exists', { reason: 'document-exists' });
  }
  return [
    {
      type: 'DocumentCreated',
      data: {
        documentId,
        negotiationId,
        title,
        symbol,
        mode,
        createdBy: actor.userId,
        createdAt: now,
      },
    },
  ];
}

function changeMode(command: ChangeDocumentMode, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'document.changeMode', document.mode);
  const { documentId, mode } = command.data;
  if (mode === document.mode) return [];
  return [
    {
      type: 'DocumentModeChanged',
      data: { documentId, from: document.mode, to: mode, changedBy: actor.userId, changedAt: now },
    },
  ];
}

function setParagraphStatus(command: SetParagraphStatus, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'paragraph.setStatus', document.mode);
  const { documentId, paragraphId, status, reason = '' } = command.data;
  if (status === 'bracketed') {
    throw new Invalid('A paragraph is bracketed by its brackets; place one instead', {
      reason: 'status-derived',
    });
  }
  const previousStatus = paragraphStatusOf(document, paragraphId);
  if (status === previousStatus) return [];
  if (status === 'agreed-ad-ref' && hasOpenBrackets(document, paragraphId)) {
    throw new Conflict("Remove the paragraph's brackets and options before agreeing it ad ref", {
      reason: 'paragraph-has-brackets',
    });
  }
  if (previousStatus === 'agreed-ad-ref' && reason.trim().length === 0) {
    throw new Invalid('Reopening a paragraph agreed ad ref needs a reason, for the record', {
      reason: 'reason-required',
    });
  }
  return [
    {
      type: 'ParagraphStatusSet',
      data: {
        documentId,
        paragraphId,
        status,
        previousStatus,
        reason,
        setBy: actor.userId,
        setAt: now,
      },
    },
  ];
}

function issueRevision(command: IssueRevision, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'revision.issue', document.mode);
  const { documentId, label } = command.data;
  const textRevision = BigInt(command.data.textRevision).toString();
  if (document.revisions.some((r) => sameRevisionLabel(r.label, label))) {
    throw new Conflict(`A revision labelled "${label}" was already issued`, {
      reason: 'revision-label-taken',
    });
  }
  const latest = document.revisions.at(-1);
  if (latest && BigInt(textRevision) < BigInt(latest.textRevision)) {
    throw new Conflict(`"${label}" would freeze an older text than "${latest.label}"`, {
      reason: 'revision-out-of-order',
    });
  }
  const { paragraphs = [], renumber: renumbered = true } = command.data;
  const labels = renumbered
    ? renumber(paragraphs)
    : paragraphLabels(paragraphs, frozenNumbering(document));
  return [
    {
      type: 'RevisionIssued',
      data: {
        documentId,
        label,
        textRevision,
        sequence: document.revisions.length + 1,
        issuedBy: actor.userId,
        issuedAt: now,
        numbering: [...labels],
        renumbered,
      },
    },
  ];
}

function adopt(command: AdoptDocument, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'document.adopt', document.mode);
  const { documentId, revisionLabel } = command.data;
  const revision = document.revisions.find((r) => sameRevisionLabel(r.label, revisionLabel));
  if (!revision) {
    throw new NotFound(`No revision labelled "${revisionLabel}" was issued`, {
      reason: 'unknown-revision',
    });
  }
  if (revision !== document.revisions.at(-1)) {
    throw new Conflict('Only the latest revision can be adopted', {
      reason: 'not-latest-revision',
    });
  }
  return [
    {
      type: 'DocumentAdopted',
      data: {
        documentId,
        revisionLabel: revision.label,
        textRevision: revision.textRevision,
        adoptedBy: actor.userId,
        adoptedAt: now,
      },
    },
  ];
}

function requireDrafting(state: DocumentState, documentId: string, attempted: string): Drafting {
  if (state.status === 'none')
    throw new NotFound('No such document', { reason: 'unknown-document' });
  if (state.documentId !== documentId) {
    throw new Invalid('The command names another document', { reason: 'wrong-aggregate' });
  }
  if (state.status === 'adopted') {
    throw new IllegalTransition('the document is adopted', attempted, {
      reason: 'document-adopted',
    });
  }
  return state;
}
