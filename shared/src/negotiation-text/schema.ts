/**
 * THE negotiation-text schema: the one definition of what a document's Y.Doc may hold. The
 * editor builds its TipTap nodes from it, and the Yjs gateway refuses any update that steps
 * outside it before the update is applied, stored or broadcast.
 *
 * The shape (as y-prosemirror binds TipTap to Yjs):
 *
 *   Y.XmlFragment 'default'
 *     └─ Y.XmlElement 'paragraph'  { id: <stable id>, kind: heading|preambular|operative|subparagraph }
 *          └─ Y.XmlText            plain words: no marks, no embeds
 *
 * Brackets and options are not in this structure: they are events on the document's stream,
 * anchored to words by Yjs relative positions (see ./brackets.ts), so only a command — checked
 * against the permission matrix — can place or remove one.
 */
import { paragraphKinds, type ParagraphKind } from '../vocabulary.js';

/** The fragment name TipTap's Collaboration extension uses when none is configured. */
export const TEXT_FRAGMENT_NAME = 'default';
export const PARAGRAPH_NODE = 'paragraph';

/** Attributes a paragraph element may carry, each with its validity test. */
export const paragraphAttributes = {
  /** Stable across edits and renumbering; amendments, positions and comments point at it. */
  id: (value: unknown): value is string =>
    typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value),
  kind: (value: unknown): value is ParagraphKind =>
    typeof value === 'string' && (paragraphKinds as readonly string[]).includes(value),
} as const;

export type ParagraphAttribute = keyof typeof paragraphAttributes;
export const paragraphAttributeNames = Object.keys(paragraphAttributes) as ParagraphAttribute[];

/** Formatting marks the text may carry: none. Formatting is the exports' job, not the delegates'. */
export const textMarkNames: readonly string[] = Object.freeze([]);

/** Fragment → paragraph → text: nothing deeper is ever valid. */
export const MAX_TEXT_DEPTH = 2;

export const isParagraphAttribute = (name: string): name is ParagraphAttribute =>
  Object.hasOwn(paragraphAttributes, name);
