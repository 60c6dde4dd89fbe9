/**
 * Collaboration clients for crash tests: stock y-websocket providers with a real session
 * cookie. A writer owns one paragraph and appends unique tokens (`w<writer>-<n>`) to it on a
 * timer, connected or not; a reader only holds what the server sent it, which is what the
 * server had stored (the gateway stores before it broadcasts).
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  createParagraph,
  listParagraphs,
  textFragment,
  type Paragraph,
} from '../../text/doc-structure.js';

export interface CollabClient {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the provider has synced with the server (again, after a reconnect). */
  synced(timeoutMs: number): Promise<void>;
  paragraphs(): Paragraph[];
  destroy(): void;
}

export function connectClient(
  wsBase: string,
  documentId: string,
  cookie: string,
  name: string,
): CollabClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsBase}/collab`, documentId, doc, {
    // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // Reconnect quickly once the server is back; the backoff otherwise grows to 2.5 s.
    maxBackoffTime: 250,
  });
  return {
    name,
    doc,
    provider,
    synced: (timeoutMs) =>
      waitFor(() => provider.synced, `${name} to sync with the server`, timeoutMs),
    paragraphs: () => listParagraphs(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A `ws` WebSocket sending the session cookie, as a browser would on the upgrade. */
function cookieWebSocket(
  cookie: string,
): new (address: string, protocols?: string | string[]) => WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };
}

export interface Writer {
  client: CollabClient;
  /** Every token this writer has typed, in order (acknowledged or not). */
  written: string[];
  /** Types one token every `intervalMs` until `stop`, whether connected or not. */
  start(intervalMs: number): void;
  stop(): void;
}

/** Adds the writer's own paragraph at the end of the text (after the first sync). */
export function makeWriter(client: CollabClient, index: number): Writer {
  const paragraph = createParagraph({
    id: randomUUID(),
    kind: 'operative',
    text: `Paragraph of writer ${index}:`,
  });
  const fragment = textFragment(client.doc);
  fragment.insert(fragment.length, [paragraph]);
  const text = paragraph.get(0) as Y.XmlText;
  const written: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  return {
    client,
    written,
    start: (intervalMs) => {
      timer ??= setInterval(() => {
        const token = `w${index}-${written.length}`;
        text.insert(text.length, ` ${token}`);
        written.push(token);
      }, intervalMs);
    },
    stop: () => {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

const TOKEN = /\bw\d+-\d+\b/g;

/** The writer tokens present in a list of paragraphs. */
export function tokensIn(paragraphs: readonly Pick<Paragraph, 'text'>[]): Set<string> {
  const tokens = new Set<string>();
  for (const p of paragraphs) for (const token of p.text.match(TOKEN) ?? []) tokens.add(token);
  return tokens;
}

/** A comparable rendering of a text: one line per paragraph, `id kind: text`. */
export function renderText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => `${p.id} ${p.kind}: ${p.text}`).join('\n');
}

/** Polls until `condition` holds; the timeout only ends a hung test, no speed is assumed. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
