// Which Accord node the cluster proxy sends a request to: the live nodes, how a node is judged
// dead or alive from health checks and failed connections, and the sticky cookie that keeps one
// browser on one node (socket.io's long-polling needs every request of a session on the node
// that holds it, and a person then reads their own writes from the node that made them).
// Pure: no I/O, so the rules are tested without sockets.

/** The cookie naming the node a browser sticks to. It carries a node id only, nothing secret. */
export const STICKY_COOKIE = 'accord_node';

/** A failed health check or a refused connection after this many in a row marks a node down. */
export const FAILURES_TO_DOWN = 2;

export class NodePool {
  /** @param {readonly { id: string; url: string }[]} nodes @param {{ up?: boolean }} [options] */
  constructor(nodes, options = {}) {
    if (nodes.length === 0) throw new Error('a cluster proxy needs at least one node');
    /** @type {Map<string, { id: string; url: URL; up: boolean; failures: number }>} */
    this.nodes = new Map();
    for (const node of nodes) {
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(node.id)) throw new Error(`bad node id: ${node.id}`);
      this.nodes.set(node.id, {
        id: node.id,
        url: new URL(node.url),
        up: options.up ?? true,
        failures: 0,
      });
    }
    this.turn = 0;
  }

  /** The nodes taking requests, in the order they were given. */
  live() {
    return [...this.nodes.values()].filter((node) => node.up);
  }

  /** Every node with its state, for logs and status lines. */
  states() {
    return [...this.nodes.values()].map(({ id, url, up, failures }) => ({
      id,
      url: url.origin,
      up,
      failures,
    }));
  }

  /**
   * The node for a request: the one its sticky cookie names while that node is live, otherwise
   * the next live node in turn. `exclude` skips nodes a retry already failed on.
   * @param {string | undefined} sticky @param {ReadonlySet<string>} [exclude]
   */
  pick(sticky, exclude = new Set()) {
    const candidates = this.live().filter((node) => !exclude.has(node.id));
    if (candidates.length === 0) return undefined;
    const named = sticky === undefined ? undefined : candidates.find((n) => n.id === sticky);
    if (named) return named;
    const node = candidates[this.turn % candidates.length];
    this.turn = (this.turn + 1) % 1_000_000;
    return node;
  }

  /**
   * Records a health check's outcome. Returns 'up' or 'down' when the node changed state.
   * @param {string} id @param {boolean} healthy
   */
  report(id, healthy) {
    const node = this.nodes.get(id);
    if (!node) return undefined;
    if (healthy) {
      node.failures = 0;
      if (node.up) return undefined;
      node.up = true;
      return 'up';
    }
    node.failures += 1;
    if (!node.up || node.failures < FAILURES_TO_DOWN) return undefined;
    node.up = false;
    return 'down';
  }

  /**
   * A connection to the node was refused or reset before it answered: nobody listens there, so
   * the node is down now rather than after the next checks. Returns 'down' when it changed.
   * @param {string} id
   */
  unreachable(id) {
    const node = this.nodes.get(id);
    if (!node) return undefined;
    node.failures = Math.max(node.failures + 1, FAILURES_TO_DOWN);
    if (!node.up) return undefined;
    node.up = false;
    return 'down';
  }
}

/**
 * The node id a request's Cookie header sticks to, if any.
 * @param {string | undefined} cookieHeader
 */
export function stickyNodeOf(cookieHeader) {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === STICKY_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/**
 * The Set-Cookie value that sticks a browser to a node, for the browser session only.
 * @param {string} nodeId
 */
export function stickyCookie(nodeId) {
  return `${STICKY_COOKIE}=${nodeId}; Path=/; HttpOnly; SameSite=Lax`;
}
