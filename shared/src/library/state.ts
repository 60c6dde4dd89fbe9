// The state the library's deciders need: whether a text exists and is withdrawn, and which
// citations a document's stream already holds (a retried citation appends nothing).
import type { CitationEvent, LibraryEvent } from './events.js';

export type LibraryTextState =
  { status: 'none' } | { status: 'listed' | 'withdrawn'; libraryTextId: string; title: string };

export const initialLibraryTextState = (): LibraryTextState => ({ status: 'none' });

export function evolveLibraryText(state: LibraryTextState, event: LibraryEvent): LibraryTextState {
  switch (event.type) {
    case 'LibraryTextAdded':
      return { status: 'listed', libraryTextId: event.data.libraryTextId, title: event.data.title };
    case 'LibraryTextWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
  }
}

export interface CitationsState {
  citationIds: ReadonlySet<string>;
}

export const initialCitationsState = (): CitationsState => ({ citationIds: new Set() });

export function evolveCitations(state: CitationsState, event: CitationEvent): CitationsState {
  return { citationIds: new Set([...state.citationIds, event.data.citationId]) };
}
