// Child processes of `npm run cluster`: started with their output appended to a log file, waited
// for, and stopped politely (SIGTERM, then SIGKILL after a grace period). Also the small helpers
// the cluster's parts share: a free port, polling until something is ready, a node's health.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync, closeSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';

/**
 * Starts a command whose stdout and stderr go to `logFile` (appended).
 * @param {string} command @param {readonly string[]} args
 * @param {{ logFile: string; env?: NodeJS.ProcessEnv; cwd?: string }} options
 */
export function spawnLogged(command, args, options) {
  const fd = openSync(options.logFile, 'a');
  try {
    return spawn(command, args, {
      stdio: ['ignore', fd, fd],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(fd);
  }
}

/** @param {import('node:child_process').ChildProcess} child */
export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * SIGTERM, then SIGKILL when the process is still there after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child @param {number} graceMs
 */
export async function stopChild(child, graceMs) {
  if (hasExited(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ports this process has handed out. The kernel may offer a port again as soon as the probe
 * below lets go of it, while the one who asked for it has not bound it yet: the proxy's port is
 * picked before the nodes start, and a node was once given the same one.
 */
const handedOut = new Set();

/** A TCP port nobody listens on right now (another process may still take it first). */
export async function freePort() {
  for (;;) {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    server.close();
    await once(server, 'close');
    if (!handedOut.has(address.port)) {
      handedOut.add(address.port);
      return address.port;
    }
  }
}

/**
 * Calls `check` every 200 ms until it returns true; fails after `timeoutMs` or when `gaveUp`
 * says waiting is pointless (the process died).
 * @param {() => Promise<boolean> | boolean} check @param {number} timeoutMs @param {string} what
 * @param {() => string | undefined} [gaveUp]
 */
export async function waitUntil(check, timeoutMs, what, gaveUp = () => undefined) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    const reason = gaveUp();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Whether an Accord node answers GET /healthz with 200 within `timeoutMs`.
 * @param {string} origin e.g. http://127.0.0.1:3001 @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
export function isHealthy(origin, timeoutMs) {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, { timeout: timeoutMs }, (answer) => {
      answer.resume();
      resolve(answer.statusCode === 200);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(false));
  });
}
