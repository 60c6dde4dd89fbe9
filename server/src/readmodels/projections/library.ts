// The agreed-language library: each adopted text with its paragraphs, a full-text index over
// them (SQLite FTS5, unicode61 with diacritics folded, so "developpement" finds
// "Développement"), and the citations of library passages in drafts. Withdrawn texts stay in
// the tables, marked, so a citation of one still says where its words came from.
import { documentRef } from './lookups.js';
import { changeOf, defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  addText: db.prepare(
    `INSERT INTO library_texts (library_text_id, negotiation_id, source, document_id,
       revision_label, title, symbol, adopted_on, language, paragraph_count, withdrawn, added_at,
       position)
     VALUES (@libraryTextId, @negotiationId, @source, @documentId, @revisionLabel, @title,
       @symbol, @adoptedOn, @language, @paragraphCount, 0, @addedAt, @position)
     ON CONFLICT (library_text_id) DO NOTHING`,
  ),
  addParagraph: db.prepare(
    `INSERT INTO library_paragraphs (library_text_id, ord, ref, text)
     VALUES (@libraryTextId, @ord, @ref, @text)`,
  ),
  index: db.prepare(`INSERT INTO library_fts (rowid, text) VALUES (?, ?)`),
  withdraw: db.prepare(`UPDATE library_texts SET withdrawn = 1 WHERE library_text_id = ?`),
  cite: db.prepare(
    `INSERT INTO citations (citation_id, document_id, paragraph_id, library_text_id, ref, title,
       symbol, words, start_position, end_position, cited_by_user_id, cited_by_stakeholder_id,
       cited_at, position)
     VALUES (@citationId, @documentId, @paragraphId, @libraryTextId, @ref, @title, @symbol,
       @words, @start, @end, @userId, @stakeholderId, @citedAt, @position)
     ON CONFLICT (citation_id) DO NOTHING`,
  ),
}));

export const libraryProjection = defineProjection({
  name: 'library',
  tables: ['library_fts', 'library_paragraphs', 'library_texts', 'citations'],
  schema: `
    CREATE TABLE IF NOT EXISTS library_texts (
      library_text_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      source TEXT NOT NULL, -- 'adopted' | 'imported'
      document_id TEXT,
      revision_label TEXT,
      title TEXT NOT NULL,
      symbol TEXT,
      adopted_on TEXT NOT NULL,
      language TEXT NOT NULL,
      paragraph_count INTEGER NOT NULL,
      withdrawn INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS library_paragraphs (
      rowid INTEGER PRIMARY KEY,
      library_text_id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      ref TEXT NOT NULL,
      text TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS library_paragraphs_by_text
      ON library_paragraphs (library_text_id, ord);
    CREATE VIRTUAL TABLE IF NOT EXISTS library_fts USING fts5(
      text, content = 'library_paragraphs', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE IF NOT EXISTS citations (
      citation_id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      paragraph_id TEXT NOT NULL,
      library_text_id TEXT NOT NULL,
      ref TEXT NOT NULL,
      title TEXT NOT NULL,
      symbol TEXT,
      words TEXT NOT NULL,
      start_position TEXT NOT NULL, -- Yjs relative position, base64
      end_position TEXT NOT NULL,
      cited_by_user_id TEXT NOT NULL,
      cited_by_stakeholder_id TEXT NOT NULL,
      cited_at TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS citations_by_document ON citations (document_id, position);`,
  on: {
    LibraryTextAdded(db, data, context) {
      const s = statements(db);
      const inserted = s.addText.run({
        libraryTextId: data.libraryTextId,
        negotiationId: data.negotiationId,
        source: data.source,
        documentId: data.documentId,
        revisionLabel: data.revisionLabel,
        title: data.title,
        symbol: data.symbol,
        adoptedOn: data.adoptedOn,
        language: data.language,
        paragraphCount: data.paragraphs.length,
        addedAt: iso(data.addedAt),
        position: context.position,
      });
      // Delivered again after a crash: the text and its index rows are already there.
      if (inserted.changes === 0) return [];
      data.paragraphs.forEach((paragraph, ord) => {
        const row = s.addParagraph.run({ libraryTextId: data.libraryTextId, ord, ...paragraph });
        s.index.run(row.lastInsertRowid, paragraph.text);
      });
      return [
        changeOf(context, {
          kind: 'library',
          negotiationId: data.negotiationId,
          id: data.libraryTextId,
          readAction: 'library.read',
        }),
      ];
    },
    LibraryTextWithdrawn(db, data, context) {
      statements(db).withdraw.run(data.libraryTextId);
      return [
        changeOf(context, { kind: 'library', id: data.libraryTextId, readAction: 'library.read' }),
      ];
    },
    AgreedLanguageCited(db, data, context) {
      statements(db).cite.run({
        citationId: data.citationId,
        documentId: data.documentId,
        paragraphId: data.paragraphId,
        libraryTextId: data.libraryTextId,
        ref: data.ref,
        title: data.title,
        symbol: data.symbol,
        words: data.words,
        start: data.start,
        end: data.end,
        userId: data.citedBy.userId,
        stakeholderId: data.citedBy.stakeholderId,
        citedAt: iso(data.citedAt),
        position: context.position,
      });
      const negotiationId = documentRef(db, data.documentId)?.negotiationId;
      return [
        changeOf(context, {
          kind: 'citation',
          ...(negotiationId ? { negotiationId } : {}),
          documentId: data.documentId,
          id: data.citationId,
          readAction: 'record.read',
        }),
      ];
    },
  },
});
