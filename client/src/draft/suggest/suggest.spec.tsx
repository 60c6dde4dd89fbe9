import type { DocumentMode, Role } from '@accord/shared';
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DocumentDetail } from '../../api/types.js';
import { renderInDraft } from '../../test-support/providers.js';
import { elementText, findParagraphElement } from '../anchors.js';
import { ParagraphIds } from '../editor/paragraphIds.js';
import { DraftDocument, DraftParagraph, DraftText } from '../editor/schema.js';
import type { OutlineEntry } from '../outline.js';
import { SuggestingPane } from './SuggestingPane.js';
import { SuggestToggle } from './SuggestToggle.js';

const WORDS = 'Cities shall publish heat plans.';
const AMENDMENT_ID = '3f1c2a4e-7b6d-4e2f-9a1b-2c3d4e5f6a7b';
const paragraph: OutlineEntry = { id: 'p1', kind: 'operative', label: 'OP 1', text: WORDS };

/** A shared text holding the paragraph, as the live Y.Doc would. */
function sharedText(): Y.Doc {
  const doc = new Y.Doc();
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('id', 'p1');
  element.setAttribute('kind', 'operative');
  element.insert(0, [new Y.XmlText(WORDS)]);
  doc.getXmlFragment('default').insert(0, [element]);
  return doc;
}

type Call = { url: string; method: string; body: unknown };
function stubFetch(answer: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body ? (JSON.parse(init.body as string) as unknown) : undefined,
      });
      return Promise.resolve(answer());
    }),
  );
  return calls;
}
const tabled = () =>
  new Response(JSON.stringify({ amendmentId: AMENDMENT_ID, position: '12' }), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => vi.unstubAllGlobals());

const delegate = { userId: 'u1', stakeholderId: 's-NHR', role: 'delegate' as const };

function renderToggle(role: Role, mode: DocumentMode, adopted = false) {
  const you = { userId: 'u1', stakeholderId: 's-NHR', role };
  return renderInDraft(
    <SuggestToggle on={false} onToggle={() => undefined} />,
    { document: { ...baseDocument(), mode, adopted } },
    you,
  );
}

function baseDocument(): DocumentDetail {
  return {
    documentId: 'd1',
    negotiationId: 'n1',
    title: 'Draft',
    symbol: 'A/1',
    mode: 'formal',
    createdBy: 'u0',
    createdAt: '2026-11-13T08:00:00.000Z',
    adopted: false,
    adoption: null,
    latestRevision: null,
    paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 0 },
    pendingAmendments: 0,
    revisions: [],
    paragraphStatuses: [],
    paragraphs: [],
    nextRevisionLabel: 'Zero draft',
    numbering: [],
    you: delegate,
  };
}

/** The pane on the paragraph in focus; "Chair edits" stands for someone changing its words live. */
function Stage() {
  const [text, setText] = useState(WORDS);
  return (
    <>
      <SuggestingPane paragraph={{ ...paragraph, text }} status="open" onGoTo={() => undefined} />
      <button type="button" onClick={() => setText(`${WORDS.slice(0, -1)} by 2030.`)}>
        Chair edits
      </button>
    </>
  );
}

function renderPane(ydoc: Y.Doc) {
  const reloadAmendments = vi.fn();
  const setActiveId = vi.fn();
  const view = renderInDraft(
    <Stage />,
    { document: baseDocument(), ydoc, reloadAmendments, setActiveId, textEditable: false },
    delegate,
  );
  return { ...view, reloadAmendments, setActiveId };
}

const wordsBox = () => screen.getByRole('textbox', { name: 'Your wording of OP 1' });

describe('the suggest changes toggle', () => {
  it('is offered to a delegate in a formal document only', () => {
    const cases: [Role, DocumentMode, boolean, boolean][] = [
      ['delegate', 'formal', false, true],
      ['delegate', 'open-drafting', false, false],
      ['delegate', 'formal', true, false],
      ['chair', 'formal', false, false],
      ['secretariat', 'formal', false, false],
      ['observer', 'formal', false, false],
      ['civil-society', 'formal', false, false],
    ];
    for (const [role, mode, adopted, shown] of cases) {
      const view = renderToggle(role, mode, adopted);
      const toggle = view.queryByRole('checkbox', { name: 'Suggest changes' });
      expect({ role, mode, adopted, shown: toggle !== null }).toEqual({
        role,
        mode,
        adopted,
        shown,
      });
      view.unmount();
    }
  });
});

