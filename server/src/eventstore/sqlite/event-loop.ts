// Lets other callbacks run between two synchronous SQLite queries, so a long read or a
// catch-up subscription never holds the event loop for more than one page.
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
