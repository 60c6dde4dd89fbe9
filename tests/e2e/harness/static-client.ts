// Serves the built browser app (client/dist) next to the API: files as they are, hashed assets
// cached for a year, and index.html for any other page address (the app routes in the browser).
// Written to move into the server as is; the server's own paths are never answered here.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const SERVER_PATHS = ['/api/', '/socket.io/', '/collab/', '/healthz', '/metrics'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type ClientHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Answers the request from `distDir` and resolves true, or resolves false to let the API answer. */
export function createClientHandler(distDir: string): ClientHandler {
  const root = path.resolve(distDir);
  const index = path.join(root, 'index.html');

  const send = async (res: ServerResponse, file: string, method: string, immutable: boolean) => {
    const info = await stat(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  return async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (SERVER_PATHS.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p))) {
      return false;
    }
    const file = path.resolve(root, `.${pathname}`);
    if (file.startsWith(root + path.sep)) {
      const found = await stat(file).catch(() => undefined);
      if (found?.isFile()) {
        await send(res, file, method, pathname.startsWith('/assets/'));
        return true;
      }
    }
    // A page address (the browser asks for HTML): the app decides what it shows.
    if ((req.headers.accept ?? '').includes('text/html') && !path.extname(pathname)) {
      await send(res, index, method, false);
      return true;
    }
    return false;
  };
}
