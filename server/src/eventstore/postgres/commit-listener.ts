// Listens for commit notifications (LISTEN accord_events) on one dedicated connection and
// passes them on. Commits by other processes sharing the database arrive this way; if the
// connection drops, it reconnects after a pause, and subscriptions poll meanwhile.
import pg from 'pg';
import { COMMIT_CHANNEL } from './schema.js';

const RECONNECT_DELAY_MS = 1_000;

export class CommitListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onCommit: () => void,
  ) {}

  /** Starts listening (once); resolves when LISTEN is in force, rejects if it cannot be. */
  listening(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', () => this.onCommit());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${COMMIT_CHANNEL}`);
    } catch (error) {
      this.lost(client);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever was committed while no one listened is found by the next read.
    this.onCommit();
  }

  private lost(client: pg.Client): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.stopped) return;
      this.connecting = this.connect().catch(() => undefined);
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}
