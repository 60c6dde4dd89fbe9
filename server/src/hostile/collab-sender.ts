/**
 * A raw collaboration websocket for one member that sends frames one at a time and reconnects
 * whenever the server closes it, recording every close code it receives. After each frame it
 * pings: the gateway handles a frame synchronously, so the pong (or a close) arrives only once
 * the frame was judged.
 */
import WebSocket from 'ws';

export interface CloseRecord {
  code: number;
  reason: string;
  /** True when this side closed the socket (the end of the run), not the server. */
  ours: boolean;
}

export class CollabSender {
  readonly closes: CloseRecord[] = [];
  /** Upgrades refused with HTTP 429 (too many live connections), retried. */
  refusedUpgrades = 0;
  connections = 0;
  framesSent = 0;
  private socket: WebSocket | undefined;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  /** Sends one frame on an open connection; resolves once the server judged it. */
  async send(data: Uint8Array | string): Promise<void> {
    const socket = await this.open();
    socket.send(data, { binary: typeof data !== 'string' });
    this.framesSent += 1;
    await new Promise<void>((resolve) => {
      const done = () => {
        socket.off('pong', done);
        socket.off('close', done);
        resolve();
      };
      socket.once('pong', done);
      socket.once('close', done);
      if (socket.readyState === WebSocket.OPEN) socket.ping();
      else done();
    });
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    (socket as WebSocket & { ours?: boolean }).ours = true;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close(1000);
    });
  }

  private async open(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return this.socket;
    for (let attempt = 0; ; attempt++) {
      const socket = new WebSocket(this.url, { headers: { cookie: this.cookie } });
      const outcome = await new Promise<'open' | number>((resolve, reject) => {
        socket.once('open', () => resolve('open'));
        socket.once('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
          socket.terminate();
        });
        socket.once('error', reject);
      });
      if (outcome === 'open') {
        socket.on('error', () => undefined); // a close follows; it is what the suite checks
        socket.once('close', (code, reason) =>
          this.closes.push({
            code,
            reason: reason.toString(),
            ours: (socket as WebSocket & { ours?: boolean }).ours === true,
          }),
        );
        this.connections += 1;
        this.socket = socket;
        return socket;
      }
      // The server may not have released the last connection yet: it counts live ones per person.
      if (outcome !== 429 || attempt > 50)
        throw new Error(`collab upgrade refused with HTTP ${outcome}`);
      this.refusedUpgrades += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
