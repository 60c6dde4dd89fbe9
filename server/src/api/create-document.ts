/**
 * Creating a document with its first paragraphs: the CreateDocument command, then its text
 * through the live-text path. One function for every entry point (the documents route, the
 * import route, `accord import`), so a document is always born the same way.
 */
import type { CommandMeta, DocumentMode, ParagraphKind } from '@accord/shared';
import type { ApiDeps } from './api-deps.js';

/** What one document may hold when it is created. */
export const DOCUMENT_LIMITS = { paragraphs: 2000, paragraphText: 20_000 } as const;

export interface NewDocument {
  documentId: string;
  negotiationId: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  paragraphs: readonly { kind: ParagraphKind; text: string }[];
}

export async function createDocumentWithText(
  deps: Pick<ApiDeps, 'commands' | 'text'>,
  document: NewDocument,
  meta: CommandMeta,
  /** Stable per command id, so a retry names the same paragraphs. */
  paragraphId: (index: number) => string,
): Promise<{ position: bigint | undefined; duplicate: boolean }> {
  const { documentId, negotiationId, title, symbol, mode } = document;
  const result = await deps.commands.execute({
    type: 'CreateDocument',
    data: { documentId, negotiationId, title, symbol, mode },
    meta,
  });
  // A retried request finds the document; its text is written only if the first attempt did not.
  if (!result.duplicate || (await deps.text.paragraphs(documentId)).length === 0) {
    await deps.text.create(
      documentId,
      document.paragraphs.map((p, i) => ({ id: paragraphId(i), kind: p.kind, text: p.text })),
      meta.actor,
    );
  }
  return { position: result.position, duplicate: result.duplicate };
}
