// Poisoned presence: awareness states of unexpected shapes arrive from the server; the draft
// still renders, shows who it can, and says how many items it left out.
import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { renderInDraft } from '../../test-support/providers.js';
import { DraftEditor } from '../editor/DraftEditor.js';
import { SkipOnError, SkippedNote } from '../SkipOnError.js';
import { CollabSession } from './collabSession.js';
import { PresenceList } from './PresenceList.js';
import { useDocumentPresence } from './usePresence.js';

const alice = { name: 'Alice', stakeholderId: 's-NHR', stakeholderName: 'NHR', color: '#1f77b4' };

function seed(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText('Decides to act;');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'op1');
  paragraph.setAttribute('kind', 'operative');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return text;
}

/** An awareness update carrying `states` as other clients would, through the server. */
function remoteStates(states: ReadonlyMap<number, unknown>): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  for (const [clientId, state] of states) {
    awareness.states.set(clientId, state as Record<string, unknown>);
    awareness.meta.set(clientId, { clock: 1, lastUpdated: Date.now() });
  }
  const update = encodeAwarenessUpdate(awareness, [...states.keys()]);
  awareness.destroy();
  return update;
}

function LiveDraft({ session }: { session: CollabSession }) {
  const people = useDocumentPresence(session.awareness);
  const [margin] = useState(() => ({ statuses: new Map(), stances: new Map(), currentId: null }));
  return (
    <>
      <SkippedNote skipped={session.skipped} />
      <SkipOnError skipped={session.skipped} itemKey="editor">
        <DraftEditor
          session={session}
          editable
          label="Text"
          margin={margin}
          annotations={null}
          self={{ name: 'Me' }}
          caretLabel={(user) => `${user.stakeholderName ?? ''} · ${user.name ?? ''}`}
          onSelection={() => undefined}
        />
      </SkipOnError>
      <PresenceList people={people} skipped={session.skipped} />
    </>
  );
}

describe('poisoned presence', () => {
  const sessions: CollabSession[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.destroy()));

  it('skips malformed awareness states, keeps the page and the valid people, and counts what it left out', async () => {
    const session = new CollabSession('d1', 'ws://127.0.0.1:9/collab');
    sessions.push(session);
    const text = seed(session.doc);
    renderInDraft(<LiveDraft session={session} />);
    await screen.findByText('Decides to act;');

    // Yjs types the JSON form as `any`; it is a plain object.
    const at = (index: number): unknown =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)) as unknown;
    const poisoned = new Map<number, unknown>([
      [101, { user: alice, cursor: { anchor: at(2), head: at(5) } }],
      [102, { user: { name: 42, color: 'red' } }],
      [103, { user: { ...alice, name: 'Bruno' }, cursor: { anchor: null, head: null } }],
      [104, 'not an object'],
      [105, { user: { ...alice, name: 'Chen', color: 'url(javascript:alert(1))' } }],
    ]);
    expect(() =>
      act(() => applyAwarenessUpdate(session.awareness, remoteStates(poisoned), 'server')),
    ).not.toThrow();

    expect(screen.getByText('Decides to act;')).toBeTruthy();
    expect(screen.getByText('4 items could not be shown.')).toBeTruthy();
    // Alice, and Bruno without his broken caret, are listed; the others are left out.
    expect(screen.getByText(/Alice/)).toBeTruthy();
    expect(screen.getByText(/Bruno/)).toBeTruthy();
    expect(screen.queryByText(/Chen/)).toBeNull();
    expect(session.awareness.getStates().get(103)).toEqual({ user: { ...alice, name: 'Bruno' } });

    // A later valid state from the same client shows again and is no longer counted.
    act(() =>
      applyAwarenessUpdate(
        session.awareness,
        (() => {
          const awareness = new Awareness(new Y.Doc());
          awareness.states.set(104, { user: { ...alice, name: 'Dara' } });
          awareness.meta.set(104, { clock: 2, lastUpdated: Date.now() });
          const update = encodeAwarenessUpdate(awareness, [104]);
          awareness.destroy();
          return update;
        })(),
        'server',
      ),
    );
    expect(screen.getByText(/Dara/)).toBeTruthy();
    expect(screen.getByText('3 items could not be shown.')).toBeTruthy();
  });

  it('drops a caret of the right shape that points nowhere Yjs can resolve', async () => {
    const session = new CollabSession('d1', 'ws://127.0.0.1:9/collab');
    sessions.push(session);
    seed(session.doc);
    renderInDraft(<LiveDraft session={session} />);
    await screen.findByText('Decides to act;');

    // The schema allows every field of a relative position to be missing; Yjs then throws.
    const poisoned = new Map<number, unknown>([
      [201, { user: { ...alice, name: 'Emil' }, cursor: { anchor: {}, head: {} } }],
      [202, { user: { ...alice, name: 'Gus' }, cursor: { anchor: { tname: 'other' }, head: {} } }],
    ]);
    expect(() =>
      act(() => applyAwarenessUpdate(session.awareness, remoteStates(poisoned), 'server')),
    ).not.toThrow();

    expect(screen.getByText('Decides to act;')).toBeTruthy();
    expect(screen.getByText(/Emil/)).toBeTruthy();
    expect(screen.getByText(/Gus/)).toBeTruthy();
    expect(screen.getByText('2 items could not be shown.')).toBeTruthy();
    expect(session.awareness.getStates().get(201)).toEqual({ user: { ...alice, name: 'Emil' } });
    expect(session.doc.share.has('other')).toBe(false);
  });
});
