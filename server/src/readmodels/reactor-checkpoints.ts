/**
 * Reactors' checkpoints, kept in the read-model database's `checkpoints` table under
 * `reactor:<name>`. Losing them (a new read-model file) only makes a reactor re-read the log
 * from the start; reactors recognise work already done, so nothing happens twice.
 */
import type { CheckpointStore } from '../application/ports.js';
import type { ReadModelDb } from './read-model-db.js';

/** Reactors do not shape tables, so their rows carry no schema version of their own. */
const NO_SCHEMA = 0;

export function createReactorCheckpoints(db: ReadModelDb): CheckpointStore {
  const read = db.prepare('SELECT position FROM checkpoints WHERE projector = ?').pluck();
  const write = db.prepare(
    `INSERT INTO checkpoints (projector, position, schema_version) VALUES (?, ?, ?)
     ON CONFLICT(projector) DO UPDATE SET position = excluded.position`,
  );
  return {
    load(name) {
      const stored = read.get(`reactor:${name}`) as string | undefined;
      return stored === undefined ? undefined : BigInt(stored);
    },
    save(name, position) {
      write.run(`reactor:${name}`, position.toString(), NO_SCHEMA);
    },
  };
}
