/**
 * Iterates one of the client's streaming reads with the two things the client leaves out:
 * a deadline on the first answer (its reads run without one) and cancelling the gRPC call
 * when the consumer stops early or the read fails (destroying the Readable alone leaves the
 * call open, paused by flow control).
 */
import type { StreamingRead } from '@eventstore/db-client';
import { withDeadline } from './deadline.js';

export async function* iterateRead<E>(
  read: StreamingRead<E>,
  firstAnswerMs: number,
  what: string,
): AsyncGenerator<E, void, undefined> {
  const iterator = read[Symbol.asyncIterator]();
  let completed = false;
  try {
    // Until the first answer the channel may still be connecting; afterwards gRPC keepalive
    // notices a dead connection, and a slow consumer must not be cut off.
    let next = await withDeadline(iterator.next(), firstAnswerMs, what, () => read.destroy());
    while (next.done !== true) {
      yield next.value;
      next = await iterator.next();
    }
    completed = true;
  } finally {
    if (!completed) {
      read.destroy();
      read.cancel().catch(() => undefined);
    }
  }
}
