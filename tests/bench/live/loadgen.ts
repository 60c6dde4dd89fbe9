/**
 * The load generator: a child process pinned to core 1 (the servers run on core 0), given one
 * job as JSON in argv[2], talking to the benchmark over the IPC channel. Full clients are the
 * stock y-websocket provider on a Y.Doc (they write and measure); the rest are raw websocket
 * clients that do the sync handshake and then only receive and count.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sendOwnAwarenessOnly } from '@accord/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { percentile } from '../lib/measure.js';
import { framedWebSocket, framingFor, type Framing } from './framing.js';
import type {
  FromLoadgen,
  IdleResult,
  Job,
  LargeSyncResult,
  LoadResult,
  Percentiles,
  StormResult,
  Target,
  ToLoadgen,
} from './jobs.js';
import {
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  Reader,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  awarenessMessage,
  countMarkers,
  markerSendTimes,
  readAwarenessEntries,
  syncStep1Empty,
  syncStep2Empty,
} from './wire.js';

const send = (message: FromLoadgen): void => {
  process.send?.(message);
};

const continued: (() => void)[] = [];
process.on('message', (message: ToLoadgen) => {
  if (message.type === 'continue') continued.shift()?.();
});

/** Tells the benchmark where we are and waits until it says to go on. */
function checkpoint(name: string): Promise<void> {
  return new Promise((resolve) => {
    continued.push(resolve);
    send({ type: 'checkpoint', name });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

function summarise(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    samples: sorted.length,
  };
}

const epoch = (): number => performance.timeOrigin + performance.now();

/** The p99 of this process's event-loop delay since `histogram` was enabled, in ms. */
function loopDelayP99(histogram: ReturnType<typeof monitorEventLoopDelay>): number {
  histogram.disable();
  return histogram.percentile(99) / 1e6;
}

/** This process's CPU use since `since`, over `ms`, in percent of one core. */
function cpuPercent(since: NodeJS.CpuUsage, ms: number): number {
  const used = process.cpuUsage(since);
  return ((used.user + used.system) / 1000 / ms) * 100;
}

// ---------------------------------------------------------------------------------------------
// Clients

const cookieOf = (target: Target, i: number): string | undefined =>
  target.cookies.length ? target.cookies[i % target.cookies.length] : undefined;

interface FullClient {
  index: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function fullClient(target: Target, index: number, ownAwarenessOnly = false): FullClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.wsBase, target.room, doc, {
    // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
    WebSocketPolyfill: framedWebSocket(
      cookieOf(target, index),
      framingFor(target.protocol, target.room),
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  if (ownAwarenessOnly) sendOwnAwarenessOnly(provider);
  return { index, doc, provider };
}

/**
 * A caret Accord's relay forwards (a valid relative position, shared/src/collab/awareness.ts: it
 * drops any other field) that carries the move's number in `assoc` and when it was made in
 * `item.clock`, microseconds on this process's clock, where the receiving writers read it.
 */
function stampedCursor(move: number) {
  const at = {
    type: null,
    tname: 'default',
    item: { client: 0, clock: Math.round(performance.now() * 1000) },
    assoc: move,
  };
  return { anchor: at, head: at };
}

/** The move number and send time (ms) of a state carrying a stamped cursor. */
function stampOf(state: unknown): { move: number; sentAt: number } | undefined {
  const at = (state as { cursor?: { anchor?: { item?: { clock?: unknown }; assoc?: unknown } } })
    ?.cursor?.anchor;
  const clock = at?.item?.clock;
  if (typeof clock !== 'number' || typeof at?.assoc !== 'number') return undefined;
  return { move: at.assoc, sentAt: clock / 1000 };
}

class RawClient {
  socket: WebSocket | undefined;
  synced = false;
  everClosed = false;
  syncedAt = 0;
  markers = 0;
  reconnect = true;
  /** Set to count other clients' cursor moves (client id → last move seen). */
  cursors: Map<number, number> | undefined;
  cursorMoves = 0;
  readonly awarenessId = Math.floor(Math.random() * 2 ** 31);
  awarenessClock = 0;

  constructor(
    private readonly url: string,
    private readonly cookie: string | undefined,
    private readonly framing: Framing,
    private readonly onClose: (code: number) => void,
  ) {}

  connect(): void {
    const socket = new WebSocket(this.url, {
      headers: this.cookie ? { cookie: this.cookie } : {},
      perMessageDeflate: false,
    });
    this.socket = socket;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      for (const frame of this.framing.opening) socket.send(frame);
      socket.send(this.framing.out(syncStep1Empty));
    });
    socket.on('message', (frame: Buffer) => {
      const data = this.framing.in(frame);
      if (data) this.receive(data);
    });
    socket.on('error', () => undefined); // 'close' follows and decides what to do
    socket.on('close', (code: number) => {
      if (this.socket !== socket) return;
      this.synced = false;
      this.everClosed = true;
      this.onClose(code);
      if (this.reconnect) setTimeout(() => this.connect(), 50 + Math.random() * 100);
    });
  }

  close(): void {
    this.reconnect = false;
    this.socket?.terminate();
  }

  moveCursor(move: number): void {
    if (!this.synced) return;
    this.awarenessClock += 1;
    this.socket?.send(
      this.framing.out(
        awarenessMessage(this.awarenessId, this.awarenessClock, { cursor: stampedCursor(move) }),
      ),
    );
  }

  private receive(data: Buffer): void {
    const reader = new Reader(data);
    const type = reader.varUint();
    if (type === MESSAGE_SYNC) {
      const step = reader.varUint();
      if (step === SYNC_UPDATE) this.markers += countMarkers(data);
      else if (step === SYNC_STEP2) {
        this.synced = true;
        this.syncedAt = epoch();
      } else if (step === SYNC_STEP1) this.socket?.send(this.framing.out(syncStep2Empty));
    } else if (type === MESSAGE_AWARENESS && this.cursors) {
      for (const entry of readAwarenessEntries(reader)) {
        if (entry.clientId === this.awarenessId) continue;
        const move = /"assoc":(\d+)/.exec(entry.json)?.[1];
        if (move === undefined) continue;
        if (this.cursors.get(entry.clientId) === Number(move)) continue;
        this.cursors.set(entry.clientId, Number(move));
        this.cursorMoves += 1;
      }
    }
  }
}

async function rawClients(
  target: Target,
  count: number,
  firstIndex: number,
  onClose: (code: number) => void,
): Promise<RawClient[]> {
  const clients: RawClient[] = [];
  // A few dozen handshakes at a time, as a room fills up, not all in one burst.
  for (let i = 0; i < count; i += 1) {
    const client = new RawClient(
      `${target.wsBase}/${target.room}`,
      cookieOf(target, firstIndex + i),
      framingFor(target.protocol, target.room),
      onClose,
    );
    client.connect();
    clients.push(client);
    if (i % 50 === 49)
      await until('a batch of clients is synced', () => clients.every((c) => c.synced));
  }
  await until('every raw client is synced', () => clients.every((c) => c.synced));
  return clients;
}

function closeAll(full: FullClient[], raw: RawClient[]): void {
  for (const client of full) {
    client.provider.destroy();
    client.doc.destroy();
  }
  for (const client of raw) client.close();
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const paragraphsOf = (doc: Y.Doc) => doc.getXmlFragment('default');

function newParagraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('id', randomUUID());
  element.setAttribute('kind', 'operative');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Accord's documents start with one paragraph per writer; the bare server's start empty. */
async function ensureParagraphs(writers: FullClient[]): Promise<void> {
  const first = writers[0]!;
  const fragment = paragraphsOf(first.doc);
  if (fragment.length < writers.length) {
    first.doc.transact(() => {
      const missing = writers.length - fragment.length;
      fragment.insert(
        fragment.length,
        Array.from({ length: missing }, (_, i) => newParagraph(`Paragraph ${i + 1}.`)),
      );
    });
  }
  await until('every writer sees its paragraph', () =>
    writers.every((w) => paragraphsOf(w.doc).length >= writers.length),
  );
}

async function openLoop(
  rate: number,
  seconds: number,
  act: (n: number) => void,
): Promise<{ lags: number[] }> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const lags: number[] = [];
  const start = performance.now();
  let n = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Open loop: every action has its slot on the clock, whatever the server does.
      while (n < total && start + n * interval <= now) {
        lags.push(now - (start + n * interval));
        act(n);
        n += 1;
      }
      if (n >= total) resolve();
      else setTimeout(tick, Math.max(0, start + n * interval - performance.now()));
    };
    tick();
  });
  return { lags };
}

