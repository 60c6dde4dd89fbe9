// What the API routes need from the rest of the server, injected by the composition root.
import type { ParagraphKind, Actor } from '@accord/shared';
import type { AccountService } from '../accounts/account-service.js';
import type { AccessRefresh } from '../application/access-refresh.js';
import type { CommandService } from '../commands/command-service.js';
import type { ReadModelQueries } from '../readmodels/queries.js';

export interface TextParagraph {
  id: string;
  kind: ParagraphKind;
  text: string;
}

/** The live text of documents (the Yjs side), as the API needs it. */
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
  /** 409 when an amendment can no longer be applied (its words or paragraph are gone). */
  assertAmendmentApplies(documentId: string, amendmentId: string): Promise<void>;
  /** Applies an accepted amendment to the text as one attributed server transaction. */
  applyAmendment(documentId: string, amendmentId: string, by: Actor, at?: string): Promise<void>;
  /** The revision of the document's text stream now, to freeze in a revision. */
  textRevision(documentId: string): Promise<bigint | undefined>;
}

export interface ApiDeps {
  commands: CommandService;
  queries: ReadModelQueries;
  accounts: AccountService;
  text: DocumentText;
  /**
   * Only sign-out calls it: mode and membership changes re-decide live connections by
   * themselves, from the read models, before the command that made them answers.
   */
  access: Pick<AccessRefresh, 'signedOut'>;
}
