// Documents under negotiation: their metadata and mode, the revisions the chair issued (each
// freezing a text revision), adoption, the status of every paragraph the chair has gavelled,
// and which paragraphs hold open brackets or options (a paragraph's status is derived from both).
import type { ReadModelChange } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import { describedChange } from './describe.js';
import { documentRef } from './lookups.js';
import {
  changeOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
} from './projection-kit.js';

const statements = statementsFor((db) => ({
  create: db.prepare(
    `INSERT INTO documents (document_id, negotiation_id, title, symbol, mode, created_by, created_at)
     VALUES (@documentId, @negotiationId, @title, @symbol, @mode, @createdBy, @createdAt)
     ON CONFLICT (document_id) DO NOTHING`,
  ),
  changeMode: db.prepare('UPDATE documents SET mode = ? WHERE document_id = ?'),
  setStatus: db.prepare(
    `INSERT INTO paragraph_statuses (document_id, paragraph_id, status, reason, set_by, set_at)
     VALUES (@documentId, @paragraphId, @status, @reason, @setBy, @setAt)
     ON CONFLICT (document_id, paragraph_id) DO UPDATE SET status = excluded.status,
       reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at`,
  ),
  issue: db.prepare(
    `INSERT INTO document_revisions (document_id, sequence, label, text_revision, issued_by, issued_at)
     VALUES (@documentId, @sequence, @label, @textRevision, @issuedBy, @issuedAt)
     ON CONFLICT (document_id, sequence) DO NOTHING`,
  ),
  placeBracket: db.prepare(
    `INSERT INTO open_brackets (bracket_id, document_id, paragraph_id) VALUES (?, ?, ?)
     ON CONFLICT (bracket_id) DO NOTHING`,
  ),
  closeBracket: db.prepare('DELETE FROM open_brackets WHERE bracket_id = ?'),
  occupy: db.prepare(
    `INSERT INTO open_option_paragraphs (option_set_id, paragraph_id, document_id) VALUES (?, ?, ?)
     ON CONFLICT (option_set_id, paragraph_id) DO NOTHING`,
  ),
  closeSet: db.prepare('DELETE FROM open_option_paragraphs WHERE option_set_id = ?'),
  adopt: db.prepare(
    `UPDATE documents SET adopted_at = ?, adopted_by = ?, adopted_revision_label = ?,
       adopted_text_revision = ? WHERE document_id = ?`,
  ),
}));

