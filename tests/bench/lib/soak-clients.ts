/**
 * The soak benchmark's client processes, one job each (JSON in argv[2]), pinned beside the
 * load generator's core and driven over IPC by `suites/soak.ts`:
 *  - editors: stock y-websocket providers that append unique tokens to their own paragraph at
 *    an open-loop rate, move their cursor and state positions over REST; one read-only checker
 *    per document collects every token, and at the end a fresh client per document shows what
 *    the server holds, so lost updates are counted, not guessed;
 *  - audience: socket.io clients in the negotiation's and a document's rooms, counting pushes.
 * Each measures its own event-loop delay so a saturated generator is visible in the results.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { stances } from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { percentile } from './measure.js';
import type {
  AudienceJob,
  AudienceResult,
  EditorsJob,
  EditorsResult,
  FromSoakClients,
  GeneratorHealth,
  SoakJob,
  ToSoakClients,
} from './soak-protocol.js';

const send = (message: FromSoakClients): void => {
  process.send?.(message);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function mustReach(what: string, test: () => boolean, timeoutMs = 120_000): Promise<void> {
  if (!(await until(test, timeoutMs))) throw new Error(`timed out waiting until ${what}`);
}

const bump = (counts: Record<string, number>, key: string | number): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Messages from the benchmark, awaited by name. */
const waiting = new Map<ToSoakClients['type'], () => void>();
process.on('message', (message: ToSoakClients) => waiting.get(message.type)?.());
const when = (type: ToSoakClients['type']) =>
  new Promise<void>((resolve) => waiting.set(type, resolve));

/**
 * The process's own health between `measure` and `stop`: event-loop delay (10 ms resolution,
 * as the server's prom-client reads it) and CPU.
 */
class Health {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private cpu = process.cpuUsage();
  private since = performance.now();
  lags: number[] = [];

  constructor() {
    this.histogram.enable();
  }

  reset(): void {
    this.histogram.reset();
    this.cpu = process.cpuUsage();
    this.since = performance.now();
    this.lags = [];
  }

  read(): GeneratorHealth {
    const used = process.cpuUsage(this.cpu);
    const ms = performance.now() - this.since;
    const lags = [...this.lags].sort((a, b) => a - b);
    return {
      loopDelay: {
        p50: this.histogram.percentile(50) / 1e6,
        p99: this.histogram.percentile(99) / 1e6,
        max: this.histogram.max / 1e6,
      },
      cpuPercent: ((used.user + used.system) / 1000 / ms) * 100,
      scheduleLagP99: lags.length ? percentile(lags, 99) : NaN,
    };
  }
}

/** Calls `act(k)` for slot k at start + k / rate, whatever the server does, until stopped. */
function openLoop(rate: number, act: (k: number) => void, lags?: () => number[]): () => void {
  const interval = 1000 / rate;
  const start = performance.now();
  let k = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    while (start + k * interval <= now) {
      lags?.().push(now - (start + k * interval));
      act(k);
      k += 1;
    }
    timer = setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// ---------------------------------------------------------------------------------------------
// Editors

const cookieSocket = (cookie: string) =>
  class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie }, perMessageDeflate: false });
    }
  };

