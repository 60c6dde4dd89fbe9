/**
 * The collaboration gateway: the y-websocket protocol on `/collab/<documentId>`, sharing the HTTP
 * server with express and socket.io. It authenticates in the `upgrade` handler (a refused
 * request never becomes a websocket), loads each document once from its log, and is the one
 * way the server itself changes a text (accepted amendments, initial text).
 *
 *   const collab = createCollabGateway({ store, hooks, logger, metrics });
 *   httpServer.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
 *   await collab.applyServerChange(documentId, { userId, stakeholderId, amendmentId }, (doc) =>
 *     replaceParagraphText(doc, paragraphId, start, end, proposedWording));
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CollabCloseCode,
  CollabCloseReason,
  CollabUpgradeStatus,
  DOCUMENT_LIMITS,
} from '@accord/shared';
import type { Logger } from 'pino';
import type { Counter, Gauge } from 'prom-client';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { MAX_APPEND_SIZE, type EventStore } from '../eventstore/port.js';
import {
  createAnchor,
  resolveAnchor,
  type ResolvedAnchor,
  type TextAnchor,
} from '../text/anchors.js';
import {
  insertParagraphs,
  isParagraphKind,
  listParagraphs,
  textFragment,
  type Paragraph,
} from '../text/doc-structure.js';
import { loadDocState, type Attribution } from '../text/text-history.js';
import type { SnapshotPolicy } from '../text/text-writer.js';
import { BufferBudget } from './buffer-budget.js';
import { CollabBudgets, defaultPersonLimits, type PersonLimits } from './budgets.js';
import { CollabConnection, type ConnectionLimits } from './collab-connection.js';
import { CollabDocument, DocumentUnloaded, type FrameLimits } from './collab-document.js';
import type { CollabAuthRequest, CollabAuthResult, CollabHooks } from './collab-hooks.js';
import type { CountBudgetStore, RateBudgetStore } from '../limits/budget-stores.js';
import type { RateLimit } from '../limits/rate-limit.js';
import type { Ownership } from '../cluster/document-leases.js';
import { forwardUpgrade, wasForwarded } from '../cluster/upgrade-forwarder.js';
import { OPEN_TEXT, type TextRules } from './schema-check.js';

export interface CollabMetrics {
  websocketConnections: Gauge<'kind'>;
  loadedDocuments: Gauge;
  /** Connections closed for what they sent, by the machine part of the close reason. */
  collabRefusals?: Counter<'reason'>;
  /** Awareness frames dropped over a rate budget, by the budget. */
  awarenessDropped?: Counter<'over'>;
}

export interface CollabGatewayOptions {
  store: EventStore;
  hooks: CollabHooks;
  logger: Logger;
  metrics?: CollabMetrics;
  /**
   * Default: a snapshot every 500 updates or 1 MiB of updates, spaced by the document's size,
   * the newest 3 kept (see ../text/README.md, "Snapshots").
   */
  snapshotEvery?: SnapshotPolicy;
  /** A document without connections is unloaded after this long. Default 60 s. */
  idleUnloadMs?: number;
  /** Largest websocket message (ws `maxPayload`); larger ones close with 1009. Default 16 MiB. */
  maxMessageBytes?: number;
  /** Unsent bytes after which a slow client is closed with 1013. Default 8 MiB. */
  maxBufferedBytes?: number;
  /** Ping period; a connection that did not answer the previous ping is dropped. Default 30 s. */
  pingIntervalMs?: number;
  /** Awareness updates per connection; excess dropped. Default 20/s, bursts of 40. */
  awarenessRate?: RateLimit;
  /** Document updates per connection; excess closes with 4429. Default 100/s, bursts of 500. */
  updateRate?: RateLimit;
  /** Unsent bytes across all connections past which slow consumers are shed. Default 64 MiB. */
  maxTotalBufferedBytes?: number;
  /** Frame sizes checked before decoding. Defaults: 8 KiB, 4 KiB, 64 KiB. */
  frames?: Partial<FrameLimits>;
  /** Stored document size past which client updates are refused with 4415. Default 64 MiB. */
  maxDocumentBytes?: number;
  /**
   * Characters one paragraph's text may reach through a client update; more closes with 4415
   * `paragraph-too-long`. Default DOCUMENT_LIMITS.paragraphText (20,000).
   */
  maxParagraphChars?: number;
  /** Per-user and per-stakeholder rates and connection caps (see budgets.ts for defaults). */
  personLimits?: Partial<PersonLimits>;
  /** Where those budgets are kept: in memory by default, in Redis with several nodes. */
  budgetStores?: { rates: RateBudgetStore; counts: CountBudgetStore };
  /** With several nodes: who owns each live document (cluster/document-leases.ts). */
  cluster?: CollabCluster;
}

