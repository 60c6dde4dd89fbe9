/**
 * What the failover tests do to a cluster (failover-cluster.ts): six delegates of six delegations
 * co-edit the demo's open document through y-websocket clients spread across the nodes, each
 * typing unique tokens into a paragraph of its own; the chairs and the secretariat watch the
 * negotiation through socket.io, one on each node.
 *
 * "Acknowledged" here: a token another client has received from the server. Accord stores an
 * update before it broadcasts it, so a token any other client holds was stored; a token only its
 * writer holds may still be in flight, and is not counted.
 */
import {
  REALTIME_PATH,
  type ChangeNotice,
  type ClientToServerEvents,
  type JoinAck,
  type PresenceUpdate,
  type ServerToClientEvents,
} from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import {
  connectClient,
  makeWriter,
  renderText,
  tokensIn,
  waitFor,
  type CollabClient,
  type Writer,
} from '../../crash/test-support/storm-clients.js';
import { ApiClient } from '../../test-support/api-client.js';
import type { NodeHandle } from './failover-cluster.js';

export const DEMO_PASSWORD = 'accord-demo-2026';
/** Delegates of six delegations, so no delegation's shared budget is the limit. */
export const WRITER_KEYS = ['mru', 'pel', 'slm', 'nhr', 'hlv', 'kdr'] as const;
/** Government roles: they may watch while the demo's government-only segment runs. */
export const WATCHER_KEYS = ['chair1', 'chair2', 'secretariat'] as const;

export type Watch = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Signs in on one node, then waits until every node knows the session (each projects it). */
export async function signIn(nodes: readonly NodeHandle[], key: string): Promise<string> {
  const api = new ApiClient(nodes[0]!.url);
  await api.signIn(`${key}@demo.accord.test`, DEMO_PASSWORD);
  const cookie = api.cookie!;
  for (const node of nodes) {
    await waitFor(
      async () => (await new ApiClient(node.url, cookie).get('/api/negotiations')).status === 200,
      `${node.id} to know the session of ${key}`,
      60_000,
    );
  }
  return cookie;
}

/** The demo negotiation and its document in open drafting. */
export async function demoDocument(
  url: string,
  cookie: string,
): Promise<{ negotiationId: string; documentId: string }> {
  const api = new ApiClient(url, cookie);
  const negotiations = await api.get<{ negotiationId: string }[]>('/api/negotiations');
  const negotiationId = negotiations.body[0]!.negotiationId;
  const documents = await api.get<{ documentId: string; mode: string; adopted: boolean }[]>(
    `/api/negotiations/${negotiationId}/documents`,
  );
  const open = documents.body.find((d) => d.mode === 'open-drafting' && !d.adopted);
  if (!open) throw new Error('the demo has no document in open drafting');
  return { negotiationId, documentId: open.documentId };
}

/** A socket.io client on a node, in the negotiation's and the document's rooms. */
export class Watcher {
  readonly changes: ChangeNotice[] = [];
  readonly presence: PresenceUpdate[] = [];
  readonly socket: Watch;

  constructor(
    readonly key: string,
    readonly node: NodeHandle,
    cookie: string,
    private readonly room: { negotiationId: string; documentId: string },
  ) {
    this.socket = io(node.url, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      extraHeaders: { cookie },
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
    });
    this.socket.on('change', (notice) => this.changes.push(notice));
    this.socket.on('presence', (update) => this.presence.push(update));
    // Rooms are per connection: join again after every reconnect.
    this.socket.on('connect', () => void this.join().catch(() => undefined));
  }

  /** Joins both rooms; resolves once both joins were acknowledged. */
  async join(): Promise<void> {
    // With a timeout, socket.io types the answers loosely; they are join acknowledgements.
    const answers = (await Promise.all([
      this.socket.timeout(10_000).emitWithAck('negotiation:join', {
        negotiationId: this.room.negotiationId,
      }),
      this.socket.timeout(10_000).emitWithAck('document:join', {
        documentId: this.room.documentId,
      }),
    ])) as JoinAck[];
    for (const answer of answers) {
      if (!answer.ok) throw new Error(`${this.key} could not join: ${answer.error.code}`);
    }
  }

  async joined(timeoutMs: number): Promise<void> {
    await waitFor(() => this.socket.connected, `${this.key} to connect`, timeoutMs);
    await this.join();
  }

  close(): void {
    this.socket.close();
  }
}

/** The writers, their clients and the node each client is connected to. */
export class Scene {
  readonly writers: Writer[] = [];
  readonly clients: CollabClient[] = [];
  readonly watchers: Watcher[] = [];
  /** Times any of the clients lost its connection (for the figures the tests print). */
  disconnects = 0;
  private readonly nodeOf = new Map<CollabClient, NodeHandle>();

