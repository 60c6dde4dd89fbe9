// Turns what node-pg throws into the port's errors: anything that says the server cannot be
// reached or used becomes StoreUnavailable; the store's own errors and argument errors pass.
import pg from 'pg';
import { EventStoreError, StoreUnavailable } from '../errors.js';

/**
 * SQLSTATE classes that mean "not now" rather than "wrong request": connection exceptions,
 * insufficient resources, operator intervention (shutdown), system errors, authorisation
 * and a missing database.
 */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58', '28', '3D']);

export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  if (error instanceof TypeError || error instanceof RangeError) return error;
  if (error instanceof pg.DatabaseError) {
    const sqlState = error.code ?? '';
    if (!UNAVAILABLE_CLASSES.has(sqlState.slice(0, 2))) return error;
  }
  // Socket errors, timeouts, a pool that was ended, a connection the server dropped.
  return new StoreUnavailable('The PostgreSQL event store could not be reached', {
    cause: error,
  });
}
