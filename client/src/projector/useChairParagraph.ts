// The paragraph under discussion, kept up to date as the chair's caret moves or the text changes.
// When no chair has a caret in the text, the last paragraph shown stays on the screen.
import type { AwarenessUser } from '@accord/shared';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { chairParagraph } from './chairCaret.js';

export function useChairParagraph(
  doc: Y.Doc,
  awareness: Awareness,
  isChair: (user: AwarenessUser) => boolean,
): string | null {
  const [current, setCurrent] = useState<string | null>(() =>
    chairParagraph(doc, awareness, isChair),
  );
  useEffect(() => {
    const update = () => {
      const found = chairParagraph(doc, awareness, isChair);
      if (found !== null) setCurrent(found);
    };
    update();
    awareness.on('change', update);
    // A caret that named words not yet received resolves once they arrive.
    doc.on('update', update);
    return () => {
      awareness.off('change', update);
      doc.off('update', update);
    };
  }, [doc, awareness, isChair]);
  return current;
}
