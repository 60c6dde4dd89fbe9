// What the draft's panels share: the document and its record (amendments, positions, comments,
// each reloaded live), who the user acts as, the live text, and the amendment or comment in focus.
import type { BracketListView, Role } from '@accord/shared';
import type { Editor } from '@tiptap/react';
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Actor, Amendment, CommentThread, DocumentDetail, Position } from '../api/types.js';

export interface DraftContextValue {
  document: DocumentDetail;
  you: Actor;
  role: Role;
  amendments: readonly Amendment[];
  positions: readonly Position[];
  comments: readonly CommentThread[];
  reloadDocument: () => void;
  reloadAmendments: () => void;
  reloadPositions: () => void;
  reloadComments: () => void;
  /** The live text (this tab's copy). */
  ydoc: Y.Doc;
  editor: Editor | null;
  /** Whether the user may type in the text now. */
  textEditable: boolean;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  /** Open brackets and options with their counts (absent until loaded, or where not shown). */
  brackets?: BracketListView;
  reloadBrackets?: () => void;
}

export const DraftContext = createContext<DraftContextValue | null>(null);

export function useDraft(): DraftContextValue {
  const value = useContext(DraftContext);
  if (!value) throw new Error('useDraft outside the draft');
  return value;
}
