// The projector view with a live text and awareness states made up in the test: it shows the
// paragraph under the chair's caret (large, with its brackets and options), follows the chair,
// ignores everyone else's caret, keeps the last paragraph when the chair leaves, and shows no
// presence or comments.
import type { BracketView, OptionSetView } from '@accord/shared';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { isChairIdentity } from './chairCaret.js';
import { notationRuns } from './notationRuns.js';
import { Projector } from './Projector.js';

// Identities as the server's relay writes them, role included.
const chair = {
  name: 'Amb. Orvell',
  stakeholderId: 's-VRD',
  stakeholderName: 'Veradia',
  color: '#1f77b4',
  role: 'chair',
};
const delegate = {
  name: 'Ms. Tane',
  stakeholderId: 's-PEL',
  stakeholderName: 'Pelenoa',
  color: '#ff7f0e',
  role: 'delegate',
};

const WORDS = [
  ['op1', 'Decides to convene a working group;'],
  ['op2', 'Urges cities to adopt heat action plans by 2030;'],
  ['op3', 'Requests a report at its next session.'],
] as const;

function seed(doc: Y.Doc): Map<string, Y.XmlText> {
  const texts = new Map<string, Y.XmlText>();
  const paragraphs = WORDS.map(([id, words]) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', id);
    paragraph.setAttribute('kind', 'operative');
    const text = new Y.XmlText(words);
    paragraph.insert(0, [text]);
    texts.set(id, text);
    return paragraph;
  });
  doc.getXmlFragment('default').insert(0, paragraphs);
  return texts;
}

/** A caret as y-prosemirror shares it: relative positions into the paragraph's text. */
function caretIn(text: Y.XmlText, offset: number) {
  const position: unknown = Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(text, offset),
  );
  return { anchor: position, head: position };
}

/** Applies other clients' states to `awareness`, as the server would relay them. */
function receive(awareness: Awareness, clientId: number, clock: number, state: unknown) {
  const other = new Awareness(new Y.Doc());
  other.states.set(clientId, state as Record<string, unknown>);
  other.meta.set(clientId, { clock, lastUpdated: Date.now() });
  const update = encodeAwarenessUpdate(other, [clientId]);
  other.destroy();
  act(() => applyAwarenessUpdate(awareness, update, 'server'));
}

const bracket = (paragraphId: string, start: number, end: number): BracketView => ({
  bracketId: `b-${paragraphId}-${start}`,
  paragraphId,
  span: { start, end },
  words: '',
  placedBy: { userId: 'u-del', stakeholderId: 's-PEL' },
  placedAt: '2026-11-12T08:00:00.000Z',
  note: '',
  placedInRevision: '1',
});

function setup(brackets: BracketView[] = [], optionSets: OptionSetView[] = []) {
  const doc = new Y.Doc();
  const texts = seed(doc);
  const awareness = new Awareness(doc);
  const view = render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <Projector
        doc={doc}
        awareness={awareness}
        isChair={isChairIdentity}
        snapshot={{ state: { kind: 'synced' }, everSynced: true, unsent: 0 }}
        brackets={brackets}
        optionSets={optionSets}
      />
    </I18nProvider>,
  );
  const shown = () => view.container.querySelector('.projector')?.getAttribute('data-paragraph');
  const current = () => screen.getByRole('region', { name: 'Paragraph under discussion' });
  return { doc, texts, awareness, view, shown, current };
}

describe('the projector view', () => {
  it('shows the first paragraph until a chair is in the text', () => {
    const { shown, current } = setup();
    expect(shown()).toBe('op1');
    expect(current().textContent).toContain('Decides to convene');
    expect(screen.getByText(/Waiting for the chair/)).toBeTruthy();
  });

  it("follows the chair's caret, not a delegate's, and keeps the paragraph when the chair leaves", () => {
    const { texts, awareness, shown, current, view } = setup();
    receive(awareness, 101, 1, { user: delegate, cursor: caretIn(texts.get('op3')!, 2) });
    expect(shown()).toBe('op1');

    receive(awareness, 100, 1, { user: chair, cursor: caretIn(texts.get('op2')!, 5) });
    expect(shown()).toBe('op2');
    expect(current().textContent).toContain('Urges cities');
    expect(current().textContent).toContain('OP 2');
    // The neighbours are shown for context, dimmed.
    const context = [...view.container.querySelectorAll('.projector__context')].map(
      (p) => p.textContent,
    );
    expect(context).toEqual([
      expect.stringContaining('Decides to convene'),
      expect.stringContaining('Requests a report'),
    ]);

    receive(awareness, 100, 2, { user: chair, cursor: caretIn(texts.get('op3')!, 0) });
    expect(shown()).toBe('op3');

    // The chair's caret leaves the text: the last paragraph stays on the screen.
    receive(awareness, 100, 3, { user: chair, cursor: null });
    expect(shown()).toBe('op3');
    expect(screen.queryByText(/Waiting for the chair/)).toBeNull();
  });

  it('draws open brackets and inline options of the paragraph large, apart from the words', () => {
    const optionSet: OptionSetView = {
      optionSetId: 'os1',
      scope: 'inline',
      paragraphId: 'op2',
      chosen: null,
      options: [
        {
          optionId: 'o1',
          label: 'Option 1',
          proposedBy: { userId: 'u-del', stakeholderId: 's-PEL' },
          proposedAt: '2026-11-12T08:00:00.000Z',
          paragraphId: null,
          span: { start: 43, end: 47 },
          words: '2030',
          noText: false,
        },
      ],
    };
    const { texts, awareness, current } = setup([bracket('op2', 0, 5)], [optionSet]);
    receive(awareness, 100, 1, { user: chair, cursor: caretIn(texts.get('op2')!, 1) });
    expect(current().textContent).toBe(
      'OP 2[Urges] cities to adopt heat action plans by [Option 1: 2030];',
    );
    const marks = [...current().querySelectorAll('.projector__bracket')].map((b) => b.textContent);
    expect(marks).toEqual(['[', ']', ']']);
    expect(current().querySelector('.projector__option-label')?.textContent).toBe('[Option 1: ');
  });

  it('has no presence list, no comments and nothing to edit', () => {
    const { view } = setup();
    expect(view.container.querySelector('.presence')).toBeNull();
    expect(view.container.querySelector('[contenteditable]')).toBeNull();
    expect(screen.queryByText(/comment/i)).toBeNull();
    expect(screen.getByRole('status', { name: /connection/i })).toBeTruthy();
  });
});

describe('the notation runs', () => {
  it('cut brackets and option labels from the words', () => {
    expect(notationRuns('a [b [Option 2: c]] d')).toEqual([
      { kind: 'words', text: 'a ' },
      { kind: 'bracket', text: '[' },
      { kind: 'words', text: 'b ' },
      { kind: 'option-label', text: '[Option 2: ' },
      { kind: 'words', text: 'c' },
      { kind: 'bracket', text: ']' },
      { kind: 'bracket', text: ']' },
      { kind: 'words', text: ' d' },
    ]);
  });
});
