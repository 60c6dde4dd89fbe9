/**
 * What the application layer needs from below it, as interfaces: the live text of documents
 * (implemented by `text/`) and a place to keep reactors' checkpoints (implemented beside the
 * read models). Services and reactors depend on these, never on the adapters.
 */
import type { Actor, ParagraphKind } from '@accord/shared';

export interface TextParagraph {
  id: string;
  kind: ParagraphKind;
  text: string;
}

/** The live text of documents (the Yjs side), as the application needs it. */
export interface DocumentText {
  paragraphs(documentId: string): Promise<TextParagraph[]>;
  /** Anchors characters [start, end) of a paragraph; returns the relative positions and the words. */
  anchor(
    documentId: string,
    paragraphId: string,
    start: number,
    end: number,
  ): Promise<{ start: string; end: string; text: string }>;
  /** Creates a new document's text through the same event path as live edits. */
  create(documentId: string, paragraphs: TextParagraph[], by: Actor, at?: string): Promise<void>;
  /** Refuses (a conflict) when an amendment can no longer be applied: its words or paragraph are gone. */
  assertAmendmentApplies(documentId: string, amendmentId: string): Promise<void>;
  /**
   * Applies an accepted amendment to the text as one attributed server transaction, whose
   * stored update names the amendment (`metadata.amendmentId`): that is how the amendment-text
   * reactor later recognises an amendment already applied.
   */
  applyAmendment(documentId: string, amendmentId: string, by: Actor, at?: string): Promise<void>;
  /** The revision of the document's text stream now, to freeze in a revision. */
  textRevision(documentId: string): Promise<bigint | undefined>;
}

/** Where a reactor keeps the log position up to which all its work is finished. */
export interface CheckpointStore {
  load(name: string): bigint | undefined;
  save(name: string, position: bigint): void;
}
