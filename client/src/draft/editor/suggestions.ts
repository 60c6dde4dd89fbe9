// Pending amendments shown in place, as a compilation text does: the words a proposal would
// delete are struck through, the words it would insert are underlined after them, each marked
// with its sponsor's code; words that have comments are highlighted. Positions are resolved by
// the page from the Y.Doc and handed in; between two hand-ins they follow the edits.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { SkippedItems } from '../skippedItems.js';

export interface PlacedSuggestion {
  amendmentId: string;
  kind: 'insert' | 'delete' | 'replace' | 'add-paragraph' | 'delete-paragraph';
  /** Positions in the editor's document. For paragraph-level kinds: the paragraph's node. */
  from: number;
  to: number;
  proposedText: string;
  sponsorCode: string;
  /** Accessible description, e.g. "NHR proposes to insert". */
  description: string;
  active: boolean;
}

export interface PlacedComment {
  commentId: string;
  from: number;
  to: number;
  active: boolean;
}

export interface Annotations {
  suggestions: readonly PlacedSuggestion[];
  comments: readonly PlacedComment[];
}

export const annotationsKey = new PluginKey<DecorationSet>('accordAnnotations');

function insertion(s: PlacedSuggestion, block: boolean): HTMLElement {
  const ins = document.createElement(block ? 'div' : 'ins');
  ins.className = `suggest-ins${block ? ' suggest-ins--paragraph' : ''}${s.active ? ' is-active' : ''}`;
  ins.dataset.amendment = s.amendmentId;
  ins.title = s.description;
  const code = document.createElement('span');
  code.className = 'suggest-code';
  code.textContent = s.sponsorCode;
  ins.append(code, document.createTextNode(` ${s.proposedText}`));
  return ins;
}

export function buildDecorations(
  doc: PMNode,
  annotations: Annotations,
  skipped?: SkippedItems,
): DecorationSet {
  const size = doc.content.size;
  const clamp = (n: number) => Math.max(0, Math.min(size, n));
  const decos: Decoration[] = [];
  // Each proposal and comment on its own: one that cannot be drawn is left out and counted.
  const guard = (key: string, draw: () => void) => {
    if (skipped) skipped.guard(key, draw, undefined);
    else draw();
  };
  for (const c of annotations.comments) {
    guard(`comment:${c.commentId}`, () => {
      if (c.to > c.from)
        decos.push(
          Decoration.inline(clamp(c.from), clamp(c.to), {
            class: `comment-anchor${c.active ? ' is-active' : ''}`,
          }),
        );
    });
  }
  for (const s of annotations.suggestions) {
    guard(`amendment:${s.amendmentId}`, () => suggestionDecorations(s, clamp, decos));
  }
  return DecorationSet.create(doc, decos);
}

function suggestionDecorations(
  s: PlacedSuggestion,
  clamp: (n: number) => number,
  decos: Decoration[],
): void {
  const active = s.active ? ' is-active' : '';
  switch (s.kind) {
    case 'delete':
    case 'replace':
    case 'insert':
      if (s.kind !== 'insert' && s.to > s.from)
        decos.push(
          Decoration.inline(clamp(s.from), clamp(s.to), {
            nodeName: 'del',
            class: `suggest-del${active}`,
            title: s.description,
            'data-amendment': s.amendmentId,
          }),
        );
      if (s.kind !== 'delete')
        decos.push(
          Decoration.widget(clamp(s.to), () => insertion(s, false), {
            side: 1,
            marks: [],
            ignoreSelection: true,
            key: `ins:${s.amendmentId}:${s.active}:${s.proposedText.length}:${s.proposedText.slice(0, 40)}`,
          }),
        );
      break;
    case 'add-paragraph':
      // Between blocks, right after the paragraph it would follow.
      decos.push(
        Decoration.widget(clamp(s.to), () => insertion(s, true), {
          side: 1,
          marks: [],
          ignoreSelection: true,
          key: `para:${s.amendmentId}:${s.active}:${s.proposedText.slice(0, 40)}`,
        }),
      );
      break;
    case 'delete-paragraph':
      decos.push(
        Decoration.node(clamp(s.from), clamp(s.to), {
          class: `suggest-del-paragraph${active}`,
          title: s.description,
        }),
      );
      break;
  }
}

export const AnnotationsExtension = Extension.create<{ skipped: SkippedItems | undefined }>({
  name: 'accordAnnotations',
  addOptions() {
    return { skipped: undefined };
  },
  addProseMirrorPlugins() {
    const { skipped } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: annotationsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(annotationsKey) as Annotations | undefined;
            if (next) return buildDecorations(tr.doc, next, skipped);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => annotationsKey.getState(state) ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
