/**
 * Forwards a websocket upgrade, untouched, to the node that owns the document: the request line,
 * its headers (the session cookie included — the owner authenticates it again) and any bytes
 * already read, then pipes both directions until either side closes. The client never learns it
 * was forwarded. A `x-accord-forwarded` header stops a request from being forwarded twice (two
 * nodes that briefly disagree about an owner must not bounce a connection between them).
 */
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

export const FORWARDED_HEADER = 'x-accord-forwarded';

export function wasForwarded(req: IncomingMessage): boolean {
  return req.headers[FORWARDED_HEADER] !== undefined;
}

export function forwardUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: URL,
  fromNode: string,
): Promise<void> {
  return new Promise((resolve) => {
    const upstream = connect(Number(target.port || 80), target.hostname);
    const fail = () => {
      if (!socket.destroyed) {
        socket.end(
          'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
        );
      }
      upstream.destroy();
      resolve();
    };
    upstream.once('error', fail);
    upstream.once('connect', () => {
      upstream.off('error', fail);
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      lines.push(`${FORWARDED_HEADER}: ${fromNode}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      const close = () => {
        upstream.destroy();
        socket.destroy();
      };
      upstream.once('close', close);
      socket.once('close', close);
      upstream.on('error', close);
      socket.on('error', close);
      resolve();
    });
  });
}
