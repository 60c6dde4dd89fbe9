/**
 * A cap on the bytes the server holds unsent for all collaboration connections together.
 * Each connection already has its own cap, but hundreds of connections each just under it
 * would still add up to gigabytes; past the overall cap, a consumer that holds a real share of
 * the backlog is closed (1013) when the next message for it comes, and resyncs on reconnect.
 *
 *   const buffers = new BufferBudget({ maxTotalBytes: 64 * MiB, minShedBytes: 64 * KiB });
 *   if (buffers.shouldShed(connection)) connection.close(1013, 'slow-consumer');
 *   buffers.forget(connection); // once closed
 */

export interface BufferedConsumer {
  /** Bytes queued for this consumer and not yet written to the network. */
  readonly bufferedBytes: number;
}

export interface BufferBudgetLimits {
  /** Unsent bytes across every connection above which slow consumers are shed. */
  maxTotalBytes: number;
  /** Only a consumer holding at least this much is shed; a brief backlog is normal. */
  minShedBytes: number;
}

export class BufferBudget {
  // The amount each consumer held when last measured; the total is their sum.
  private readonly known = new Map<BufferedConsumer, number>();
  private total = 0;

  constructor(readonly limits: BufferBudgetLimits) {}

  /** Measures `consumer` again and says whether it must be closed to bring the total down. */
  shouldShed(consumer: BufferedConsumer): boolean {
    const bytes = this.measure(consumer);
    if (this.total <= this.limits.maxTotalBytes) return false;
    // Others' figures may be stale (their buffers drain without telling us): measure everyone
    // before shedding anyone. This only runs while over the cap.
    this.total = 0;
    for (const other of this.known.keys()) {
      const current = other.bufferedBytes;
      this.known.set(other, current);
      this.total += current;
    }
    return this.total > this.limits.maxTotalBytes && bytes >= this.limits.minShedBytes;
  }

  forget(consumer: BufferedConsumer): void {
    this.total -= this.known.get(consumer) ?? 0;
    this.known.delete(consumer);
  }

  /** The last measured total (for metrics and tests). */
  get totalBytes(): number {
    return this.total;
  }

  private measure(consumer: BufferedConsumer): number {
    const bytes = consumer.bufferedBytes;
    this.total += bytes - (this.known.get(consumer) ?? 0);
    this.known.set(consumer, bytes);
    return bytes;
  }
}
