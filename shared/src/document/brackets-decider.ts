// Decides the bracket and option commands on a document. The rules, with the permission matrix:
// any delegation (and the chair) may bracket words it does not accept; only the delegation that
// placed a bracket, or the chair, may remove it or delete its words; only the chair chooses
// between options in a formal document. Nothing changes in a paragraph agreed ad ref.
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import type { Actor } from '../messages.js';
import { spansNest, type PartyRef } from '../negotiation-text/brackets.js';
import { assertCan } from '../permissions.js';
import {
  BRACKET_LIMITS,
  type AddOption,
  type ChooseOption,
  type DeleteBracketedWords,
  type OpenOptionSet,
  type PlaceBracket,
  type RecordOptionPlacement,
  type RemoveBracket,
} from './commands.js';
import type { DocumentEvent } from './events.js';
import {
  isParagraphLocked,
  openBrackets,
  optionLabel,
  optionSetParagraphs,
  type BracketState,
  type DocumentState,
  type OptionSetState,
} from './state.js';

type Drafting = Extract<DocumentState, { status: 'drafting' }>;

const party = (actor: Actor): PartyRef => ({
  userId: actor.userId,
  stakeholderId: actor.stakeholderId,
});

function assertUnlocked(document: Drafting, paragraphId: string): void {
  if (isParagraphLocked(document, paragraphId)) {
    throw new IllegalTransition('the paragraph is agreed ad ref', 'change its brackets', {
      reason: 'paragraph-locked',
    });
  }
}

export function placeBracket(command: PlaceBracket, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'bracket.place', document.mode);
  const { documentId, bracketId, paragraphId, anchor, words, span, otherSpans, note } =
    command.data;
  assertUnlocked(document, paragraphId);
  if (document.brackets[bracketId]) {
    throw new Conflict('This bracket was already placed', { reason: 'bracket-exists' });
  }
  if (span.end <= span.start) {
    throw new Invalid('A bracket holds at least one character', { reason: 'empty-bracket' });
  }
  if (openBrackets(document).length >= BRACKET_LIMITS.openPerDocument) {
    throw new Conflict(`A document holds at most ${BRACKET_LIMITS.openPerDocument} open brackets`, {
      reason: 'too-many-brackets',
    });
  }
  if (!spansNest([...otherSpans, span])) {
    throw new Invalid('Brackets nest: this one would cross another bracket in the paragraph', {
      reason: 'brackets-cross',
    });
  }
  return [
    {
      type: 'BracketPlaced',
      data: {
        documentId,
        bracketId,
        paragraphId,
        anchor,
        words,
        note: note ?? '',
        placedBy: party(actor),
        placedAt: now,
      },
    },
  ];
}

function openBracket(document: Drafting, bracketId: string): BracketState {
  const bracket = document.brackets[bracketId];
  if (!bracket) throw new NotFound('No such bracket', { reason: 'unknown-bracket' });
  if (!bracket.open) {
    throw new IllegalTransition('the bracket was already removed', 'change it', {
      reason: 'bracket-closed',
    });
  }
  return bracket;
}

/** Only the delegation that placed a bracket, or the chair, may take it away. */
function assertMayLift(actor: Actor, bracket: BracketState): void {
  if (actor.role === 'chair' || actor.stakeholderId === bracket.placedBy.stakeholderId) return;
  throw new Forbidden('Only the delegation that placed this bracket, or the chair, may remove it', {
    reason: 'not-bracket-owner',
  });
}

export function removeBracket(command: RemoveBracket, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'bracket.remove', document.mode);
  const bracket = openBracket(document, command.data.bracketId);
  assertMayLift(actor, bracket);
  assertUnlocked(document, bracket.paragraphId);
  return [
    {
      type: 'BracketRemoved',
      data: {
        documentId: command.data.documentId,
        bracketId: bracket.bracketId,
        paragraphId: bracket.paragraphId,
        reason: command.data.reason ?? '',
        removedBy: party(actor),
        removedAt: now,
      },
    },
  ];
}

export function deleteBracketedWords(
  command: DeleteBracketedWords,
  document: Drafting,
): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'bracket.remove', document.mode);
  const bracket = openBracket(document, command.data.bracketId);
  assertMayLift(actor, bracket);
  assertUnlocked(document, bracket.paragraphId);
  return [
    {
      type: 'BracketedWordsDeleted',
      data: {
        documentId: command.data.documentId,
        bracketId: bracket.bracketId,
        paragraphId: bracket.paragraphId,
        words: command.data.words,
        deletedBy: party(actor),
        deletedAt: now,
      },
    },
  ];
}

function openSet(document: Drafting, optionSetId: string): OptionSetState {
  const set = document.optionSets[optionSetId];
  if (!set) throw new NotFound('No such option set', { reason: 'unknown-option-set' });
  if (set.chosen) {
    throw new IllegalTransition('an option was already chosen', 'change the options', {
      reason: 'option-set-closed',
    });
  }
  return set;
}