export const documentsProjection = defineProjection({
  name: 'documents',
  tables: [
    'documents',
    'document_revisions',
    'paragraph_statuses',
    'open_brackets',
    'open_option_paragraphs',
  ],
  schema: `
    CREATE TABLE IF NOT EXISTS documents (
      document_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      title TEXT NOT NULL,
      symbol TEXT NOT NULL,
      mode TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      adopted_at TEXT,
      adopted_by TEXT,
      adopted_revision_label TEXT,
      adopted_text_revision TEXT
    );
    CREATE INDEX IF NOT EXISTS documents_by_negotiation ON documents (negotiation_id, created_at);
    CREATE TABLE IF NOT EXISTS document_revisions (
      document_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      label TEXT NOT NULL,
      text_revision TEXT NOT NULL, -- decimal string: doctext revisions are 64-bit
      issued_by TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      PRIMARY KEY (document_id, sequence)
    );
    CREATE TABLE IF NOT EXISTS paragraph_statuses (
      document_id TEXT NOT NULL,
      paragraph_id TEXT NOT NULL,
      status TEXT NOT NULL,
      reason TEXT NOT NULL,
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (document_id, paragraph_id)
    );
    CREATE TABLE IF NOT EXISTS open_brackets (
      bracket_id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      paragraph_id TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS open_brackets_by_document ON open_brackets (document_id);
    -- Every paragraph an open option set occupies (its own, and each option's paragraph).
    CREATE TABLE IF NOT EXISTS open_option_paragraphs (
      option_set_id TEXT NOT NULL,
      paragraph_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      PRIMARY KEY (option_set_id, paragraph_id)
    );
    CREATE INDEX IF NOT EXISTS open_option_paragraphs_by_document
      ON open_option_paragraphs (document_id);`,
  on: {
    DocumentCreated(db, data, context) {
      const { documentId, negotiationId, title, symbol, mode, createdBy } = data;
      statements(db).create.run({
        documentId,
        negotiationId,
        title,
        symbol,
        mode,
        createdBy,
        createdAt: iso(data.createdAt),
      });
      return describedChange(db, context, 'document', 'record.read');
    },
    DocumentModeChanged(db, { documentId, to }, context) {
      statements(db).changeMode.run(to, documentId);
      return describedChange(db, context, 'document', 'record.read');
    },
    ParagraphStatusSet(db, data, context) {
      const { documentId, paragraphId, status, reason, setBy, setAt } = data;
      statements(db).setStatus.run({
        documentId,
        paragraphId,
        status,
        reason,
        setBy,
        setAt: iso(setAt),
      });
      return describedChange(db, context, 'paragraph', 'record.read');
    },
    RevisionIssued(db, data, context) {
      const { documentId, sequence, label, textRevision, issuedBy, issuedAt } = data;
      statements(db).issue.run({
        documentId,
        sequence,
        label,
        textRevision,
        issuedBy,
        issuedAt: iso(issuedAt),
      });
      return describedChange(db, context, 'document', 'record.read');
    },
    BracketPlaced(db, { bracketId, documentId, paragraphId }, context) {
      statements(db).placeBracket.run(bracketId, documentId, paragraphId);
      return bracketChange(db, context, documentId, paragraphId);
    },
    BracketRemoved(db, { bracketId, documentId, paragraphId }, context) {
      statements(db).closeBracket.run(bracketId);
      return bracketChange(db, context, documentId, paragraphId);
    },
    BracketedWordsDeleted(db, { bracketId, documentId, paragraphId }, context) {
      statements(db).closeBracket.run(bracketId);
      return bracketChange(db, context, documentId, paragraphId);
    },
    OptionSetOpened(db, { optionSetId, documentId, paragraphId }, context) {
      statements(db).occupy.run(optionSetId, paragraphId, documentId);
      return bracketChange(db, context, documentId, paragraphId);
    },
    OptionAdded(db, { optionSetId, documentId, paragraphId }, context) {
      // Inline options lie in the set's paragraph; a paragraphs set's new option has its own.
      if (paragraphId !== null) statements(db).occupy.run(optionSetId, paragraphId, documentId);
      return bracketChange(db, context, documentId, paragraphId ?? undefined);
    },
    OptionPlaced(db, { documentId }, context) {
      return bracketChange(db, context, documentId, undefined);
    },
    OptionChosen(db, { optionSetId, documentId }, context) {
      statements(db).closeSet.run(optionSetId);
      return bracketChange(db, context, documentId, undefined);
    },
    DocumentAdopted(db, data, context) {
      const { documentId, revisionLabel, textRevision, adoptedBy, adoptedAt } = data;
      statements(db).adopt.run(iso(adoptedAt), adoptedBy, revisionLabel, textRevision, documentId);
      return describedChange(db, context, 'document', 'record.read');
    },
  },
});

/**
 * Brackets change paragraphs' status and words without a line in the activity feed: a
 * 'paragraph' change, so every open view of the document refetches.
 */
function bracketChange(
  db: ReadModelDb,
  context: EventContext,
  documentId: string,
  paragraphId: string | undefined,
): ReadModelChange[] {
  const document = documentRef(db, documentId);
  return [
    changeOf(context, {
      kind: 'paragraph',
      readAction: 'record.read',
      documentId,
      ...(document ? { negotiationId: document.negotiationId } : {}),
      ...(paragraphId === undefined ? {} : { id: paragraphId }),
    }),
  ];
}