/**
 * Listens at each writer for the other writers' cursor moves (awareness states stamped with the
 * time and a move number) while `measuring()`: the latency of each new move as it arrives.
 */
function trackCursorMoves(
  writers: FullClient[],
  measuring: () => boolean,
): { latencies: number[]; delivered: () => number } {
  const latencies: number[] = [];
  let delivered = 0;
  for (const w of writers) {
    const awareness = w.provider.awareness;
    const seen = new Map<number, number>();
    awareness.on(
      'update',
      ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (!measuring() || origin === 'local') return;
        const arrived = performance.now();
        for (const id of [...added, ...updated]) {
          if (id === awareness.clientID) continue;
          const stamp = stampOf(awareness.getStates().get(id));
          if (!stamp || seen.get(id) === stamp.move) continue;
          seen.set(id, stamp.move);
          latencies.push(arrived - stamp.sentAt);
          delivered += 1;
        }
      },
    );
  }
  return { latencies, delivered: () => delivered };
}

/** Moves a full client's cursor, stamped with the time and the move's number. */
function moveCursor(client: FullClient, n: number): void {
  client.provider.awareness.setLocalState({ cursor: stampedCursor(n) });
}

async function load(job: Extract<Job, { scenario: 'load' }>): Promise<LoadResult> {
  const closes: Record<string, number> = {};
  let measuring = false;
  const onClose = (code: number) => {
    if (measuring) closes[code] = (closes[code] ?? 0) + 1;
  };
  const writers = Array.from({ length: job.writers }, (_, i) =>
    fullClient(job.target, i, job.ownAwarenessOnly),
  );
  for (const w of writers) {
    w.provider.on('connection-close', (event) => onClose(event?.code ?? 0));
  }
  const raw = await rawClients(job.target, job.receivers, job.writers, onClose);
  try {
    await until('every writer is synced', () => writers.every((w) => w.provider.synced));
    await ensureParagraphs(writers);

    const latencies: number[] = [];
    let fullDelivered = 0;
    for (const w of writers) {
      // Applied to this client's Y.Doc: the edit has arrived. Yjs emits 'update' only for
      // what is new, so an echo of the client's own edit counts nothing.
      w.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== w.provider || !measuring) return;
        const arrived = performance.now();
        for (const sent of markerSendTimes(update)) {
          latencies.push(arrived - sent);
          fullDelivered += 1;
        }
      });
    }
    const cursorRate = job.cursorRate ?? 0;
    const moves = cursorRate > 0 ? trackCursorMoves(writers, () => measuring) : undefined;
    if (moves) for (const r of raw) r.cursors = new Map();
    await sleep(500);
    await checkpoint('connected');
    measuring = true;
    for (const r of raw) {
      r.markers = 0;
      r.cursorMoves = 0;
    }
    const start = epoch();
    const cpu = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cursorsMoved = moves
      ? openLoop(cursorRate, job.seconds, (n) => moveCursor(writers[n % writers.length]!, n))
      : undefined;
    const { lags } = await openLoop(job.rate, job.seconds, (n) => {
      const writer = writers[n % writers.length]!;
      const paragraph = paragraphsOf(writer.doc).get(writer.index) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      text.insert(0, `⟨${writer.index}.${n}@${performance.now().toFixed(3)}⟩`);
    });
    const cursorLags = (await cursorsMoved)?.lags ?? [];
    const total = Math.round(job.rate * job.seconds);
    const expected = total * (job.writers - 1) + total * job.receivers;
    const delivered = () => fullDelivered + raw.reduce((sum, r) => sum + r.markers, 0);
    // Each move reaches the other writers and every receiver.
    const movesExpected = Math.round(cursorRate * job.seconds) * (job.writers - 1 + job.receivers);
    const movesDelivered = () =>
      (moves?.delivered() ?? 0) + raw.reduce((sum, r) => sum + r.cursorMoves, 0);
    const drainUntil = performance.now() + Math.max(5_000, job.seconds * 500);
    // The window (for the servers' CPU) ends when the last delivery was seen, not when the wait
    // for one that never comes gives up: idle seconds would dilute the servers' average.
    let arrivals = delivered() + movesDelivered();
    let end = epoch();
    while (
      (delivered() < expected || movesDelivered() < movesExpected) &&
      performance.now() < drainUntil
    ) {
      await sleep(50);
      const now = delivered() + movesDelivered();
      if (now > arrivals) {
        arrivals = now;
        end = epoch();
      }
    }
    measuring = false;
    return {
      latency: summarise(latencies),
      delivered: delivered(),
      expected,
      scheduleLagP99: summarise([...lags, ...cursorLags]).p99,
      generatorCpuPercent: cpuPercent(cpu, end - start),
      generatorLoopDelayP99: loopDelayP99(loopDelay),
      closes,
      window: { start, end },
      ...(moves
        ? {
            presence: {
              latency: summarise(moves.latencies),
              delivered: movesDelivered(),
              expected: movesExpected,
            },
          }
        : {}),
    };
  } finally {
    closeAll(writers, raw);
  }
}

