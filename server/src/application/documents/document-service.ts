/**
 * Documents' use cases that involve the text as well as the record: creating a document with
 * its first paragraphs (the `document` stream, then the `doctext` stream), and issuing a
 * revision (freezing the text's revision now into the `document` stream). Every entry point
 * (the documents route, imports, `accord import`, the demo seed) creates documents here, so a
 * document is always born the same way.
 */
import type { CommandMeta, DocumentMode, ParagraphKind } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { ConflictError } from '../errors.js';
import type { DocumentText } from '../ports.js';

/** What one document may hold when it is created. */
export { DOCUMENT_LIMITS } from '@accord/shared';

export interface NewDocument {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  paragraphs: readonly { kind: ParagraphKind; text: string }[];
}

export interface DocumentService {
  /**
   * Creates the document, then its text. A retried request (same command id) finds the
   * document and writes the text only if the first attempt did not get that far.
   */
  create(
    document: NewDocument,
    meta: CommandMeta,
    /** Stable per command id, so a retry names the same paragraphs. */
    paragraphId: (index: number) => string,
  ): Promise<{ position: bigint | undefined; duplicate: boolean }>;
  /** Freezes the text as it is now under `label`; refused while accepted words are still on their way. */
  issueRevision(
    documentId: string,
    label: string,
    meta: CommandMeta,
    /** Renumber cleanly (default), or keep the bis/ter numbers of the last revision. */
    renumber?: boolean,
  ): Promise<{ position: bigint | undefined; textRevision: bigint }>;
}

export function createDocumentService(deps: {
  commands: CommandService;
  text: Pick<DocumentText, 'create' | 'paragraphs' | 'textRevision'>;
  /** Whether an accepted amendment of this document still waits to reach its text. */
  textPending?(documentId: string): boolean;
}): DocumentService {
  const { commands, text } = deps;
  return {
    async create(document, meta, paragraphId) {
      const { documentId, negotiationId, title, symbol, mode } = document;
      const result = await commands.execute({
        type: 'CreateDocument',
        data: { documentId, negotiationId, title, symbol, mode },
        meta,
      });
      if (!result.duplicate || (await text.paragraphs(documentId)).length === 0) {
        await text.create(
          documentId,
          document.paragraphs.map((p, i) => ({ id: paragraphId(i), kind: p.kind, text: p.text })),
          meta.actor,
          meta.now,
        );
      }
      return { position: result.position, duplicate: result.duplicate };
    },

    async issueRevision(documentId, label, meta, renumber = true) {
      // A revision frozen before an accepted amendment's words arrive would silently lack them.
      if (deps.textPending?.(documentId)) {
        throw new ConflictError(
          'amendment-text-pending',
          'An accepted amendment is still being applied to the text',
          { detail: 'Issue the revision once its words are in the text; try again shortly.' },
        );
      }
      const textRevision = await text.textRevision(documentId);
      if (textRevision === undefined)
        throw new ConflictError('empty-text', 'The document has no text to freeze yet');
      // The numbers the revision publishes. A paragraph typed in the instant between the two
      // reads is simply numbered bis/ter against them, as any later insertion would be.
      const paragraphs = (await text.paragraphs(documentId)).map(({ id, kind }) => ({ id, kind }));
      const result = await commands.execute({
        type: 'IssueRevision',
        data: { documentId, label, textRevision: textRevision.toString(), paragraphs, renumber },
        meta,
      });
      return { position: result.position, textRevision };
    },
  };
}