describe('suggesting a change to a paragraph', () => {
  it('shows the words typed as a diff against the paragraph, while the shared text stays as it was', async () => {
    const ydoc = sharedText();
    const updates = vi.fn();
    ydoc.on('update', updates);
    const { container } = renderPane(ydoc);
    const user = userEvent.setup();
    expect(wordsBox()).toHaveProperty('value', WORDS);
    expect(screen.getByText('No change yet: rewrite the words above.')).toBeTruthy();

    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities shall publish heat action plans.');

    const inserted = [...container.querySelectorAll('.suggest-diff ins')].map((n) => n.textContent);
    expect(inserted.join('')).toContain('action');
    expect(container.querySelectorAll('.suggest-diff del')).toHaveLength(0);
    expect(container.querySelector('.suggest-diff')?.textContent).toBe(
      'Cities shall publish heat action plans.',
    );
    expect(updates).not.toHaveBeenCalled();
    expect(elementText(findParagraphElement(ydoc, 'p1')!)).toBe(WORDS);
  });

  it('tables the smallest changed run of whole words as the delegation’s amendment', async () => {
    const calls = stubFetch(tabled);
    const ydoc = sharedText();
    const updates = vi.fn();
    ydoc.on('update', updates);
    const { reloadAmendments, setActiveId, container } = renderPane(ydoc);
    const user = userEvent.setup();

    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities must publish heat plans.');
    expect(container.querySelector('.suggest-diff del')?.textContent).toBe('shall');
    expect(container.querySelector('.suggest-diff ins')?.textContent).toBe('must');
    await user.type(screen.getByRole('textbox', { name: /Rationale/ }), 'Plans are overdue.');
    await user.click(screen.getByRole('button', { name: 'Table as suggestion' }));

    await screen.findByText('Your suggestion to OP 1 is tabled as an amendment.');
    expect(calls).toEqual([
      {
        url: '/api/documents/d1/amendments',
        method: 'POST',
        body: {
          paragraphId: 'p1',
          kind: 'replace',
          range: { start: 7, end: 12 },
          proposedText: 'must',
          rationale: 'Plans are overdue.',
        },
      },
    ]);
    expect(reloadAmendments).toHaveBeenCalled();
    expect(setActiveId).toHaveBeenCalledWith(AMENDMENT_ID);
    // Tabled: the box starts again from the paragraph's words, and the shared text is untouched.
    expect(wordsBox()).toHaveProperty('value', WORDS);
    expect(updates).not.toHaveBeenCalled();
    expect(elementText(findParagraphElement(ydoc, 'p1')!)).toBe(WORDS);
  });

  it('tables an insertion and a deletion with the right kind and range', async () => {
    const calls = stubFetch(tabled);
    renderPane(sharedText());
    const user = userEvent.setup();

    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities shall publish heat action plans.');
    await user.click(screen.getByRole('button', { name: 'Table as suggestion' }));
    await screen.findByText('Your suggestion to OP 1 is tabled as an amendment.');

    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities shall publish plans.');
    await user.click(screen.getByRole('button', { name: 'Table as suggestion' }));
    await vi.waitFor(() => expect(calls).toHaveLength(2));

    expect(calls.map((c) => c.body)).toEqual([
      {
        paragraphId: 'p1',
        kind: 'insert',
        range: { start: 26, end: 26 },
        proposedText: 'action ',
        rationale: '',
      },
      { paragraphId: 'p1', kind: 'delete', range: { start: 21, end: 26 }, rationale: '' },
    ]);
  });

  it('shows the server’s refusal in place and keeps the words typed', async () => {
    stubFetch(
      () =>
        new Response(
          JSON.stringify({
            type: 'x/deadline-passed',
            title: 'Too late',
            detail: 'The deadline for amendments has passed.',
          }),
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    renderPane(sharedText());
    const user = userEvent.setup();
    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities must publish heat plans.');
    await user.click(screen.getByRole('button', { name: 'Table as suggestion' }));
    // Said in place in the form (as well as in a toast), as other forms do.
    const alerts = await screen.findAllByRole('alert');
    const inForm = alerts.find((a) => a.closest('form'));
    expect(inForm?.textContent).toContain('The deadline for amendments has passed.');
    expect(wordsBox()).toHaveProperty('value', 'Cities must publish heat plans.');
  });

  it('does not table against words that changed meanwhile until the delegate compares again', async () => {
    const calls = stubFetch(tabled);
    const ydoc = sharedText();
    renderPane(ydoc);
    const user = userEvent.setup();
    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities must publish heat plans.');

    // The chair edits the paragraph while the delegate writes.
    await user.click(screen.getByRole('button', { name: 'Chair edits' }));
    expect(screen.getByText(/The paragraph has changed since you began/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Table as suggestion' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Compare with the current text' }));
    expect(screen.queryByText(/The paragraph has changed since you began/)).toBeNull();
    expect(wordsBox()).toHaveProperty('value', 'Cities must publish heat plans.');
    expect(calls).toEqual([]);
  });
});

describe('suggesting in several paragraphs', () => {
  it('keeps the words typed in one paragraph while the delegate moves to another', async () => {
    const other: OutlineEntry = {
      id: 'p2',
      kind: 'operative',
      label: 'OP 2',
      text: 'Other words.',
    };
    const goneTo: string[] = [];
    function Switcher() {
      const [current, setCurrent] = useState<OutlineEntry>(paragraph);
      return (
        <>
          <SuggestingPane
            paragraph={current}
            status="open"
            onGoTo={(id) => {
              goneTo.push(id);
              setCurrent(id === 'p1' ? paragraph : other);
            }}
          />
          <button type="button" onClick={() => setCurrent(other)}>
            Click OP 2
          </button>
        </>
      );
    }
    renderInDraft(<Switcher />, { document: baseDocument(), ydoc: sharedText() }, delegate);
    const user = userEvent.setup();
    await user.clear(wordsBox());
    await user.type(wordsBox(), 'Cities must publish heat plans.');

    await user.click(screen.getByRole('button', { name: 'Click OP 2' }));
    expect(screen.getByRole('textbox', { name: 'Your wording of OP 2' })).toHaveProperty(
      'value',
      'Other words.',
    );
    expect(screen.getByText('Not yet tabled:')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'OP 1' }));
    expect(goneTo).toEqual(['p1']);
    expect(wordsBox()).toHaveProperty('value', 'Cities must publish heat plans.');
    expect(screen.queryByText('Not yet tabled:')).toBeNull();
  });
});

