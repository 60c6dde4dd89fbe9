// The redis-server of `npm run cluster`: on a free port of the loopback interface, without
// persistence for a throw-away cluster, or with an append-only file under `--data/redis`.
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, hasExited, spawnLogged, stopChild, waitUntil } from './processes.mjs';

/** @param {{ bin: string; dataRoot: string | undefined; logDir: string }} options */
export async function startRedis({ bin, dataRoot, logDir }) {
  const port = await freePort();
  const redisDir = dataRoot ? join(dataRoot, 'redis') : undefined;
  if (redisDir) mkdirSync(redisDir, { recursive: true });
  const persistence = redisDir ? ['--dir', redisDir] : [];
  const child = spawnLogged(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      dataRoot ? 'yes' : 'no',
      ...persistence,
    ],
    { logFile: join(logDir, 'redis.log') },
  );
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  await waitUntil(
    () => ping(port),
    15_000,
    'redis-server',
    () => (hasExited(child) ? `exited with ${child.exitCode ?? child.signalCode}` : undefined),
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    child,
    async stop() {
      await stopChild(child, 5_000);
      process.removeListener('exit', stopOnExit);
    },
  };
}

/** Whether a Redis answers PING on the port. @param {number} port @returns {Promise<boolean>} */
function ping(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
