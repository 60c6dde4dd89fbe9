/**
 * One owner node per live document, through leases in Redis. The node that first serves a
 * document takes its lease (SET NX with a time to live) and renews it while it holds the
 * document; another node that gets a connection for it forwards the connection to the owner
 * (cluster/upgrade-forwarder.ts). When the owner dies its leases lapse after `ttlMs`, and the next
 * node asked for the document takes it over and loads it from the shared store — no document is
 * replicated on every node.
 *
 * Each node also publishes the address its peers reach it at, under its own key with the same
 * time to live, so a forwarder knows where an owner lives and a dead node's address lapses too.
 * A lease the node finds free on renewal is taken back; one it finds taken by another (after a
 * pause longer than the TTL) is reported through `onLost`, so the gateway closes its local copy and its clients reconnect to
 * the new owner instead of two nodes writing the same document.
 */

/** The part of a node-redis client the leases use. */
export interface LeaseRedis {
  readonly isReady: boolean;
  set(
    key: string,
    value: string,
    options: { condition?: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<string | null>;
  get(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface DocumentLeasesOptions {
  redis: LeaseRedis;
  nodeId: string;
  /** Where peers reach this node, e.g. http://10.0.0.5:3001; unknown until it listens. */
  address?: string;
  prefix?: string;
  ttlMs?: number;
  renewEveryMs?: number;
  onLost?: (documentId: string) => void;
}

export type Ownership = { mine: true } | { mine: false; owner: string; address: string | null };

// Extend the lease while this node still holds it. A lease nobody holds any more (Redis
// restarted empty, or this node was paused past the TTL and no other node asked) is taken
// back, so its clients need not reconnect: no other node loads a document without taking its
// lease first. (Should one have taken it and given it back meanwhile, this node's next append
// fails its expected revision and the document is loaded afresh.)
const RENEW = `
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if not owner then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`;

// Give the lease back only if this node still holds it.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

export class DocumentLeases {
  private readonly held = new Set<string>();
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly timer: NodeJS.Timeout;
  private address: string | undefined;

  constructor(private readonly options: DocumentLeasesOptions) {
    this.address = options.address;
    this.prefix = options.prefix ?? 'accord:';
    this.ttlMs = options.ttlMs ?? 10_000;
    this.timer = setInterval(() => void this.renew(), options.renewEveryMs ?? this.ttlMs / 3);
    this.timer.unref();
  }

  private leaseKey(documentId: string): string {
    return `${this.prefix}lease:document:${documentId}`;
  }

  private addressKey(nodeId: string): string {
    return `${this.prefix}node-address:${nodeId}`;
  }

  /** Publishes this node's address (another one, once known); renewals keep it fresh. */
  async announce(address: string | undefined = this.address): Promise<void> {
    if (address === undefined) return;
    this.address = address;
    await this.options.redis.set(this.addressKey(this.options.nodeId), address, {
      expiration: { type: 'PX', value: this.ttlMs },
    });
  }

  /** Takes the document's lease if nobody holds it; otherwise says who does and where. */
  async claim(documentId: string): Promise<Ownership> {
    const { redis, nodeId } = this.options;
    const key = this.leaseKey(documentId);
    const taken = await redis.set(key, nodeId, {
      condition: 'NX',
      expiration: { type: 'PX', value: this.ttlMs },
    });
    if (taken === 'OK') {
      this.held.add(documentId);
      return { mine: true };
    }
    const owner = await redis.get(key);
    if (owner === null) return this.claim(documentId); // lapsed between the two calls
    if (owner === nodeId) {
      this.held.add(documentId);
      return { mine: true };
    }
    return { mine: false, owner, address: await redis.get(this.addressKey(owner)) };
  }

  /** Gives the lease back when the node unloads the document. */
  async release(documentId: string): Promise<void> {
    this.held.delete(documentId);
    await this.options.redis.eval(RELEASE, {
      keys: [this.leaseKey(documentId)],
      arguments: [this.options.nodeId],
    });
  }

  holds(documentId: string): boolean {
    return this.held.has(documentId);
  }

  /** Renews every held lease and this node's address; reports the leases it lost. */
  async renew(): Promise<void> {
    const { redis, nodeId } = this.options;
    if (!redis.isReady) return;
    try {
      await this.announce();
      for (const documentId of [...this.held]) {
        const kept = await redis.eval(RENEW, {
          keys: [this.leaseKey(documentId)],
          arguments: [nodeId, String(this.ttlMs)],
        });
        if (Number(kept) !== 1) {
          this.held.delete(documentId);
          this.options.onLost?.(documentId);
        }
      }
    } catch {
      // Redis is unreachable: nothing can be renewed now; leases lapse if this lasts past the TTL
      // and the next renewal reports them lost.
    }
  }

  /** Stops renewing and gives back every lease (a clean shutdown hands documents over at once). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const documentId of [...this.held]) {
      await this.release(documentId).catch(() => undefined);
    }
  }
}
