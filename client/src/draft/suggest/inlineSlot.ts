// A place in the text, right under one paragraph, where suggesting mode draws its box: a
// ProseMirror widget registered on the live editor from outside (DraftEditor is untouched). The
// widget is one DOM element that React fills through a portal; the editor neither reads it as
// text nor handles its events, and it is not part of the Y.Doc, so nothing typed there is shared.
import type { Editor } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useEffect, useState } from 'react';

const slotKey = new PluginKey<string | null>('suggest-slot');

function slotPlugin(container: HTMLElement): Plugin<string | null> {
  return new Plugin<string | null>({
    key: slotKey,
    state: {
      init: () => null,
      apply: (tr, value) => {
        const next: unknown = tr.getMeta(slotKey);
        return next === undefined ? value : (next as string | null);
      },
    },
    props: {
      decorations(state) {
        const paragraphId = slotKey.getState(state);
        if (!paragraphId) return null;
        let after = -1;
        state.doc.forEach((node, offset) => {
          if (node.attrs.id === paragraphId) after = offset + node.nodeSize;
        });
        if (after < 0) return null;
        return DecorationSet.create(state.doc, [
          Decoration.widget(after, container, {
            key: 'suggest-slot',
            side: -1,
            // The box is a form of its own: its keys, clicks and selection are not the editor's.
            stopEvent: () => true,
            ignoreSelection: true,
          }),
        ]);
      },
    },
  });
}

/**
 * The element under `paragraphId` in the editor's text, to render into with a portal; null
 * while there is no editor, or the paragraph is not in the text (then the caller places the box
 * elsewhere).
 */
export function useInlineSlot(
  editor: Editor | null,
  paragraphId: string | null,
): HTMLElement | null {
  const [container] = useState(() => {
    const element = document.createElement('div');
    element.className = 'suggest-slot';
    element.contentEditable = 'false';
    return element;
  });
  const [placed, setPlaced] = useState(false);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(slotPlugin(container));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(slotKey);
    };
  }, [editor, container]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // Whether the widget is in the page follows every change (the paragraph may be deleted).
    const follow = () => setPlaced(container.isConnected);
    editor.on('transaction', follow);
    editor.view.dispatch(
      editor.state.tr.setMeta(slotKey, paragraphId).setMeta('addToHistory', false),
    );
    return () => {
      editor.off('transaction', follow);
    };
  }, [editor, paragraphId, container]);

  return editor && placed ? container : null;
}
