/**
 * The shape of a document's Y.Doc, as TipTap's Collaboration extension (y-prosemirror) binds
 * to it: a Y.XmlFragment named 'default' whose children are `paragraph` elements carrying a
 * stable `id` and a `kind`, each holding its words in Y.XmlText.
 *
 *   doc.transact(() => insertParagraphs(doc, 0, [{ id, kind: 'operative', text: 'Decides…' }]));
 *   listParagraphs(doc); // [{ id, kind: 'operative', text: 'Decides…' }]
 */
import {
  PARAGRAPH_NODE,
  TEXT_FRAGMENT_NAME,
  paragraphAttributes,
  paragraphKinds,
  type ParagraphKind,
} from '@accord/shared';
import * as Y from 'yjs';

// Defined once, in the shared negotiation-text schema; re-exported for the text's own modules.
export { PARAGRAPH_NODE, TEXT_FRAGMENT_NAME, paragraphKinds, type ParagraphKind };

export interface Paragraph {
  id: string;
  kind: ParagraphKind;
  text: string;
}

export interface ParagraphNode {
  id: string;
  kind: ParagraphKind;
  /** Position among the fragment's children (not among paragraphs only). */
  index: number;
  element: Y.XmlElement;
}

// Embedded inline objects occupy one position in Yjs indices; rendering them as U+FFFC keeps
// offsets into the plain text equal to Yjs offsets, which anchors rely on.
const OBJECT_REPLACEMENT = '\uFFFC';

export function textFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(TEXT_FRAGMENT_NAME);
}

export function isParagraphKind(value: unknown): value is ParagraphKind {
  return paragraphAttributes.kind(value);
}

/** A new, not yet inserted paragraph element (Yjs keeps its content until it is integrated). */
export function createParagraph(paragraph: Paragraph): Y.XmlElement {
  const element = new Y.XmlElement(PARAGRAPH_NODE);
  element.setAttribute('id', paragraph.id);
  element.setAttribute('kind', paragraph.kind);
  element.insert(0, [new Y.XmlText(paragraph.text)]);
  return element;
}

/** Inserts paragraphs at a child index of the fragment; call inside a transaction. */
export function insertParagraphs(
  doc: Y.Doc,
  index: number,
  paragraphs: readonly Paragraph[],
): void {
  textFragment(doc).insert(index, paragraphs.map(createParagraph));
}

/** The element's id and kind when it is a well-formed paragraph, otherwise undefined. */
export function paragraphIdentity(
  node: unknown,
): { id: string; kind: ParagraphKind; element: Y.XmlElement } | undefined {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== PARAGRAPH_NODE) return undefined;
  const id: unknown = node.getAttribute('id');
  const kind: unknown = node.getAttribute('kind');
  if (typeof id !== 'string' || id.length === 0 || !isParagraphKind(kind)) return undefined;
  // instanceof narrows to XmlElement<any>; the attributes were just checked one by one.
  return { id, kind, element: node as Y.XmlElement };
}

/**
 * The paragraphs in document order. Children that are not well-formed paragraphs (which only a
 * client with a different editor schema could create) are skipped rather than guessed at.
 */
export function listParagraphs(doc: Y.Doc): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const child of textFragment(doc).toArray()) {
    const identity = paragraphIdentity(child);
    if (identity)
      paragraphs.push({
        id: identity.id,
        kind: identity.kind,
        text: paragraphText(identity.element),
      });
  }
  return paragraphs;
}

export function findParagraph(doc: Y.Doc, paragraphId: string): ParagraphNode | undefined {
  const children = textFragment(doc).toArray();
  for (let index = 0; index < children.length; index++) {
    const identity = paragraphIdentity(children[index]);
    if (identity?.id === paragraphId) return { ...identity, index };
  }
  return undefined;
}

/** The Y.XmlText runs of a paragraph; its text offsets count through them in order. */
export function textSegments(element: Y.XmlElement): Y.XmlText[] {
  return element.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText);
}

export function paragraphText(element: Y.XmlElement): string {
  return textSegments(element).map(plainText).join('');
}

export function paragraphLength(element: Y.XmlElement): number {
  return textSegments(element).reduce((sum, segment) => sum + segment.length, 0);
}

/** Text without formatting marks; embeds become U+FFFC so lengths match Yjs indices. */
export function plainText(text: Y.XmlText): string {
  // toDelta is typed `any` by Yjs; its entries are { insert: string | object, attributes? }.
  const delta = text.toDelta() as Array<{ insert: unknown }>;
  return delta
    .map((op) => (typeof op.insert === 'string' ? op.insert : OBJECT_REPLACEMENT))
    .join('');
}

/**
 * Where a paragraph text offset falls: the run and the index inside it. An offset at the
 * boundary of two runs belongs to the earlier run, so an insertion there extends it.
 */
export function locateOffset(
  element: Y.XmlElement,
  offset: number,
): { segment: Y.XmlText; index: number } | undefined {
  const segments = textSegments(element);
  let remaining = offset;
  for (const segment of segments) {
    if (remaining <= segment.length) return { segment, index: remaining };
    remaining -= segment.length;
  }
  return undefined;
}

/**
 * The paragraph and its length, once [start, end) is known to be a range of its characters;
 * a RangeError names what is wrong otherwise.
 */
export function paragraphRange(doc: Y.Doc, paragraphId: string, start: number, end: number) {
  const paragraph = findParagraph(doc, paragraphId);
  if (!paragraph) throw new RangeError(`No paragraph ${paragraphId}`);
  const length = paragraphLength(paragraph.element);
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    end > length
  ) {
    throw new RangeError(
      `Range ${start}–${end} is outside paragraph ${paragraphId} (length ${length})`,
    );
  }
  return { paragraph, length };
}

/**
 * Replaces the characters [start, end) of a paragraph with `text`; call inside a transaction.
 * Validates everything before changing anything, so a refused replacement leaves no trace.
 */
export function replaceParagraphText(
  doc: Y.Doc,
  paragraphId: string,
  start: number,
  end: number,
  text: string,
): void {
  const { paragraph, length } = paragraphRange(doc, paragraphId, start, end);
  const segments = textSegments(paragraph.element);
  if (segments.length === 0) {
    if (text.length > 0) paragraph.element.insert(0, [new Y.XmlText(text)]);
    return;
  }
  // Delete from the last run backwards so earlier offsets stay valid, then insert at start.
  let segmentStart = length;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    segmentStart -= segment.length;
    const from = Math.max(start, segmentStart);
    const to = Math.min(end, segmentStart + segment.length);
    if (to > from) segment.delete(from - segmentStart, to - from);
  }
  if (text.length > 0) {
    const at = locateOffset(paragraph.element, start);
    at?.segment.insert(at.index, text);
  }
}