async function storm(job: Extract<Job, { scenario: 'storm' }>): Promise<StormResult> {
  let firstCloseAt = 0;
  const onClose = () => {
    firstCloseAt ||= epoch();
  };
  const writers = Array.from({ length: job.writers }, (_, i) => fullClient(job.target, i));
  const resynced = new Map<FullClient, number>();
  for (const w of writers) {
    w.provider.on('connection-close', () => {
      onClose();
      resynced.set(w, 0);
    });
    w.provider.on('sync', (isSynced: boolean) => {
      if (isSynced && resynced.has(w)) resynced.set(w, epoch());
    });
  }
  const raw = await rawClients(job.target, job.receivers, job.writers, onClose);
  try {
    await until('every writer is synced', () => writers.every((w) => w.provider.synced));
    await ensureParagraphs(writers);
    await sleep(500);
    // The benchmark restarts the server now, and continues once it listens again.
    await checkpoint('connected');
    await until(
      'every client is synced again',
      () =>
        raw.every((r) => r.everClosed && r.synced) &&
        writers.every((w) => (resynced.get(w) ?? 0) > 0),
      120_000,
    );
    const times = [...raw.map((r) => r.syncedAt), ...resynced.values()];
    return { clients: times.length, allSyncedAt: Math.max(...times), firstCloseAt };
  } finally {
    closeAll(writers, raw);
  }
}

