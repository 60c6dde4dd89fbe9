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
  address: string;
}

/** The cluster settings, or undefined when ACCORD_REDIS_URL is unset (a single node). */
export function clusterSettings(
  env: NodeJS.ProcessEnv,
  port: number,
  host: string,
  hostname: string,
): ClusterSettings | undefined {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const c = ClusterSettingsSchema.parse(present);
  if (!c.ACCORD_REDIS_URL) return undefined;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    redisUrl: c.ACCORD_REDIS_URL,
    nodeId: c.ACCORD_NODE_ID ?? `${hostname}-${port}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64),
    address:
      c.ACCORD_NODE_ADDRESS ??
      `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`,
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
    address: settings.address,
    onLost: (documentId) => {
      log.warn({ documentId }, 'lost the lease of a live document; handing its clients over');
      onLeaseLost(documentId);
    },
  });
  await leases.announce();
  log.info({ address: settings.address }, 'joined the cluster');
  return {
    nodeId: settings.nodeId,
    leases,
    budgets,
    attachSocketIo(io) {
      io.adapter(createAdapter(pub, sub));
    },
    async close() {
      await leases.stop();
      for (const store of [budgets.collab, budgets.socket]) {
        store.rates.close();
        store.counts.close();
      }
      for (const client of [sub, pub, main]) client.destroy();
    },
  };
}
