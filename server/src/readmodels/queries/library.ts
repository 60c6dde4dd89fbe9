// Queries of the agreed-language library: full-text search over the paragraphs of the texts
// not withdrawn (best match first, by FTS5's bm25), one text whole, the list of texts, and a
// document's citations.
import { libraryMatchExpression } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { boundedLimit } from './sql-kit.js';

/** Marks around the matched words in a snippet; the client draws them, never as HTML. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export interface LibraryTextSummary {
  libraryTextId: string;
  negotiationId: string;
  source: 'adopted' | 'imported';
  documentId: string | null;
  revisionLabel: string | null;
  title: string;
  symbol: string | null;
  adoptedOn: string;
  language: string;
  paragraphCount: number;
  withdrawn: boolean;
}

export interface LibraryHit {
  text: LibraryTextSummary;
  ref: string;
  /** The whole paragraph, to insert. */
  paragraph: string;
  /** The paragraph around the match, matched words between SNIPPET_OPEN and SNIPPET_CLOSE. */
  snippet: string;
}

export interface LibraryCitationView {
  citationId: string;
  documentId: string;
  paragraphId: string;
  libraryTextId: string;
  ref: string;
  title: string;
  symbol: string | null;
  words: string;
  start: string;
  end: string;
  citedBy: { userId: string; stakeholderId: string };
  citedAt: string;
}

interface TextRow {
  library_text_id: string;
  negotiation_id: string;
  source: 'adopted' | 'imported';
  document_id: string | null;
  revision_label: string | null;
  title: string;
  symbol: string | null;
  adopted_on: string;
  language: string;
  paragraph_count: number;
  withdrawn: number;
}

const TEXT_COLUMNS = `t.library_text_id, t.negotiation_id, t.source, t.document_id,
  t.revision_label, t.title, t.symbol, t.adopted_on, t.language, t.paragraph_count, t.withdrawn`;

const statements = statementsFor((db) => ({
  search: db.prepare<
    { match: string; language: string | null; limit: number; upTo: bigint | null },
    TextRow & { ref: string; paragraph: string; snippet: string }
  >(
    `SELECT ${TEXT_COLUMNS}, p.ref, p.text AS paragraph,
       snippet(library_fts, 0, char(2), char(3), '…', 32) AS snippet
     FROM library_fts
     JOIN library_paragraphs p ON p.rowid = library_fts.rowid
     JOIN library_texts t ON t.library_text_id = p.library_text_id
     WHERE library_fts MATCH @match AND t.withdrawn = 0
       AND (@language IS NULL OR t.language = @language)
       AND (@upTo IS NULL OR t.position <= @upTo)
     ORDER BY bm25(library_fts), t.adopted_on DESC, p.ord
     LIMIT @limit`,
  ),
  texts: db.prepare<{ upTo: bigint | null }, TextRow>(
    `SELECT ${TEXT_COLUMNS} FROM library_texts t
     WHERE (@upTo IS NULL OR t.position <= @upTo)
     ORDER BY t.adopted_on DESC, t.title`,
  ),
  text: db.prepare<{ id: string; upTo: bigint | null }, TextRow>(
    `SELECT ${TEXT_COLUMNS} FROM library_texts t
     WHERE t.library_text_id = @id AND (@upTo IS NULL OR t.position <= @upTo)`,
  ),
  paragraphs: db.prepare<[string], { ref: string; text: string }>(
    `SELECT ref, text FROM library_paragraphs WHERE library_text_id = ? ORDER BY ord`,
  ),
  citations: db.prepare<
    [string],
    {
      citation_id: string;
      document_id: string;
      paragraph_id: string;
      library_text_id: string;
      ref: string;
      title: string;
      symbol: string | null;
      words: string;
      start_position: string;
      end_position: string;
      cited_by_user_id: string;
      cited_by_stakeholder_id: string;
      cited_at: string;
    }
  >(`SELECT * FROM citations WHERE document_id = ? ORDER BY position`),
}));

const toSummary = (row: TextRow): LibraryTextSummary => ({
  libraryTextId: row.library_text_id,
  negotiationId: row.negotiation_id,
  source: row.source,
  documentId: row.document_id,
  revisionLabel: row.revision_label,
  title: row.title,
  symbol: row.symbol,
  adoptedOn: row.adopted_on,
  language: row.language,
  paragraphCount: row.paragraph_count,
  withdrawn: row.withdrawn === 1,
});

/** `upTo`: only texts added at or before this log position (a reader behind a segment's horizon). */
export interface LibraryQueries {
  search(
    query: string,
    options?: { language?: string; limit?: number; upTo?: bigint },
  ): LibraryHit[];
  listTexts(upTo?: bigint): LibraryTextSummary[];
  getText(
    libraryTextId: string,
    upTo?: bigint,
  ): (LibraryTextSummary & { paragraphs: { ref: string; text: string }[] }) | undefined;
  listCitations(documentId: string): LibraryCitationView[];
}

export function libraryQueries(db: ReadModelDb, resultsMax: number): LibraryQueries {
  const s = () => statements(db);
  return {
    search(query, options = {}) {
      const match = libraryMatchExpression(query);
      if (match === null) return [];
      return s()
        .search.all({
          match,
          language: options.language ?? null,
          limit: boundedLimit(options.limit, 20, resultsMax),
          upTo: options.upTo ?? null,
        })
        .map((row) => ({
          text: toSummary(row),
          ref: row.ref,
          paragraph: row.paragraph,
          snippet: row.snippet,
        }));
    },
    listTexts: (upTo) =>
      s()
        .texts.all({ upTo: upTo ?? null })
        .map(toSummary),
    getText(libraryTextId, upTo) {
      const row = s().text.get({ id: libraryTextId, upTo: upTo ?? null });
      return row && { ...toSummary(row), paragraphs: s().paragraphs.all(libraryTextId) };
    },
    listCitations: (documentId) =>
      s()
        .citations.all(documentId)
        .map((row) => ({
          citationId: row.citation_id,
          documentId: row.document_id,
          paragraphId: row.paragraph_id,
          libraryTextId: row.library_text_id,
          ref: row.ref,
          title: row.title,
          symbol: row.symbol,
          words: row.words,
          start: row.start_position,
          end: row.end_position,
          citedBy: { userId: row.cited_by_user_id, stakeholderId: row.cited_by_stakeholder_id },
          citedAt: row.cited_at,
        })),
  };
}