/** One owner node per live document; a connection for another node's document is forwarded there. */
export interface CollabCluster {
  nodeId: string;
  claim(documentId: string): Promise<Ownership>;
  release(documentId: string): Promise<void>;
}

export interface CollabGateway {
  /** True when the request is for `/collab/…` and the gateway took it (answered or upgraded). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Asks the auth hook again for every open connection of the document (after a role or mode
   * change): connections are downgraded, upgraded, or closed (4401, 4403, 4404).
   */
  refreshAccess(documentId: string): Promise<void>;
  /**
   * Another node took the document over (this node lost its lease): its connections here close
   * with 1001 `handed-over` and reconnect, to be forwarded to the new owner; the copy is dropped.
   */
  handOver(documentId: string): void;
  /**
   * Asks the auth hook again for every open connection of one user, in every document (after
   * that user signed out): connections of the ended session close with 4401, others stay.
   */
  refreshUser(userId: string): Promise<void>;
  /**
   * Asks the `textRules` hook again for a loaded (or loading) document, after the chair gavelled
   * or reopened one of its paragraphs; every later update is checked against the answer.
   */
  refreshTextRules(documentId: string): Promise<void>;
  /**
   * One server transaction, stored and broadcast like any update and attributed to
   * `attribution`. Resolves once stored, with the revision of its last `doctext-` event
   * (undefined when it changed nothing). `change` must validate before it mutates: Yjs cannot
   * roll back what a throwing transaction already did.
   */
  applyServerChange(
    documentId: string,
    attribution: Attribution,
    change: (doc: Y.Doc) => void,
  ): Promise<{ revision: bigint | undefined }>;
  createAnchor(
    documentId: string,
    paragraphId: string,
    start: number,
    end: number,
  ): Promise<TextAnchor>;
  resolveAnchor(documentId: string, anchor: TextAnchor): Promise<ResolvedAnchor | null>;
  readParagraphs(documentId: string): Promise<Paragraph[]>;
  /** Writes a new document's first text through the same event path; refused if it has text. */
  createDocumentText(
    documentId: string,
    paragraphs: readonly Paragraph[],
    attribution: Attribution,
  ): Promise<{ revision: bigint | undefined }>;
  /** Loaded documents and open connections, for diagnostics and tests. */
  stats(): { documents: number; connections: number };
  /** Stores what was applied, closes every connection with 1001, frees every document. */
  close(): Promise<void>;
}

