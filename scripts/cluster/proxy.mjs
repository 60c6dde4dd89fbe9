// The small reverse proxy in front of the Accord nodes of `npm run cluster`: HTTP requests and
// websocket upgrades (socket.io and the /collab text connections) go to a live node, sticky per
// browser (see node-pool.mjs), and a node that fails its /healthz checks or refuses connections
// gets nothing until it answers again. Written with node:http and node:net only; in production a
// real proxy does this job (infra/cluster/).
import http from 'node:http';
import { connect } from 'node:net';
import { NodePool, stickyCookie, stickyNodeOf } from './node-pool.mjs';
import { isHealthy } from './processes.mjs';

/** Headers about one hop only, which a proxy must not pass on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);
/** Headers the proxy itself sets on what it forwards, so a client cannot claim them. */
const SET_BY_PROXY = new Set(['x-forwarded-for', 'x-forwarded-proto']);
/** Requests without side effects: sent again to another node whatever became of the first. */
const REPEATABLE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Nobody listens at the node: it is down, and nothing of the request reached it. */
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);
/** The connection broke: the node may be dying, or a kept-alive socket was closed meanwhile. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE']);
/** Bodies up to this size are read before sending, so a refused request can go to another node. */
const MAX_BUFFERED_BODY = 1024 * 1024;

/**
 * @param {{
 *   nodes: readonly { id: string; url: string }[];
 *   healthIntervalMs?: number;
 *   healthTimeoutMs?: number;
 *   log?: (line: string) => void;
 * }} options
 */
export function createClusterProxy(options) {
  const log = options.log ?? (() => undefined);
  const healthIntervalMs = options.healthIntervalMs ?? 1_000;
  const healthTimeoutMs = options.healthTimeoutMs ?? 2_000;
  const pool = new NodePool(options.nodes);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  /** @type {Set<import('node:stream').Duplex>} */
  const tunnels = new Set();

  /** @param {string} id @param {'up' | 'down' | undefined} change @param {string} why */
  const announce = (id, change, why) => {
    if (change) log(`node ${id} is ${change} (${why}); live: ${liveIds()}`);
  };
  const liveIds = () =>
    pool
      .live()
      .map((n) => n.id)
      .join(', ') || 'none';

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @param {Set<string>} tried @param {Buffer | undefined} body the body, when read in advance
   */
  const forward = (req, res, tried, body) => {
    const sticky = stickyNodeOf(req.headers.cookie);
    const node = pool.pick(sticky, tried);
    if (!node) {
      unavailable(res);
      return;
    }
    tried.add(node.id);
    const upstream = http.request(
      {
        agent,
        host: node.url.hostname,
        port: node.url.port,
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req),
      },
      (answer) => {
        const headers = withoutHopByHop(answer.headers);
        if (sticky !== node.id) {
          const cookies = headers['set-cookie'];
          const list = Array.isArray(cookies) ? cookies : cookies ? [String(cookies)] : [];
          headers['set-cookie'] = [...list, stickyCookie(node.id)];
        }
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
        answer.pipe(res);
      },
    );
    // A client that goes away mid-request: drop the node's side too, without blaming the node.
    let abandoned = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      abandoned = true;
      upstream.destroy();
    });
    upstream.on('error', (error) => {
      if (abandoned) return;
      const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
      if (REFUSED.has(code)) announce(node.id, pool.unreachable(node.id), code);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const bodyAtHand = body !== undefined || req.readableEnded;
      const again =
        bodyAtHand && (REFUSED.has(code) || (BROKEN.has(code) && REPEATABLE.has(req.method ?? '')));
      if (again) {
        forward(req, res, tried, body);
        return;
      }
      problem(res, 502, 'node-failed', 'The Accord node handling this request failed', code);
    });
    if (body === undefined) req.pipe(upstream);
    else upstream.end(body);
  };

  /** @param {import('node:http').IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head @param {Set<string>} tried */
  const tunnel = (req, socket, head, tried) => {
    const node = pool.pick(stickyNodeOf(req.headers.cookie), tried);
    if (!node) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    tried.add(node.id);
    const upstream = connect(Number(node.url.port), node.url.hostname);
    /** @param {Error} error */
    const refused = (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? 'error';
      announce(node.id, pool.unreachable(node.id), code);
      // Nothing was sent yet, so another node may take the upgrade.
      if (!socket.destroyed) tunnel(req, socket, head, tried);
    };
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i] ?? '';
        if (SET_BY_PROXY.has(name.toLowerCase())) continue;
        lines.push(`${name}: ${req.rawHeaders[i + 1] ?? ''}`);
      }
      lines.push(`X-Forwarded-For: ${clientAddress(req)}`, 'X-Forwarded-Proto: http');
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      tunnels.add(socket);
      const close = () => {
        tunnels.delete(socket);
        upstream.destroy();
        socket.destroy();
      };
      upstream.once('close', close);
      socket.once('close', close);
      upstream.on('error', close);
      socket.on('error', close);
    });
  };

  const server = http.createServer((req, res) => {
    const length = Number(req.headers['content-length'] ?? Number.NaN);
    if (REPEATABLE.has(req.method ?? '') || !(length <= MAX_BUFFERED_BODY)) {
      forward(req, res, new Set(), undefined);
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
    req.on('end', () => forward(req, res, new Set(), Buffer.concat(chunks)));
    req.on('error', () => res.destroy());
  });
  server.on('upgrade', (req, socket, head) => tunnel(req, socket, head, new Set()));
  // A client that drops its connection mid-request must not bring the proxy down.
  server.on('clientError', (_error, socket) => socket.destroy());

  /** Asks every node for /healthz once, in parallel, and records the answers. */
  const checkNow = async () => {
    await Promise.all(
      pool.states().map(async ({ id, url }) => {
        const healthy = await isHealthy(url, healthTimeoutMs);
        announce(id, pool.report(id, healthy), healthy ? '/healthz answers' : '/healthz fails');
      }),
    );
  };
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let checking = false;

  return {
    pool,
    server,
    checkNow,
    /** Listens and starts the health checks; resolves with the proxy's URL. @param {number} port @param {string} host */
    async listen(port, host) {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(undefined));
      });
      timer = setInterval(() => {
        if (checking) return;
        checking = true;
        void checkNow().finally(() => (checking = false));
      }, healthIntervalMs);
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const name = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${name}:${address.port}`;
    },
    /** Stops the checks, closes every connection and the listener. */
    async close() {
      clearInterval(timer);
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      agent.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** @param {import('node:http').IncomingMessage} req */
function clientAddress(req) {
  return req.socket.remoteAddress ?? 'unknown';
}

/** @param {import('node:http').IncomingMessage} req */
function forwardedHeaders(req) {
  const headers = withoutHopByHop(req.headers);
  for (const name of SET_BY_PROXY) delete headers[name];
  // The Host header passes unchanged: the nodes compare it with Origin to refuse cross-site writes.
  headers['x-forwarded-for'] = clientAddress(req);
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

/** @param {import('node:http').IncomingHttpHeaders} headers */
function withoutHopByHop(headers) {
  /** @type {import('node:http').OutgoingHttpHeaders} */
  const kept = {};
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.includes(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** @param {import('node:http').ServerResponse} res */
function unavailable(res) {
  res.setHeader('Retry-After', '2');
  problem(res, 503, 'no-live-node', 'No Accord node is available', 'Every node fails its checks.');
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} slug @param {string} title @param {string} detail */
function problem(res, status, slug, title, detail) {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `about:blank#${slug}`, title, status, detail }));
}
