// Brackets and options drawn in the text. They are data (events on the document's stream, read
// from GET /brackets), not characters: each open bracket becomes a "[" and a "]" widget around its
// span, nested as the spans nest, with the bracketed words lightly shaded; each open option set
// shows its labels ("Option 1", …) before its alternatives. Widgets are not part of the text, so
// nobody can type or delete them, and offsets in the text stay those of the server.
//
// The server's spans hold as of the last fetch; until the next one, local and remote edits move
// the decorations with the words (DecorationSet.map).
import { Extension } from '@tiptap/core';
import type { BracketView, OptionSetView } from '@accord/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface BracketMarksInput {
  brackets: readonly BracketView[];
  optionSets: readonly OptionSetView[];
  /** What a pointer or a screen reader learns about a bracket: who placed it, when, the note. */
  describe: (bracket: BracketView) => string;
}

export const bracketMarksKey = new PluginKey<MarksState>('accordBracketMarks');

/** A transaction that redraws the brackets from fresh data (not an edit). */
export function setBracketMarks(tr: Transaction, input: BracketMarksInput): Transaction {
  return tr.setMeta(bracketMarksKey, input).setMeta('addToHistory', false);
}

function paragraphStarts(doc: PMNode): Map<string, { pos: number; size: number }> {
  const starts = new Map<string, { pos: number; size: number }>();
  doc.forEach((node, pos) => {
    const id: unknown = node.attrs.id;
    if (typeof id === 'string') starts.set(id, { pos: pos + 1, size: node.content.size });
  });
  return starts;
}

/** Revisions are decimal strings of any length: a shorter one is the smaller. */
const placedEarlier = (a: BracketView, b: BracketView): boolean =>
  a.placedInRevision.length !== b.placedInRevision.length
    ? a.placedInRevision.length < b.placedInRevision.length
    : a.placedInRevision < b.placedInRevision;

/** How many of the paragraph's other brackets contain this one (0: outermost). */
function depthOf(bracket: BracketView, all: readonly BracketView[]): number {
  return all.filter(
    (other) =>
      other !== bracket &&
      other.paragraphId === bracket.paragraphId &&
      other.span.start <= bracket.span.start &&
      bracket.span.end <= other.span.end &&
      // Equal spans: the earlier placed is the outer one.
      (other.span.start !== bracket.span.start ||
        other.span.end !== bracket.span.end ||
        placedEarlier(other, bracket)),
  ).length;
}

function mark(text: string, className: string, attrs: Record<string, string>): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  span.contentEditable = 'false';
  for (const [name, value] of Object.entries(attrs)) span.setAttribute(name, value);
  return span;
}

export function bracketDecorations(doc: PMNode, input: BracketMarksInput): DecorationSet {
  const starts = paragraphStarts(doc);
  const decorations: Decoration[] = [];
  const at = (paragraphId: string, offset: number): number | null => {
    const start = starts.get(paragraphId);
    return start ? start.pos + Math.min(Math.max(offset, 0), start.size) : null;
  };

  for (const bracket of input.brackets) {
    const from = at(bracket.paragraphId, bracket.span.start);
    const to = at(bracket.paragraphId, bracket.span.end);
    if (from === null || to === null) continue;
    const depth = depthOf(bracket, input.brackets);
    const title = input.describe(bracket);
    const attrs = { 'data-bracket-id': bracket.bracketId, title };
    // At one position: closing marks before opening ones ("…] [ …"), outer opening marks first
    // and inner closing marks first, so nested brackets read "[ [ … ] ]".
    decorations.push(
      Decoration.widget(from, () => mark('[', 'bracket-mark bracket-mark--open', attrs), {
        side: 100 + depth,
        key: `open:${bracket.bracketId}:${title}`,
        ignoreSelection: true,
      }),
      Decoration.widget(to, () => mark(']', 'bracket-mark bracket-mark--close', attrs), {
        side: -100 - depth,
        key: `close:${bracket.bracketId}:${title}`,
        ignoreSelection: true,
      }),
    );
    if (to > from) {
      decorations.push(
        Decoration.inline(from, to, {
          class: 'bracketed-words',
          'data-bracket-id': bracket.bracketId,
        }),
      );
    }
  }

  for (const set of input.optionSets) {
    if (set.chosen) continue;
    for (const option of set.options) {
      const attrs = { 'data-option-id': option.optionId, title: option.label };
      if (set.scope === 'paragraphs') {
        if (!option.paragraphId) continue;
        const pos = at(option.paragraphId, 0);
        if (pos === null) continue;
        decorations.push(
          Decoration.widget(
            pos,
            () => mark(option.label, 'option-label option-label--paragraph', attrs),
            {
              side: -200,
              key: `option:${option.optionId}:${option.label}`,
              ignoreSelection: true,
            },
          ),
        );
      } else if (option.span) {
        const from = at(set.paragraphId, option.span.start);
        const to = at(set.paragraphId, option.span.end);
        if (from === null || to === null) continue;
        decorations.push(
          Decoration.widget(
            from,
            () => mark(option.label, 'option-label option-label--inline', attrs),
            {
              side: 50,
              key: `option:${option.optionId}:${option.label}`,
              ignoreSelection: true,
            },
          ),
        );
        if (to > from) decorations.push(Decoration.inline(from, to, { class: 'option-words' }));
      }
    }
  }
  return DecorationSet.create(doc, decorations);
}

interface MarksState {
  input: BracketMarksInput | null;
  set: DecorationSet;
}

const hasMarks = (input: BracketMarksInput | null): boolean =>
  !!input && (input.brackets.length > 0 || input.optionSets.some((s) => !s.chosen));

export function bracketMarksPlugin(): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: bracketMarksKey,
    state: {
      init: () => ({ input: null, set: DecorationSet.empty }),
      apply: (tr, state) => {
        const input = tr.getMeta(bracketMarksKey) as BracketMarksInput | undefined;
        if (input) return { input, set: bracketDecorations(tr.doc, input) };
        if (!tr.docChanged) return state;
        const set = state.set.map(tr.mapping, tr.doc);
        // The whole text was replaced (its first rendering from the Y.Doc, say): nothing could
        // follow its words, so draw again from the last data.
        if (state.input && set.find().length === 0 && hasMarks(state.input)) {
          return { input: state.input, set: bracketDecorations(tr.doc, state.input) };
        }
        return { input: state.input, set };
      },
    },
    props: { decorations: (state) => bracketMarksKey.getState(state)?.set },
  });
}

export const BracketMarks = Extension.create({
  name: 'accordBracketMarks',
  addProseMirrorPlugins() {
    return [bracketMarksPlugin()];
  },
});
