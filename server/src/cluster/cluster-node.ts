/**
 * This node's place in a cluster of Accord nodes sharing one event store (PostgreSQL or
 * EventStoreDB) and one Redis. With ACCORD_REDIS_URL set, the node:
 * - broadcasts socket.io notices through Redis (@socket.io/redis-adapter), so a notice reaches a
 *   room's members whichever node they are connected to;
 * - keeps per-person budgets in Redis (limits/redis-budget-stores.ts), one prefix per gateway;
 * - owns the live documents it serves through leases (document-leases.ts) and forwards
 *   connections for documents another node owns (upgrade-forwarder.ts);
 * - runs text work on a document another node owns on that node (owner-routed-text.ts), and
 *   answers its peers' text work on an internal endpoint (http/internal-text-routes.ts), both
 *   authenticated by a secret the nodes share through Redis (cluster-secret.ts).
 * Without it the node runs alone, as before, with in-memory budgets, and never loads this module
 * (core.ts imports it on demand; the settings live in cluster-settings.ts).
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server as SocketIoServer } from 'socket.io';
import type { DocumentText } from '../application/ports.js';
import { RedisCountBudgetStore, RedisRateBudgetStore } from '../limits/redis-budget-stores.js';
import { SharedLimiterStore, type SharedLimits } from '../limits/shared-limiter-store.js';
import type { Logger } from '../observability/logger.js';
import { applyOnce } from './apply-once.js';
import { ClusterSecret } from './cluster-secret.js';
import type { ClusterSettings } from './cluster-settings.js';
import { DocumentLeases, type Ownership } from './document-leases.js';
import { routeTextToOwners } from './owner-routed-text.js';

export interface ClusterNode {
  nodeId: string;
  leases: DocumentLeases;
  budgets: {
    collab: { rates: RedisRateBudgetStore; counts: RedisCountBudgetStore };
    socket: { rates: RedisRateBudgetStore; counts: RedisCountBudgetStore };
  };
  /** The REST API's limits, shared by the nodes. */
  httpLimits: SharedLimits;
  /**
   * Wraps this node's text so that work on a document another node owns runs there; `local`
   * is also what this node runs its peers' calls on (`mountInternalRoutes`).
   */
  routeText(local: DocumentText, readModels: ReadModelsClock): DocumentText;
  /** What the endpoint peers send text work to needs (http/internal-text-routes.ts), after `routeText`. */
  internalText(): InternalTextDeps;
  /** Routes the socket.io server's broadcasts through Redis. */
  attachSocketIo(io: SocketIoServer): void;
  /** Publishes where peers reach this node, once it listens (unless ACCORD_NODE_ADDRESS says). */
  listeningAt(url: string): Promise<void>;
  close(): Promise<void>;
}

/** How far the read models are, as the projector tells it. */
export interface ReadModelsClock {
  readonly checkpoint: bigint | undefined;
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
}

/** What the owner's side of text routing runs on (http/internal-text-routes.ts). */
export interface InternalTextDeps {
  secret: ClusterSecret;
  /** This node's own text (the gateway's), not the routed one. */
  text: DocumentText;
  claim(documentId: string): Promise<Ownership>;
  readModels: ReadModelsClock;
}

export async function joinCluster(
  settings: ClusterSettings,
  logger: Logger,
  onLeaseLost: (documentId: string) => void,
): Promise<ClusterNode> {
  const log = logger.child({ component: 'cluster', nodeId: settings.nodeId });
  const connect = async (role: string) => {
    const client = createClient({
      url: settings.redisUrl,
      // Keep trying while Redis restarts; budgets fall back to local ones meanwhile.
      socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000) },
    });
    client.on('error', (error: Error) => log.debug({ err: error, role }, 'redis client error'));
    await client.connect();
    return client;
  };
  const [main, pub, sub] = [await connect('main'), await connect('pub'), await connect('sub')];
  const storeOptions = (prefix: string) => ({
    redis: main,
    nodeId: settings.nodeId,
    prefix: `accord:budget:${prefix}:`,
    logger: log,
  });
  const budgets = {
    collab: {
      rates: new RedisRateBudgetStore(storeOptions('collab')),
      counts: new RedisCountBudgetStore(storeOptions('collab')),
    },
    socket: {
      rates: new RedisRateBudgetStore(storeOptions('socket')),
      counts: new RedisCountBudgetStore(storeOptions('socket')),
    },
  };
  const publicRates = new RedisRateBudgetStore(storeOptions('http'));
  const httpLimits: SharedLimits = {
    rates: publicRates,
    limiterStore: (name) =>
      new SharedLimiterStore({ redis: main, prefix: `accord:limit:${name}:`, logger: log }),
  };
  const leases = new DocumentLeases({
    redis: main,
    nodeId: settings.nodeId,
    ttlMs: settings.leaseTtlMs,
    ...(settings.address ? { address: settings.address } : {}),
    onLost: (documentId) => {
      log.warn({ documentId }, 'lost the lease of a live document; handing its clients over');
      onLeaseLost(documentId);
    },
  });
  // Redis back after a restart (empty): renew at once rather than at the next tick, so the
  // leases of the documents this node serves are back before another node asks for them.
  main.on('ready', () => void leases.renew());
  await leases.announce();
  const secret = new ClusterSecret(main, { configured: settings.secret });
  await secret.current();
  let served: { text: DocumentText; readModels: ReadModelsClock } | undefined;
  // A lease this node holds (and renews) needs no trip to Redis; any other is asked there.
  const claim = (documentId: string): Promise<Ownership> =>
    leases.holds(documentId) ? Promise.resolve({ mine: true }) : leases.claim(documentId);
  log.info({ address: settings.address }, 'joined the cluster');
  return {
    nodeId: settings.nodeId,
    leases,
    budgets,
    httpLimits,
    routeText(gatewayText, readModels) {
      // This node's own calls and its peers' meet here, so concurrent duplicates apply once.
      const local = applyOnce(gatewayText);
      served = { text: local, readModels };
      return routeTextToOwners({
        local,
        nodeId: settings.nodeId,
        claim,
        secret,
        readModels,
        logger,
      });
    },
    internalText() {
      if (!served) throw new Error('routeText must come before internalText');
      return { ...served, secret, claim };
    },
    attachSocketIo(io) {
      io.adapter(createAdapter(pub, sub));
    },
    async listeningAt(url) {
      if (settings.address) return;
      const peerUrl = new URL(url);
      // A node listening on every interface is reached by its peers on this machine's loopback.
      if (peerUrl.hostname === '0.0.0.0' || peerUrl.hostname === '[::]') {
        peerUrl.hostname = '127.0.0.1';
      }
      await leases.announce(peerUrl.origin);
      log.info({ address: peerUrl.origin }, 'announced the address peers reach this node at');
    },
    async close() {
      await leases.stop();
      for (const store of [budgets.collab, budgets.socket]) {
        store.rates.close();
        store.counts.close();
      }
      publicRates.close();
      // close() lets commands already sent finish (a flush in flight, an adapter publish).
      await Promise.allSettled([sub, pub, main].map((client) => client.close()));
    },
  };
}