export class DocumentTextExists extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId} already has text`);
    this.name = 'DocumentTextExists';
  }
}

const KiB = 1024;
const MiB = 1024 * KiB;
// setTimeout's largest delay; a later session expiry is re-armed when this one fires.
const MAX_TIMER_MS = 2 ** 31 - 1;
const PATH_PREFIX = '/collab/';
// UUIDs (any version) and ULIDs: the two id forms Accord uses.
const DOCUMENT_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-HJKMNP-TV-Z]{26})$/i;
// Room for an event's metadata beside its update, within one append.
const METADATA_HEADROOM = 4096;
// Initial text is written in transactions of about this many characters, so no single update
// comes near the size one event may have.
const INITIAL_TEXT_CHUNK = 128 * 1024;
const UPGRADE_TIMEOUT_MS = 15_000;

export function createCollabGateway(options: CollabGatewayOptions): CollabGateway {
  return new Gateway(options);
}

interface Slot {
  loading: Promise<CollabDocument>;
  document?: CollabDocument;
}

/** An upgrade between its authentication and its attachment; refreshAccess marks it stale. */
interface PendingUpgrade {
  stale: boolean;
}

class Gateway implements CollabGateway {
  private readonly logger: Logger;
  private readonly wss: WebSocketServer;
  private readonly slots = new Map<string, Slot>();
  private readonly pendingUpgrades = new Map<string, Set<PendingUpgrade>>();
  private readonly keepalive: NodeJS.Timeout;
  private readonly limits: ConnectionLimits;
  private readonly budgets: CollabBudgets;
  private readonly buffers: BufferBudget;
  private readonly frames: FrameLimits;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: CollabGatewayOptions) {
    this.logger = options.logger.child({ component: 'collab' });
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes ?? 16 * MiB,
      perMessageDeflate: false,
    });
    this.limits = {
      maxBufferedBytes: options.maxBufferedBytes ?? 8 * MiB,
      awarenessRate: options.awarenessRate ?? { perSecond: 20, burst: 40 },
      updateRate: options.updateRate ?? { perSecond: 100, burst: 500 },
    };
    this.budgets = new CollabBudgets(
      { ...defaultPersonLimits, ...options.personLimits },
      options.budgetStores?.rates,
      options.budgetStores?.counts,
    );
    this.buffers = new BufferBudget({
      maxTotalBytes: options.maxTotalBufferedBytes ?? 64 * MiB,
      minShedBytes: 64 * KiB,
    });
    this.frames = {
      readOnlyUpdateBytes: 8 * KiB,
      stateVectorSlackBytes: 4 * KiB,
      maxAwarenessBytes: 64 * KiB,
      ...options.frames,
    };
    this.keepalive = setInterval(() => this.ping(), options.pingIntervalMs ?? 30_000);
    this.keepalive.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return false;
    }
    if (!pathname.startsWith(PATH_PREFIX)) return false;
    const documentId = pathname.slice(PATH_PREFIX.length);
    if (!DOCUMENT_ID.test(documentId)) {
      refuse(socket, 404);
      return true;
    }
    void this.upgrade(req, socket, head, documentId);
    return true;
  }

  handOver(documentId: string): void {
    const document = this.slots.get(documentId)?.document;
    if (!document) return;
    this.forget(document);
    document.destroy(CollabCloseCode.GoingAway, CollabCloseReason.HandedOver);
    this.logger.info({ documentId }, 'document handed over to another node');
  }

  async refreshAccess(documentId: string): Promise<void> {
    for (const pending of this.pendingUpgrades.get(documentId) ?? []) pending.stale = true;
    const document = this.slots.get(documentId)?.document;
    if (!document) return;
    await Promise.all(
      [...document.connections].map((connection) => this.refreshConnection(documentId, connection)),
    );
  }

  async refreshUser(userId: string): Promise<void> {
    // An upgrade still being attached is re-checked once attached, whoever it belongs to.
    for (const pending of [...this.pendingUpgrades.values()].flatMap((set) => [...set]))
      pending.stale = true;
    await Promise.all(
      [...this.slots].flatMap(([documentId, slot]) =>
        [...(slot.document?.connections ?? [])]
          .filter((connection) => connection.user.userId === userId)
          .map((connection) => this.refreshConnection(documentId, connection)),
      ),
    );
  }

  async refreshTextRules(documentId: string): Promise<void> {
    const slot = this.slots.get(documentId);
    if (!slot) return; // not loaded: the next load asks the hook itself
    const document = await slot.loading.catch(() => undefined);
    if (!document || document.closed) return;
    try {
      document.setTextRules(await this.textRulesOf(documentId));
    } catch (error) {
      // Fail closed: unknown locks must not leave a gavelled paragraph open to typing. Clients
      // reconnect and the document loads afresh, asking the hook again.
      this.logger.error({ err: error, documentId }, 'reading the text rules failed; unloading');
      this.forget(document);
      document.destroy(CollabCloseCode.InternalError, CollabCloseReason.InternalError);
    }
  }

  private textRulesOf(documentId: string): Promise<TextRules> {
    return this.options.hooks.textRules?.(documentId) ?? Promise.resolve(OPEN_TEXT);
  }

  applyServerChange(
    documentId: string,
    attribution: Attribution,
    change: (doc: Y.Doc) => void,
  ): Promise<{ revision: bigint | undefined }> {
    return this.withDocument(documentId, (document) => document.change(attribution, [change]));
  }

  createAnchor(
    documentId: string,
    paragraphId: string,
    start: number,
    end: number,
  ): Promise<TextAnchor> {
    return this.withDocument(documentId, (document) =>
      createAnchor(document.doc, paragraphId, start, end),
    );
  }

  resolveAnchor(documentId: string, anchor: TextAnchor): Promise<ResolvedAnchor | null> {
    return this.withDocument(documentId, (document) => resolveAnchor(document.doc, anchor));
  }

  readParagraphs(documentId: string): Promise<Paragraph[]> {
    return this.withDocument(documentId, (document) => listParagraphs(document.doc));
  }

  createDocumentText(
    documentId: string,
    paragraphs: readonly Paragraph[],
    attribution: Attribution,
  ): Promise<{ revision: bigint | undefined }> {
    validateParagraphs(paragraphs);
    const chunks = chunkParagraphs(paragraphs);
    return this.withDocument(documentId, (document) => {
      let at = 0;
      const steps = chunks.map((chunk, i) => (doc: Y.Doc) => {
        // Checked inside the first transaction, so two concurrent creations cannot both pass.
        if (i === 0 && textFragment(doc).length > 0) throw new DocumentTextExists(documentId);
        insertParagraphs(doc, at, chunk);
        at += chunk.length;
      });
      return document.change(attribution, steps);
    });
  }

  stats(): { documents: number; connections: number } {
    let documents = 0;
    let connections = 0;
    for (const slot of this.slots.values()) {
      if (!slot.document) continue;
      documents += 1;
      connections += slot.document.connections.size;
    }
    return { documents, connections };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.keepalive);
      const loading = [...this.slots.values()].map((slot) => slot.loading.catch(() => undefined));
      const documents = await Promise.all(loading);
      await Promise.all(
        documents
          .filter((document) => document !== undefined)
          .map((document) =>
            document.shutdown(CollabCloseCode.GoingAway, CollabCloseReason.ShuttingDown),
          ),
      );
      this.slots.clear();
      this.updateLoadedGauge();
      await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    })();
    return this.closing;
  }

  private async upgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    documentId: string,
  ): Promise<void> {
    const onError = (error: Error) =>
      this.logger.debug({ err: error }, 'socket error during upgrade');
    socket.on('error', onError);
    // A hook or a load that never settles must not hold the socket for ever.
    const timeout = setTimeout(() => refuse(socket, 503), UPGRADE_TIMEOUT_MS);
    const pending: PendingUpgrade = { stale: false };
    const pendingForDocument = this.pendingUpgrades.get(documentId) ?? new Set<PendingUpgrade>();
    this.pendingUpgrades.set(documentId, pendingForDocument);
    pendingForDocument.add(pending);
    try {
      if (this.closing) return refuse(socket, 503);
      const authRequest: CollabAuthRequest = { headers: req.headers, url: req.url };
      let auth: CollabAuthResult;
      try {
        auth = await this.options.hooks.authenticate(authRequest, documentId);
      } catch (error) {
        this.logger.error({ err: error, documentId }, 'authenticate hook failed');
        return refuse(socket, 500);
      }
      if (!auth.ok) return refuse(socket, auth.status);
      // Counted before the document is loaded: a user at their cap costs no load.
      const releaseSlot = this.budgets.admit(auth.user);
      if (!releaseSlot) {
        this.logger.info({ userId: auth.user.userId, documentId }, 'too many connections');
        return refuse(socket, CollabUpgradeStatus.TooManyConnections);
      }
      let attached = false;
      try {
        const cluster = this.options.cluster;
        if (cluster) {
          let owner: Ownership;
          try {
            owner = await cluster.claim(documentId);
          } catch (error) {
            this.logger.error({ err: error, documentId }, 'asking who owns the document failed');
            return refuse(socket, 503);
          }
          if (!owner.mine) {
            // Forwarded once at most: two nodes that briefly disagree must not bounce it.
            if (wasForwarded(req) || owner.address === null) return refuse(socket, 503);
            socket.off('error', onError);
            attached = true;
            // The owner admits the forwarded connection against the person's budget, which the
            // nodes share through Redis: holding this node's slot too would count it twice.
            releaseSlot();
            await forwardUpgrade(req, socket, head, new URL(owner.address), cluster.nodeId);
            return;
          }
        }
        let document: CollabDocument;
        try {
          document = await this.acquireLive(documentId);
        } catch (error) {
          this.logger.error({ err: error, documentId }, 'loading the document failed');
          return refuse(socket, 503);
        }
        if (this.closing) return refuse(socket, 503);
        if (socket.destroyed || !socket.writable) return;
        socket.off('error', onError);
        const access = auth;
        // ws completes the handshake synchronously (no verifyClient), so the hold only has to
        // cover this call; if ws refuses the handshake the callback never runs.
        const release = document.hold();
        try {
          this.wss.handleUpgrade(req, socket, head, (ws) => {
            attached = true;
            ws.once('close', releaseSlot);
            const connection = new CollabConnection(
              ws,
              authRequest,
              access,
              this.limits,
              this.buffers,
            );
            document.attach(connection);
            this.scheduleExpiry(documentId, connection, access.expiresAt);
            if (pending.stale) void this.refreshConnection(documentId, connection);
          });
        } finally {
          release();
        }
      } finally {
        if (!attached) releaseSlot();
      }
    } finally {
      clearTimeout(timeout);
      pendingForDocument.delete(pending);
      if (
        pendingForDocument.size === 0 &&
        this.pendingUpgrades.get(documentId) === pendingForDocument
      ) {
        this.pendingUpgrades.delete(documentId);
      }
    }
  }

  private async refreshConnection(documentId: string, connection: CollabConnection): Promise<void> {
    let auth: CollabAuthResult;
    try {
      auth = await this.options.hooks.authenticate(connection.authRequest, documentId);
    } catch (error) {
      // Fail closed: the client reconnects and is authenticated afresh on the upgrade.
      this.logger.error({ err: error, documentId }, 'authenticate hook failed on refresh');
      connection.close(CollabCloseCode.InternalError, CollabCloseReason.InternalError);
      return;
    }
    if (auth.ok) {
      connection.setAccess(auth);
      this.scheduleExpiry(documentId, connection, auth.expiresAt);
      return;
    }
    switch (auth.status) {
      case 401:
        connection.close(CollabCloseCode.SessionEnded, CollabCloseReason.SessionEnded);
        return;
      case 403:
        connection.close(CollabCloseCode.Forbidden, CollabCloseReason.AccessRevoked);
        return;
      case 404:
        connection.close(CollabCloseCode.DocumentNotFound, CollabCloseReason.DocumentNotFound);
        return;
      case 423:
        connection.close(CollabCloseCode.SegmentClosed, CollabCloseReason.SegmentClosed);
        return;
    }
  }

  /**
   * Asks the hook again when the connection's session expires, so an expired session loses its
   * live connection within moments rather than at the next sign-out or refresh.
   */
  private scheduleExpiry(
    documentId: string,
    connection: CollabConnection,
    expiresAt: number | undefined,
  ): void {
    connection.setExpiryTimer(undefined);
    if (expiresAt === undefined || !connection.isOpen) return;
    const delay = Math.max(0, Math.min(expiresAt - Date.now(), MAX_TIMER_MS));
    const timer = setTimeout(() => {
      if (Date.now() < expiresAt) this.scheduleExpiry(documentId, connection, expiresAt);
      else void this.refreshConnection(documentId, connection);
    }, delay);
    timer.unref();
    connection.setExpiryTimer(timer);
  }

  /**
   * Runs `work` on the loaded document, keeping it loaded meanwhile. In a cluster a node keeps
   * only the documents it holds the lease of: when another node owns this one (or Redis cannot
   * say), `work` runs on a copy read from the store just now and dropped after, so this node
   * never serves its clients a stale copy once the lease comes to it.
   */
  private async withDocument<T>(
    documentId: string,
    work: (document: CollabDocument) => T | Promise<T>,
  ): Promise<T> {
    if (this.closing) throw new Error('The collaboration gateway is closed');
    if (this.options.cluster && !this.slots.has(documentId)) {
      const owner = await this.options.cluster.claim(documentId).catch((error: unknown) => {
        this.logger.warn({ err: error, documentId }, 'asking who owns the document failed');
        return undefined;
      });
      if (!owner?.mine) return this.withStoredCopy(documentId, work);
    }
    const document = await this.acquireLive(documentId);
    const release = document.hold();
    try {
      return await work(document);
    } finally {
      release();
    }
  }

  private async withStoredCopy<T>(
    documentId: string,
    work: (document: CollabDocument) => T | Promise<T>,
  ): Promise<T> {
    const copy = await this.load(documentId);
    try {
      return await work(copy);
    } finally {
      copy.destroy(CollabCloseCode.GoingAway, CollabCloseReason.ShuttingDown);
    }
  }

  // A document that failed right after loading is replaced by a fresh load; twice in a row
  // means the store is in trouble, and the caller hears about it.
  private async acquireLive(documentId: string): Promise<CollabDocument> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = await this.acquire(documentId);
      if (!document.closed) return document;
    }
    throw new DocumentUnloaded(documentId);
  }

  /** The loaded document, loading it once however many callers ask at the same time. */
  private acquire(documentId: string): Promise<CollabDocument> {
    const existing = this.slots.get(documentId);
    if (existing) return existing.loading;
    const slot: Slot = { loading: this.load(documentId) };
    this.slots.set(documentId, slot);
    slot.loading.then(
      (document) => {
        slot.document = document;
        this.updateLoadedGauge();
      },
      () => {
        if (this.slots.get(documentId) === slot) this.slots.delete(documentId);
      },
    );
    return slot.loading;
  }

  private async load(documentId: string): Promise<CollabDocument> {
    const state = await loadDocState(this.options.store, documentId);
    let textRules: TextRules;
    try {
      // After the text: a gavel that lands meanwhile also calls refreshTextRules, which waits
      // for this load and asks again.
      textRules = await this.textRulesOf(documentId);
    } catch (error) {
      state.doc.destroy();
      throw error;
    }
    if (this.closing) {
      // close() has already taken its list of documents; this one would outlive it.
      state.doc.destroy();
      throw new Error('The collaboration gateway is closed');
    }
    this.logger.debug({ documentId, revision: state.revision?.toString() }, 'document loaded');
    return new CollabDocument({
      documentId,
      state,
      store: this.options.store,
      logger: this.logger,
      snapshotEvery: this.options.snapshotEvery ?? { updates: 500, bytes: MiB },
      awareness: { maxClientsPerConnection: 4, maxStateLength: 16 * 1024 },
      maxUpdateBytes: MAX_APPEND_SIZE - METADATA_HEADROOM,
      frames: this.frames,
      budgets: this.budgets,
      maxDocumentBytes: this.options.maxDocumentBytes ?? 64 * MiB,
      maxParagraphChars: this.options.maxParagraphChars ?? DOCUMENT_LIMITS.paragraphText,
      textRules,
      onRefused: (reason) => this.options.metrics?.collabRefusals?.inc({ reason }),
      onAwarenessDropped: (over) => this.options.metrics?.awarenessDropped?.inc({ over }),
      idleUnloadMs: this.options.idleUnloadMs ?? 60_000,
      onIdle: (document) => void this.unloadIfIdle(document),
      onFailed: (document) => this.forget(document),
      onConnectionOpened: () => this.options.metrics?.websocketConnections.inc({ kind: 'collab' }),
      onConnectionClosed: () => this.options.metrics?.websocketConnections.dec({ kind: 'collab' }),
    });
  }

  private async unloadIfIdle(document: CollabDocument): Promise<void> {
    if (this.closing || !document.isIdle()) return;
    await document.drain();
    // Re-checked after the wait: a connection may have arrived, and it keeps the document.
    if (this.closing || !document.isIdle() || document.closed) return;
    if (this.slots.get(document.documentId)?.document !== document) return;
    this.forget(document);
    document.destroy(CollabCloseCode.GoingAway, CollabCloseReason.ShuttingDown);
    this.logger.debug({ documentId: document.documentId }, 'document unloaded');
    await this.options.cluster?.release(document.documentId).catch((error: unknown) => {
      this.logger.warn({ err: error, documentId: document.documentId }, 'lease not released');
    });
  }

  private forget(document: CollabDocument): void {
    if (this.slots.get(document.documentId)?.document === document)
      this.slots.delete(document.documentId);
    this.updateLoadedGauge();
  }

  private updateLoadedGauge(): void {
    this.options.metrics?.loadedDocuments.set(this.stats().documents);
  }

  private ping(): void {
    for (const slot of this.slots.values()) {
      for (const connection of slot.document?.connections ?? []) {
        if (!connection.alive) {
          connection.terminate();
          continue;
        }
        connection.alive = false;
        try {
          connection.socket.ping();
        } catch (error) {
          this.logger.debug({ err: error }, 'ping failed');
        }
      }
    }
  }
}

/** Answers an upgrade with a plain HTTP error: no websocket is ever opened. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = STATUS_CODES[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function validateParagraphs(paragraphs: readonly Paragraph[]): void {
  const ids = new Set<string>();
  for (const paragraph of paragraphs) {
    if (typeof paragraph.id !== 'string' || paragraph.id.length === 0)
      throw new RangeError('A paragraph needs an id');
    if (ids.has(paragraph.id)) throw new RangeError(`Paragraph id ${paragraph.id} appears twice`);
    ids.add(paragraph.id);
    if (!isParagraphKind(paragraph.kind))
      throw new RangeError(`Unknown paragraph kind ${String(paragraph.kind)}`);
    if (typeof paragraph.text !== 'string')
      throw new RangeError(`Paragraph ${paragraph.id} has no text`);
    if (paragraph.text.length > INITIAL_TEXT_CHUNK * 2) {
      throw new RangeError(
        `Paragraph ${paragraph.id} is longer than ${INITIAL_TEXT_CHUNK * 2} characters`,
      );
    }
  }
}

function chunkParagraphs(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const chunks: Paragraph[][] = [];
  let current: Paragraph[] = [];
  let size = 0;
  for (const paragraph of paragraphs) {
    if (current.length > 0 && size + paragraph.text.length > INITIAL_TEXT_CHUNK) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(paragraph);
    size += paragraph.text.length + 64;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
