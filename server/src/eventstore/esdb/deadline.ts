/**
 * Client-side deadlines for the calls `@eventstore/db-client` leaves unbounded: its streaming
 * reads ignore the `deadline` option, and a batched append waits on a shared stream.
 */
import { DeadlineExceededError } from '@eventstore/db-client';

/**
 * Settles like `work`, or rejects with the client's DeadlineExceededError after `ms` (so the
 * one error mapping turns it into StoreUnavailable) and calls `onTimeout` to cancel the work.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => unknown,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new DeadlineExceededError(undefined, `${what} did not answer within ${ms} ms`));
      try {
        onTimeout?.();
      } catch {
        // Cancelling is best effort; the caller already has its answer.
      }
    }, ms);
  });
  // A late failure of `work` settles nothing any more, and race() has handled it.
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
