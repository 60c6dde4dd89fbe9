// Forward reads of $all in big pages, handed over a page at a time, for a rebuild of the read
// models: one query and one await per few thousand events instead of one await per event.
// `batchesOf` (../batch-reads.ts) gives the same shape over any store's plain `readAll`.
import type { BatchReadOptions } from '../batch-reads.js';
import type { RecordedEvent } from '../port.js';
import { checkFilter, max, min } from '../read-rules.js';
import { yieldToEventLoop } from './event-loop.js';
import { seeksByIndex } from './queries.js';
import type { ReadContext } from './reads.js';

/**
 * The pages of $all after `after`, filtered, up to the head when the read started. A filter by
 * stream categories or event types seeks through their index, however sparse its events; any
 * other filter scans at most `scanWindow` positions per query, as paged reads do.
 */
export async function* readAllBatches(
  ctx: ReadContext,
  options: BatchReadOptions,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  const filter = checkFilter(options.filter);
  const window = seeksByIndex(filter)
    ? BigInt(Number.MAX_SAFE_INTEGER)
    : max(ctx.scanWindow, BigInt(options.batchSize));
  const last = ctx.guard(() => ctx.queries.lastPosition());
  let lo = options.after ?? 0n;
  while (lo < last) {
    const hi = min(lo + window, last);
    const limit = options.batchSize;
    const page = ctx.guard(() => ctx.queries.allPage({ lo, hi, filter, backwards: false, limit }));
    const lastRead = page.at(-1);
    lo = page.length === limit && lastRead !== undefined ? lastRead.position : hi;
    if (page.length > 0) yield page;
    if (lo < last) await yieldToEventLoop();
  }
}
