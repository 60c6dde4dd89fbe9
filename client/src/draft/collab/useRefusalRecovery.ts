// What the draft does when the server refuses a change to the text (a write it may not make, a
// structure outside the schema, words of a locked paragraph, a text grown too large): the refused
// copy of the text is dropped and fetched afresh, and the user's words are kept for the "Not
// saved" panel (see unsavedWords).
//
// It never spins: if the server refuses again before the user has changed anything since the
// fresh copy arrived, this tab itself is sending something the server will not take (a repair of
// a structure it cannot show, say), so writing pauses. It never locks the user out: the user
// resumes writing with one click, and a first refusal leaves the text editable.
import { isWriteRefused } from '@accord/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlainMessageKey } from '../../i18n/i18n.js';
import { stoppedMessage } from './ConnectionStatus.js';
import type { CollabSession, CollabSnapshot } from './collabSession.js';
import {
  mergeUnsaved,
  paragraphWords,
  unsavedParagraphs,
  type ParagraphWords,
  type UnsavedParagraph,
} from './unsavedWords.js';

export interface RefusalRecovery {
  /** Paragraphs whose local words the server does not hold, until dismissed. */
  unsaved: readonly UnsavedParagraph[];
  /** Why the last change was refused. */
  reason: PlainMessageKey | null;
  dismiss: () => void;
  /** Refused twice without a change by the user in between: this tab sends nothing for now. */
  paused: boolean;
  resume: () => void;
  /** The editor reports each change the user makes. */
  noteLocalEdit: () => void;
}

/** What the recovery needs of the live text (a `Collab` from useCollab). */
export interface RecoverableCollab {
  session: Pick<CollabSession, 'doc' | 'subscribe' | 'getSnapshot'>;
  snapshot: CollabSnapshot;
  restart: () => void;
}

export function useRefusalRecovery({
  session,
  snapshot,
  restart,
}: RecoverableCollab): RefusalRecovery {
  const [unsaved, setUnsaved] = useState<UnsavedParagraph[]>([]);
  const [reason, setReason] = useState<PlainMessageKey | null>(null);
  const [paused, setPaused] = useState(false);
  /** The words of the dropped copy, until the fresh copy has arrived to compare with. */
  const pending = useRef<ParagraphWords[] | null>(null);
  const refusals = useRef(0);
  const editedSinceRestart = useRef(false);
  const handled = useRef<RecoverableCollab['session'] | null>(null);

  useEffect(
    () =>
      session.subscribe(() => {
        const { state } = session.getSnapshot();
        if (state.kind !== 'stopped' || !isWriteRefused(state.code, state.reason)) return;
        if (handled.current === session) return;
        handled.current = session;
        // A copy refused before it ever synced holds none of the user's words: keep the older.
        pending.current ??= paragraphWords(session.doc);
        if (refusals.current > 0 && !editedSinceRestart.current) setPaused(true);
        refusals.current += 1;
        editedSinceRestart.current = false;
        setReason(stoppedMessage(state.code, state.reason));
        restart();
      }),
    [session, restart],
  );

  // Once the fresh copy holds the server's text, list what the user would otherwise lose.
  useEffect(() => {
    const local = pending.current;
    if (!snapshot.everSynced || local === null) return;
    pending.current = null;
    const found = unsavedParagraphs(local, paragraphWords(session.doc));
    if (found.length > 0) setUnsaved((shown) => mergeUnsaved(shown, found));
  }, [session, snapshot.everSynced]);

  const dismiss = useCallback(() => setUnsaved([]), []);
  const resume = useCallback(() => {
    editedSinceRestart.current = false;
    setPaused(false);
  }, []);
  const noteLocalEdit = useCallback(() => {
    editedSinceRestart.current = true;
  }, []);
  return { unsaved, reason, dismiss, paused, resume, noteLocalEdit };
}