/** A new paragraph for a paragraphs set, words for an inline one; "No text" only for paragraphs. */
function assertAlternativeFits(
  scope: OptionSetState['scope'],
  alternative: { words: string; noText: boolean; paragraphId: string | null },
): void {
  if (alternative.noText) {
    if (scope !== 'paragraphs') {
      throw new Invalid('"No text" is an option for whole paragraphs', {
        reason: 'no-text-inline',
      });
    }
    return;
  }
  if (alternative.words.trim().length === 0) {
    throw new Invalid('An option needs words, or is "No text"', { reason: 'empty-option' });
  }
  if (scope === 'paragraphs' && alternative.paragraphId === null) {
    throw new Invalid('A paragraph option needs its new paragraph', {
      reason: 'missing-paragraph',
    });
  }
}

export function openOptionSet(command: OpenOptionSet, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'option.propose', document.mode);
  const { documentId, optionSetId, scope, paragraphId, firstOptionId, anchor, words, alternative } =
    command.data;
  assertUnlocked(document, paragraphId);
  if (document.optionSets[optionSetId]) {
    throw new Conflict('This option set already exists', { reason: 'option-set-exists' });
  }
  if (scope === 'inline' && anchor === null) {
    throw new Invalid('Inline options start from words of the paragraph', {
      reason: 'missing-words',
    });
  }
  assertAlternativeFits(scope, alternative);
  return [
    {
      type: 'OptionSetOpened',
      data: {
        documentId,
        optionSetId,
        scope,
        paragraphId,
        firstOptionId,
        anchor: scope === 'inline' ? anchor : null,
        words,
        openedBy: party(actor),
        openedAt: now,
      },
    },
    optionAdded(documentId, optionSetId, 1, alternative, actor, now),
  ];
}

function optionAdded(
  documentId: string,
  optionSetId: string,
  index: number,
  option: Omit<AddOption['data'], 'documentId' | 'optionSetId'>,
  actor: Actor,
  now: string,
): DocumentEvent {
  return {
    type: 'OptionAdded',
    data: {
      documentId,
      optionSetId,
      optionId: option.optionId,
      label: optionLabel(index),
      words: option.noText ? '' : option.words,
      noText: option.noText,
      paragraphId: option.noText ? null : option.paragraphId,
      kind: option.noText ? null : option.kind,
      proposedBy: party(actor),
      proposedAt: now,
    },
  };
}

export function addOption(command: AddOption, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'option.propose', document.mode);
  const set = openSet(document, command.data.optionSetId);
  for (const paragraphId of optionSetParagraphs(set)) assertUnlocked(document, paragraphId);
  if (set.options.length >= BRACKET_LIMITS.optionsPerSet) {
    throw new Conflict(`An option set holds at most ${BRACKET_LIMITS.optionsPerSet} options`, {
      reason: 'too-many-options',
    });
  }
  if (set.options.some((o) => o.optionId === command.data.optionId)) {
    throw new Conflict('This option already exists', { reason: 'option-exists' });
  }
  if (command.data.noText && set.options.some((o) => o.noText)) {
    throw new Conflict('The set already offers "No text"', { reason: 'no-text-exists' });
  }
  assertAlternativeFits(set.scope, command.data);
  const { documentId, optionSetId, ...option } = command.data;
  return [optionAdded(documentId, optionSetId, set.options.length, option, actor, now)];
}

/** The bracket-text reactor records where it wrote an inline option's words. */
export function recordOptionPlacement(
  command: RecordOptionPlacement,
  document: Drafting,
): DocumentEvent[] {
  const { optionSetId, optionId, anchor, documentId } = command.data;
  const set = document.optionSets[optionSetId];
  const option = set?.options.find((o) => o.optionId === optionId);
  if (!set || !option) throw new NotFound('No such option', { reason: 'unknown-option' });
  if (option.anchor !== null) return [];
  return [{ type: 'OptionPlaced', data: { documentId, optionSetId, optionId, anchor } }];
}

export function chooseOption(command: ChooseOption, document: Drafting): DocumentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'option.choose', document.mode);
  const { documentId, optionSetId, optionId, struck } = command.data;
  const set = openSet(document, optionSetId);
  for (const paragraphId of optionSetParagraphs(set)) assertUnlocked(document, paragraphId);
  if (!set.options.some((o) => o.optionId === optionId)) {
    throw new NotFound('No such option in this set', { reason: 'unknown-option' });
  }
  const others = new Set(set.options.filter((o) => o.optionId !== optionId).map((o) => o.optionId));
  return [
    {
      type: 'OptionChosen',
      data: {
        documentId,
        optionSetId,
        optionId,
        struck: struck.filter((s) => others.has(s.optionId)),
        chosenBy: party(actor),
        chosenAt: now,
      },
    },
  ];
}
