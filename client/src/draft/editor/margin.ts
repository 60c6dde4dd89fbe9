// The margin of the draft: paragraph numbers (PP 3, OP 12 (b)) from the shared numbering, the
// chair's status (agreed ad ref shaded green, bracketed marked), the paragraph in focus, and a
// thin bar showing where delegations stand on it. Pure decorations: nothing is written to the text.
import { Extension } from '@tiptap/core';
import { numberParagraphs, type ParagraphKind, type ParagraphStatus } from '@accord/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { stanceBarStyle } from '../positions/stanceBar.js';
import type { StanceCounts } from '../positions/tally.js';
import type { SkippedItems } from '../skippedItems.js';

export interface MarginInfo {
  statuses: ReadonlyMap<string, ParagraphStatus>;
  stances: ReadonlyMap<string, StanceCounts>;
  currentId: string | null;
  /** Said (title) on a paragraph agreed ad ref, whose words are locked. */
  lockedLabel?: string;
  /** The last revision's numbers: insertions since are numbered bis/ter against them. */
  frozenNumbering?: ReadonlyMap<string, string>;
}

export const marginKey = new PluginKey<MarginInfo>('accordMargin');

const EMPTY: MarginInfo = { statuses: new Map(), stances: new Map(), currentId: null };

export interface ParagraphEntry {
  id: string;
  kind: ParagraphKind;
  pos: number;
  node: PMNode;
}

/** The document's paragraphs in order, with their positions. */
export function paragraphEntries(doc: PMNode): ParagraphEntry[] {
  const entries: ParagraphEntry[] = [];
  doc.forEach((node, pos, index) => {
    if (node.type.name !== 'paragraph') return;
    const id = typeof node.attrs.id === 'string' && node.attrs.id ? node.attrs.id : `new-${index}`;
    entries.push({ id, kind: node.attrs.kind as ParagraphKind, pos, node });
  });
  return entries;
}

function decorations(state: EditorState, skipped: SkippedItems | undefined): DecorationSet {
  const info = marginKey.getState(state) ?? EMPTY;
  const entries = paragraphEntries(state.doc);
  const labels = numberParagraphs(entries, info.frozenNumbering);
  // One paragraph whose margin cannot be drawn loses its margin, not the whole text.
  const decos = entries.flatMap((entry, i) => {
    const draw = () => [paragraphDecoration(entry, info, labels[i]?.label ?? '')];
    return skipped ? skipped.guard(`paragraph:${entry.id}`, draw, []) : draw();
  });
  return DecorationSet.create(state.doc, decos);
}

function paragraphDecoration(entry: ParagraphEntry, info: MarginInfo, label: string): Decoration {
  const status = info.statuses.get(entry.id) ?? 'open';
  const classes = [`para--${status}`];
  if (entry.id === info.currentId) classes.push('para--current');
  const attrs: Record<string, string> = {
    class: classes.join(' '),
    'data-label': label,
  };
  if (status === 'agreed-ad-ref') {
    // Locked (see lockedParagraphs): assistive technology hears why, a pointer sees it. Not
    // aria-readonly: ARIA allows it only on form-like roles, not on a paragraph (axe: critical).
    attrs.class += ' para--locked';
    if (info.lockedLabel) {
      attrs.title = info.lockedLabel;
      attrs['aria-description'] = info.lockedLabel;
    }
  }
  const bar = stanceBarStyle(info.stances.get(entry.id));
  if (bar) {
    attrs.style = bar;
    attrs.class += ' para--has-stances';
  }
  return Decoration.node(entry.pos, entry.pos + entry.node.nodeSize, attrs);
}

export const Margin = Extension.create<{ skipped: SkippedItems | undefined }>({
  name: 'accordMargin',
  addOptions() {
    return { skipped: undefined };
  },
  addProseMirrorPlugins() {
    const { skipped } = this.options;
    return [
      new Plugin<MarginInfo>({
        key: marginKey,
        state: {
          init: () => EMPTY,
          apply: (tr, value) => (tr.getMeta(marginKey) as MarginInfo | undefined) ?? value,
        },
        props: { decorations: (state) => decorations(state, skipped) },
      }),
    ];
  },
});
