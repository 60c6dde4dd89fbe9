// The log positions of changes this tab made itself, so live notices about them do not pop up as
// news (the person who clicked already saw the result). A notice can arrive over the socket
// before the command's HTTP answer names its position, so deciding waits for commands in flight.
const own = new Set<string>();
const inFlight = new Set<Promise<unknown>>();
const LIMIT = 200;

export function rememberOwnChange(position: string | undefined): void {
  if (!position) return;
  own.add(position);
  if (own.size > LIMIT) own.delete(own.values().next().value!);
}

/** Registers a command request until it settles. */
export function trackCommand<T>(request: Promise<T>): Promise<T> {
  inFlight.add(request);
  const done = () => inFlight.delete(request);
  request.then(done, done);
  return request;
}

/** Whether the change at `position` was this tab's, once the commands now in flight answered. */
export async function isOwnChange(position: string): Promise<boolean> {
  await Promise.allSettled([...inFlight]);
  return own.has(position);
}
