/**
 * Replay and time-travel suite: a generated history of text updates (200k by default,
 * `ACCORD_BENCH_REPLAY_UPDATES=1000000` for the million; snapshots every 500, as the
 * gateway takes them) and about 20k record events in a temporary SQLite store. Opening the
 * document (latest snapshot + tail) and time travel to random points — the text from the nearest
 * snapshot, whole frames from record checkpoints — are set beside a full replay of the same log
 * from the start, in the same run; the record fold and the read models are rebuilt from nothing
 * and set beside a raw read of the same events.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  frameAsOf,
  insertParagraphs,
  listParagraphs,
  loadDocState,
  openReadModelDb,
  openSqliteEventStore,
  readModelFilter,
  rebuildReadModels,
  RecordHistory,
  replaceParagraphText,
  replayTextFromStart,
  TextLog,
  textRevisionAtPosition,
  type EventStore,
  type JsonObject,
  type RebuildResult,
} from '@accord/server';
import {
  consensusOf,
  docTextSnapshotStream,
  docTextStream,
  schemaVersionOf,
  type AccordEvent,
  type Stance,
} from '@accord/shared';
import * as Y from 'yjs';
import { percentile, timeMs } from '../lib/measure.js';
import { row, type BenchRow, type SuiteResult } from '../lib/results.js';

/** Per round: the updates of one gateway batch, and (in some rounds) record events around them. */
const UPDATES_PER_ROUND = 100;
// 200k by default: a million takes several minutes to generate on a shared 2-core machine
// (every snapshot encodes the whole, ever larger, state), too long for every `npm run bench`.
const UPDATES = Number(
  process.env.ACCORD_BENCH_REPLAY_UPDATES ??
    Number(process.env.ACCORD_BENCH_REPLAY_ROUNDS ?? 2_000) * UPDATES_PER_ROUND,
);
const ROUNDS = Math.max(1, Math.round(UPDATES / UPDATES_PER_ROUND));
/** About 20k record events whatever the text's size: 10 in each of 2,000 rounds. */
const RECORD_ROUNDS = Math.min(ROUNDS, 2_000);
const RECORD_EVERY = Math.max(1, Math.floor(ROUNDS / RECORD_ROUNDS));
const RECORD_PER_ROUND = 10;
/**
 * The gateway's snapshot policy at its defaults (every 500 updates or 1 MiB, spaced so each
 * snapshot follows a quarter of its own size in updates; v2 encoding), except that every snapshot
 * stays readable (`keep: 0`): time travel then always starts from a snapshot at or before its
 * point. Spacing bounds what that keeps: at most 4× the log's bytes plus the last snapshot.
 */
const SNAPSHOT_POLICY = { updates: 500, bytes: 1024 * 1024, keep: 0 };
const PARAGRAPHS = 120;
const DELEGATIONS = 120;
const GROUPS = 8;
/** Random points: many for time travel, a few for the full replays they are compared with. */
const POINTS = 60;
/** Full replays are long on a big log: fewer of them, at least two (one for frames). */
const BASELINE_POINTS = Math.min(POINTS, Math.max(2, Math.round((6 * 200_000) / UPDATES)));
/** Opening the document (no revision): repeated, the median reported. */
const OPENS = 20;

const STANCES: Stance[] = ['support', 'can-accept', 'reservation', 'objection', 'abstain'];
const WORDS = ['heat', 'cities', 'resilience', 'migrants', 'shall', 'should', 'urgently', 'all'];

/** A seeded generator, so every run measures the same history. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

interface History {
  store: EventStore;
  documentId: string;
  lastTextRevision: bigint;
  recordEvents: number;
  textUpdates: number;
  /** Global positions of record events, to time-travel to. */
  recordPositions: bigint[];
  /** Snapshot bytes the writer appended (readable or not). */
  snapshotBytesWritten: number;
}

