#!/usr/bin/env node
/**
 * Starts Accord: `node server/dist/main.js`.
 *
 * It listens first, before loading the server's code (`startup-gate.ts`): clients reconnecting
 * to a restarting node are held until it is ready rather than refused and left to back off.
 *
 * The build also bundles the server into one CommonJS file, `dist/accord.cjs` (made by
 * `scripts/bundle-server.mjs` at the root), which this launcher runs with V8's code cache: a
 * restart then skips finding, reading and compiling several hundred modules one by one, most
 * of what a start used to cost. Without the bundle (a build by tsc alone) it runs `start.js`
 * as it is, and `node server/dist/start.js` always does.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBundle } from './launch/code-cache.js';
import { handOver } from './launch/handoff.js';
import { plainListenAddress } from './listen-address.js';
import { openStartupGate } from './startup-gate.js';

const address = plainListenAddress(process.env);
if (address) {
  try {
    handOver({ gate: await openStartupGate(address) });
  } catch {
    // start.ts listens again once the configuration is read, and says why it cannot.
  }
}
const bundle = fileURLToPath(new URL('./accord.cjs', import.meta.url));
if (existsSync(bundle)) runBundle(bundle, { cache: process.env.ACCORD_CODE_CACHE !== 'off' });
else await import('./start.js');
