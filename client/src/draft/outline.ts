// The live text's paragraphs with their numbers, for navigation and the panel: recomputed from the
// Y.Doc whenever the text changes (once per frame).
import { numberParagraphs, type ParagraphKind } from '@accord/shared';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { elementText, paragraphElements } from './anchors.js';

export interface OutlineEntry {
  id: string;
  kind: ParagraphKind;
  label: string | null;
  text: string;
}

const KINDS = new Set(['heading', 'preambular', 'operative', 'subparagraph']);

/** The paragraphs with their numbers, bis/ter against `frozen` (the last revision's numbers). */
export function outlineOf(doc: Y.Doc, frozen?: ReadonlyMap<string, string>): OutlineEntry[] {
  const paragraphs = paragraphElements(doc).flatMap((el) => {
    const id = el.getAttribute('id');
    const kind = el.getAttribute('kind');
    return typeof id === 'string' && typeof kind === 'string' && KINDS.has(kind)
      ? [{ id, kind: kind as ParagraphKind, text: elementText(el) }]
      : [];
  });
  const numbers = numberParagraphs(paragraphs, frozen);
  return paragraphs.map((p, i) => ({ ...p, label: numbers[i]?.label ?? null }));
}

export function useOutline(doc: Y.Doc, frozen?: ReadonlyMap<string, string>): OutlineEntry[] {
  const [outline, setOutline] = useState<OutlineEntry[]>(() => outlineOf(doc, frozen));
  useEffect(() => {
    let frame = 0;
    const update = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setOutline(outlineOf(doc, frozen));
      });
    };
    update();
    doc.on('update', update);
    return () => {
      doc.off('update', update);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [doc, frozen]);
  return outline;
}