async function largeSync(job: Extract<Job, { scenario: 'large-sync' }>): Promise<LargeSyncResult> {
  const seeder = fullClient(job.target, 0);
  const opened: FullClient[] = [seeder];
  let raw: RawClient[] = [];
  try {
    await until('the seeder is synced', () => seeder.provider.synced);
    const words = 'the parties shall cooperate on early warning and cooling centres ';
    const text = words
      .repeat(Math.ceil(job.paragraphChars / words.length))
      .slice(0, job.paragraphChars);
    const fragment = paragraphsOf(seeder.doc);
    const seedStart = performance.now();
    // Transactions of ~100 KB: each is one update, well under the size one stored event may have.
    const perUpdate = Math.max(1, Math.floor(100_000 / job.paragraphChars));
    for (let done = 0; done < job.paragraphs; done += perUpdate) {
      const count = Math.min(perUpdate, job.paragraphs - done);
      seeder.doc.transact(() =>
        fragment.insert(
          fragment.length,
          Array.from({ length: count }, () => newParagraph(text)),
        ),
      );
      await sleep(20);
    }
    const expectedLength = fragment.length;
    const updateBytes = Y.encodeStateAsUpdate(seeder.doc).byteLength;
    // Done seeding when a fresh client receives all of it.
    let probeIndex = 1;
    for (;;) {
      const probe = fullClient(job.target, probeIndex++);
      opened.push(probe);
      await until('the probe is synced', () => probe.provider.synced);
      const complete = paragraphsOf(probe.doc).length >= expectedLength;
      probe.provider.destroy();
      if (complete) break;
      await sleep(500);
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    let coldMs = NaN;
    if (job.coldStart) {
      seeder.provider.destroy();
      await checkpoint('restart');
      const start = performance.now();
      const client = fullClient(job.target, probeIndex++);
      opened.push(client);
      await until('the first client after the restart is synced', () => client.provider.synced);
      coldMs = performance.now() - start;
      if (paragraphsOf(client.doc).length < expectedLength)
        throw new Error('after the restart a client synced without the whole document');
      client.provider.destroy();
    }
    const sequential: number[] = [];
    for (let round = 0; round < job.rounds; round += 1) {
      const start = performance.now();
      const client = fullClient(job.target, probeIndex++);
      opened.push(client);
      await until('a fresh client is synced', () => client.provider.synced);
      sequential.push(performance.now() - start);
      if (paragraphsOf(client.doc).length < expectedLength)
        throw new Error('a fresh client synced without the whole document');
      client.provider.destroy();
      client.doc.destroy();
    }
    const concurrentStart = performance.now();
    raw = Array.from(
      { length: job.concurrent },
      (_, i) =>
        new RawClient(
          `${job.target.wsBase}/${job.target.room}`,
          cookieOf(job.target, i),
          framingFor(job.target.protocol, job.target.room),
          () => undefined,
        ),
    );
    for (const client of raw) client.connect();
    await until('every concurrent client is synced', () => raw.every((r) => r.synced), 120_000);
    const concurrentMs = performance.now() - concurrentStart;
    return {
      updateBytes,
      seedSeconds,
      sequentialMs: summarise(sequential),
      concurrentMs,
      coldMs,
    };
  } finally {
    closeAll(opened, raw);
  }
}

async function cursors(job: Extract<Job, { scenario: 'cursors' }>): Promise<LoadResult> {
  const closes: Record<string, number> = {};
  let measuring = false;
  const onClose = (code: number) => {
    if (measuring) closes[code] = (closes[code] ?? 0) + 1;
  };
  const writers = Array.from({ length: job.writers }, (_, i) => fullClient(job.target, i));
  const raw = await rawClients(job.target, job.receivers, job.writers, onClose);
  try {
    await until('every full client is synced', () => writers.every((w) => w.provider.synced));
    for (const w of writers) {
      w.provider.on('connection-close', (event) => onClose(event?.code ?? 0));
    }
    const moves = trackCursorMoves(writers, () => measuring);
    for (const r of raw) r.cursors = new Map();
    await sleep(500);
    await checkpoint('connected');
    measuring = true;
    const start = epoch();
    const cpu = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const connections = job.writers + job.receivers;
    const { lags } = await openLoop(job.rate, job.seconds, (n) => {
      const k = n % connections;
      if (k < job.writers) moveCursor(writers[k]!, n);
      else raw[k - job.writers]!.moveCursor(n);
    });
    const total = Math.round(job.rate * job.seconds);
    // Every move reaches every other connection; latency is measured at the full clients.
    const expected = total * (connections - 1);
    const delivered = () => moves.delivered() + raw.reduce((sum, r) => sum + r.cursorMoves, 0);
    const drainUntil = performance.now() + 5_000;
    while (delivered() < expected && performance.now() < drainUntil) await sleep(50);
    const end = epoch();
    measuring = false;
    return {
      latency: summarise(moves.latencies),
      delivered: delivered(),
      expected,
      scheduleLagP99: summarise(lags).p99,
      generatorCpuPercent: cpuPercent(cpu, end - start),
      generatorLoopDelayP99: loopDelayP99(loopDelay),
      closes,
      window: { start, end },
    };
  } finally {
    closeAll(writers, raw);
  }
}

async function idle(job: Extract<Job, { scenario: 'idle' }>): Promise<IdleResult> {
  // One connection first, so the document is loaded before the "before" reading.
  const first = await rawClients(job.target, 1, 0, () => undefined);
  let raw: RawClient[] = [];
  try {
    await checkpoint('warm');
    const start = performance.now();
    raw = await rawClients(job.target, job.connections, 1, () => undefined);
    const connectSeconds = (performance.now() - start) / 1000;
    await checkpoint('connected');
    return { connections: raw.length, connectSeconds };
  } finally {
    closeAll([], [...first, ...raw]);
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as Job;
  // Each y-websocket provider registers a process 'exit' handler in Node.
  process.setMaxListeners(0);
  let result;
  switch (job.scenario) {
    case 'load':
      result = await load(job);
      break;
    case 'storm':
      result = await storm(job);
      break;
    case 'large-sync':
      result = await largeSync(job);
      break;
    case 'cursors':
      result = await cursors(job);
      break;
    case 'idle':
      result = await idle(job);
      break;
  }
  send({ type: 'result', result });
}

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
