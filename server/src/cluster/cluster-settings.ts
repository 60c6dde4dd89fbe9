/**
 * The cluster's settings from the environment (ACCORD_REDIS_URL, ACCORD_NODE_ID,
 * ACCORD_NODE_ADDRESS, ACCORD_LEASE_TTL_MS), apart from cluster-node.ts so that reading the configuration does not
 * load the Redis clients a single node never uses.
 */
import { z } from 'zod';

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
  /**
   * How long a document's lease outlives its owner: how long a dead node's documents wait
   * before another node takes them over. Shorter fails over sooner; too short, and a node
   * paused by a long garbage collection or a busy host loses documents it still serves.
   */
  ACCORD_LEASE_TTL_MS: z.coerce.number().int().min(2_000).max(300_000).optional(),
  /**
   * What the nodes show each other on internal requests. Unset, the first node sets a random
   * one in Redis for all; set (the same on every node), nobody who only reads Redis learns it.
   */
  ACCORD_CLUSTER_SECRET: z.string().min(32, 'at least 32 characters').max(512).optional(),
});

export interface ClusterSettings {
  redisUrl: string;
  nodeId: string;
  /** ACCORD_NODE_ADDRESS; unset, the address the node listens on once it does. */
  address: string | undefined;
  /** ACCORD_LEASE_TTL_MS, default DEFAULT_LEASE_TTL_MS. */
  leaseTtlMs: number;
  /** ACCORD_CLUSTER_SECRET; unset, the nodes share one through Redis (cluster-secret.ts). */
  secret: string | undefined;
}

export const DEFAULT_LEASE_TTL_MS = 10_000;

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
    leaseTtlMs: c.ACCORD_LEASE_TTL_MS ?? DEFAULT_LEASE_TTL_MS,
    secret: c.ACCORD_CLUSTER_SECRET,
  };
}
