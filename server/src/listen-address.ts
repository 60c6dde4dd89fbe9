/**
 * Where a node listens, PORT and HOST, read apart from the rest of the configuration: the
 * launcher (main.ts) listens before the server's code is even loaded, so that clients
 * reconnecting to a restarting node wait instead of being refused. config.ts stays the judge of
 * the values; this reads only plain ones it would take unchanged and leaves the rest to it.
 */
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

export interface ListenAddress {
  port: number;
  host: string;
}

/** PORT and HOST when they are plain (a port number, any host), else undefined. */
export function plainListenAddress(env: NodeJS.ProcessEnv): ListenAddress | undefined {
  const port = env.PORT ? (/^\d{1,5}$/.test(env.PORT) ? Number(env.PORT) : NaN) : DEFAULT_PORT;
  if (!(port <= 65535)) return undefined;
  return { port, host: env.HOST || DEFAULT_HOST };
}
