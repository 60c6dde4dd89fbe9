/**
 * Three Accord nodes for the failover tests: the built server (`dist/main.js`) started three
 * times as child processes on one throwaway PostgreSQL and one throwaway redis-server, each node
 * with its own data dir and port. The first node seeds the demo; the two others start once it
 * listens. The cluster can kill a node (-9) and start it again, restart Redis or PostgreSQL, say
 * who holds a document's lease, and read a document straight from the shared store, which is
 * how a test proves what was stored without asking any node.
 */
import { createClient } from 'redis';
import { startAccord, type AccordProcess } from '../../crash/test-support/accord-process.js';
import { openPostgresEventStore } from '../../eventstore/postgres/postgres-event-store.js';
import {
  findPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../eventstore/postgres/test-support/throwaway-postgres.js';
import {
  startThrowawayRedis,
  type ThrowawayRedis,
} from '../../limits/test-support/throwaway-redis.js';
import { makeTempDir } from '../../test-support/temp-dir.js';

type TempDir = Awaited<ReturnType<typeof makeTempDir>>;
import { listParagraphs, type Paragraph } from '../../text/doc-structure.js';
import { loadDocState } from '../../text/text-history.js';

/** Generous: eight helpers share two cores, and the demo seed hashes many passwords. */
const START_TIMEOUT_MS = 150_000;

/** One node: its child process, restarted on the same data dir and port after a kill. */
export class NodeHandle {
  process!: AccordProcess;
  port = 0;
  alive = false;
  /** Set when the process exited without the test asking for it: the node crashed. */
  unexpectedExit: number | null | undefined;
  /** The last warnings and errors the node logged, as `level msg (error)` lines. */
  readonly problems: string[] = [];
  /** How many it logged in all. */
  problemCount = 0;
  private expectedExit = false;

  constructor(
    readonly id: string,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsBase(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Starts the process (again, on the first start's port). */
  async start(): Promise<void> {
    const started = await startAccord({
      dataDir: this.dataDir,
      port: this.port,
      timeoutMs: START_TIMEOUT_MS,
      env: { ...this.env, ACCORD_NODE_ID: this.id },
      onLogLine: (line) => {
        if (recordProblem(this.problems, line)) this.problemCount += 1;
      },
    });
    this.process = started;
    this.port = started.port;
    this.expectedExit = false;
    this.alive = true;
    void started.exited.then((code) => {
      if (this.process !== started) return;
      this.alive = false;
      if (!this.expectedExit) this.unexpectedExit = code;
    });
  }

  /** kill -9 of the node's process group. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.expectedExit = true;
    await this.process.killHard();
  }
}

export interface FailoverCluster {
  readonly postgres: ThrowawayPostgres;
  readonly redis: ThrowawayRedis;
  readonly nodes: readonly NodeHandle[];
  /** Which node holds the document's lease (its node id); null when none or Redis is down. */
  leaseOwner(documentId: string): Promise<string | null>;
  node(id: string): NodeHandle;
  /** The document's paragraphs as the shared store holds them, read by this test process. */
  storedParagraphs(documentId: string): Promise<Paragraph[]>;
  close(): Promise<void>;
}

/**
 * Under CI=true a missing PostgreSQL fails the run; elsewhere the failover tests are skipped.
 * (A missing redis-server fails when it is started, everywhere.)
 */
export function postgresAvailable(suite: string): boolean {
  if (findPostgresBinaries()) return true;
  const reason = `${suite} skipped: no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH`;
  if (process.env.CI === 'true') {
    throw new Error(`${reason}. CI must install Debian's postgresql package.`);
  }
  console.warn(reason);
  return false;
}

export async function startFailoverCluster(size = 3): Promise<FailoverCluster> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('PostgreSQL is not installed');
  const postgres = await startThrowawayPostgres(binaries);
  const redis = await startThrowawayRedis().catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  const temps: TempDir[] = [];
  const nodes: NodeHandle[] = [];
  const env = { ACCORD_POSTGRES_URL: postgres.connectionString, ACCORD_REDIS_URL: redis.url };
  const lease = createClient({ url: redis.url, socket: { reconnectStrategy: () => 100 } });
  lease.on('error', () => undefined); // Redis restarts during the tests; the client reconnects
  const store = openPostgresEventStore({ connectionString: postgres.connectionString });
  const close = async () => {
    for (const node of nodes) await node.kill();
    await store.close().catch(() => undefined);
    lease.destroy();
    await redis.stop();
    await postgres.stop();
    for (const temp of temps) await temp.remove();
  };

  try {
    await lease.connect();
    for (let i = 0; i < size; i++) {
      const temp = await makeTempDir();
      temps.push(temp);
      nodes.push(new NodeHandle(`node-${i + 1}`, temp.dir, env));
    }
    // The first node seeds the demo into the empty store; the others find it there.
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((node) => node.start()));
  } catch (error) {
    await close();
    throw error;
  }

  return {
    postgres,
    redis,
    nodes,
    leaseOwner: async (documentId) => {
      try {
        return await lease.get(`accord:lease:document:${documentId}`);
      } catch {
        return null;
      }
    },
    node: (id) => {
      const found = nodes.find((n) => n.id === id);
      if (!found) throw new Error(`no node ${id}`);
      return found;
    },
    storedParagraphs: async (documentId) => {
      const state = await loadDocState(store, documentId);
      try {
        return listParagraphs(state.doc);
      } finally {
        state.doc.destroy();
      }
    },
    close,
  };
}

/** Keeps the node's warnings and errors (pino levels 40 and up) and stderr, the last 200. */
function recordProblem(problems: string[], line: string): boolean {
  let entry: { level?: unknown; msg?: unknown; err?: { message?: unknown } };
  let kept = line;
  try {
    entry = JSON.parse(line) as typeof entry;
    if (typeof entry.level !== 'number' || entry.level < 40) return false;
    const detail = typeof entry.err?.message === 'string' ? ` (${entry.err.message})` : '';
    kept = `${entry.level} ${String(entry.msg)}${detail}`;
  } catch {
    // Not a log entry: stderr (an uncaught error's stack, say) is kept as it is.
  }
  problems.push(kept);
  if (problems.length > 200) problems.shift();
  return true;
}
