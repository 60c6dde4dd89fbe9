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

/** A span of words held by two Yjs relative positions (base64), as bracket and option events keep it. */
export interface WordsAnchor {
  start: string;
  end: string;
}

/** Where anchored words are now: offsets of their paragraph's plain text. */
export interface ResolvedSpan {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * One change the server makes to the text for recorded work (a bracket's words deleted, an
 * option written or struck). Each edit finds its place when it is applied; an edit whose place
 * is gone (words or paragraph deleted meanwhile) is skipped rather than guessed at.
 */
export type TextEdit =
  /** Deletes the words, and one space next to them so no double space is left. */
  | { kind: 'delete-words'; anchor: WordsAnchor }
  /** Inserts " words" after the anchored words (at the end of `paragraphId` if they are gone). */
  | { kind: 'insert-words-after'; anchor: WordsAnchor; paragraphId: string; words: string }
  /** Inserts a paragraph after another (at the end of the text if that one is gone). */
  | { kind: 'insert-paragraph-after'; afterParagraphId: string; paragraph: TextParagraph }
  | { kind: 'delete-paragraph'; paragraphId: string };

/** Who the work is attributed to, and the id its stored update carries (`metadata.workId`). */
export interface TextWork {
  workId: string;
  by: Actor;
  /** When it happened, if not now (never before the text's latest update). */
  at?: string;
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
  /** Where each anchor's words are now; null for an anchor whose paragraph is gone. */
  resolveAnchors(
    documentId: string,
    anchors: readonly WordsAnchor[],
  ): Promise<(ResolvedSpan | null)[]>;
  /**
   * Applies the edits as one attributed server transaction whose stored update names the work
   * (`metadata.workId`). `placed` holds, per edit, the anchor of the words it inserted (null for
   * other edits and skipped ones).
   */
  applyTextWork(
    documentId: string,
    work: TextWork,
    edits: readonly TextEdit[],
  ): Promise<{ placed: (WordsAnchor | null)[] }>;
  /**
   * Whether the text holds an update of this work stored after log position `since`; if so, the
   * anchors of the words it inserted, in order (so work interrupted after the text changed can
   * still record where its words went).
   */
  findTextWork(
    documentId: string,
    workId: string,
    since: bigint,
  ): Promise<{ placed: WordsAnchor[] } | null>;
  /** The revision of the document's text stream now, to freeze in a revision. */
  textRevision(documentId: string): Promise<bigint | undefined>;
}

/** Where a reactor keeps the log position up to which all its work is finished. */
export interface CheckpointStore {
  load(name: string): bigint | undefined;
  save(name: string, position: bigint): void;
}
