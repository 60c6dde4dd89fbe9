/**
 * The adversarial suite (`npm run test:hostile`, also part of the server's `npm test`): against
 * a real server, generated hostile input on every edge — REST payloads for every endpoint,
 * socket.io emits, and Yjs/awareness frames on the collaboration websocket. Properties: the
 * server never crashes, every answer is a documented error, and invalid input appends nothing.
 * Seeds are fixed (ACCORD_HOSTILE_SEED replays another run).
 */
import { CollabCloseCode, allEndpoints, docTextStream, realtimeErrorCodes } from '@accord/shared';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeClientMessage, encodeSyncStep1, MessageType } from '../collab/protocol.js';
import { ApiClient } from '../test-support/api-client.js';
import { probeTextEdit } from '../test-support/collab-probe.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { listParagraphs } from '../text/doc-structure.js';
import { anyFrame, mayStoreFromWriter, type Frame } from './collab-frames.js';
import { AwarenessListener } from './awareness-listener.js';
import { CollabSender } from './collab-sender.js';
import { hostileRequests, type HostileRequest } from './rest-payloads.js';
import { seedOf } from './seed.js';
import { anyEmit, knownEvents, type Emit } from './socket-emits.js';

const seed = seedOf();
// Counts tuned to keep the suite near a minute on a small CI machine.
const REST_RUNS = 1500;
const EMIT_RUNS = 3000;
const COLLAB_RUNS = 190; // each run: up to 3 × 36 frames, one list per member
const COLLAB_STORING_RUNS = 30;

/** Statuses an invalid request may be answered with (each as problem+json). */
const documentedStatuses = new Set([400, 401, 403, 404, 409, 410, 413, 415, 422, 429]);
const documentedCloseCodes = new Set<number>(Object.values(CollabCloseCode));

const tally = {
  collabFrames: 0,
  collabCloses: 0,
  emits: 0,
  rest: 0,
  restAccepted: 0,
  crashes: 0,
  eventsFromBadInput: 0,
  /** Answers by status, close codes by code, accepted requests by endpoint: to see what was reached. */
  restStatuses: new Map<number, number>(),
  closeCodes: new Map<number, number>(),
  accepted: new Map<string, number>(),
  textEventsFromWriters: 0n,
  relayedAwareness: 0,
  acks: new Map<string, number>(),
};
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
const histogram = <K>(map: Map<K, number>) =>
  [...map].map(([key, count]) => `${String(key)}×${count}`).join(' ');

