// Finds the Debian programs `npm run cluster` needs (PostgreSQL's initdb/pg_ctl/postgres and
// redis-server) and, when they are missing, installs them as root with apt-get the way
// scripts/system-tools.mjs does for the tests, or else says which packages to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The Debian package that ships each program. */
const PACKAGES = { postgres: 'postgresql', redis: 'redis-server' };

/** initdb, pg_ctl and createdb from Debian's versioned directories (newest first), then PATH. */
export function findPostgres() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    const found = {
      initdb: join(bin, 'initdb'),
      pgCtl: join(bin, 'pg_ctl'),
      createdb: join(bin, 'createdb'),
    };
    if (Object.values(found).every((file) => existsSync(file))) return found;
  }
  const initdb = onPath('initdb');
  const pgCtl = onPath('pg_ctl');
  const createdb = onPath('createdb');
  return initdb && pgCtl && createdb ? { initdb, pgCtl, createdb } : undefined;
}

export function findRedis() {
  return onPath('redis-server') || undefined;
}

/** @param {string} name */
function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : '';
}

/**
 * The programs, installing their packages first when missing and running as root. Throws an
 * error naming the packages when they are missing and cannot be installed here.
 * @param {(line: string) => void} say
 */
export function requireTools(say) {
  const missing = () => [
    ...(findPostgres() ? [] : [PACKAGES.postgres]),
    ...(findRedis() ? [] : [PACKAGES.redis]),
  ];
  const absent = missing();
  if (absent.length > 0) {
    const install = ['install', '-y', '--no-install-recommends', ...absent];
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
    if (process.getuid?.() !== 0 || !hasApt) {
      throw new Error(
        [
          `npm run cluster needs Debian packages that are not installed: ${absent.join(' ')}`,
          hasApt
            ? `Install them once with:\n  sudo apt-get update && sudo apt-get ${install.join(' ')}`
            : 'Install PostgreSQL (initdb, pg_ctl, createdb) and redis-server with your package manager.',
        ].join('\n'),
      );
    }
    // Wait for another apt or dpkg run to finish instead of failing on its lock.
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    for (const args of [
      [...lock, 'update', '-qq'],
      [...lock, '-qq', ...install],
    ]) {
      say(`apt-get ${args.join(' ')}`);
      execFileSync('apt-get', args, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    }
    const still = missing();
    if (still.length > 0) throw new Error(`still missing after apt-get: ${still.join(' ')}`);
  }
  return {
    postgres: /** @type {NonNullable<ReturnType<typeof findPostgres>>} */ (findPostgres()),
    redis: /** @type {string} */ (findRedis()),
  };
}
