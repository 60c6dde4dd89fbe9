// A document's state folded from its stream: mode, the chair's gavels, brackets and options,
// revisions, adoption. A paragraph's status is derived from gavels and brackets, never stored.
import { unreachable } from '../decider.js';
import type { OptionScope, PartyRef } from '../negotiation-text/brackets.js';
import { can } from '../permissions.js';
import type { DocumentMode, ParagraphStatus, Role } from '../vocabulary.js';
import type { DocumentEvent } from './events.js';

export interface Revision {
  label: string;
  /** The numbers it published ([paragraph id, label] in order); null if never recorded. */
  numbering: readonly (readonly [string, string])[] | null;
  renumbered: boolean;
  /** Decimal string of the `doctext-` stream revision the label freezes. */
  textRevision: string;
  sequence: number;
  issuedAt: string;
}

export interface TextAnchorRef {
  start: string;
  end: string;
}

export interface BracketState {
  bracketId: string;
  paragraphId: string;
  anchor: TextAnchorRef;
  words: string;
  note: string;
  placedBy: PartyRef;
  placedAt: string;
  /** False once removed or its words deleted. */
  open: boolean;
}

export interface OptionState {
  optionId: string;
  label: string;
  words: string;
  noText: boolean;
  /** Paragraphs set: the option's paragraph (null for "No text"); inline: the set's paragraph. */
  paragraphId: string | null;
  /** Inline: where the words are; null until the reactor placed new words. */
  anchor: TextAnchorRef | null;
  proposedBy: PartyRef;
  proposedAt: string;
}

export interface OptionSetState {
  optionSetId: string;
  scope: OptionScope;
  paragraphId: string;
  options: readonly OptionState[];
  chosen: { optionId: string; chosenBy: PartyRef; chosenAt: string } | null;
}

interface DocumentInfo {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  /**
   * The chair's gavel per paragraph: 'agreed-ad-ref' once gavelled, 'open' once reopened. A
   * 'bracketed' set by hand before brackets were data is kept here but no longer counts.
   */
  paragraphStatuses: Readonly<Record<string, ParagraphStatus>>;
  /** Every bracket ever placed, open or not, by id. */
  brackets: Readonly<Record<string, BracketState>>;
  /** Every option set, by id. */
  optionSets: Readonly<Record<string, OptionSetState>>;
  /** In the order issued. */
  revisions: readonly Revision[];
}

export type DocumentState =
  | { status: 'none' }
  | ({ status: 'drafting' } & DocumentInfo)
  | ({ status: 'adopted'; adoptedRevision: string } & DocumentInfo);

export const initialDocumentState = (): DocumentState => ({ status: 'none' });

type Known = Exclude<DocumentState, { status: 'none' }>;

/** Whether the chair agreed this paragraph ad ref: its words, kind and brackets are locked. */
export const isParagraphLocked = (state: Known, paragraphId: string): boolean =>
  state.paragraphStatuses[paragraphId] === 'agreed-ad-ref';

/** The paragraphs agreed ad ref, which neither typing nor a command may change. */
export const lockedParagraphIds = (state: Known): Set<string> =>
  new Set(
    Object.entries(state.paragraphStatuses)
      .filter(([, status]) => status === 'agreed-ad-ref')
      .map(([id]) => id),
  );

export const openBrackets = (state: Known): BracketState[] =>
  Object.values(state.brackets).filter((b) => b.open);

export const openOptionSets = (state: Known): OptionSetState[] =>
  Object.values(state.optionSets).filter((s) => s.chosen === null);

/** The paragraphs an option set occupies: its own paragraph, and each option's paragraph. */
export const optionSetParagraphs = (set: OptionSetState): string[] => [
  ...new Set([
    set.paragraphId,
    ...set.options.flatMap((o) => (o.paragraphId ? [o.paragraphId] : [])),
  ]),
];

/** Whether a paragraph holds an open bracket or lies in an open option set. */
export const hasOpenBrackets = (state: Known, paragraphId: string): boolean =>
  openBrackets(state).some((b) => b.paragraphId === paragraphId) ||
  openOptionSets(state).some((set) => optionSetParagraphs(set).includes(paragraphId));