describe(`hostile input (seed ${seed})`, () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let outsider: ApiClient;
  let amendmentId: string;
  let paragraphId: string;

  /** The position of the last event in the whole store. */
  const head = async (): Promise<bigint | undefined> => {
    for await (const event of server.store.readAll({ direction: 'backwards', maxCount: 1 }))
      return event.position;
    return undefined;
  };
  const textRevision = async (documentId: string): Promise<bigint> => {
    const stream = docTextStream(documentId);
    for await (const event of server.store.readStream(stream, {
      direction: 'backwards',
      maxCount: 1,
    }))
      return event.revision;
    return -1n;
  };
  const healthy = async (): Promise<void> => {
    const res = await fetch(`${server.url}/healthz`);
    if (res.status !== 200) {
      tally.crashes += 1;
      throw new Error(`health check answered ${res.status}`);
    }
    expect(server.httpServer.listening).toBe(true);
  };

  beforeAll(async () => {
    server = await startTestServer({
      // Budgets high enough that the decoders, not the rate limits, judge the frames
      // (rate limits have their own tests in collab/).
      ACCORD_COLLAB_USER_UPDATES_PER_SECOND: '1000000',
      ACCORD_COLLAB_STAKEHOLDER_UPDATES_PER_SECOND: '1000000',
      ACCORD_COLLAB_USER_AWARENESS_PER_SECOND: '1000000',
      ACCORD_COLLAB_STAKEHOLDER_AWARENESS_PER_SECOND: '1000000',
      // Likewise the socket.io request budget (socket-connections.hostile.spec.ts and
      // realtime/socket-budgets.int.spec.ts test it), so the payload checks answer the emits.
      ACCORD_SOCKETIO_REQUESTS_PER_SECOND: '1000000',
    });
    fx = await createNegotiationFixture(server);
    await server.accounts.register({
      email: 'outsider@fixture.test',
      displayName: 'Not a member',
      password: FIXTURE_PASSWORD,
    });
    outsider = new ApiClient(server.url);
    await outsider.signIn('outsider@fixture.test', FIXTURE_PASSWORD);
    const doc = fx.documents['open-drafting'];
    [, paragraphId] = (await fx.paragraphIds(doc)) as [string, string];
    const tabled = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${doc}/amendments`,
      {
        paragraphId,
        kind: 'replace',
        range: { start: 0, end: 6 },
        proposedText: 'Decide',
        rationale: 'Firmer',
      },
    );
    expect(tabled.status).toBe(201);
    amendmentId = tabled.body.amendmentId;
  }, 60_000);

  afterAll(async () => {
    console.log(
      `hostile (seed ${seed}): ${tally.collabFrames} collab frames (${tally.collabCloses} closes), ` +
        `${tally.emits} socket.io emits, ${tally.rest} REST payloads ` +
        `(${tally.restAccepted} valid by contract and accepted); ` +
        `${tally.crashes} crashes; ${tally.eventsFromBadInput} events from bad input`,
    );
    console.log(
      `hostile: REST statuses ${histogram(tally.restStatuses)}; collab closes ${histogram(tally.closeCodes)}; ` +
        `${tally.textEventsFromWriters} text events stored from valid writer updates; ` +
        `${tally.relayedAwareness} awareness states relayed, all schema-clean; ` +
        `socket.io acks ${histogram(tally.acks)}; accepted ${histogram(tally.accepted)}`,
    );
    await server?.close();
  });

  it('answers hostile REST payloads with documented problems and appends nothing', async () => {
    const ids: Record<string, string> = {
      negotiationId: fx.negotiationId,
      documentId: fx.documents['open-drafting'],
      paragraphId,
      amendmentId,
      userId: fx.userIds.delegate2,
      commentId: crypto.randomUUID(),
      roundtableId: crypto.randomUUID(),
      invitationId: crypto.randomUUID(),
      bracketId: crypto.randomUUID(),
      optionSetId: crypto.randomUUID(),
      previewId: crypto.randomUUID(),
      silenceId: crypto.randomUUID(),
      draftId: crypto.randomUUID(),
      segmentId: crypto.randomUUID(),
      libraryTextId: crypto.randomUUID(),
      consultationId: crypto.randomUUID(),
      pledgeId: crypto.randomUUID(),
      recommendationId: crypto.randomUUID(),
      token: 'A'.repeat(43),
      kind: 'amendments',
      language: 'fr',
      label: 'Zero draft',
      version: '1',
    };
    const requests = allEndpoints()
      .map((endpoint) => hostileRequests(endpoint, ids))
      .filter((arbitrary) => arbitrary !== undefined);
    const describeRequest = (r: HostileRequest, status: number, body: string) =>
      `${r.method} /api${r.path.slice(0, 200)} (${r.part}: ${String(
        typeof r.body === 'string' ? r.body.slice(0, 200) : r.body?.length,
      )}) → ${status} ${body.slice(0, 300)}`;

    await fc.assert(
      fc.asyncProperty(fc.oneof(...requests).map(summarised), async (request) => {
        const before = await head();
        const res = await fetch(`${server.url}/api${request.path}`, {
          method: request.method,
          headers: {
            cookie: fx.clients.delegate.cookie!,
            ...(request.contentType ? { 'content-type': request.contentType } : {}),
          },
          body: request.body,
        });
        const text = await res.text();
        tally.rest += 1;
        bump(tally.restStatuses, res.status);
        const after = await head();
        const what = () => describeRequest(request, res.status, text);
        if (res.status >= 500) throw new Error(`server error: ${what()}`);
        if (res.status < 400) {
          if (request.invalidByContract)
            throw new Error(`accepted what the contract refuses: ${what()}`);
          tally.restAccepted += 1;
          bump(tally.accepted, `${request.method} ${request.endpoint.path}`);
          return;
        }
        if (after !== before) {
          tally.eventsFromBadInput += 1;
          throw new Error(`refused, yet the log grew (${before} → ${after}): ${what()}`);
        }
        if (!documentedStatuses.has(res.status)) throw new Error(`undocumented status: ${what()}`);
        expect(res.headers.get('content-type'), what()).toMatch(/^application\/problem\+json/);
        const problem = JSON.parse(text) as { type?: unknown; status?: unknown; title?: unknown };
        expect(problem.type, what()).toMatch(/^urn:accord:problem:[a-z0-9-]+$/);
        expect(problem.status, what()).toBe(res.status);
        expect(typeof problem.title, what()).toBe('string');
      }),
      { seed, numRuns: REST_RUNS, endOnFailure: true },
    );
    // Found by this suite: a path segment that is not UTF-8 once percent-decoded was a 500.
    const undecodable = await fx.clients.delegate.get<{ type: string }>('/api/documents/%ED%A0%80');
    expect([undecodable.status, undecodable.body.type]).toEqual([
      400,
      'urn:accord:problem:malformed-url',
    ]);
    // The body parser and the schemas never let a payload reach Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await healthy();
  }, 120_000);

  it('answers hostile socket.io emits with documented acks and leaks nothing to outsiders', async () => {
    const doc = fx.documents['open-drafting'];
    const connect = (client: ApiClient) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(server.url, {
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { cookie: client.cookie! },
        });
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const members = { delegate: fx.clients.delegate, observer: fx.clients.observer, outsider };
    type Who = keyof typeof members;
    const sockets = {} as Record<Who, Socket>;
    for (const who of Object.keys(members) as Who[]) sockets[who] = await connect(members[who]);
    const leaked: string[] = [];
    sockets.outsider.onAny((event: string, ...args: unknown[]) => {
      const text = JSON.stringify(args) ?? '';
      if (text.includes(fx.negotiationId) || text.includes(doc)) leaked.push(`${event} ${text}`);
    });
    const serverDisconnects: string[] = [];
    const history: Record<string, string[]> = { delegate: [], observer: [], outsider: [] };
    for (const who of Object.keys(sockets) as Who[])
      sockets[who].on('disconnect', (reason) => serverDisconnects.push(`${who}: ${reason}`));

    const failure = z.object({
      ok: z.literal(false),
      error: z.object({ code: z.enum(realtimeErrorCodes), message: z.string() }),
    });
    const joined = z.object({
      ok: z.literal(true),
      online: z.array(
        z.object({
          userId: z.string(),
          displayName: z.string(),
          stakeholderId: z.string(),
          role: z.string(),
        }),
      ),
    });
    const left = z.object({ ok: z.literal(true) });
    const ids = [fx.negotiationId, doc, fx.documents.formal, crypto.randomUUID()];
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Who>('delegate', 'observer', 'outsider'),
        anyEmit(ids),
        async (who, emit: Emit) => {
          const socket = sockets[who];
          expect(
            socket.connected,
            `${who} was disconnected (${serverDisconnects.join(', ')}) after ${history[who]!.slice(-3).join(' | ')}`,
          ).toBe(true);
          history[who]!.push(
            `${emit.event}(${JSON.stringify(emit.args)?.slice(0, 120)})${emit.withAck ? '+ack' : ''}`,
          );
          runs += 1;
          // Changes in the negotiation while the outsider listens: nothing may reach it.
          if (runs % 250 === 0)
            await fx.clients.delegate.post(`/api/documents/${doc}/comments`, {
              paragraphId,
              body: `Comment ${runs}`,
            });
          tally.emits += 1;
          const known = (knownEvents as readonly string[]).includes(emit.event);
          if (!known || !emit.withAck) {
            socket.emit(emit.event, ...emit.args);
            return;
          }
          const answer: unknown = await socket.timeout(5_000).emitWithAck(emit.event, ...emit.args);
          const what = `${who} ${emit.event}(${JSON.stringify(emit.args)?.slice(0, 200)}) → ${JSON.stringify(answer)?.slice(0, 300)}`;
          const refused = failure.safeParse(answer);
          if (refused.success) {
            bump(tally.acks, refused.data.error.code);
            return;
          }
          bump(tally.acks, 'ok');
          const success = emit.event.endsWith(':join') ? joined : left;
          expect(success.safeParse(answer).success, what).toBe(true);
          if (who === 'outsider' && emit.event.endsWith(':join'))
            throw new Error(`an outsider joined a room: ${what}`);
        },
      ),
      { seed: seed + 1, numRuns: EMIT_RUNS, endOnFailure: true },
    );
    // Every socket still answers (a join with a real id), then the leak check.
    for (const who of ['delegate', 'observer'] as const) {
      const answer: unknown = await sockets[who]
        .timeout(5_000)
        .emitWithAck('negotiation:join', { negotiationId: fx.negotiationId });
      expect(joined.safeParse(answer).success, JSON.stringify(answer)).toBe(true);
    }
    const beforeComment = await head();
    const comment = await fx.clients.delegate.post(`/api/documents/${doc}/comments`, {
      paragraphId,
      body: 'A last comment',
    });
    expect(comment.status).toBe(201);
    // The log head the other tests compare does move when something is stored.
    expect(await head()).not.toBe(beforeComment);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toEqual([]);
    expect(serverDisconnects).toEqual([]);
    for (const socket of Object.values(sockets)) socket.disconnect();

    // Over the 100 KiB message limit: engine.io ends that transport, and nothing else.
    const oversized = await connect(fx.clients.delegate);
    const ended = new Promise<string>((resolve) => oversized.once('disconnect', resolve));
    oversized.emit('negotiation:join', { negotiationId: 'x'.repeat(200 * 1024) });
    expect(await ended).toBe('transport close');
    tally.emits += 1;
    await healthy();
  }, 120_000);

  it('survives hostile Yjs and awareness frames, stores nothing from them, and still syncs', async () => {
    const doc = fx.documents['open-drafting'];
    const url = `${server.url.replace(/^http/, 'ws')}/collab/${doc}`;
    const senders = {
      delegate: new CollabSender(url, fx.clients.delegate.cookie!),
      chair: new CollabSender(url, fx.clients.chair.cookie!),
      observer: new CollabSender(url, fx.clients.observer.cookie!),
    };
    type Member = keyof typeof senders;
    const checkCloses = () => {
      for (const [member, sender] of Object.entries(senders))
        for (const close of sender.closes)
          if (!close.ours && !documentedCloseCodes.has(close.code))
            throw new Error(`${member}: undocumented close ${close.code} ${close.reason}`);
    };
    const frames = fc.array(anyFrame.map(summarisedFrame), { minLength: 12, maxLength: 36 });
    const sendAll = async (lists: Record<Member, Frame[]>) => {
      await Promise.all(
        (Object.keys(senders) as Member[]).map(async (member) => {
          for (const frame of lists[member]) await senders[member].send(frame.data);
        }),
      );
    };
    const settle = () => new Promise((r) => setTimeout(r, 5));

    // A quiet member who only listens: whatever the relay forwards must be schema-clean.
    const listener = await AwarenessListener.open(url, fx.clients.delegate2.cookie!);
    const senderNames = new Set(['The delegate', 'The chair', 'The observer']);

    // Frames that must store nothing: everything from the observer, and whatever a writer sends
    // that is not a decodable update.
    const startHead = await head();
    await fc.assert(
      fc.asyncProperty(frames, frames, frames, async (delegate, chair, observer) => {
        const lists = {
          delegate: delegate.filter((f) => !mayStoreFromWriter(f)),
          chair: chair.filter((f) => !mayStoreFromWriter(f)),
          observer,
        };
        const before = [await head(), await textRevision(doc)];
        await sendAll(lists);
        await settle();
        const after = [await head(), await textRevision(doc)];
        if (after[0] !== before[0] || after[1] !== before[1]) {
          tally.eventsFromBadInput += 1;
          const hex = (fs: Frame[]) =>
            fs.map((f) => `${f.kind}:${Buffer.from(f.data).toString('hex').slice(0, 120)}`);
          throw new Error(
            `stored from frames that must store nothing: ${JSON.stringify({
              delegate: hex(lists.delegate),
              chair: hex(lists.chair),
              observer: hex(lists.observer),
            })}`,
          );
        }
        checkCloses();
        await healthy();
      }),
      { seed: seed + 2, numRuns: COLLAB_RUNS, endOnFailure: true },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await head()).toBe(startHead);

    // Decodable updates from writers (they may store), and everything again from the observer.
    const observerBefore = tally.eventsFromBadInput;
    const revisionBeforeWrites = await textRevision(doc);
    await fc.assert(
      fc.asyncProperty(frames, frames, frames, async (delegate, chair, observer) => {
        await sendAll({
          delegate: delegate.filter(mayStoreFromWriter),
          chair: chair.filter(mayStoreFromWriter),
          observer,
        });
        checkCloses();
        await healthy();
      }),
      { seed: seed + 3, numRuns: COLLAB_STORING_RUNS, endOnFailure: true },
    );
    expect(tally.eventsFromBadInput).toBe(observerBefore);
    tally.textEventsFromWriters = (await textRevision(doc)) - revisionBeforeWrites;

    for (const sender of Object.values(senders)) {
      await sender.close();
      tally.collabFrames += sender.framesSent;
      tally.collabCloses += sender.closes.filter((c) => !c.ours).length;
      for (const close of sender.closes) if (!close.ours) bump(tally.closeCodes, close.code);
    }
    checkCloses();
    expect(listener.isOpen).toBe(true);
    expect(listener.problems(senderNames)).toEqual([]);
    expect(listener.relayedStates).toBeGreaterThan(0);
    tally.relayedAwareness = listener.relayedStates;
    listener.close();

    // A well-behaved client still syncs: it receives the stored text, and its edit is stored.
    const synced = await syncFresh(url, fx.clients.delegate.cookie!);
    const stored = await server.text.paragraphs(doc);
    expect(listParagraphs(synced).map((p) => p.id)).toEqual(stored.map((p) => p.id));
    const revision = await textRevision(doc);
    const outcome = await probeTextEdit(
      server.url,
      fx.clients.delegate.cookie!,
      doc,
      async () => (await textRevision(doc)) > revision,
    );
    expect(outcome).toBe('stored');
    await healthy();
    // The floor: at least 10,000 frames judged by the server.
    expect(tally.collabFrames).toBeGreaterThanOrEqual(10_000);
  }, 180_000);
});

/** A short description for counterexamples (the generated values can be 300 KB long). */
function summarised(request: HostileRequest): HostileRequest {
  const body =
    typeof request.body === 'string' ? request.body.slice(0, 200) : `${request.body?.length} bytes`;
  return Object.assign(request, {
    [fc.toStringMethod]: () =>
      `${request.method} /api${request.path.slice(0, 200)} (${request.path.length} chars) ${request.part}: ${body}`,
  });
}

function summarisedFrame(frame: Frame): Frame {
  return Object.assign(frame, {
    [fc.toStringMethod]: () =>
      `${frame.kind}:${Buffer.from(frame.data).toString('hex').slice(0, 160)} (${frame.data.length})`,
  });
}

/** Connects as y-websocket does, answers the server's step 1 and waits for our step 2. */
async function syncFresh(url: string, cookie: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const socket = new WebSocket(url, { headers: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const synced = new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] !== MessageType.Sync) return;
      // Server messages use the same framing; step 2 and updates carry the text.
      const message = decodeClientMessage(bytes);
      if (message.type === 'sync-step2') {
        Y.applyUpdate(doc, message.update);
        resolve();
      }
    });
    socket.once('close', (code) => reject(new Error(`closed with ${code} before syncing`)));
  });
  socket.send(encodeSyncStep1(doc));
  await synced;
  socket.close();
  return doc;
}
