/**
 * This node's place in a cluster of Accord nodes sharing one event store (PostgreSQL or
 * EventStoreDB) and one Redis. With ACCORD_REDIS_URL set, the node:
 * - broadcasts socket.io notices through Redis (@socket.io/redis-adapter), so a notice reaches a
 *   room's members whichever node they are connected to;
 * - keeps per-person budgets in Redis (limits/redis-budget-stores.ts), one prefix per gateway;
 * - owns the live documents it serves through leases (document-leases.ts) and forwards
 *   connections for documents another node owns (upgrade-forwarder.ts).
 * Without it the node runs alone, as before, with in-memory budgets.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server as SocketIoServer } from 'socket.io';
import { z } from 'zod';
import { RedisCountBudgetStore, RedisRateBudgetStore } from '../limits/redis-budget-stores.js';
import type { Logger } from '../observability/logger.js';
import { DocumentLeases } from './document-leases.js';

export const ClusterSettingsSchema = z.object({
  /** redis://host:6379 — set it to run several nodes. */
  ACCORD_REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** This node's name in logs, leases and metrics (default: host name and port). */
  ACCORD_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore; at most 64')
    .optional(),
  /** Where the other nodes reach this one (default: http://<HOST>:<PORT>). */
  ACCORD_NODE_ADDRESS: z.url({ protocol: /^https?$/ }).optional(),
});

export interface ClusterSettings {
  redisUrl: string;
  nodeId: string;
  /** ACCORD_NODE_ADDRESS; unset, the address the node listens on once it does. */
  address: string | undefined;
}

/** The cluster settings, or undefined when ACCORD_REDIS_URL is unset (a single node). */
export function clusterSettingsOf(
  c: z.infer<typeof ClusterSettingsSchema>,
  port: number,
  host: string,
  hostname: string,
): ClusterSettings | undefined {
  if (!c.ACCORD_REDIS_URL) return undefined;
  return {
    redisUrl: c.ACCORD_REDIS_URL,
    nodeId:
      c.ACCORD_NODE_ID ??
      `${hostname}-${port}-${process.pid}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64),
    address: c.ACCORD_NODE_ADDRESS,
  };
}

export interface ClusterNode {
  nodeId: string;
  leases: DocumentLeases;
  budgets: {
    collab: { rates: RedisRateBudgetStore; counts: RedisCountBudgetStore };
    socket: { rates: RedisRateBudgetStore; counts: RedisCountBudgetStore };
  };
  /** Routes the socket.io server's broadcasts through Redis. */
  attachSocketIo(io: SocketIoServer): void;
  /** Publishes where peers reach this node, once it listens (unless ACCORD_NODE_ADDRESS says). */
  listeningAt(url: string): Promise<void>;
  close(): Promise<void>;
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
  const leases = new DocumentLeases({
    redis: main,
    nodeId: settings.nodeId,
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
  log.info({ address: settings.address }, 'joined the cluster');
  return {
    nodeId: settings.nodeId,
    leases,
    budgets,
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
      // close() lets commands already sent finish (a flush in flight, an adapter publish).
      await Promise.allSettled([sub, pub, main].map((client) => client.close()));
    },
  };
}
