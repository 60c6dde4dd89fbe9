// Two Accord nodes on one PostgreSQL store and one Redis, in one process: a node that does not
// own a document answers reads through the owner; the first node asked for a document owns it, a
// client of the other node is forwarded to it (the other node never loads the document), both
// clients converge; when the owner shuts down, its lease is given back, the forwarded client
// reconnects and the remaining node takes the document over. The nodes are given their shared
// secret (ACCORD_CLUSTER_SECRET), so Redis never holds one; owner-routing.int.spec.ts runs with
// the secret the first node sets in Redis.
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests } from '../eventstore/postgres/test-support/postgres-for-tests.js';
import type { ThrowawayRedis } from '../limits/test-support/throwaway-redis.js';
import { connectClient, waitFor, type CollabClient } from '../crash/test-support/storm-clients.js';
import { createNegotiationFixture } from '../test-support/negotiation-fixture.js';
import type { TestServer } from '../test-support/test-server.js';
import { startTwoNodes } from './test-support/two-nodes.js';
import { textFragment } from '../text/doc-structure.js';
import type * as Y from 'yjs';

// Two nodes need a shared store: PostgreSQL. Without PostgreSQL installed, postgresForTests
// registers one skipped case that says why (outside CI only); under CI=true it fails instead, so
// CI always runs this file.
const postgres = postgresForTests('Two nodes on PostgreSQL and Redis');

/** Appends words to the first paragraph of a client's copy, as typing would. */
function type(client: CollabClient, words: string): void {
  const paragraph = textFragment(client.doc).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  text.insert(text.length, words);
}

const CLUSTER_SECRET = 'two-nodes-secret-'.padEnd(48, 'x');

const firstParagraph = (client: CollabClient) => client.paragraphs()[0]?.text ?? '';

describe.runIf(postgres)('two nodes sharing a document', () => {
  let redis: ThrowawayRedis;
  let nodeA: TestServer;
  let nodeB: TestServer;
  const clients: CollabClient[] = [];
  // The fixture's people have fixed e-mail addresses: one fixture serves both cases.
  let fixtureCreated: ReturnType<typeof createNegotiationFixture> | undefined;
  const fixtureOnce = () => (fixtureCreated ??= createNegotiationFixture(nodeA));

  beforeAll(async () => {
    ({ redis, nodeA, nodeB } = await startTwoNodes(await postgres!(), {
      ACCORD_CLUSTER_SECRET: CLUSTER_SECRET,
    }));
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await nodeB?.close();
    await nodeA?.close();
    await redis?.stop();
  });

  it('counts sign-in attempts once across both nodes, not once per node', async () => {
    // Ten failed attempts per address and e-mail, wherever they land; the proxy's sticky cookie
    // is no obstacle to a guesser, who simply drops it.
    const attempt = async (node: TestServer) =>
      (
        await fetch(`${node.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'guessed@two-nodes.test', password: 'not-the-password' }),
        })
      ).status;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push(await attempt(i % 2 === 0 ? nodeA : nodeB));
    expect(new Set(statuses.slice(0, 10)).size).toBe(1);
    expect(statuses[0]).not.toBe(429);
    expect(statuses[10]).toBe(429);
  });

  it('answers reads on a node that does not own the document through the owner, never from a kept copy', async () => {
    const fixture = await fixtureOnce();
    const documentId = fixture.documents['open-drafting'];
    const cookie = fixture.clients.delegate2.cookie!;
    const readOnB = async () => {
      const res = await fetch(`${nodeB.url}/api/documents/${documentId}`, { headers: { cookie } });
      if (res.status !== 200) return '';
      const body = (await res.json()) as { paragraphs: { text: string }[] };
      return body.paragraphs[0]?.text ?? '';
    };
    await waitFor(async () => (await readOnB()) !== '', 'node B to know the fixture', 10_000);

    const onA = connectClient(
      nodeA.url.replace(/^http/, 'ws'),
      documentId,
      fixture.clients.delegate.cookie!,
      'writer-on-a',
    );
    clients.push(onA);
    await onA.synced(10_000);
    for (const words of [' first words', ' second words']) {
      type(onA, words);
      // B asks the owner (owner-routed-text.ts) and keeps no copy of its own.
      await waitFor(
        async () => (await readOnB()).includes(words),
        `node B to read${words}`,
        10_000,
      );
      expect(nodeB.collab.stats().documents).toBe(0);
    }
    // The reads went through the internal endpoint on the configured secret, kept out of Redis.
    const peek = createClient({ url: redis.url });
    await peek.connect();
    expect(await peek.get('accord:cluster-secret')).toBeNull();
    peek.destroy();
    clients.splice(clients.indexOf(onA), 1);
    onA.destroy();
    await waitFor(() => nodeA.collab.stats().connections === 0, 'the writer to leave', 10_000);
  }, 60_000);

  it('forwards a client of the other node to the owner, and hands the document over when the owner leaves', async () => {
    const fixture = await fixtureOnce();
    const documentId = fixture.documents['open-drafting'];
    const ws = (node: TestServer) => node.url.replace(/^http/, 'ws');
    // Node B serves the same people once its read models have the sessions node A recorded.
    await waitFor(
      async () =>
        (await fetch(`${nodeB.url}/api/negotiations/${fixture.negotiationId}/documents`, {
          headers: { cookie: fixture.clients.delegate2.cookie! },
        }).then((res) => res.status)) === 200,
      'node B to know the fixture',
      10_000,
    );

    const onA = connectClient(ws(nodeA), documentId, fixture.clients.delegate.cookie!, 'on-a');
    clients.push(onA);
    await onA.synced(10_000);
    const onB = connectClient(ws(nodeB), documentId, fixture.clients.delegate2.cookie!, 'on-b');
    clients.push(onB);
    await onB.synced(10_000);

    // Node A owns the document; node B only forwarded its client's connection.
    expect(nodeA.collab.stats().connections).toBe(2);
    expect(nodeB.collab.stats().documents).toBe(0);
    const lease = createClient({ url: redis.url });
    await lease.connect();
    expect(await lease.get(`accord:lease:document:${documentId}`)).toBe('node-a');

    type(onB, ' typed through node B');
    type(onA, ' typed on node A');
    await waitFor(
      () =>
        firstParagraph(onA).includes('typed through node B') &&
        firstParagraph(onB).includes('typed on node A'),
      'both clients to converge',
      10_000,
    );

    // The owner leaves cleanly: its lease is given back, B's client reconnects and B takes over.
    clients.splice(clients.indexOf(onA), 1);
    onA.destroy();
    await nodeA.close();
    await waitFor(() => nodeB.collab.stats().documents === 1, 'node B to take over', 15_000);
    expect(await lease.get(`accord:lease:document:${documentId}`)).toBe('node-b');
    await onB.synced(10_000);
    type(onB, ' after the hand-over');
    const reader = connectClient(ws(nodeB), documentId, fixture.clients.chair.cookie!, 'reader');
    clients.push(reader);
    await reader.synced(10_000);
    await waitFor(
      () =>
        firstParagraph(reader).includes('typed on node A') &&
        firstParagraph(reader).includes('after the hand-over'),
      'a new client on node B to read every acknowledged edit',
      10_000,
    );
    lease.destroy();
  }, 90_000);
});
