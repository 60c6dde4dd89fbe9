/**
 * The agreed-language library's use cases: importing an earlier adopted text, withdrawing one,
 * and citing a passage of one in a draft. A citation is checked against both sides before it is
 * recorded: the words must be in the draft's paragraph at the given offsets now, and in the
 * library paragraph they claim to come from — so a citation is provenance, not a claim.
 */
import type { CitationView, CommandMeta, DocumentMode, LibraryTextInput } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { LibraryQueries } from '../../readmodels/queries/library.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';

export interface CiteInput {
  paragraphId: string;
  start: number;
  end: number;
  libraryTextId: string;
  ref: string;
}

export interface LibraryService {
  search: LibraryQueries['search'];
  listTexts: LibraryQueries['listTexts'];
  getText: LibraryQueries['getText'];
  /** A document's citations, each with where its words are now and whether they are intact. */
  citations(documentId: string): Promise<CitationView[]>;
  /** Ids come from the request (derived from its Idempotency-Key), so a retry names the same text. */
  importText(
    negotiationId: string,
    libraryTextId: string,
    input: LibraryTextInput,
    meta: CommandMeta,
  ): Promise<bigint | undefined>;
  withdraw(libraryTextId: string, reason: string, meta: CommandMeta): Promise<bigint | undefined>;
  cite(
    documentId: string,
    mode: DocumentMode,
    citationId: string,
    input: CiteInput,
    meta: CommandMeta,
  ): Promise<bigint | undefined>;
}

interface Deps {
  commands: CommandService;
  library: LibraryQueries;
  text: Pick<DocumentText, 'paragraphs' | 'anchor' | 'resolveAnchors'>;
}

/** Words compare as a reader sees them: runs of white space are one space. */
const normalised = (words: string) => words.replace(/\s+/gu, ' ').trim();

export function createLibraryService(deps: Deps): LibraryService {
  return {
    search: (query, options) => deps.library.search(query, options),
    listTexts: (upTo) => deps.library.listTexts(upTo),
    getText: (libraryTextId, upTo) => deps.library.getText(libraryTextId, upTo),

    async citations(documentId) {
      const cited = deps.library.listCitations(documentId);
      const spans = await deps.text.resolveAnchors(
        documentId,
        cited.map((c) => ({ start: c.start, end: c.end })),
      );
      return cited.map((c, i) => {
        const now = spans[i] ?? null;
        return {
          citationId: c.citationId,
          paragraphId: c.paragraphId,
          libraryTextId: c.libraryTextId,
          ref: c.ref,
          title: c.title,
          symbol: c.symbol,
          words: c.words,
          citedBy: c.citedBy,
          citedAt: c.citedAt,
          now,
          intact: now !== null && normalised(now.text) === normalised(c.words),
        };
      });
    },

    async importText(negotiationId, libraryTextId, input, meta) {
      const { position } = await deps.commands.execute({
        type: 'AddLibraryText',
        data: {
          libraryTextId,
          negotiationId,
          source: 'imported',
          documentId: null,
          revisionLabel: null,
          ...input,
        },
        meta,
      });
      return position;
    },

    async withdraw(libraryTextId, reason, meta) {
      const { position } = await deps.commands.execute({
        type: 'WithdrawLibraryText',
        data: { libraryTextId, reason },
        meta,
      });
      return position;
    },

    async cite(documentId, mode, citationId, input, meta) {
      const source = deps.library.getText(input.libraryTextId);
      if (!source) {
        throw new NotFoundError('No such text in the library', { code: 'unknown-library-text' });
      }
      if (source.withdrawn) {
        throw new ConflictError(
          'library-text-withdrawn',
          'This text was withdrawn from the library',
        );
      }
      const from = source.paragraphs.find((p) => p.ref === input.ref);
      if (!from) {
        throw InvalidInputError.field(
          'unknown-library-paragraph',
          'No such paragraph in that text',
          'body.ref',
          `${source.title} has no paragraph ${input.ref}`,
        );
      }
      const paragraph = (await deps.text.paragraphs(documentId)).find(
        (p) => p.id === input.paragraphId,
      );
      if (!paragraph) {
        throw new NotFoundError('No such paragraph in this document', {
          code: 'unknown-paragraph',
        });
      }
      if (input.end <= input.start || input.end > paragraph.text.length) {
        throw InvalidInputError.field(
          'range-outside-paragraph',
          'The range is not inside the paragraph',
          'body.end',
          `the paragraph has ${paragraph.text.length} characters`,
        );
      }
      const words = paragraph.text.slice(input.start, input.end);
      if (!normalised(from.text).includes(normalised(words))) {
        throw InvalidInputError.field(
          'words-not-in-library',
          'These words are not in the cited paragraph',
          'body.start',
          `the draft's words at that range do not appear in ${source.title}, ${input.ref}`,
        );
      }
      const anchor = await deps.text.anchor(documentId, paragraph.id, input.start, input.end);
      const { position } = await deps.commands.execute({
        type: 'CiteAgreedLanguage',
        data: {
          documentId,
          mode,
          citationId,
          paragraphId: paragraph.id,
          libraryTextId: source.libraryTextId,
          ref: from.ref,
          title: source.title,
          symbol: source.symbol,
          words: anchor.text,
          start: anchor.start,
          end: anchor.end,
        },
        meta,
      });
      return position;
    },
  };
}
