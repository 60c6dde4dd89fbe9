// Where anchored words are now, read from this tab's copy of the Y.Doc: amendments and comments
// carry two Yjs relative positions (base64) that follow their words through everyone's edits.
// Offsets count characters of the paragraph's plain text, as the server's do.
//
//   const range = resolveEncodedRange(doc, amendment.proposal.anchor); // { paragraphId, start, end }
//   const tracked = trackRange(doc, paragraphId, 10, 24); resolveRange(doc, tracked);
import * as Y from 'yjs';

export const FRAGMENT = 'default';
export const PARAGRAPH = 'paragraph';

export interface ParagraphRange {
  paragraphId: string;
  start: number;
  end: number;
  /** The words in the range now. */
  text: string;
}

export interface RelativeRange {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

function segments(element: Y.XmlElement): Y.XmlText[] {
  return element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText);
}

function plain(text: Y.XmlText): string {
  // Yjs types deltas as any; entries are { insert: string | object }.
  const delta = text.toDelta() as { insert: unknown }[];
  return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC')).join('');
}

export function paragraphElements(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .filter(
      (node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === PARAGRAPH,
    );
}

export function findParagraphElement(doc: Y.Doc, paragraphId: string): Y.XmlElement | undefined {
  return paragraphElements(doc).find((el) => el.getAttribute('id') === paragraphId);
}

export function elementText(element: Y.XmlElement): string {
  return segments(element).map(plain).join('');
}

function decode(base64: string): Y.RelativePosition | null {
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

function absolute(
  doc: Y.Doc,
  relative: Y.RelativePosition,
): { element: Y.XmlElement; offset: number } | null {
  const position = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!position || !(position.type instanceof Y.XmlText)) return null;
  const run = position.type;
  const parent = run.parent;
  if (!(parent instanceof Y.XmlElement) || run._item?.deleted || parent._item?.deleted) return null;
  const element = parent as Y.XmlElement;
  let offset = 0;
  for (const segment of segments(element)) {
    if (segment === run) return { element, offset: offset + position.index };
    offset += segment.length;
  }
  return null;
}

/** The range now, or null when its words' paragraph is gone or the positions do not resolve. */
export function resolveRange(doc: Y.Doc, range: RelativeRange): ParagraphRange | null {
  const start = absolute(doc, range.start);
  const end = absolute(doc, range.end);
  if (!start || !end || start.element !== end.element) return null;
  const paragraphId = start.element.getAttribute('id');
  if (typeof paragraphId !== 'string') return null;
  const to = Math.max(start.offset, end.offset);
  return {
    paragraphId,
    start: start.offset,
    end: to,
    text: elementText(start.element).slice(start.offset, to),
  };
}

export function resolveEncodedRange(
  doc: Y.Doc,
  anchor: { start: string; end: string },
): ParagraphRange | null {
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  return start && end ? resolveRange(doc, { start, end }) : null;
}

/**
 * Relative positions for [start, end) of a paragraph, made as the server makes anchors (the
 * start sticks to the first character, the end to the last), so a selection can be held while
 * the user writes an amendment and others keep typing.
 */
export function trackRange(
  doc: Y.Doc,
  paragraphId: string,
  start: number,
  end: number,
): RelativeRange | null {
  const element = findParagraphElement(doc, paragraphId);
  if (!element) return null;
  const runs = segments(element);
  const locate = (offset: number, preferLater: boolean) => {
    let remaining = offset;
    for (const run of runs) {
      if (preferLater ? remaining < run.length : remaining <= run.length)
        return { run, index: remaining };
      remaining -= run.length;
    }
    const last = runs.at(-1);
    return last && remaining === 0 ? { run: last, index: last.length } : undefined;
  };
  const from = locate(start, true);
  const to = locate(end, false);
  if (!from || !to) return null;
  return {
    start: Y.createRelativePositionFromTypeIndex(from.run, from.index, 0),
    end: Y.createRelativePositionFromTypeIndex(to.run, to.index, -1),
  };
}
