// The editor's nodes, built from THE negotiation-text schema in @accord/shared
// (shared/src/negotiation-text/schema.ts), which the server's Yjs gateway also checks every update
// against: the same node name, the same attributes (with the same validity tests) and no marks, so
// the editor cannot produce a structure the server refuses, and offsets in the editor equal offsets
// in the server's plain text.
import { Node, mergeAttributes } from '@tiptap/core';
import {
  PARAGRAPH_NODE,
  paragraphAttributes,
  textMarkNames,
  type ParagraphAttribute,
  type ParagraphKind,
} from '@accord/shared';

export const DraftDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: `${PARAGRAPH_NODE}+`,
});

export const DraftText = Node.create({
  name: 'text',
  group: 'inline',
});

const DEFAULT_KIND: ParagraphKind = 'operative';
const asKind = (value: string | null): ParagraphKind =>
  paragraphAttributes.kind(value) ? value : DEFAULT_KIND;

// One editor attribute per schema attribute: if the shared schema gains or loses one, this no
// longer compiles until the editor says how to read and draw it.
type AttributeSpecs = Record<ParagraphAttribute, object>;
const attributeSpecs: AttributeSpecs = {
  // A split paragraph's second half is a new paragraph: it gets a new id (see paragraphIds).
  // Pasted paragraphs get new ids too, so copying never duplicates one.
  id: {
    default: null,
    keepOnSplit: false,
    parseHTML: () => null,
    renderHTML: (attributes: { id?: string | null }) =>
      paragraphAttributes.id(attributes.id) ? { 'data-paragraph-id': attributes.id } : {},
  },
  kind: {
    default: DEFAULT_KIND,
    keepOnSplit: true,
    parseHTML: (element: HTMLElement) => asKind(element.getAttribute('data-kind')),
    renderHTML: (attributes: { kind?: string }) => ({ 'data-kind': attributes.kind }),
  },
};

export const DraftParagraph = Node.create({
  name: PARAGRAPH_NODE,
  group: 'block',
  content: 'text*',
  // The schema allows no marks. Left unset, ProseMirror would allow every mark; '' allows none.
  marks: textMarkNames.join(' '),
  defining: true,

  addAttributes() {
    return attributeSpecs;
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