  constructor(
    readonly documentId: string,
    /** Token numbers start here (`w<offset + i>-<n>`), so each test's tokens are its own. */
    private readonly offset: number,
  ) {}

  /** Connects writer i to node i mod 3 and gives each its paragraph once all have synced. */
  async connectWriters(
    nodes: readonly NodeHandle[],
    cookies: readonly string[],
    timeoutMs: number,
  ): Promise<void> {
    cookies.forEach((cookie, i) => {
      const node = nodes[i % nodes.length]!;
      const client = connectClient(node.wsBase, this.documentId, cookie, `w${this.offset + i}`);
      this.clients.push(client);
      this.nodeOf.set(client, node);
      client.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') this.disconnects += 1;
      });
    });
    await Promise.all(this.clients.map((client) => client.synced(timeoutMs)));
    this.writers.push(...this.clients.map((client, i) => makeWriter(client, this.offset + i)));
  }

  startTyping(intervalMs: number): void {
    for (const writer of this.writers) writer.start(intervalMs);
  }

  stopTyping(): void {
    for (const writer of this.writers) writer.stop();
  }

  /** Every token some client other than its writer holds: what the server acknowledged. */
  acknowledged(): Set<string> {
    const acked = new Set<string>();
    const ours = this.writers.map((_, i) => `w${this.offset + i}-`);
    this.clients.forEach((client, i) => {
      for (const token of tokensIn(client.paragraphs())) {
        // Only this scene's writers' tokens, each seen by a client other than its writer.
        const writer = ours.findIndex((prefix) => token.startsWith(prefix));
        if (writer !== -1 && writer !== i) acked.add(token);
      }
    });
    return acked;
  }

  /** How many of each writer's tokens numbered `from[i]` or later are acknowledged. */
  ackedPerWriter(from: readonly number[] = []): number[] {
    const acked = this.acknowledged();
    return this.writers.map((writer, i) => {
      const first = from[i] ?? 0;
      return writer.written.slice(first).filter((token) => acked.has(token)).length;
    });
  }

  /** Waits until every writer has `count` acknowledged tokens past `from` (see ackedPerWriter). */
  async waitForAcks(count: number, from: readonly number[], what: string, timeoutMs: number) {
    await waitFor(() => this.ackedPerWriter(from).every((n) => n >= count), what, timeoutMs);
  }

  /** How many tokens each writer has typed so far. */
  typedCounts(): number[] {
    return this.writers.map((writer) => writer.written.length);
  }

  clientsOn(node: NodeHandle): CollabClient[] {
    return this.clients.filter((client) => this.nodeOf.get(client) === node);
  }

  /** Points a client at another node, as a browser does once the proxy drops a dead node. */
  moveClient(client: CollabClient, to: NodeHandle): void {
    client.provider.serverUrl = `${to.wsBase}/collab`;
    this.nodeOf.set(client, to);
  }

  holdAll(): void {
    for (const client of this.clients) client.provider.disconnect();
  }

  releaseAll(): void {
    for (const client of this.clients) client.provider.connect();
  }

  allSynced(): boolean {
    return this.clients.every((client) => client.provider.synced);
  }

  /**
   * Stops typing and waits until every client holds the same text with every token typed;
   * returns that text.
   */
  async converge(timeoutMs: number): Promise<{ text: string; typed: string[] }> {
    this.stopTyping();
    const typed = this.writers.flatMap((writer) => writer.written);
    await waitFor(
      () => {
        const texts = this.clients.map((client) => renderText(client.paragraphs()));
        if (texts.some((text) => text !== texts[0])) return false;
        const held = tokensIn(this.clients[0]!.paragraphs());
        return typed.every((token) => held.has(token));
      },
      'every client to converge on one text with every typed token',
      timeoutMs,
    );
    return { text: renderText(this.clients[0]!.paragraphs()), typed };
  }

  destroy(): void {
    this.stopTyping();
    for (const client of this.clients.splice(0)) client.destroy();
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }
}

/**
 * Has `key` state a position on the document's first paragraph through `node`, with a stance
 * that differs from the last one, so every call records a new event.
 */
export async function statePosition(
  node: NodeHandle,
  cookie: string,
  documentId: string,
  paragraphId: string,
  attempt: number,
): Promise<number> {
  const stances = ['support', 'can-accept', 'reservation'] as const;
  const res = await new ApiClient(node.url, cookie).put(`/api/documents/${documentId}/positions`, {
    target: { kind: 'paragraph', id: paragraphId },
    stance: stances[attempt % stances.length],
  });
  return res.status;
}
