// Every paragraph keeps a stable, unique id: a paragraph created by typing (Enter, paste) gets a
// fresh UUID in the same transaction, and a duplicated id is replaced on the later copy. Runs
// only for the user's own edits in an editable editor, never for changes arriving from others,
// so a read-only connection never writes.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newUuid } from '../../lib/ids.js';

export const paragraphIdsKey = new PluginKey('accordParagraphIds');

const isLocalEdit = (tr: Transaction): boolean =>
  tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined;

export const ParagraphIds = Extension.create<{ newId: () => string }>({
  name: 'paragraphIds',

  addOptions() {
    return { newId: newUuid };
  },

  addProseMirrorPlugins() {
    const { editor } = this;
    const { newId } = this.options;
    return [
      new Plugin({
        key: paragraphIdsKey,
        appendTransaction(transactions, _oldState, state) {
          if (!editor.isEditable || !transactions.some(isLocalEdit)) return null;
          const seen = new Set<string>();
          let tr: Transaction | null = null;
          state.doc.forEach((node, offset) => {
            if (node.type.name !== 'paragraph') return;
            const id: unknown = node.attrs.id;
            if (typeof id === 'string' && id.length > 0 && !seen.has(id)) {
              seen.add(id);
              return;
            }
            tr ??= state.tr;
            tr.setNodeAttribute(offset, 'id', newId());
          });
          return tr;
        },
      }),
    ];
  },
});