/** Derived: agreed ad ref when gavelled; bracketed while brackets or options are open; else open. */
export const paragraphStatusOf = (state: Known, paragraphId: string): ParagraphStatus => {
  if (isParagraphLocked(state, paragraphId)) return 'agreed-ad-ref';
  return hasOpenBrackets(state, paragraphId) ? 'bracketed' : 'open';
};

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
      brackets: {},
      optionSets: {},
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
      const { label, textRevision, sequence, issuedAt, numbering, renumbered } = event.data;
      return {
        ...state,
        revisions: [
          ...state.revisions,
          { label, textRevision, sequence, issuedAt, numbering, renumbered },
        ],
      };
    }
    case 'DocumentAdopted':
      return { ...state, status: 'adopted', adoptedRevision: event.data.revisionLabel };
    case 'BracketPlaced': {
      const { bracketId, paragraphId, anchor, words, note, placedBy, placedAt } = event.data;
      const bracket = {
        bracketId,
        paragraphId,
        anchor,
        words,
        note,
        placedBy,
        placedAt,
        open: true,
      };
      return { ...state, brackets: { ...state.brackets, [bracketId]: bracket } };
    }
    case 'BracketRemoved':
    case 'BracketedWordsDeleted':
      return closeBracket(state, event.data.bracketId);
    case 'OptionSetOpened': {
      const { optionSetId, scope, paragraphId, firstOptionId, anchor, words, openedBy, openedAt } =
        event.data;
      const first: OptionState = {
        optionId: firstOptionId,
        label: optionLabel(0),
        words,
        noText: false,
        paragraphId,
        anchor,
        proposedBy: openedBy,
        proposedAt: openedAt,
      };
      const set: OptionSetState = {
        optionSetId,
        scope,
        paragraphId,
        options: [first],
        chosen: null,
      };
      return { ...state, optionSets: { ...state.optionSets, [optionSetId]: set } };
    }
    case 'OptionAdded': {
      const { optionSetId, optionId, label, words, noText, paragraphId, proposedBy, proposedAt } =
        event.data;
      return updateOptionSet(state, optionSetId, (set) => ({
        ...set,
        options: [
          ...set.options,
          {
            optionId,
            label,
            words,
            noText,
            paragraphId: set.scope === 'inline' ? set.paragraphId : paragraphId,
            anchor: null,
            proposedBy,
            proposedAt,
          },
        ],
      }));
    }
    case 'OptionPlaced': {
      const { optionSetId, optionId, anchor } = event.data;
      return updateOptionSet(state, optionSetId, (set) => ({
        ...set,
        options: set.options.map((o) => (o.optionId === optionId ? { ...o, anchor } : o)),
      }));
    }
    case 'OptionChosen': {
      const { optionSetId, optionId, chosenBy, chosenAt } = event.data;
      return updateOptionSet(state, optionSetId, (set) => ({
        ...set,
        chosen: { optionId, chosenBy, chosenAt },
      }));
    }
    default:
      return unreachable(event);
  }
}

/**
 * The numbers of the latest revision that recorded them: paragraphs inserted since are numbered
 * bis/ter against these. Empty (plain numbering) before any such revision.
 */
export function frozenNumbering(state: Known): Map<string, string> {
  const latest = state.revisions.findLast((r) => r.numbering !== null);
  return new Map(latest?.numbering ?? []);
}

/** "Option 1", "Option 2", … by position in the set. */
export const optionLabel = (index: number): string => `Option ${index + 1}`;

function closeBracket<S extends Known>(state: S, bracketId: string): S {
  const bracket = state.brackets[bracketId];
  if (!bracket) return state;
  return { ...state, brackets: { ...state.brackets, [bracketId]: { ...bracket, open: false } } };
}

function updateOptionSet<S extends Known>(
  state: S,
  optionSetId: string,
  update: (set: OptionSetState) => OptionSetState,
): S {
  const set = state.optionSets[optionSetId];
  if (!set) return state;
  return { ...state, optionSets: { ...state.optionSets, [optionSetId]: update(set) } };
}
