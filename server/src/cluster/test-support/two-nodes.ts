/**
 * Two Accord nodes in this process on one PostgreSQL store and one throwaway Redis, named
 * `node-a` and `node-b` (the names their leases carry), for the cluster's integration tests.
 */
import {
  startThrowawayRedis,
  type ThrowawayRedis,
} from '../../limits/test-support/throwaway-redis.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

export interface TwoNodes {
  redis: ThrowawayRedis;
  nodeA: TestServer;
  nodeB: TestServer;
}

/** `env` is added to both nodes' settings (e.g. ACCORD_CLUSTER_SECRET). */
export async function startTwoNodes(
  postgresUrl: string,
  env: Record<string, string> = {},
): Promise<TwoNodes> {
  const redis = await startThrowawayRedis();
  const settings = (nodeId: string) => ({
    ...env,
    ACCORD_POSTGRES_URL: postgresUrl,
    ACCORD_REDIS_URL: redis.url,
    ACCORD_NODE_ID: nodeId,
  });
  const nodeA = await startTestServer(settings('node-a'));
  const nodeB = await startTestServer(settings('node-b'));
  return { redis, nodeA, nodeB };
}