function provider(job: EditorsJob, documentId: string, doc: Y.Doc, cookie: string) {
  return new WebsocketProvider(job.wsBase, documentId, doc, {
    // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
    WebSocketPolyfill: cookieSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

const TOKEN = /⟨(\d+)\.(\d+)@([\d.]+)⟩/g;

/** The tokens in a document's text (or in a Yjs update's bytes), with their send times. */
function tokensIn(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of text.matchAll(TOKEN)) found.set(`${m[1]}.${m[2]}`, Number(m[3]));
  return found;
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment('default').toJSON();

interface Editor {
  index: number;
  documentIndex: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  cookie: string;
  written: number;
  /** The tokens still in the paragraph (window mode), oldest first, and their characters. */
  window: string[];
  windowChars: number;
  /** Where the tokens start: the paragraph's own words come first. */
  base: number;
}

const paragraphOf = (editor: Editor, documents: number) =>
  editor.doc.getXmlFragment('default').get(Math.floor(editor.index / documents)) as Y.XmlElement;

async function editors(job: EditorsJob): Promise<EditorsResult> {
  const health = new Health();
  const D = job.documents.length;
  let started = false;
  const collabCloses: Record<string, number> = {};
  const restFailures: Record<string, number> = {};
  const onClose = (event: { code?: number } | null) => {
    if (started) bump(collabCloses, event?.code ?? 0);
  };

  const checkers = job.documents.map((documentId) => {
    const doc = new Y.Doc();
    const p = provider(job, documentId, doc, job.checkerCookie);
    p.on('connection-close', onClose);
    const seen = new Set<string>();
    const delivery: number[] = [];
    doc.on('update', (update: Uint8Array) => {
      const arrived = performance.now();
      const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
      for (const [token, sentAt] of tokensIn(bytes.toString('utf8'))) {
        if (seen.has(token)) continue;
        seen.add(token);
        delivery.push(arrived - sentAt);
      }
    });
    return { documentId, doc, provider: p, seen, delivery };
  });

  const all: Editor[] = [];
  for (let index = 0; index < job.editorCookies.length; index += 1) {
    const documentIndex = index % D;
    const doc = new Y.Doc();
    const cookie = job.editorCookies[index]!;
    const p = provider(job, job.documents[documentIndex]!, doc, cookie);
    p.on('connection-close', onClose);
    all.push({
      index,
      documentIndex,
      doc,
      provider: p,
      cookie,
      written: 0,
      window: [],
      windowChars: 0,
      base: 0,
    });
    // Batches, so the server is not met with every handshake at once.
    if (index % 20 === 19)
      await mustReach('a batch of editors is synced', () => all.every((e) => e.provider.synced));
  }
  await mustReach('every editor and checker is synced', () =>
    [...all, ...checkers].every((c) => c.provider.synced),
  );
  await mustReach('every editor sees its paragraph', () =>
    all.every((e) => paragraphOf(e, D)?.get(0) instanceof Y.XmlText),
  );
  send({ type: 'ready', detail: `${all.length} editors, ${checkers.length} checkers synced` });

  await when('go');
  started = true;
  health.reset();
  const sentByDocument = job.documents.map(() => new Set<string>());
  const E = all.length;
  for (const editor of all) editor.base = (paragraphOf(editor, D).get(0) as Y.XmlText).length;
  const stopWriting = openLoop(
    E * job.updatesPerEditorPerSecond,
    (k) => {
      const editor = all[k % E]!;
      const n = editor.written++;
      const text = paragraphOf(editor, D).get(0) as Y.XmlText;
      const token = `⟨${editor.index}.${n}@${performance.now().toFixed(1)}⟩`;
      // Only this editor writes in its paragraph, so its own offsets are the server's.
      editor.doc.transact(() => {
        text.insert(text.length, token);
        editor.window.push(token);
        editor.windowChars += token.length;
        while (job.textWindowChars > 0 && editor.windowChars > job.textWindowChars) {
          const oldest = editor.window.shift()!;
          text.delete(editor.base, oldest.length);
          editor.windowChars -= oldest.length;
        }
      });
      sentByDocument[editor.documentIndex]!.add(`${editor.index}.${n}`);
    },
    () => health.lags,
  );
  const stopCursors = openLoop(E / job.cursorEverySeconds, (k) => {
    const editor = all[k % E]!;
    const text = paragraphOf(editor, D).get(0) as Y.XmlText;
    const at = Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(text, k % Math.max(1, text.length)),
    ) as unknown;
    editor.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
  });
  let positionsStated = 0;
  const requests = new Set<Promise<void>>();
  const stopPositions = openLoop(E / job.positionEverySeconds, (k) => {
    const editor = all[k % E]!;
    const paragraphId = paragraphOf(editor, D).getAttribute('id');
    const documentId = job.documents[editor.documentIndex]!;
    const request = fetch(`${job.httpBase}/api/documents/${documentId}/positions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: editor.cookie },
      body: JSON.stringify({
        target: { kind: 'paragraph', id: paragraphId },
        // A new stance each round (a repeated one may change nothing, and push nothing).
        stance: stances[((k % E) + Math.floor(k / E)) % stances.length],
      }),
    }).then(
      async (res) => {
        await res.arrayBuffer();
        if (res.ok) positionsStated += 1;
        else bump(restFailures, res.status);
      },
      () => bump(restFailures, 'network'),
    );
    requests.add(request);
    void request.finally(() => requests.delete(request));
  });
  const progress = setInterval(() => {
    const sent = sentByDocument.reduce((sum, s) => sum + s.size, 0);
    const seen = checkers.reduce((sum, c) => sum + c.seen.size, 0);
    send({
      type: 'progress',
      detail: `editors: ${sent} edits sent, ${seen} at the checkers, ${positionsStated} positions`,
    });
  }, 30_000);

  void when('measure').then(() => health.reset());
  await when('stop');
  // Closes from here on are the benchmark's own.
  started = false;
  stopWriting();
  stopCursors();
  stopPositions();
  clearInterval(progress);
  const steady = health.read();
  await Promise.all(requests);

  // Drain: every token should reach its document's checker.
  const arrived = () =>
    checkers.every((c, d) => [...sentByDocument[d]!].every((t) => c.seen.has(t)));
  await until(arrived, 60_000);
  // What must still be in the text: every token (append mode) or each editor's window.
  const expectedByDocument = job.documents.map(() => new Set<string>());
  for (const editor of all) {
    const keep =
      job.textWindowChars > 0 ? editor.window : [...Array(editor.written).keys()].map(String);
    for (const kept of keep) {
      const id = job.textWindowChars > 0 ? /⟨([^@]+)@/.exec(kept)![1]! : `${editor.index}.${kept}`;
      expectedByDocument[editor.documentIndex]!.add(id);
    }
  }
  const missing: string[] = [];
  let missingAtChecker = 0;
  checkers.forEach((c, d) => {
    const present = tokensIn(textOf(c.doc));
    for (const token of expectedByDocument[d]!)
      if (!present.has(token)) {
        missingAtChecker += 1;
        if (missing.length < 10) missing.push(`checker ${d}: ${token}`);
      }
  });

  // What the server holds: a fresh client per document, one at a time.
  let missingOnServer = 0;
  let documentChars = 0;
  for (let d = 0; d < D; d += 1) {
    const doc = new Y.Doc();
    const fresh = provider(job, job.documents[d]!, doc, job.checkerCookie);
    try {
      await mustReach('a fresh client is synced', () => fresh.synced, 60_000);
      const text = textOf(doc);
      documentChars += text.length;
      const present = tokensIn(text);
      for (const token of expectedByDocument[d]!)
        if (!present.has(token)) {
          missingOnServer += 1;
          if (missing.length < 20) missing.push(`server ${d}: ${token}`);
        }
    } finally {
      fresh.destroy();
      doc.destroy();
    }
  }

  const delivery = checkers.flatMap((c) => c.delivery).sort((a, b) => a - b);
  for (const client of [...all, ...checkers]) {
    client.provider.destroy();
    client.doc.destroy();
  }
  return {
    role: 'editors',
    sent: sentByDocument.reduce((sum, s) => sum + s.size, 0),
    missingAtChecker,
    missingOnServer,
    missingSample: missing,
    deliveryP50: percentile(delivery, 50),
    deliveryP99: percentile(delivery, 99),
    deliveryMax: delivery.at(-1) ?? NaN,
    collabCloses,
    positionsStated,
    restFailures,
    documentChars,
    health: steady,
  };
}

// ---------------------------------------------------------------------------------------------
// Audience

interface Listener {
  socket: Socket;
  joined: boolean;
  changes: number;
  /** Connected before the load started and never replaced: its count of pushes is complete. */
  whole: boolean;
  /** Closed on purpose (churn or the end): its disconnect is no error. */
  leaving: boolean;
}

async function audience(job: AudienceJob): Promise<AudienceResult> {
  const health = new Health();
  let started = false;
  let presenceUpdates = 0;
  let joinFailures = 0;
  let churned = 0;
  const disconnects: Record<string, number> = {};
  const connectErrors: Record<string, number> = {};
  const listeners: Listener[] = [];

  const join = async (listener: Listener, documentId: string) => {
    listener.joined = false;
    try {
      const answers = (await Promise.all([
        listener.socket
          .timeout(30_000)
          .emitWithAck('negotiation:join', { negotiationId: job.negotiationId }),
        listener.socket.timeout(30_000).emitWithAck('document:join', { documentId }),
      ])) as { ok: boolean }[];
      if (answers.every((a) => a.ok)) listener.joined = true;
      else joinFailures += 1;
    } catch {
      joinFailures += 1;
    }
  };

  /** Client i: signs in as cookie i (round robin), joins the negotiation and document i. */
  const connect = (i: number): Listener => {
    const socket = io(job.httpBase, {
      path: '/socket.io',
      transports: ['websocket'],
      // One connection per client, as separate browsers have (no shared manager).
      forceNew: true,
      extraHeaders: { cookie: job.cookies[i % job.cookies.length]! },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    const listener: Listener = {
      socket,
      joined: false,
      changes: 0,
      whole: !started,
      leaving: false,
    };
    const documentId = job.documents[i % job.documents.length]!;
    // Also after socket.io reconnects by itself: a browser joins its rooms again.
    socket.on('connect', () => void join(listener, documentId));
    socket.on('change', () => {
      if (started) listener.changes += 1;
    });
    socket.on('connect_error', (error: Error) => bump(connectErrors, error.message));
    socket.on('presence', () => {
      if (started) presenceUpdates += 1;
    });
    socket.on('disconnect', (reason: string) => {
      listener.joined = false;
      if (started && !listener.leaving) bump(disconnects, reason);
    });
    listeners[i] = listener;
    return listener;
  };

  for (let i = 0; i < job.clients; i += 1) {
    connect(i);
    if (i % 50 === 49)
      await mustReach('a batch of socket.io clients joined', () =>
        listeners.every((l) => l.joined),
      );
  }
  await mustReach('every socket.io client joined', () => listeners.every((l) => l.joined));
  send({ type: 'ready', detail: `${listeners.length} socket.io clients joined` });

  await when('go');
  started = true;
  health.reset();
  // Churn: people close a tab and open another; the connect and disconnect paths are where
  // per-connection state would pile up. Stride 7 spreads it over users and documents.
  const stopChurn =
    job.churnPerSecond > 0
      ? openLoop(job.churnPerSecond, (k) => {
          const i = (k * 7) % job.clients;
          const old = listeners[i]!;
          old.leaving = true;
          old.socket.disconnect();
          connect(i);
          churned += 1;
        })
      : () => undefined;
  const progress = setInterval(() => {
    const connected = listeners.filter((l) => l.socket.connected).length;
    const changes = listeners.reduce((sum, l) => sum + l.changes, 0);
    send({
      type: 'progress',
      detail: `audience: ${connected} connected, ${churned} replaced, ${changes} changes received, ${presenceUpdates} presence updates`,
    });
  }, 30_000);
  void when('measure').then(() => health.reset());
  await when('stop');
  stopChurn();
  clearInterval(progress);
  const steady = health.read();
  // The last positions' pushes are still on their way.
  await sleep(3_000);
  started = false;
  const counts = listeners
    .filter((l) => l.whole)
    .map((l) => l.changes)
    .sort((a, b) => a - b);
  const connected = listeners.filter((l) => l.socket.connected).length;
  for (const l of listeners) {
    l.leaving = true;
    l.socket.disconnect();
  }
  return {
    role: 'audience',
    connected,
    churned,
    changesPerClient: {
      clients: counts.length,
      min: counts[0] ?? NaN,
      median: percentile(counts, 50),
      max: counts.at(-1) ?? NaN,
    },
    presenceUpdates,
    disconnects,
    connectErrors,
    joinFailures,
    health: steady,
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as SoakJob;
  // Each y-websocket provider registers a process 'exit' handler in Node.
  process.setMaxListeners(0);
  const result = job.role === 'editors' ? await editors(job) : await audience(job);
  send({ type: 'result', result });
}

// A child process of the bench: it ends itself once it has reported, after a moment for the IPC
// message to leave (open sockets would otherwise keep it alive).
main().then(
  () => setTimeout(() => process.exit(0), 200),
  (error: unknown) => {
    send({
      type: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    setTimeout(() => process.exit(1), 200);
  },
);
