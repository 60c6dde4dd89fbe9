// Starts a real Accord server on a free port with its own temporary data directory.
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { makeTempDir } from './temp-dir.js';

export interface TestServer extends RunningServer {
  dataDir: string;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const temp = await makeTempDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_DATA_DIR: temp.dir,
    LOG_LEVEL: 'silent',
    ACCORD_DEMO: 'false',
    // Suites write far faster than people do, all from one address; a test of the budget sets it.
    ACCORD_REST_WRITES_PER_MINUTE: '1000000',
    ...env,
  });
  const server = await startServer(config);
  return {
    ...server,
    dataDir: temp.dir,
    close: async () => {
      await server.close();
      await temp.remove();
    },
  };
}
