// The activity feed of a negotiation, newest first, optionally only what happened after a time
// ("since your last visit").
import type { ActivityDescription } from '@accord/shared';
import { isoTime, statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { boundedLimit, joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';
import type { ActivityEntry } from './views.js';

interface ActivityRow {
  position: string;
  negotiation_id: string;
  document_id: string | null;
  at: string;
  actor_user_id: string | null;
  actor_display_name: string | null;
  actor_stakeholder_id: string | null;
  kind: string;
  event_type: string;
  entry: string;
  subject_id: string | null;
}

export const DEFAULT_ACTIVITY_LIMIT = 50;
export const MAX_ACTIVITY_LIMIT = 500;

const statements = statementsFor((db) => ({
  feed: db.prepare<[{ negotiationId: string; since: string | null; limit: number }], ActivityRow>(
    `SELECT CAST(a.position AS TEXT) AS position, a.negotiation_id, a.document_id, a.at,
       a.actor_user_id, u.display_name AS actor_display_name, a.actor_stakeholder_id, a.kind,
       a.event_type, a.entry, a.subject_id, ${stakeholderColumns('s', 'actor')}
     FROM activity a
     LEFT JOIN users u ON u.user_id = a.actor_user_id
     ${joinStakeholder('s', 'a.negotiation_id', 'a.actor_stakeholder_id')}
     WHERE a.negotiation_id = @negotiationId AND (@since IS NULL OR a.at > @since)
     ORDER BY a.position DESC LIMIT @limit`,
  ),
}));

export interface ActivityOptions {
  /** UTC ISO instant: only what happened after it. */
  since?: string;
  /** Default 50, at most 500. */
  limit?: number;
}

export function activityQueries(db: ReadModelDb) {
  return {
    activity(negotiationId: string, options: ActivityOptions = {}): ActivityEntry[] {
      const since = isoTime(options.since);
      if (options.since !== undefined && since === undefined) {
        throw new RangeError(`since is not an instant: ${options.since}`);
      }
      const limit = boundedLimit(options.limit, DEFAULT_ACTIVITY_LIMIT, MAX_ACTIVITY_LIMIT);
      return statements(db)
        .feed.all({ negotiationId, since: since ?? null, limit })
        .map((row) => ({
          position: row.position,
          negotiationId: row.negotiation_id,
          documentId: row.document_id,
          at: row.at,
          actor: {
            userId: row.actor_user_id,
            displayName: row.actor_display_name,
            stakeholderId: row.actor_stakeholder_id,
            stakeholder:
              row.actor_stakeholder_id === null
                ? null
                : stakeholderRef(row.actor_stakeholder_id, row, 'actor'),
          },
          kind: row.kind,
          eventType: row.event_type,
          activity: JSON.parse(row.entry) as ActivityDescription,
          subjectId: row.subject_id,
        }));
    },
  };
}
