/**
 * The secret the nodes of one cluster show each other on internal requests
 * (http/internal-text-routes.ts): 32 random bytes, set once in Redis with SET NX by whichever node
 * comes first, then read by every other. Nobody outside the cluster (a browser with a session,
 * a proxy) knows it, so the internal endpoint is reachable by peers only.
 *
 * Redis restarted empty loses it: the next node that misses it sets a new one, and the others
 * pick it up when a request with the old one is refused (the caller reads it again and retries,
 * the receiver reads it again before refusing, at most once a second).
 *
 * An operator who would rather not have whoever reads Redis know it gives every node the same
 * ACCORD_CLUSTER_SECRET instead; Redis is then not asked.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';

/** The part of a node-redis client the secret uses. */
export interface SecretRedis {
  set(key: string, value: string, options: { condition: 'NX' }): Promise<string | null>;
  get(key: string): Promise<string | null>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const REREAD_AT_MOST_EVERY_MS = 1_000;

export class ClusterSecret {
  private value: string | undefined;
  private lastRead = 0;

  private readonly configured: string | undefined;
  private readonly key: string;

  constructor(
    private readonly redis: SecretRedis,
    options: { configured?: string | undefined; key?: string } = {},
  ) {
    this.configured = options.configured;
    this.value = options.configured;
    this.key = options.key ?? 'accord:cluster-secret';
  }

  /** The secret to send; read from Redis (set there first if missing) the first time. */
  async current(): Promise<string> {
    return this.value ?? this.reread();
  }

  /** Reads the secret from Redis again, setting a new one if Redis has none. */
  async reread(): Promise<string> {
    if (this.configured !== undefined) return this.configured;
    this.lastRead = Date.now();
    await this.redis.set(this.key, randomBytes(32).toString('base64url'), { condition: 'NX' });
    const stored = await this.redis.get(this.key);
    if (stored === null) throw new Error('The cluster secret vanished from Redis as it was set');
    this.value = stored;
    return stored;
  }

  /** Whether a peer's request carries the secret (read again once if it does not match). */
  async accepts(given: string | undefined): Promise<boolean> {
    if (!given) return false;
    if (this.value !== undefined && same(given, this.value)) return true;
    if (this.configured !== undefined) return false;
    if (Date.now() - this.lastRead < REREAD_AT_MOST_EVERY_MS) return false;
    return same(given, await this.reread());
  }
}

// Digests compared in constant time, so the comparison says nothing about the secret's length.
const same = (a: string, b: string) => timingSafeEqual(sha256(a), sha256(b));
