// Decides the library's commands. A text is added once and may be withdrawn once, by the chair
// or secretariat (for an adopted text, the adoption reactor acts as the chair who adopted it); a
// citation is recorded once per id by whoever may put words in the draft.
import { Conflict, NotFound, type Decider } from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  AddLibraryText,
  CitationCommand,
  CiteAgreedLanguage,
  LibraryCommand,
  WithdrawLibraryText,
} from './commands.js';
import type { CitationEvent, LibraryEvent } from './events.js';
import {
  evolveCitations,
  evolveLibraryText,
  initialCitationsState,
  initialLibraryTextState,
  type CitationsState,
  type LibraryTextState,
} from './state.js';

function addText(command: AddLibraryText, state: LibraryTextState): LibraryEvent[] {
  assertCan(command.meta.actor.role, 'library.add');
  if (state.status !== 'none') {
    throw new Conflict('This text is already in the library', { reason: 'library-text-exists' });
  }
  const { data, meta } = command;
  return [
    {
      type: 'LibraryTextAdded',
      data: {
        ...data,
        paragraphs: data.paragraphs.map((p) => ({ ref: p.ref, text: p.text })),
        addedBy: meta.actor.userId,
        addedAt: meta.now,
      },
    },
  ];
}

function withdrawText(command: WithdrawLibraryText, state: LibraryTextState): LibraryEvent[] {
  assertCan(command.meta.actor.role, 'library.withdraw');
  if (state.status === 'none') throw new NotFound('No such text in the library');
  if (state.status === 'withdrawn') {
    throw new Conflict('This text was already withdrawn from the library', {
      reason: 'library-text-withdrawn',
    });
  }
  return [
    {
      type: 'LibraryTextWithdrawn',
      data: {
        libraryTextId: command.data.libraryTextId,
        reason: command.data.reason,
        withdrawnBy: command.meta.actor.userId,
        withdrawnAt: command.meta.now,
      },
    },
  ];
}

export const libraryTextDecider: Decider<LibraryCommand, LibraryEvent, LibraryTextState> = {
  decide: (command, state) =>
    command.type === 'AddLibraryText' ? addText(command, state) : withdrawText(command, state),
  evolve: evolveLibraryText,
  initialState: initialLibraryTextState,
};

function cite(command: CiteAgreedLanguage, state: CitationsState): CitationEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'library.cite', data.mode);
  if (state.citationIds.has(data.citationId)) {
    throw new Conflict('This citation is already recorded', { reason: 'citation-exists' });
  }
  const { mode: _mode, ...cited } = data;
  return [
    {
      type: 'AgreedLanguageCited',
      data: {
        ...cited,
        citedBy: { userId: meta.actor.userId, stakeholderId: meta.actor.stakeholderId },
        citedAt: meta.now,
      },
    },
  ];
}

export const citationsDecider: Decider<CitationCommand, CitationEvent, CitationsState> = {
  decide: cite,
  evolve: evolveCitations,
  initialState: initialCitationsState,
};
