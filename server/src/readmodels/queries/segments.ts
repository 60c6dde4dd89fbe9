// Queries about a negotiation's schedule: its sessions, and its segments as the horizon needs
// them (with the log position each opened at).
import type { SegmentAccess, SegmentMark } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

export interface ScheduledSession {
  sessionId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

export interface ScheduledSegment extends SegmentMark {
  sessionId: string;
  closedAt: string | null;
  releasedAt: string | null;
}

interface SegmentRow {
  segment_id: string;
  session_id: string;
  title: string;
  access: SegmentAccess;
  opened_at: string;
  opened_position: string;
  closed_at: string | null;
  released_at: string | null;
}

const statements = statementsFor((db) => ({
  sessions: db.prepare<[string], ScheduledSession>(
    `SELECT session_id AS sessionId, title, starts_on AS startsOn, ends_on AS endsOn,
       time_zone AS timeZone
     FROM schedule_sessions WHERE negotiation_id = ? ORDER BY starts_on, position`,
  ),
  // Positions are 64-bit: read as text so they survive the trip through JavaScript numbers.
  segments: db.prepare<[string], SegmentRow>(
    `SELECT segment_id, session_id, title, access, opened_at,
       CAST(opened_position AS TEXT) AS opened_position, closed_at, released_at
     FROM schedule_segments WHERE negotiation_id = ? ORDER BY opened_position`,
  ),
}));

export const segmentQueries = (db: ReadModelDb) => ({
  listSessions: (negotiationId: string): ScheduledSession[] =>
    statements(db).sessions.all(negotiationId),
  /** Oldest first. */
  listSegments: (negotiationId: string): ScheduledSegment[] =>
    statements(db)
      .segments.all(negotiationId)
      .map((row) => ({
        segmentId: row.segment_id,
        sessionId: row.session_id,
        title: row.title,
        access: row.access,
        openedAt: row.opened_at,
        openedPosition: BigInt(row.opened_position),
        closed: row.closed_at !== null,
        released: row.released_at !== null,
        closedAt: row.closed_at,
        releasedAt: row.released_at,
      })),
});
