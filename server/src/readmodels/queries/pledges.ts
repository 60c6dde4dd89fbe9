// Queries of action pledges: a negotiation's pledges, or one pledge with its history, each
// replayed with shared's pure fold from the events the projection kept, up to a log position
// when the reader stands behind a segment's horizon.
import {
  pledgeEventSchemas,
  replayPledge,
  type PledgeEvent,
  type PledgeStep,
  type PledgeView,
} from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

interface EventRow {
  pledge_id: string;
  type: string;
  data: string;
}

const statements = statementsFor((db) => ({
  ofNegotiation: db.prepare<{ negotiationId: string; upTo: bigint | null }, EventRow>(
    `SELECT pledge_id, type, data FROM pledge_events
     WHERE negotiation_id = @negotiationId AND (@upTo IS NULL OR position <= @upTo)
     ORDER BY position`,
  ),
  ofPledge: db.prepare<
    { pledgeId: string; upTo: bigint | null },
    EventRow & { negotiation_id: string }
  >(
    `SELECT pledge_id, negotiation_id, type, data FROM pledge_events
     WHERE pledge_id = @pledgeId AND (@upTo IS NULL OR position <= @upTo)
     ORDER BY position`,
  ),
  negotiationOf: db.prepare<[string], { negotiation_id: string }>(
    `SELECT negotiation_id FROM pledges WHERE pledge_id = ?`,
  ),
}));

const isPledgeEventType = (type: string): type is PledgeEvent['type'] =>
  Object.hasOwn(pledgeEventSchemas, type);

/** The stored row as the event it was; the schema checks what the projection wrote. */
function eventOf(row: EventRow): PledgeEvent {
  if (!isPledgeEventType(row.type)) throw new Error(`Not a pledge event: ${row.type}`);
  const data: unknown = JSON.parse(row.data);
  return { type: row.type, data: pledgeEventSchemas[row.type].schema.parse(data) } as PledgeEvent;
}

export interface PledgeQueries {
  /** The negotiation's pledges as of `upTo` (every event when absent), in order of registration. */
  listPledges(negotiationId: string, upTo?: bigint): PledgeView[];
  /** One pledge and its history; undefined when it does not exist (as of `upTo`). */
  getPledge(
    pledgeId: string,
    upTo?: bigint,
  ): { pledge: PledgeView; history: PledgeStep[] } | undefined;
  /** The negotiation a pledge belongs to, to resolve who reads it. */
  negotiationOfPledge(pledgeId: string): string | undefined;
}

export function pledgeQueries(db: ReadModelDb): PledgeQueries {
  return {
    listPledges(negotiationId, upTo) {
      const byPledge = new Map<string, PledgeEvent[]>();
      for (const row of statements(db).ofNegotiation.all({ negotiationId, upTo: upTo ?? null })) {
        const events = byPledge.get(row.pledge_id) ?? [];
        events.push(eventOf(row));
        byPledge.set(row.pledge_id, events);
      }
      return [...byPledge.values()].flatMap((events) => {
        const replay = replayPledge(events);
        return replay ? [replay.pledge] : [];
      });
    },
    getPledge(pledgeId, upTo) {
      const rows = statements(db).ofPledge.all({ pledgeId, upTo: upTo ?? null });
      return replayPledge(rows.map(eventOf)) ?? undefined;
    },
    negotiationOfPledge: (pledgeId) => statements(db).negotiationOf.get(pledgeId)?.negotiation_id,
  };
}
