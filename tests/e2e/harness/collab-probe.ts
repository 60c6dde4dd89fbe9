// A y-websocket client in Node with someone's session cookie: how a test tries to write to the
// text behind the browser's back and sees what the server does about it.
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface Probe {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** The close code the server ended the connection with. */
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

export function collabProbe(url: string, documentId: string, cookie: string): Probe {
  // ws takes headers as a third argument; y-websocket constructs sockets with two.
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/collab', documentId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    shouldReconnect: () => false,
  });
  const synced = new Promise<void>((resolve) => {
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: String(event.reason) });
    });
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
