/**
 * A quiet member on the collaboration websocket that reads every awareness message the relay
 * sends it, so the suite can check that no hostile state gets through: each relayed state is
 * a removal (null) or holds only the server-written `user` and a valid `cursor`.
 */
import { awarenessCursorSchema, awarenessUserSchema } from '@accord/shared';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { MessageType } from '../collab/protocol.js';

export class AwarenessListener {
  relayedStates = 0;
  readonly violations: string[] = [];
  /** Names found under `user`: the server writes them, so they must be the senders' own. */
  readonly names = new Set<string>();
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.read(new Uint8Array(data)));
  }

  static async open(url: string, cookie: string): Promise<AwarenessListener> {
    const socket = new WebSocket(url, { headers: { cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new AwarenessListener(socket);
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Everything wrong so far; `allowed`: the display names of the members who sent states. */
  problems(allowed: ReadonlySet<string>): string[] {
    const spoofed = [...this.names].filter((name) => !allowed.has(name));
    return [...this.violations, ...spoofed.map((name) => `spoofed name ${name.slice(0, 80)}`)];
  }

  close(): void {
    this.socket.close();
  }

  private read(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(update); // client id
      decoding.readVarUint(update); // clock
      const text = decoding.readVarString(update);
      let state: unknown;
      try {
        state = JSON.parse(text);
      } catch {
        this.violations.push(`not JSON: ${text.slice(0, 120)}`);
        continue;
      }
      if (state === null) continue; // a removal
      this.relayedStates += 1;
      this.inspect(state, text);
    }
  }

  private inspect(state: unknown, text: string): void {
    if (typeof state !== 'object' || Array.isArray(state) || state === null) {
      this.violations.push(`not an object: ${text.slice(0, 120)}`);
      return;
    }
    const record = state as Record<string, unknown>;
    const extra = Object.keys(record).filter((key) => key !== 'user' && key !== 'cursor');
    if (extra.length > 0)
      this.violations.push(`extra fields ${extra.join(',')}: ${text.slice(0, 120)}`);
    const user = awarenessUserSchema.safeParse(record.user);
    if (!user.success) this.violations.push(`invalid user: ${text.slice(0, 120)}`);
    else this.names.add(user.data.name);
    if (record.cursor !== undefined && record.cursor !== null) {
      if (!awarenessCursorSchema.safeParse(record.cursor).success)
        this.violations.push(`invalid cursor: ${text.slice(0, 120)}`);
    }
  }
}
