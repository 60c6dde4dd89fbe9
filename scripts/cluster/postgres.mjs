// The PostgreSQL server of `npm run cluster`: a cluster made with initdb in a temp directory
// (removed at the end) or under `--data` (kept, and reused by the next run), reachable only
// through a unix socket in a private directory, so it never clashes with a PostgreSQL the machine
// already runs. PostgreSQL refuses to run as root, so as root it runs as Debian's `postgres` user.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const USER = 'accord';
const DATABASE = 'accord';

/**
 * @param {{
 *   bin: { initdb: string; pgCtl: string; createdb: string };
 *   dataRoot: string | undefined;
 *   logDir: string;
 * }} options
 */
export async function startPostgres({ bin, dataRoot, logDir }) {
  const owner = serverUser();
  const home = dataRoot ? join(dataRoot, 'postgres') : mkdtempSync(join(tmpdir(), 'accord-pg-'));
  mkdirSync(home, { recursive: true });
  // A short path of its own for the socket: unix socket paths are limited to about 100 bytes.
  const socketDir = mkdtempSync(join(tmpdir(), 'accord-pgsock-'));
  const logFile = join(logDir, 'postgres.log');
  writeFileSync(logFile, '', { flag: 'a' });
  for (const path of [home, socketDir, logFile]) owner.own(path);
  const dataDir = join(home, 'data');
  /** @param {string} file @param {string[]} args */
  const exec = async (file, args) => {
    try {
      return await run(...owner.wrap(file, args));
    } catch (error) {
      const failed = /** @type {{ stderr?: string; message: string }} */ (error);
      throw new Error(`${file} ${args[0] ?? ''} failed: ${failed.stderr || failed.message}`);
    }
  };

  let started = false;
  const removeScratch = () => {
    rmSync(socketDir, { recursive: true, force: true });
    if (!dataRoot) rmSync(home, { recursive: true, force: true });
  };
  // If this process dies without stopping properly, it still must not leave a server behind.
  const stopOnExit = () => {
    if (started) {
      try {
        execFileSync(...owner.wrap(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate']));
      } catch {
        // Already stopped.
      }
    }
    removeScratch();
  };
  process.once('exit', stopOnExit);

  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
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
    }
    // No TCP listener: trust authentication is safe only because the socket is private.
    const serverOptions = `-c listen_addresses='' -c unix_socket_directories='${socketDir}' -c max_connections=200`;
    started = true;
    await exec(bin.pgCtl, [
      'start',
      '-D',
      dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      logFile,
      '-o',
      serverOptions,
    ]);
    await exec(bin.createdb, ['-h', socketDir, '-U', USER, DATABASE]).catch(
      (/** @type {Error} */ error) => {
        if (!error.message.includes('already exists')) throw error;
      },
    );
  } catch (error) {
    stopOnExit();
    process.removeListener('exit', stopOnExit);
    throw error;
  }

  return {
    url: `postgresql://${USER}@/${DATABASE}?host=${encodeURIComponent(socketDir)}`,
    dataDir,
    async stop() {
      if (started) {
        await exec(bin.pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w']).catch(() => undefined);
        started = false;
      }
      removeScratch();
      process.removeListener('exit', stopOnExit);
    },
  };
}

/** As root: the `postgres` system user, which owns the files and runs the commands. */
function serverUser() {
  if (process.getuid?.() !== 0) {
    return {
      own: (/** @type {string} */ _path) => undefined,
      /** @param {string} file @param {string[]} args @returns {[string, string[]]} */
      wrap: (file, args) => [file, args],
    };
  }
  let line;
  try {
    line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':');
  } catch {
    throw new Error(
      "PostgreSQL cannot run as root and there is no 'postgres' user (Debian's postgresql package creates it)",
    );
  }
  const uid = Number(line[2]);
  const gid = Number(line[3]);
  return {
    own: (/** @type {string} */ path) => chownSync(path, uid, gid),
    /** @param {string} file @param {string[]} args @returns {[string, string[]]} */
    wrap: (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]],
  };
}
