// The editor's schema, matching the server's Y structure exactly (server/src/collab/
// doc-structure.ts): the document is a list of `paragraph` nodes with attributes `id` (stable, a
// UUID) and `kind` (heading | preambular | operative | subparagraph), holding plain text — no
// marks and no inline objects, so offsets in the editor equal offsets in the server's text.
import { Node, mergeAttributes } from '@tiptap/core';
import type { ParagraphKind } from '@accord/shared';

export const DraftDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'paragraph+',
});

export const DraftText = Node.create({
  name: 'text',
  group: 'inline',
});

const KINDS: readonly ParagraphKind[] = ['heading', 'preambular', 'operative', 'subparagraph'];
const asKind = (value: string | null): ParagraphKind =>
  KINDS.find((k) => k === value) ?? 'operative';

export const DraftParagraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,

  addAttributes() {
    return {
      // A split paragraph's second half is a new paragraph: it gets a new id (see paragraphIds).
      // Pasted paragraphs get new ids too, so copying never duplicates one.
      id: {
        default: null,
        keepOnSplit: false,
        parseHTML: () => null,
        renderHTML: (attributes: { id?: string | null }) =>
          attributes.id ? { 'data-paragraph-id': attributes.id } : {},
      },
      kind: {
        default: 'operative',
        keepOnSplit: true,
        parseHTML: (element: HTMLElement) => asKind(element.getAttribute('data-kind')),
        renderHTML: (attributes: { kind?: string }) => ({ 'data-kind': attributes.kind }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'p' }, { tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'li' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ class: 'para' }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    return {
      // Enter at the start of a paragraph opens an empty one above it, so the words keep their
      // paragraph (and its id, amendments and comments) instead of moving into a new one.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type !== this.type) return false;
        if ($from.parentOffset !== 0 || $from.parent.content.size === 0) return false;
        const before = $from.before();
        const kind = $from.parent.attrs.kind as ParagraphKind;
        return editor.commands.command(({ tr }) => {
          tr.insert(before, this.type.create({ kind }));
          return true;
        });
      },
    };
  },
});
