/**
 * The relay peer of the live benchmark, the floor any collaboration server is measured against:
 * it forwards each frame to the other sockets of the same room without decoding it, keeps no
 * document and stores nothing. The one thing it reads is a frame's first two bytes, to answer a
 * client's "send me everything" (sync step 1) with an empty sync step 2, so clients count as
 * synced. Started by servers.ts as a child process with PORT.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { MESSAGE_SYNC, SYNC_STEP1, syncStep2Empty } from '../wire.js';

const port = Number(process.env.PORT);
if (!Number.isInteger(port)) {
  console.error('relay-peer: PORT must be set');
  process.exit(2);
}

const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end('relay'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (socket, request) => {
  const room = request.url ?? '/';
  const members = rooms.get(room) ?? new Set<WebSocket>();
  rooms.set(room, members);
  members.add(socket);
  socket.on('message', (data: Buffer, isBinary) => {
    if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP1) {
      socket.send(syncStep2Empty);
      return;
    }
    for (const other of members) if (other !== socket) other.send(data, { binary: isBinary });
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) rooms.delete(room);
  });
  socket.on('error', () => undefined); // 'close' follows
});

server.listen(port, '127.0.0.1');