describe('the suggestion box in the text', () => {
  it('is drawn under the paragraph in focus, inside the read-only editor, and writes nothing', async () => {
    const ydoc = sharedText();
    const second = new Y.XmlElement('paragraph');
    second.setAttribute('id', 'p2');
    second.setAttribute('kind', 'operative');
    second.insert(0, [new Y.XmlText('Other words.')]);
    ydoc.getXmlFragment('default').insert(1, [second]);
    const host = document.createElement('div');
    document.body.append(host);
    const editor = new Editor({
      element: host,
      editable: false,
      extensions: [
        DraftDocument,
        DraftParagraph,
        DraftText,
        ParagraphIds,
        Collaboration.configure({ document: ydoc }),
      ],
    });
    const updates = vi.fn();
    ydoc.on('update', updates);
    try {
      const view = renderInDraft(
        <SuggestingPane paragraph={paragraph} status="open" onGoTo={() => undefined} />,
        { document: baseDocument(), ydoc, editor, textEditable: false },
        delegate,
      );
      const box = wordsBox();
      expect(editor.view.dom.contains(box)).toBe(true);
      const slot = box.closest('.suggest-slot');
      expect(slot?.previousElementSibling?.textContent).toBe(WORDS);
      expect(slot?.nextElementSibling?.textContent).toBe('Other words.');

      const user = userEvent.setup();
      await user.clear(box);
      await user.type(box, 'Cities must publish heat plans.');
      expect(view.container.ownerDocument.querySelector('.suggest-diff ins')?.textContent).toBe(
        'must',
      );
      expect(editor.getText()).not.toContain('must');
      expect(updates).not.toHaveBeenCalled();

      // Leaving suggesting mode takes the box out of the text.
      view.unmount();
      expect(editor.view.dom.querySelector('.suggest-slot')).toBeNull();
    } finally {
      editor.destroy();
      host.remove();
    }
  });
});
