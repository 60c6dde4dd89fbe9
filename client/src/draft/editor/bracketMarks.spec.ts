import type { BracketView, OptionSetView } from '@accord/shared';
import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';
import { afterEach, describe, expect, it } from 'vitest';
import { bracketMarksPlugin, setBracketMarks, type BracketMarksInput } from './bracketMarks.js';
import { DraftDocument, DraftParagraph, DraftText } from './schema.js';

const schema = getSchema([DraftDocument, DraftParagraph, DraftText]);
const para = (id: string, text: string) =>
  schema.nodes.paragraph!.create({ id, kind: 'operative' }, schema.text(text));

const party = { userId: 'u', stakeholderId: 's-MRU' };
const bracket = (id: string, paragraphId: string, start: number, end: number, rev: string) =>
  ({
    bracketId: id,
    paragraphId,
    span: { start, end },
    words: '',
    placedBy: party,
    placedAt: '2026-12-01T10:00:00.000Z',
    note: '',
    placedInRevision: rev,
  }) satisfies BracketView;

const views: EditorView[] = [];
afterEach(() => {
  while (views.length) views.pop()!.destroy();
});

/** A view of op1 "Decides to act now" and op2 "Urges all", with these marks drawn. */
function draw(input: Omit<BracketMarksInput, 'describe'>): EditorView {
  const doc = schema.nodes.doc!.create(null, [
    para('op1', 'Decides to act now'),
    para('op2', 'Urges all'),
  ]);
  const state = EditorState.create({ schema, doc, plugins: [bracketMarksPlugin()] });
  const view = new EditorView(document.createElement('div'), { state });
  views.push(view);
  view.dispatch(
    setBracketMarks(view.state.tr, { ...input, describe: (b) => `by MRU (${b.bracketId})` }),
  );
  return view;
}

const paragraphText = (view: EditorView, index: number) =>
  view.dom.querySelectorAll('p')[index]?.textContent;

describe('brackets drawn in the text', () => {
  it('draws nested and neighbouring brackets in the order negotiators write them', () => {
    const view = draw({
      // [Decides [to [act]]] [now]; the outer one placed first.
      brackets: [
        bracket('inner', 'op1', 11, 14, '12'),
        bracket('outer', 'op1', 0, 14, '9'),
        bracket('middle', 'op1', 8, 14, '10'),
        bracket('next', 'op1', 15, 18, '11'),
      ],
      optionSets: [],
    });
    expect(paragraphText(view, 0)).toBe('[Decides [to [act]]] [now]');
    expect(paragraphText(view, 1)).toBe('Urges all');
    // The marks are not text: the document is unchanged.
    expect(view.state.doc.child(0).textContent).toBe('Decides to act now');
  });

  it('says who placed a bracket on its marks, and shades its words', () => {
    const view = draw({ brackets: [bracket('b1', 'op2', 0, 5, '3')], optionSets: [] });
    const marks = view.dom.querySelectorAll('[data-bracket-id="b1"].bracket-mark');
    expect([...marks].map((m) => m.getAttribute('title'))).toEqual(['by MRU (b1)', 'by MRU (b1)']);
    expect(view.dom.querySelector('.bracketed-words')?.textContent).toBe('Urges');
  });

  it('labels open options, inline and whole paragraphs, and not chosen ones', () => {
    const option = (optionId: string, label: string, extra: object) => ({
      optionId,
      label,
      proposedBy: party,
      proposedAt: '2026-12-01T10:00:00.000Z',
      paragraphId: null,
      span: null,
      words: '',
      noText: false,
      ...extra,
    });
    const sets: OptionSetView[] = [
      {
        optionSetId: 'i',
        scope: 'inline',
        paragraphId: 'op1',
        options: [
          option('o1', 'Option 1', { span: { start: 8, end: 14 } }),
          option('o2', 'Option 2', { span: { start: 15, end: 18 } }),
        ],
        chosen: null,
      },
      {
        optionSetId: 'p',
        scope: 'paragraphs',
        paragraphId: 'op2',
        options: [option('o3', 'Option A', { paragraphId: 'op2' })],
        chosen: null,
      },
      {
        optionSetId: 'done',
        scope: 'paragraphs',
        paragraphId: 'op1',
        options: [option('o4', 'Option Z', { paragraphId: 'op1' })],
        chosen: { optionId: 'o4', chosenBy: party, chosenAt: '2026-12-02T10:00:00.000Z' },
      },
    ];
    const view = draw({ brackets: [], optionSets: sets });
    expect(paragraphText(view, 0)).toBe('Decides Option 1to act Option 2now');
    expect(paragraphText(view, 1)).toBe('Option AUrges all');
  });

  it('moves the marks with the words as the text is edited', () => {
    const view = draw({ brackets: [bracket('b1', 'op1', 8, 14, '3')], optionSets: [] });
    view.dispatch(view.state.tr.insertText('firmly ', 2));
    expect(paragraphText(view, 0)).toBe('Dfirmly ecides [to act] now');
  });
});
