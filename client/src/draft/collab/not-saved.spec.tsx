import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createI18n, I18nProvider } from '../../i18n/i18n.js';
import type { CollabSnapshot } from './collabSession.js';
import { NotSavedPanel } from './NotSavedPanel.js';
import { mergeUnsaved, paragraphWords, unsavedParagraphs } from './unsavedWords.js';
import { useRefusalRecovery, type RecoverableCollab } from './useRefusalRecovery.js';

/** A Y.Doc as the server writes it, from [id, kind, text] triples. */
function textDoc(...paragraphs: [string, string, string][]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(
    0,
    paragraphs.map(([id, kind, text]) => {
      const element = new Y.XmlElement('paragraph');
      element.setAttribute('id', id);
      element.setAttribute('kind', kind);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return doc;
}

const SERVER: [string, string, string][] = [
  ['pp1', 'preambular', 'Recalling,'],
  ['op1', 'operative', 'Decides to act;'],
  ['op2', 'operative', 'Urges all;'],
];

describe('the words a refused change would lose', () => {
  it('lists changed and new paragraphs with their numbers, not unchanged or deleted ones', () => {
    const local = paragraphWords(
      textDoc(
        ['pp1', 'preambular', 'Recalling,'],
        ['op1', 'operative', 'Decides firmly to act;'],
        ['op9', 'operative', 'A new idea;'],
        ['op10', 'operative', '  '],
      ),
    );
    const found = unsavedParagraphs(local, paragraphWords(textDoc(...SERVER)));
    expect(found).toEqual([
      { paragraphId: 'op1', label: 'OP 1', text: 'Decides firmly to act;', isNew: false },
      { paragraphId: 'op9', label: 'OP 2', text: 'A new idea;', isNew: true },
    ]);
  });

  it('keeps one entry per paragraph, with the latest words', () => {
    const first = { paragraphId: 'op1', label: 'OP 1', text: 'a', isNew: false };
    const other = { paragraphId: 'op2', label: 'OP 2', text: 'b', isNew: false };
    expect(mergeUnsaved([first, other], [{ ...first, text: 'c' }])).toEqual([
      { ...first, text: 'c' },
      other,
    ]);
  });
});

const i18n = createI18n({ preferred: ['en'], timeZone: 'UTC' });

describe('the Not saved panel', () => {
  afterEach(() => vi.unstubAllGlobals());
  const unsaved = [
    { paragraphId: 'op1', label: 'OP 1', text: 'Decides firmly to act;', isNew: false },
    { paragraphId: 'x', label: null, text: 'Fresh words', isNew: true },
  ];

  it('shows nothing when every word was saved', () => {
    const { container } = render(
      <I18nProvider i18n={i18n}>
        <NotSavedPanel unsaved={[]} reason={null} onDismiss={() => undefined} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
  });

  it('shows the refused words and why, copies them, and can be dismissed', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onDismiss = vi.fn();
    render(
      <I18nProvider i18n={i18n}>
        <NotSavedPanel
          unsaved={unsaved}
          reason="connection.paragraphLocked"
          onDismiss={onDismiss}
        />
      </I18nProvider>,
    );
    const panel = screen.getByRole('region', { name: 'Not saved' });
    expect(panel.textContent).toContain('it touched a paragraph agreed ad ref');
    expect(screen.getByRole('textbox', { name: 'OP 1' })).toHaveProperty(
      'value',
      'Decides firmly to act;',
    );
    expect(screen.getByRole('textbox', { name: 'New paragraph' })).toHaveProperty(
      'value',
      'Fresh words',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy your words in OP 1' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith('Decides firmly to act;');
    expect(panel.textContent).toContain('Copied.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('selects the words for copying by hand when the clipboard is out of reach', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <I18nProvider i18n={i18n}>
        <NotSavedPanel unsaved={unsaved} reason={null} onDismiss={() => undefined} />
      </I18nProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy your words in New paragraph' }));
      await Promise.resolve();
    });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'New paragraph' }));
    expect(screen.getByRole('region').textContent).toContain('press Ctrl+C');
    Reflect.deleteProperty(navigator, 'clipboard');
  });
});

/** Stands in for a CollabSession: a Y.Doc and a snapshot the test moves. */
class FakeSession {
  private listeners = new Set<() => void>();
  private snap: CollabSnapshot = { state: { kind: 'synced' }, everSynced: true, unsent: 0 };
  constructor(readonly doc: Y.Doc) {}
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly getSnapshot = () => this.snap;
  close(code: number, reason: string) {
    this.snap = { state: { kind: 'stopped', code, reason }, everSynced: true, unsent: 0 };
    for (const listener of [...this.listeners]) listener();
  }
}

describe('recovering from a refused change', () => {
  /** A page whose restart swaps in a fresh copy holding the server's text. */
  function page(local: Y.Doc) {
    let session = new FakeSession(local);
    const restart = vi.fn(() => {
      session = new FakeSession(textDoc(...SERVER));
    });
    const props = (): RecoverableCollab => ({
      session,
      snapshot: session.getSnapshot(),
      restart,
    });
    const hook = renderHook((p: RecoverableCollab) => useRefusalRecovery(p), {
      initialProps: props(),
    });
    const refuse = (code: number, reason: string) => {
      const refused = session;
      act(() => refused.close(code, reason));
      // The fresh copy connects, then syncs.
      hook.rerender({ ...props(), snapshot: { ...session.getSnapshot(), everSynced: false } });
      hook.rerender(props());
    };
    return { hook, restart, refuse };
  }

  it('starts afresh, lists what the user typed, and stays editable', () => {
    const local = textDoc(...SERVER);
    const { hook, restart, refuse } = page(local);
    const text = (local.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Firmly ');
    refuse(4423, 'paragraph-locked: op1');
    expect(restart).toHaveBeenCalledOnce();
    expect(hook.result.current.paused).toBe(false);
    expect(hook.result.current.reason).toBe('connection.paragraphLocked');
    expect(hook.result.current.unsaved).toEqual([
      { paragraphId: 'op1', label: 'OP 1', text: 'Firmly Decides to act;', isNew: false },
    ]);
    act(() => hook.result.current.dismiss());
    expect(hook.result.current.unsaved).toEqual([]);
  });

  it('ignores closes that refuse nothing', () => {
    const { hook, restart, refuse } = page(textDoc(...SERVER));
    refuse(4401, 'session-ended');
    refuse(1011, 'internal-error');
    expect(restart).not.toHaveBeenCalled();
    expect(hook.result.current.paused).toBe(false);
  });

  it('does not spin: refused again before the user changed anything, it stops writing', () => {
    const { hook, restart, refuse } = page(textDoc(...SERVER));
    refuse(4422, 'schema-violation: element');
    expect(hook.result.current.paused).toBe(false);
    refuse(4422, 'schema-violation: element');
    expect(restart).toHaveBeenCalledTimes(2);
    expect(hook.result.current.paused).toBe(true);
    // The user may write again, with one click; a new refusal without typing pauses again.
    act(() => hook.result.current.resume());
    expect(hook.result.current.paused).toBe(false);
    refuse(4403, 'write-refused: role');
    expect(hook.result.current.paused).toBe(true);
  });

  it('keeps the text editable when the user typed between two refusals', () => {
    const { hook, refuse } = page(textDoc(...SERVER));
    refuse(4423, 'paragraph-locked: op1');
    act(() => hook.result.current.noteLocalEdit());
    refuse(4423, 'paragraph-locked: op1');
    expect(hook.result.current.paused).toBe(false);
  });
});
