// Types of node-pool.mjs, for the TypeScript tests that import it.
export declare const STICKY_COOKIE: 'accord_node';
export declare const FAILURES_TO_DOWN: number;

export interface PoolNode {
  id: string;
  url: URL;
  up: boolean;
  failures: number;
}

export declare class NodePool {
  constructor(nodes: readonly { id: string; url: string }[], options?: { up?: boolean });
  live(): PoolNode[];
  states(): { id: string; url: string; up: boolean; failures: number }[];
  pick(sticky: string | undefined, exclude?: ReadonlySet<string>): PoolNode | undefined;
  report(id: string, healthy: boolean): 'up' | 'down' | undefined;
  unreachable(id: string): 'down' | undefined;
}

export declare function stickyNodeOf(cookieHeader: string | undefined): string | undefined;
export declare function stickyCookie(nodeId: string): string;
