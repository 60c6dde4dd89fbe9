// What a PostgreSQL spec file calls at its top: a throwaway server shared by the file's
// cases, started on first use and removed after them; or, without PostgreSQL installed, a
// skipped case saying why (locally) or a loud failure (in CI, which must install it).
import { afterAll, it } from 'vitest';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './throwaway-postgres.js';

const MISSING = 'no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH';

/** Returns the connection string source, or undefined when the file's cases are skipped. */
export function postgresForTests(suite: string): (() => Promise<string>) | undefined {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    const reason = `${suite} skipped: ${MISSING}`;
    if (process.env.CI === 'true') {
      throw new Error(`${reason}. CI must install Debian's postgresql package.`);
    }
    console.warn(reason);
    it.skip(reason, () => undefined);
    return undefined;
  }
  let server: Promise<ThrowawayPostgres> | undefined;
  afterAll(async () => {
    await (await server?.catch(() => undefined))?.stop();
  });
  return async () => {
    server ??= startThrowawayPostgres(binaries);
    return (await server).connectionString;
  };
}
