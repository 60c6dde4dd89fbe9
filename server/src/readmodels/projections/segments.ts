// A negotiation's sessions and segments, with the global log position at which each segment
// opened: that position is what a role excluded from the segment reads up to (its horizon), and
// only the log knows it (a stream read on EventStoreDB carries no global position).
import type { ReadModelDb } from '../read-model-db.js';
import {
  changeOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
} from './projection-kit.js';

const statements = statementsFor((db) => ({
  session: db.prepare(
    `INSERT INTO schedule_sessions (session_id, negotiation_id, title, starts_on, ends_on,
       time_zone, position)
     VALUES (@sessionId, @negotiationId, @title, @startsOn, @endsOn, @timeZone, @position)
     ON CONFLICT (session_id) DO NOTHING`,
  ),
  open: db.prepare(
    `INSERT INTO schedule_segments (segment_id, negotiation_id, session_id, title, access,
       opened_at, opened_position)
     VALUES (@segmentId, @negotiationId, @sessionId, @title, @access, @openedAt, @position)
     ON CONFLICT (segment_id) DO NOTHING`,
  ),
  close: db.prepare('UPDATE schedule_segments SET closed_at = @at WHERE segment_id = @segmentId'),
  release: db.prepare(
    'UPDATE schedule_segments SET released_at = @at WHERE segment_id = @segmentId',
  ),
}));

/** Every member hears of a segment change; excluded roles' clients switch to the frozen view. */
const segmentChange = (context: EventContext, negotiationId: string, segmentId: string) => [
  changeOf(context, { kind: 'segment', negotiationId, id: segmentId, readAction: 'document.read' }),
];

export const segmentsProjection = defineProjection({
  name: 'segments',
  tables: ['schedule_sessions', 'schedule_segments'],
  schema: `
    CREATE TABLE IF NOT EXISTS schedule_sessions (
      session_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      title TEXT NOT NULL,
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS schedule_sessions_by_negotiation
      ON schedule_sessions (negotiation_id, position);
    CREATE TABLE IF NOT EXISTS schedule_segments (
      segment_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      session_id TEXT NOT NULL,
      title TEXT NOT NULL,
      access TEXT NOT NULL, -- governments | observers | public
      opened_at TEXT NOT NULL,
      opened_position INTEGER NOT NULL,
      closed_at TEXT,
      released_at TEXT
    );
    CREATE INDEX IF NOT EXISTS schedule_segments_by_negotiation
      ON schedule_segments (negotiation_id, opened_position);
  `,
  on: {
    SessionScheduled: (db: ReadModelDb, data, context) => {
      const { sessionId, negotiationId, title, startsOn, endsOn, timeZone } = data;
      statements(db).session.run({
        sessionId,
        negotiationId,
        title,
        startsOn,
        endsOn,
        timeZone,
        position: context.position,
      });
      return segmentChange(context, negotiationId, sessionId);
    },
    SegmentOpened: (db, data, context) => {
      statements(db).open.run({
        segmentId: data.segmentId,
        negotiationId: data.negotiationId,
        sessionId: data.sessionId,
        title: data.title,
        access: data.access,
        openedAt: iso(data.openedAt),
        position: context.position,
      });
      return segmentChange(context, data.negotiationId, data.segmentId);
    },
    SegmentClosed: (db, data, context) => {
      statements(db).close.run({ segmentId: data.segmentId, at: iso(data.closedAt) });
      return segmentChange(context, data.negotiationId, data.segmentId);
    },
    SegmentReleased: (db, data, context) => {
      statements(db).release.run({ segmentId: data.segmentId, at: iso(data.releasedAt) });
      return segmentChange(context, data.negotiationId, data.segmentId);
    },
  },
});
