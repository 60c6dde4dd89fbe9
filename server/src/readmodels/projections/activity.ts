// The activity feed: one entry per notable event of a negotiation, who did it and when, for
// "since your last visit". Runs after every other projection so its look-ups see this event.
// An entry is stored as data (the `ActivityDescription` JSON), never as a sentence.
import type { ActivityDescription } from '@accord/shared';
import type { BulkBuilder } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import { describe } from './describe.js';
import { memberStakeholderId } from './lookups.js';
import {
  changeOf,
  contextOf,
  defineProjection,
  statementsFor,
  type EventContext,
} from './projection-kit.js';

interface ActivityRow {
  position: bigint;
  negotiationId: string;
  documentId: string | null;
  at: string;
  actorUserId: string | null;
  actorStakeholderId: string | null;
  kind: string;
  eventType: string;
  entry: string;
  subjectId: string | null;
}

const statements = statementsFor((db) => ({
  add: db.prepare<[ActivityRow]>(
    `INSERT INTO activity (position, negotiation_id, document_id, at, actor_user_id,
       actor_stakeholder_id, kind, event_type, entry, subject_id)
     VALUES (@position, @negotiationId, @documentId, @at, @actorUserId,
       @actorStakeholderId, @kind, @eventType, @entry, @subjectId)
     ON CONFLICT (position) DO NOTHING`,
  ),
}));

/** 'AmendmentTabled' → 'amendment-tabled'. */
export const activityKind = (eventType: string): string =>
  eventType.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();

/** The feed's line for an event, or undefined when it is not notable. */
function lineOf(
  db: ReadModelDb,
  context: EventContext,
): { row: ActivityRow; activity: ActivityDescription } | undefined {
  const description = describe(db, context);
  if (!description?.notable || !description.negotiationId) return undefined;
  const { negotiationId, documentId, subjectId, activity } = description;
  // An anonymous line keeps no trace of who acted, not even in the actor columns.
  const actor: EventContext['actor'] = description.anonymous ? {} : context.actor;
  const { userId, stakeholderId } = actor;
  // Users who were not members yet (opening, accepting) act for the stakeholder they joined.
  const actorStakeholderId =
    stakeholderId ?? (userId ? memberStakeholderId(db, negotiationId, userId) : undefined);
  const row: ActivityRow = {
    position: context.position,
    negotiationId,
    documentId: documentId ?? null,
    at: context.at,
    actorUserId: userId ?? null,
    actorStakeholderId: actorStakeholderId ?? null,
    kind: activityKind(context.event.type),
    eventType: context.event.type,
    entry: JSON.stringify(activity),
    subjectId: subjectId ?? null,
  };
  return { row, activity };
}

/** A rebuild writes the same lines, but has nobody to tell about them. */
function bulkActivity(db: ReadModelDb): BulkBuilder {
  return {
    apply(recorded) {
      const context = contextOf(recorded);
      const line = context && lineOf(db, context);
      if (line) statements(db).add.run(line.row);
    },
    flush: () => undefined,
  };
}

export const activityProjection = defineProjection({
  name: 'activity',
  tables: ['activity'],
  schema: `
    CREATE TABLE IF NOT EXISTS activity (
      position INTEGER PRIMARY KEY, -- of the event in the log
      negotiation_id TEXT NOT NULL,
      document_id TEXT,
      at TEXT NOT NULL,
      actor_user_id TEXT,
      actor_stakeholder_id TEXT,
      kind TEXT NOT NULL,
      event_type TEXT NOT NULL,
      entry TEXT NOT NULL, -- JSON: { type, params }
      subject_id TEXT
    );
    CREATE INDEX IF NOT EXISTS activity_by_negotiation ON activity (negotiation_id, at, position);`,
  onEvery(db, context) {
    const line = lineOf(db, context);
    if (!line) return;
    const { row, activity } = line;
    statements(db).add.run(row);
    return [
      changeOf(context, {
        kind: 'activity',
        readAction: 'record.read',
        negotiationId: row.negotiationId,
        ...(row.documentId ? { documentId: row.documentId } : {}),
        id: context.position.toString(),
        activity,
      }),
    ];
  },
  bulk: bulkActivity,
});