async function generate(store: EventStore, log: (line: string) => void): Promise<History> {
  const rng = random(42);
  const negotiationId = randomUUID();
  const documentId = randomUUID();
  const chair = randomUUID();
  let clock = Date.parse('2026-01-05T09:00:00.000Z');
  const now = () => new Date((clock += 250)).toISOString();
  const recordPositions: bigint[] = [];
  let recordEvents = 0;

  /** Appends at once; `settle` awaits them, so one round's events share a group commit. */
  let inFlight: Promise<void>[] = [];
  const settle = async () => {
    await Promise.all(inFlight);
    inFlight = [];
  };
  const record = (stream: string, event: AccordEvent): Promise<void> => {
    const promise = append(stream, event);
    inFlight.push(promise);
    return promise;
  };
  const append = async (stream: string, event: AccordEvent) => {
    const metadata: JsonObject = {
      commandId: randomUUID(),
      commandType: 'Generated',
      occurredAt: now(),
      schemaVersion: schemaVersionOf(event.type),
      userId: chair,
    };
    const { position } = await store.appendToStream(stream, [
      { id: randomUUID(), type: event.type, data: event.data, metadata },
    ]);
    recordPositions.push(position);
    recordEvents += 1;
  };
  const negotiation = `negotiation-${negotiationId}`;
  const positions = `positions-${documentId}`;

  await record(negotiation, {
    type: 'NegotiationOpened',
    data: { negotiationId, title: 'Bench', description: '', openedBy: chair, openedAt: now() },
  });
  const register = (
    kind: 'group' | 'delegation' | 'civil-society',
    i: number,
    groupIds: string[],
  ) => {
    const stakeholderId = randomUUID();
    return record(negotiation, {
      type: 'StakeholderRegistered',
      data: {
        negotiationId,
        stakeholderId,
        kind,
        name: `${kind} ${i}`,
        shortCode: `${kind[0]!.toUpperCase()}${i}`,
        groupIds,
        registeredAt: now(),
      },
    }).then(() => stakeholderId);
  };
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(await register('group', i, []));
  const delegations: string[] = [];
  for (let i = 0; i < DELEGATIONS; i++) {
    const memberOf = i % 3 === 0 ? [rng.pick(groups), rng.pick(groups)] : [rng.pick(groups)];
    delegations.push(await register('delegation', i, [...new Set(memberOf)]));
  }
  const others: string[] = [];
  for (let i = 0; i < 6; i++) others.push(await register('civil-society', i, []));
  await record(`document-${documentId}`, {
    type: 'DocumentCreated',
    data: {
      documentId,
      negotiationId,
      title: 'Bench compact',
      symbol: 'A/BENCH/1',
      mode: 'open-drafting',
      createdBy: chair,
      createdAt: now(),
    },
  });

  const text = new TextLog(store, documentId, { snapshotEvery: SNAPSHOT_POLICY });
  const paragraphIds = Array.from({ length: PARAGRAPHS }, () => randomUUID());
  text.queue({ userId: chair, stakeholderId: delegations[0]! }, now(), (doc) =>
    insertParagraphs(
      doc,
      0,
      paragraphIds.map((id, i) => ({
        id,
        kind: i % 10 === 0 ? 'preambular' : 'operative',
        text: 'Commit to establishing heat early-warning systems in every city;',
      })),
    ),
  );
  const lengths = new Map(paragraphIds.map((id) => [id, 64]));

  const typist = {
    paragraphId: paragraphIds[0]!,
    cursor: 0,
    by: { userId: chair, stakeholderId: delegations[0]! },
  };
  const pending: { amendmentId: string; paragraphId: string }[] = [];
  const amendmentStream = (id: string) => `amendment-${id}`;
  let revisions = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    // One delegate typing: a few characters per update at a moving cursor, some backspacing,
    // now and then a selection deleted or a jump to another paragraph, as the editor sends them.
    for (let u = round === 0 ? 1 : 0; u < UPDATES_PER_ROUND; u++) {
      if (u % 25 === 0) {
        typist.paragraphId = rng.pick(paragraphIds);
        typist.cursor = rng.int(lengths.get(typist.paragraphId)! + 1);
        typist.by = { userId: chair, stakeholderId: rng.pick(delegations) };
      }
      const { paragraphId, by } = typist;
      const length = lengths.get(paragraphId)!;
      const choice = rng.next();
      if (length > 400 || (choice < 0.03 && length > 60)) {
        const start = rng.int(length - 40);
        const count = 20 + rng.int(20);
        text.queue(by, now(), (doc) =>
          replaceParagraphText(doc, paragraphId, start, start + count, ''),
        );
        lengths.set(paragraphId, length - count);
        typist.cursor = start;
      } else if (choice < 0.12 && typist.cursor > 3) {
        const count = 1 + rng.int(3);
        const start = typist.cursor - count;
        text.queue(by, now(), (doc) =>
          replaceParagraphText(doc, paragraphId, start, start + count, ''),
        );
        lengths.set(paragraphId, length - count);
        typist.cursor = start;
      } else {
        const word = rng.pick(WORDS).slice(0, 1 + rng.int(4));
        const at = Math.min(typist.cursor, length);
        text.queue(by, now(), (doc) => replaceParagraphText(doc, paragraphId, at, at, word));
        lengths.set(paragraphId, length + word.length);
        typist.cursor = at + word.length;
      }
    }
    const textRevision = await text.flush();

    const recordRound = round % RECORD_EVERY === 0 ? round / RECORD_EVERY : -1;
    for (let r = 0; r < (recordRound < 0 ? 0 : RECORD_PER_ROUND); r++) {
      const choice = rng.next();
      if (r === 0 && recordRound % 100 === 99) {
        revisions += 1;
        void record(`document-${documentId}`, {
          type: 'RevisionIssued',
          data: {
            documentId,
            label: `Rev ${revisions}`,
            textRevision: textRevision!.toString(),
            sequence: revisions,
            issuedBy: chair,
            issuedAt: now(),
            numbering: null,
            renumbered: true,
          },
        });
      } else if (choice < 0.1) {
        const amendmentId = randomUUID();
        const paragraphId = rng.pick(paragraphIds);
        pending.push({ amendmentId, paragraphId });
        void record(amendmentStream(amendmentId), {
          type: 'AmendmentTabled',
          data: {
            amendmentId,
            documentId,
            paragraphId,
            proposal: {
              kind: 'replace',
              anchor: { start: 'AQID', end: 'BAUG' },
              originalText: 'shall',
              proposedText: 'should',
            },
            rationale: '',
            sponsorStakeholderId: rng.pick(delegations),
            chairsCompromise: false,
            tabledBy: chair,
            tabledAt: now(),
          },
        });
      } else if (choice < 0.16 && pending.length > 20) {
        const { amendmentId } = pending.splice(rng.int(pending.length), 1)[0]!;
        const decidedAt = now();
        void record(
          amendmentStream(amendmentId),
          rng.next() < 0.5
            ? { type: 'AmendmentAccepted', data: { amendmentId, decidedBy: chair, decidedAt } }
            : {
                type: 'AmendmentRejected',
                data: { amendmentId, reason: 'no consensus', decidedBy: chair, decidedAt },
              },
        );
      } else if (choice < 0.18) {
        void record(`document-${documentId}`, {
          type: 'ParagraphStatusSet',
          data: {
            documentId,
            paragraphId: rng.pick(paragraphIds),
            status: rng.pick(['bracketed', 'agreed-ad-ref', 'open'] as const),
            previousStatus: 'open',
            reason: '',
            setBy: chair,
            setAt: now(),
          },
        });
      } else {
        const onAmendment = pending.length > 0 && rng.next() < 0.3;
        const target = onAmendment
          ? { kind: 'amendment' as const, id: rng.pick(pending).amendmentId }
          : { kind: 'paragraph' as const, id: rng.pick(paragraphIds) };
        const speaker = rng.next();
        const stakeholderId =
          speaker < 0.1
            ? rng.pick(groups)
            : speaker < 0.15
              ? rng.pick(others)
              : rng.pick(delegations);
        void record(positions, {
          type: 'PositionStated',
          data: {
            documentId,
            target,
            stakeholderId,
            stance: rng.pick(STANCES),
            statement: 'As stated in plenary',
            statedBy: chair,
            statedAt: now(),
          },
        });
      }
    }
    await settle();
    if (round % 1000 === 999) {
      const seconds = (performance.now() - started) / 1000;
      log(
        `generated ${(round + 1) * UPDATES_PER_ROUND} updates, ${recordEvents} record events (${seconds.toFixed(1)} s)`,
      );
    }
  }
  return {
    store,
    documentId,
    lastTextRevision: text.revision!,
    recordEvents,
    textUpdates: ROUNDS * UPDATES_PER_ROUND,
    recordPositions,
    snapshotBytesWritten: text.snapshotBytesWritten,
  };
}

