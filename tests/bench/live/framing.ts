/**
 * How a benchmark client's y-websocket frames travel to each peer. Accord, the bare server and
 * the relay speak the y-websocket protocol as is. Hocuspocus multiplexes documents on one socket:
 * every frame starts with the document's name, a connection authenticates before anything else,
 * and it adds message types of its own (auth, sync status, a "sync reply"). The Hocuspocus
 * framing adds and strips that envelope so the same clients measure every peer.
 */
import WebSocket from 'ws';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, Reader, Writer } from './wire.js';

export type Protocol = 'y-websocket' | 'hocuspocus';

export interface Framing {
  /** Frames to send as soon as the socket opens, before any y-websocket message. */
  readonly opening: Buffer[];
  /** A y-websocket message as the peer expects it. */
  out(message: Uint8Array): Buffer;
  /** The y-websocket message inside a frame from the peer, or undefined when it carries none. */
  in(frame: Buffer): Buffer | undefined;
}

const asBuffer = (data: Uint8Array): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export const plainFraming: Framing = {
  opening: [],
  out: asBuffer,
  in: (frame) => frame,
};

const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_QUERY_AWARENESS = 3;
/** A sync message that must not be answered with another step 1: plain sync for y-websocket. */
const HOCUSPOCUS_SYNC_REPLY = 4;

export function hocuspocusFraming(documentName: string): Framing {
  const address = new Writer().varString(documentName).toBuffer();
  // No onAuthenticate hook runs on the peer, so an empty token is accepted.
  const auth = new Writer()
    .varString(documentName)
    .varUint(HOCUSPOCUS_AUTH)
    .varUint(HOCUSPOCUS_AUTH_TOKEN)
    .varString('')
    .toBuffer();
  return {
    opening: [auth],
    out: (message) => Buffer.concat([address, asBuffer(message)]),
    in: (frame) => {
      const reader = new Reader(frame);
      reader.varString();
      const start = reader.pos;
      const type = reader.varUint();
      if (
        type === MESSAGE_SYNC ||
        type === MESSAGE_AWARENESS ||
        type === HOCUSPOCUS_QUERY_AWARENESS
      )
        return frame.subarray(start);
      if (type === HOCUSPOCUS_SYNC_REPLY) {
        const message = Buffer.from(frame.subarray(start));
        message[0] = MESSAGE_SYNC; // both types fit in the one byte of a small varUint
        return message;
      }
      return undefined; // authenticated, sync status, ping: nothing a y-websocket client reads
    },
  };
}

export const framingFor = (protocol: Protocol, room: string): Framing =>
  protocol === 'hocuspocus' ? hocuspocusFraming(room) : plainFraming;

/** What the stock y-websocket provider uses of a WebSocket. */
interface ProviderSocket {
  binaryType: string;
  readonly OPEN: number;
  readonly readyState: number;
  onopen: (() => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null;
  send(data: Uint8Array): void;
  close(): void;
}

/**
 * A WebSocket class for the stock y-websocket provider (its `WebSocketPolyfill`) that sends the
 * session cookie and wraps every frame in `framing`: a ws socket behind the few members the
 * provider uses.
 */
export function framedWebSocket(
  cookie: string | undefined,
  framing: Framing,
): new (address: string) => ProviderSocket {
  return class FramedWebSocket implements ProviderSocket {
    readonly OPEN = WebSocket.OPEN;
    onopen: ProviderSocket['onopen'] = null;
    onclose: ProviderSocket['onclose'] = null;
    onerror: ProviderSocket['onerror'] = null;
    onmessage: ProviderSocket['onmessage'] = null;
    private readonly socket: WebSocket;

    constructor(address: string) {
      const socket = new WebSocket(address, {
        headers: cookie ? { cookie } : {},
        perMessageDeflate: false,
      });
      this.socket = socket;
      socket.binaryType = 'nodebuffer';
      socket.on('open', () => {
        for (const frame of framing.opening) socket.send(frame);
        this.onopen?.();
      });
      socket.on('message', (frame: Buffer) => {
        const message = framing.in(frame);
        if (!message) return;
        // The provider reads `new Uint8Array(event.data)`: hand it an ArrayBuffer of its own.
        const data = message.buffer.slice(
          message.byteOffset,
          message.byteOffset + message.byteLength,
        ) as ArrayBuffer;
        this.onmessage?.({ data });
      });
      socket.on('close', (code: number, reason: Buffer) =>
        this.onclose?.({ code, reason: reason.toString() }),
      );
      socket.on('error', (error) => this.onerror?.(error));
    }

    get binaryType(): string {
      return 'arraybuffer';
    }
    set binaryType(_type: string) {
      // Frames are always handed over as ArrayBuffers, as the provider asks.
    }

    get readyState(): number {
      return this.socket.readyState;
    }

    send(data: Uint8Array): void {
      this.socket.send(framing.out(data));
    }

    close(): void {
      this.socket.close();
    }
  };
}
