// Types of proxy.mjs, for the TypeScript tests that import it.
import type { Server } from 'node:http';
import type { NodePool } from './node-pool.mjs';

export interface ClusterProxy {
  pool: NodePool;
  server: Server;
  checkNow(): Promise<void>;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export declare function createClusterProxy(options: {
  nodes: readonly { id: string; url: string }[];
  healthIntervalMs?: number;
  healthTimeoutMs?: number;
  log?: (line: string) => void;
}): ClusterProxy;
