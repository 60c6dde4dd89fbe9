/**
 * The Hocuspocus peer of the live benchmark: @hocuspocus/server with its SQLite extension and
 * default settings, so it persists a debounced snapshot of each document (2 s after the last
 * change, at most every 10 s), not every update before it is broadcast as Accord does. Started by
 * servers.ts as a child process with PORT and HOCUSPOCUS_DATABASE.
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const database = process.env.HOCUSPOCUS_DATABASE;
if (!Number.isInteger(port) || !database) {
  console.error('hocuspocus-peer: PORT and HOCUSPOCUS_DATABASE must be set');
  process.exit(2);
}

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
});
await server.listen();
