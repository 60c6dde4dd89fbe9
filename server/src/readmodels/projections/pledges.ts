// Action pledges: each pledge's events kept in order with their log positions, so the read side
// replays a pledge with shared's pure fold up to any position (a reader behind a segment's
// horizon, or the history view), and a row per pledge to list a negotiation's pledges.
import type { PledgeEvent } from '@accord/shared';
import type { ReadModelDb } from '../read-model-db.js';
import { changeOf, defineProjection, statementsFor, type EventContext } from './projection-kit.js';

const statements = statementsFor((db) => ({
  addPledge: db.prepare(
    `INSERT INTO pledges (pledge_id, negotiation_id, document_id, position)
     VALUES (@pledgeId, @negotiationId, @documentId, @position)
     ON CONFLICT (pledge_id) DO NOTHING`,
  ),
  negotiationOf: db.prepare<[string], { negotiation_id: string }>(
    `SELECT negotiation_id FROM pledges WHERE pledge_id = ?`,
  ),
  addEvent: db.prepare(
    `INSERT INTO pledge_events (position, pledge_id, negotiation_id, type, data)
     VALUES (@position, @pledgeId, @negotiationId, @type, @data)
     ON CONFLICT (position) DO NOTHING`,
  ),
}));

function record(db: ReadModelDb, event: PledgeEvent, context: EventContext) {
  const s = statements(db);
  if (event.type === 'PledgeRegistered') {
    s.addPledge.run({ ...event.data, position: context.position });
  }
  const negotiationId = s.negotiationOf.get(event.data.pledgeId)?.negotiation_id;
  if (!negotiationId) return [];
  s.addEvent.run({
    position: context.position,
    pledgeId: event.data.pledgeId,
    negotiationId,
    type: event.type,
    data: JSON.stringify(event.data),
  });
  return [
    changeOf(context, {
      kind: 'pledge',
      negotiationId,
      id: event.data.pledgeId,
      readAction: 'pledge.read',
    }),
  ];
}

export const pledgesProjection = defineProjection({
  name: 'pledges',
  tables: ['pledge_events', 'pledges'],
  schema: `
    CREATE TABLE IF NOT EXISTS pledges (
      pledge_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS pledges_by_negotiation ON pledges (negotiation_id, position);
    CREATE TABLE IF NOT EXISTS pledge_events (
      position INTEGER PRIMARY KEY,
      pledge_id TEXT NOT NULL,
      negotiation_id TEXT NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL -- the event's data as JSON
    );
    CREATE INDEX IF NOT EXISTS pledge_events_by_pledge ON pledge_events (pledge_id, position);
    CREATE INDEX IF NOT EXISTS pledge_events_by_negotiation
      ON pledge_events (negotiation_id, position);`,
  on: {
    PledgeRegistered: (db, data, context) =>
      record(db, { type: 'PledgeRegistered', data }, context),
    PledgeRevised: (db, data, context) => record(db, { type: 'PledgeRevised', data }, context),
    PledgeProgressReported: (db, data, context) =>
      record(db, { type: 'PledgeProgressReported', data }, context),
    PledgeWithdrawn: (db, data, context) => record(db, { type: 'PledgeWithdrawn', data }, context),
  },
});