/** Rebuilds (and raw reads) per run: a few, as the machine is shared and wall time noisy. */
const REBUILD_RUNS = 5;

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
/** "min–max" of rates, for a row's notes. */
const spread = (rates: number[]) =>
  `${Math.round(Math.min(...rates))}–${Math.round(Math.max(...rates))}/s`;
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
};

export async function replaySuite(log: (line: string) => void): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-replay-'));
  const store = openSqliteEventStore({
    file: path.join(dir, 'events.sqlite'),
    synchronous: 'NORMAL',
  });
  try {
    const history = await generate(store, log);
    const { documentId } = history;
    const rows: BenchRow[] = [];
    const rng = random(7);

    // 0. Opening the document as the gateway does: the latest snapshot plus the updates after it,
    // against every update from the start. The target: ≤ 150 ms p95 and ≥ 20× faster.
    const opens: number[] = [];
    let opened: { from: bigint | undefined; tail: number; v1: number; v2: number } | undefined;
    for (let i = 0; i < OPENS; i++) {
      opens.push(
        await timeMs(async () => {
          const { doc, snapshotRevision, updatesSinceSnapshot } = await loadDocState(
            store,
            documentId,
          );
          listParagraphs(doc);
          opened ??= {
            from: snapshotRevision,
            tail: updatesSinceSnapshot,
            v1: Y.encodeStateAsUpdate(doc).byteLength,
            v2: Y.encodeStateAsUpdateV2(doc).byteLength,
          };
          doc.destroy();
        }),
      );
    }
    const replays: number[] = [];
    for (let i = 0; i < Math.min(2, BASELINE_POINTS); i++) {
      replays.push(
        await timeMs(() => replayTextFromStart(store, documentId, history.lastTextRevision)),
      );
    }
    const openStats = stats(opens);
    const replay = percentile(
      [...replays].sort((a, b) => a - b),
      50,
    );
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    rows.push(
      row(
        `open the document (${history.textUpdates} updates), p95`,
        'ms',
        openStats.p95,
        replay,
        'lower',
        {
          target: '≥ 20 (and ≤ 150 ms)',
          notes:
            `${OPENS} opens, median ${openStats.p50.toFixed(0)} ms, ${Math.min(...opens).toFixed(0)}–${Math.max(...opens).toFixed(0)} ms; ` +
            `from the snapshot at revision ${opened?.from} plus ${opened?.tail} updates; ` +
            `document ${kb(opened?.v1 ?? 0)} encoded (v2: ${kb(opened?.v2 ?? 0)}); ` +
            `baseline: full replay (${replays.length} runs)`,
        },
      ),
    );
    log(`open: p95 ${openStats.p95.toFixed(1)} ms vs full replay ${replay.toFixed(0)} ms`);

    // 0b. What the snapshots weigh: those a reader can see, beside the document and the log.
    const bytesOf = async (stream: string) => {
      let bytes = 0;
      let events = 0;
      for await (const event of store.readStream(stream)) {
        if (event.data instanceof Uint8Array) bytes += event.data.byteLength;
        events += 1;
      }
      return { bytes, events };
    };
    const snapshots = await bytesOf(docTextSnapshotStream(documentId));
    const textLog = await bytesOf(docTextStream(documentId));
    const document = opened?.v1 ?? Number.NaN;
    rows.push(
      row(
        'snapshot storage (readable), against the document',
        'KB',
        snapshots.bytes / 1024,
        document / 1024,
        'lower',
        {
          target: '≤ 2× the document + the tail',
          notes:
            `${snapshots.events} snapshot events, ${(snapshots.bytes / document).toFixed(2)}× the document (v1), ` +
            `${(snapshots.bytes / textLog.bytes).toFixed(2)}× the log (${kb(textLog.bytes)}, ${textLog.events} updates); ` +
            `written ${kb(history.snapshotBytesWritten)}; policy ${JSON.stringify(SNAPSHOT_POLICY)}`,
        },
      ),
    );
    log(
      `snapshots: ${kb(snapshots.bytes)} readable in ${snapshots.events} events, document ${kb(document)}, log ${kb(textLog.bytes)}`,
    );

    // 1. The text as of a random revision: nearest snapshot + tail vs every update from the start.
    const textPoints = Array.from({ length: POINTS }, () =>
      BigInt(rng.int(Number(history.lastTextRevision) + 1)),
    );
    const withSnapshots: number[] = [];
    for (const revision of textPoints) {
      withSnapshots.push(
        await timeMs(async () => {
          const { doc } = await loadDocState(store, documentId, { asOfRevision: revision });
          listParagraphs(doc);
          doc.destroy();
        }),
      );
    }
    // The full replays run at points spread over the history (a few random ones could all fall
    // early on a big log), and the mean is compared on those same points.
    const byRevision = textPoints
      .map((revision, i) => ({ revision, ms: withSnapshots[i]! }))
      .sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0));
    const baselinePoints = Array.from(
      { length: BASELINE_POINTS },
      (_, i) => byRevision[Math.floor(((i + 0.5) * byRevision.length) / BASELINE_POINTS)]!,
    );
    const fullReplay: number[] = [];
    for (const { revision } of baselinePoints) {
      fullReplay.push(await timeMs(() => replayTextFromStart(store, documentId, revision)));
    }
    // Same text both ways, or the figures mean nothing.
    const check = textPoints[0]!;
    const { doc } = await loadDocState(store, documentId, { asOfRevision: check });
    const fromSnapshot = JSON.stringify(listParagraphs(doc));
    doc.destroy();
    if (fromSnapshot !== JSON.stringify(await replayTextFromStart(store, documentId, check)))
      throw new Error(`snapshot and full replay disagree at revision ${check}`);
    const snap = stats(withSnapshots);
    const full = stats(fullReplay);
    const paired = stats(baselinePoints.map((point) => point.ms));
    rows.push(
      row('text as of a random revision, p95', 'ms', snap.p95, full.p95, 'lower', {
        notes: `${POINTS} points (baseline ${BASELINE_POINTS}, spread over the history); median ${snap.p50.toFixed(0)} ms, ${Math.min(...withSnapshots).toFixed(0)}–${Math.max(...withSnapshots).toFixed(0)} ms; snapshots as the gateway spaces them`,
      }),
      row(
        'text as of a revision, mean over the baseline points',
        'ms',
        paired.mean,
        full.mean,
        'lower',
        {
          notes:
            'baseline: every update from revision 0, applied in the same groups, at the same points',
        },
      ),
    );
    log(`text as of: p95 ${snap.p95.toFixed(1)} ms vs full replay ${full.p95.toFixed(0)} ms`);

    // 2. A whole frame (record, text, consensus) as of a random log position.
    const recordHistory = new RecordHistory(store);
    await recordHistory.catchUp();
    const framePoints = Array.from({ length: POINTS / 2 }, () =>
      rng.pick(history.recordPositions.slice(200)),
    );
    const frames: number[] = [];
    for (const position of framePoints) {
      frames.push(
        await timeMs(() =>
          frameAsOf({ store, history: recordHistory }, documentId, { kind: 'position', position }),
        ),
      );
    }
    const frameBaseline: number[] = [];
    const frameBaselinePoints = Math.max(1, Math.floor(BASELINE_POINTS / 2));
    for (const position of framePoints.slice(0, frameBaselinePoints)) {
      frameBaseline.push(
        await timeMs(async () => {
          const fresh = new RecordHistory(store, { checkpointEvery: Number.MAX_SAFE_INTEGER });
          const { state } = await fresh.at({ kind: 'position', position });
          const last = await textRevisionAtPosition(store, documentId, position);
          const paragraphs =
            last === undefined ? [] : await replayTextFromStart(store, documentId, last);
          consensusOf(state, documentId, { paragraphs });
        }),
      );
    }
    const frame = stats(frames);
    const frameFull = stats(frameBaseline);
    rows.push(
      row('frame as of a random position, p95', 'ms', frame.p95, frameFull.p95, 'lower', {
        notes: `record from checkpoints (every 1000) + text from snapshot; baseline: both from the start (${frameBaselinePoints} points)`,
      }),
    );
    log(
      `frame as of: p95 ${frame.p95.toFixed(1)} ms vs from the start ${frameFull.p95.toFixed(0)} ms`,
    );

    // 3. Rebuilds from nothing, beside a raw read of the same events. Each is run a few times,
    // median reported with the spread and the CPU time (wall time on a shared machine is noisy).
    const reads: { rate: number; cpuMs: number }[] = [];
    let rawEvents = 0;
    for (let i = 0; i < REBUILD_RUNS; i++) {
      rawEvents = 0;
      const cpu = process.cpuUsage();
      const ms = await timeMs(async () => {
        for await (const _ of store.readAll({ filter: readModelFilter })) rawEvents += 1;
      });
      reads.push({ rate: rawEvents / (ms / 1000), cpuMs: cpuMsSince(cpu) });
    }
    const raw = median(reads.map((read) => read.rate));
    const foldMs = await timeMs(() => new RecordHistory(store).at({ kind: 'now' }));
    rows.push(
      row(
        'record fold (consensus projection) rebuild',
        'events/s',
        rawEvents / (foldMs / 1000),
        raw,
        'higher',
        {
          notes: `${rawEvents} record events; baseline: the filtered $all read alone (the read models' filter)`,
        },
      ),
    );
    // Timed apart (timing each projection costs a little): the runs measured, then one timed
    // run for the breakdown of where an event's time goes.
    const rebuildOnce = async (i: number, timeProjections: boolean) => {
      const file = path.join(dir, `readmodels-${i}.sqlite`);
      const db = openReadModelDb(file);
      const cpu = process.cpuUsage();
      const result = await rebuildReadModels({
        store,
        db,
        logger: createLogger('silent'),
        timeProjections,
      });
      const cpuMs = cpuMsSince(cpu);
      db.close();
      rmSync(file, { force: true });
      return { rate: result.events / result.seconds, cpuMs, result };
    };
    const rebuilds: { rate: number; cpuMs: number; result: RebuildResult }[] = [];
    for (let i = 0; i < REBUILD_RUNS; i++) rebuilds.push(await rebuildOnce(i, false));
    const rebuild = median(rebuilds.map((r) => r.rate));
    const { events: projected, head } = rebuilds[0]!.result;
    const seconds = median(rebuilds.map((r) => r.result.seconds));
    const timings = (await rebuildOnce(REBUILD_RUNS, true)).result.timings!;
    const perEvent = (ms: number) => ((ms * 1000) / projected).toFixed(1);
    const breakdown = [
      `read ${perEvent(timings.read)}`,
      ...Object.entries(timings.projections)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 6)
        .map(([name, ms]) => `${name} ${perEvent(ms)}`),
      // Builders that keep nothing back (their rows go straight in) have nothing to write.
      ...Object.entries(timings.writes)
        .filter(([, ms]) => ms * 1000 >= 0.05 * projected)
        .map(([name, ms]) => `${name} rows ${perEvent(ms)}`),
      `commit ${perEvent(timings.commit)}`,
    ].join(', ');
    rows.push(
      row(
        `read-model rebuild (SQL projections), median of ${REBUILD_RUNS}`,
        'events/s',
        rebuild,
        raw,
        'higher',
        {
          target: '≥ 300k events/s',
          notes:
            `${projected} events projected, ${spread(rebuilds.map((r) => r.rate))}; ` +
            `CPU ${median(rebuilds.map((r) => r.cpuMs)).toFixed(0)} ms; ` +
            `µs per event: ${breakdown}; ` +
            `the whole log (${head} events) covered at ${Math.round(Number(head) / seconds)}/s; ` +
            `baseline: the same filtered read, ${spread(reads.map((r) => r.rate))}, ` +
            `CPU ${median(reads.map((r) => r.cpuMs)).toFixed(0)} ms`,
        },
      ),
    );
    log(`rebuild breakdown (µs per event): ${breakdown}`);
    log(
      `rebuilds: fold ${(rawEvents / (foldMs / 1000)).toFixed(0)}/s, read models ${rebuild.toFixed(0)}/s (${spread(rebuilds.map((r) => r.rate))}), raw read ${raw.toFixed(0)}/s`,
    );

    return {
      suite: 'Replay and time travel',
      baseline: `full replay of the same log from the start, same run (${history.textUpdates} text updates, ${history.recordEvents} record events, SQLite)`,
      rows,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
