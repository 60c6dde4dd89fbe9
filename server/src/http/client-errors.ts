/**
 * Answers requests that Node's HTTP parser refuses before express sees them (a request line or
 * headers over the size limit, a request that never finished arriving, bytes that are not HTTP)
 * with problem+json, like every other error, instead of Node's bare status line.
 *
 *   const httpServer = http.createServer(app);
 *   answerClientErrors(httpServer, logger);
 *
 * With a 'clientError' listener the socket is ours: it is answered once, then closed.
 */
import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../observability/logger.js';
import { clientErrorProblem } from './problem.js';

// How long a refused connection may stay half-open for the client to read the answer.
const LINGER_MS = 5_000;

/** What a socket's in-flight response looks like to us (Node keeps it on the socket). */
interface SocketWithResponse {
  _httpMessage?: { headersSent?: boolean } | null;
}

/** The raw HTTP answer: the problem as the body, with the headers every answer carries. */
export function rawProblemResponse(code: string | undefined, maxHeaderBytes: number): string {
  const problem = clientErrorProblem(code, maxHeaderBytes);
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    'Cache-Control: no-store',
    // The security headers of every other answer (app.ts); a JSON body needs no sources at all.
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
    'X-Frame-Options: DENY',
    '',
    body,
  ].join('\r\n');
}

/**
 * `maxHeaderBytes`: the server's header limit, named in the 431's detail; Node's (set with
 * --max-http-header-size) unless the server was created with its own `maxHeaderSize`.
 */
export function answerClientErrors(
  server: Server,
  logger?: Logger,
  maxHeaderBytes: number = maxHeaderSize,
): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    // A response already under way on this connection (pipelining) must not be corrupted by
    // a second status line; then the connection is only closed, as Node itself does.
    if ((socket as Duplex & SocketWithResponse)._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    logger?.debug({ code: error.code }, 'refused a malformed request');
    // Closed gently: destroying a socket with unread bytes makes the kernel reset it, and the
    // client may then lose the answer. Node drains what else arrives; the client closes its
    // side on reading our end, and one that does not is cut off after a moment.
    socket.end(rawProblemResponse(error.code, maxHeaderBytes));
    const cutOff = setTimeout(() => socket.destroy(), LINGER_MS);
    cutOff.unref();
    socket.once('close', () => clearTimeout(cutOff));
  });
}
