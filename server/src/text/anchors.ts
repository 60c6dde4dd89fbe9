/**
 * Anchors: a range of a paragraph's words, held as two Yjs relative positions (base64), so an
 * amendment or a comment keeps pointing at the same words while others edit around them.
 *
 *   const anchor = createAnchor(doc, paragraphId, 10, 24);   // store it in the amendment event
 *   resolveAnchor(doc, anchor); // { paragraphId, start, end, text } after any concurrent edits
 */
import * as Y from 'yjs';
import {
  locateOffset,
  paragraphIdentity,
  paragraphRange,
  paragraphText,
  textSegments,
} from './doc-structure.js';

export interface TextAnchor {
  /** The paragraph the range was created in (the words may later be moved by no one else). */
  paragraphId: string;
  /** Base64 of Y.encodeRelativePosition, sticking to the first character of the range. */
  start: string;
  /** Base64 of Y.encodeRelativePosition, sticking to the last character of the range. */
  end: string;
}

export interface ResolvedAnchor {
  paragraphId: string;
  start: number;
  end: number;
  /** The anchored words now; empty when they were all deleted. */
  text: string;
}

/** Creates an anchor on [start, end) of a paragraph's text; throws RangeError when invalid. */
export function createAnchor(
  doc: Y.Doc,
  paragraphId: string,
  start: number,
  end: number,
): TextAnchor {
  const { paragraph } = paragraphRange(doc, paragraphId, start, end);
  // The start sticks to the character after it and the end to the character before it, so
  // text typed just outside the range stays outside, and text typed inside it is included.
  const startAt = locateStart(paragraph.element, start);
  const endAt = locateOffset(paragraph.element, end);
  if (!startAt || !endAt) throw new RangeError(`Paragraph ${paragraphId} has no text to anchor to`);
  return {
    paragraphId,
    start: encode(Y.createRelativePositionFromTypeIndex(startAt.segment, startAt.index, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(endAt.segment, endAt.index, -1)),
  };
}

/**
 * Where the anchored words are now, or null when their paragraph was deleted or the anchor does
 * not belong to this document.
 */
export function resolveAnchor(doc: Y.Doc, anchor: TextAnchor): ResolvedAnchor | null {
  const start = absolute(doc, anchor.start);
  const end = absolute(doc, anchor.end);
  if (!start || !end || start.element !== end.element) return null;
  const identity = paragraphIdentity(start.element);
  if (!identity) return null;
  const from = start.offset;
  const to = Math.max(from, end.offset);
  return {
    paragraphId: identity.id,
    start: from,
    end: to,
    text: paragraphText(start.element).slice(from, to),
  };
}

// An offset at a run boundary starts in the later run, so the start sticks to the range's first
// character rather than to the end of the run before it.
function locateStart(
  element: Y.XmlElement,
  offset: number,
): { segment: Y.XmlText; index: number } | undefined {
  let remaining = offset;
  const segments = textSegments(element);
  for (const segment of segments) {
    if (remaining < segment.length) return { segment, index: remaining };
    remaining -= segment.length;
  }
  const last = segments.at(-1);
  return last ? { segment: last, index: last.length } : undefined;
}

function absolute(doc: Y.Doc, encoded: string): { element: Y.XmlElement; offset: number } | null {
  let relative: Y.RelativePosition;
  try {
    relative = Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
  } catch {
    return null;
  }
  const position = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (!position || !(position.type instanceof Y.XmlText)) return null;
  const segment = position.type;
  const parent = segment.parent;
  // A deleted run (or paragraph) resolves to index 0 of a dead type: treat the anchor as gone.
  if (!(parent instanceof Y.XmlElement) || segment._item?.deleted || parent._item?.deleted) {
    return null;
  }
  const element = parent as Y.XmlElement;
  let offset = 0;
  for (const run of textSegments(element)) {
    if (run === segment) return { element, offset: offset + position.index };
    offset += run.length;
  }
  return null;
}

function encode(position: Y.RelativePosition): string {
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}
