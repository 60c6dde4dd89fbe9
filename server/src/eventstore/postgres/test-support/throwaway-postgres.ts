// Starts a private PostgreSQL server for tests: a fresh cluster in a temp directory, reachable
// only through a unix socket in that directory, removed again when the tests end. Nothing is
// shared with a PostgreSQL the machine may already run.
//
//   const pg = findPostgresBinaries();            // undefined when PostgreSQL is not installed
//   const server = await startThrowawayPostgres(pg!);
//   openPostgresEventStore({ connectionString: server.connectionString });
//   await server.stop();
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

export interface ThrowawayPostgres {
  /** `postgresql://…` for the test database, over the unix socket. */
  readonly connectionString: string;
  /** Stops the server (fast: open sessions are cut) and keeps its data, as an outage would. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same directory and socket. */
  resume(): Promise<void>;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'accord_test';
const DATABASE = 'accord_test';
/** The system user Debian's package creates; PostgreSQL refuses to run as root. */
const SYSTEM_USER = 'postgres';

/** Finds initdb and pg_ctl: Debian's versioned directories first (newest wins), then PATH. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    const found = { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
    if (existsSync(found.initdb) && existsSync(found.pgCtl)) return found;
  }
  const onPath = (name: string) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

/**
 * initdb + pg_ctl start in a new temp directory. As root, both run as the `postgres` system
 * user. Durability stays PostgreSQL's default (fsync on), so the tests see real commit costs.
 */
export async function startThrowawayPostgres(bin: PostgresBinaries): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-pg-'));
  const dataDir = join(dir, 'data');
  const asServerUser = asSystemUser();
  if (asServerUser.uid !== undefined) chownSync(dir, asServerUser.uid, asServerUser.gid!);
  const exec = (file: string, args: string[]) => run(...asServerUser.wrap(file, args));
  let started = false;
  const stop = once(async () => {
    if (started) {
      await exec(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  });
  // A test run that dies without its afterAll must not leave a server behind.
  const stopOnExit = () => {
    if (started) {
      try {
        execFileSync(...asServerUser.wrap(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate']));
      } catch {
        // Already stopped.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  // No TCP listener at all: the socket in our own directory avoids port clashes and
  // keeps the trust-authenticated server unreachable from the network.
  const serverOptions = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c max_connections=100`;
  const startServer = () =>
    exec(bin.pgCtl, [
      'start',
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'server.log'),
      '-o',
      serverOptions,
    ]);
  try {
    await exec(bin.initdb, [
      '-D',
      dataDir,
      '-U',
      USER,
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
    ]);
    started = true;
    await startServer();
    const admin = new pg.Client({ host: dir, user: USER, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    process.removeListener('exit', stopOnExit);
    throw error;
  }
  return {
    connectionString: `postgresql://${USER}@/${DATABASE}?host=${encodeURIComponent(dir)}`,
    halt: async () => {
      await exec(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']);
    },
    resume: async () => {
      await startServer();
    },
    stop: async () => {
      await stop();
      process.removeListener('exit', stopOnExit);
    },
  };
}

interface SystemUser {
  uid: number | undefined;
  gid: number | undefined;
  wrap(file: string, args: string[]): [string, string[]];
}

/** As root, runs commands as the postgres user through runuser; otherwise as ourselves. */
function asSystemUser(): SystemUser {
  if (process.getuid?.() !== 0) return { uid: undefined, gid: undefined, wrap: (f, a) => [f, a] };
  const line = execFileSync('getent', ['passwd', SYSTEM_USER], { encoding: 'utf8' }).split(':');
  const uid = Number(line[2]);
  const gid = Number(line[3]);
  if (!Number.isInteger(uid) || uid === 0) {
    throw new Error(`PostgreSQL cannot run as root and there is no '${SYSTEM_USER}' user`);
  }
  return { uid, gid, wrap: (f, a) => ['runuser', ['-u', SYSTEM_USER, '--', f, ...a]] };
}

function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}
