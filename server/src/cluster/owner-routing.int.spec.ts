// Text work reaching a node that does not own the document runs on the owner. A delegate types
// on node A (the owner); the chair tables and accepts amendments through node B's API. The
// delegate's editor sees the accepted words without its connection ever closing (so A never
// reloads the document), no append fails on either node, node B never loads the text from the
// store, a read through B shows A's live text, an error on the owner answers on B as on one node,
// and the internal endpoint refuses anyone without the cluster secret.
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { connectClient, waitFor, type CollabClient } from '../crash/test-support/storm-clients.js';
import { postgresForTests } from '../eventstore/postgres/test-support/postgres-for-tests.js';
import type { ThrowawayRedis } from '../limits/test-support/throwaway-redis.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import type { TestServer } from '../test-support/test-server.js';
import { startTwoNodes } from './test-support/two-nodes.js';
import { textFragment } from '../text/doc-structure.js';
import { CLUSTER_SECRET_HEADER, INTERNAL_TEXT_PATH } from './internal-text-protocol.js';

// Routing needs two nodes on a shared store: PostgreSQL. Without PostgreSQL installed,
// postgresForTests registers one skipped case that says why (outside CI only); under CI=true it
// fails instead, so CI always runs this file.
const postgres = postgresForTests('Text work routed to the owner node');

/** Appends words to the first paragraph of a client's copy, as typing would. */
function type(client: CollabClient, words: string): void {
  const text = (textFragment(client.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(text.length, words);
}

const firstParagraph = (client: CollabClient) => client.paragraphs()[0]?.text ?? '';

/** Appends that did not succeed on a node, by outcome (the store's error name). */
async function failedAppends(node: TestServer): Promise<number> {
  const { values } = await node.metrics.appendDuration.get();
  return values
    .filter((v) => v.metricName?.endsWith('_count') && v.labels.outcome !== 'ok')
    .reduce((sum, v) => sum + v.value, 0);
}

describe.runIf(postgres)('text work routed to the owner node', () => {
  let redis: ThrowawayRedis;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let fixture: NegotiationFixture;
  let delegate: CollabClient;
  let documentId: string;
  const closes: number[] = [];
  /** Loads of the document's text from the store on node B. */
  let textReadsOnB = 0;
  /** Reads Redis as the nodes see it: who holds the lease, the shared secret. */
  let lease: ReturnType<typeof createClient>;
  const onB = (member: 'chair' | 'delegate2') =>
    new ApiClient(nodeB.url, fixture.clients[member].cookie);

  /** Delegate 2 tables, through node B, a replacement of a paragraph's first words. */
  const tableThroughB = async (index: number, firstWords: string, proposedText: string) => {
    const paragraphId = (await nodeA.text.paragraphs(documentId))[index]!.id;
    const tabled = await onB('delegate2').post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId,
        kind: 'replace',
        range: { start: 0, end: firstWords.length },
        proposedText,
        rationale: 'Clearer',
      },
    );
    expect(tabled.status, JSON.stringify(tabled.body)).toBe(201);
    return tabled.body.amendmentId;
  };

  beforeAll(async () => {
    ({ redis, nodeA, nodeB } = await startTwoNodes(await postgres!()));
    lease = createClient({ url: redis.url });
    lease.on('error', () => undefined);
    await lease.connect();
    fixture = await createNegotiationFixture(nodeA);
    documentId = fixture.documents['open-drafting'];
    await waitFor(
      async () =>
        (await onB('chair').get(`/api/negotiations/${fixture.negotiationId}/documents`)).status ===
        200,
      'node B to know the fixture',
      15_000,
    );
    // The delegate edits on node A, which takes the document's lease.
    delegate = connectClient(
      nodeA.url.replace(/^http/, 'ws'),
      documentId,
      fixture.clients.delegate.cookie!,
      'delegate-on-a',
    );
    delegate.provider.on('connection-close', (event: { code: number } | null) => {
      closes.push(event?.code ?? 0);
    });
    await delegate.synced(10_000);
    const store = nodeB.store;
    const readStream = store.readStream.bind(store);
    vi.spyOn(store, 'readStream').mockImplementation((stream, options) => {
      // Loading the text reads its snapshots, then its log forwards; a reactor's look at the
      // latest update (backwards, one event) loads nothing.
      const loads =
        stream === docTextSnapshotStream(documentId) ||
        (stream === docTextStream(documentId) && options?.direction !== 'backwards');
      if (loads) textReadsOnB += 1;
      return readStream(stream, options);
    });
  }, 90_000);

  afterAll(async () => {
    delegate?.destroy();
    lease?.destroy();
    await nodeB?.close();
    await nodeA?.close();
    await redis?.stop();
  });

  it("applies the chair's acceptance made through node B on node A's live copy", async () => {
    expect(await lease.get(`accord:lease:document:${documentId}`)).toBe('node-a');

    type(delegate, ' as the delegate types');
    // A read through B answers A's live text, with the delegate's edit, without B loading it.
    await waitFor(
      async () => {
        const read = await onB('delegate2').get<{ paragraphs: { id: string; text: string }[] }>(
          `/api/documents/${documentId}`,
        );
        return read.body.paragraphs?.[0]?.text.endsWith(' as the delegate types') ?? false;
      },
      'node B to read the live text',
      10_000,
    );

    const amendmentId = await tableThroughB(0, 'Recognizing', 'Noting');
    const accepted = await onB('chair').post(`/api/amendments/${amendmentId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    await waitFor(
      () => firstParagraph(delegate).startsWith('Noting that extreme heat'),
      "the delegate's editor to show the accepted amendment",
      15_000,
    );
    expect(firstParagraph(delegate)).toBe(
      'Noting that extreme heat endangers the health of urban residents, as the delegate types',
    );
    // Attributed like any amendment applied on one node.
    const log: { metadata: Record<string, unknown> }[] = [];
    for await (const event of nodeA.store.readStream(docTextStream(documentId))) log.push(event);
    expect(log.some((e) => e.metadata.amendmentId === amendmentId)).toBe(true);

    expect(closes).toEqual([]);
    expect(await lease.get(`accord:lease:document:${documentId}`)).toBe('node-a');
    expect(nodeA.collab.stats().connections).toBe(1);
    expect(nodeB.collab.stats().documents).toBe(0);
    expect(textReadsOnB).toBe(0);
    expect(await failedAppends(nodeA)).toBe(0);
    expect(await failedAppends(nodeB)).toBe(0);
  }, 60_000);

  it("answers through node B the owner's refusal, as one node would", async () => {
    const paragraphId = (await nodeA.text.paragraphs(documentId))[1]!.id;
    const amendmentId = await tableThroughB(1, 'Commit', 'Resolve');
    // The delegate deletes the paragraph the amendment changes before the chair decides.
    textFragment(delegate.doc).delete(1, 1);
    await waitFor(
      async () => !(await nodeA.text.paragraphs(documentId)).some((p) => p.id === paragraphId),
      'the deletion to reach node A',
      10_000,
    );
    const refused = await onB('chair').post<{ type: string; status: number }>(
      `/api/amendments/${amendmentId}/accept`,
    );
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.type).toBe('urn:accord:problem:anchor-lost');
    expect(closes).toEqual([]);
    expect(textReadsOnB).toBe(0);
    expect(await failedAppends(nodeA)).toBe(0);
    expect(await failedAppends(nodeB)).toBe(0);
  }, 60_000);

  it('refuses the internal endpoint to anyone without the cluster secret', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${nodeA.url}${INTERNAL_TEXT_PATH}/paragraphs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ documentId, args: {} }),
      });
    const refusedHeaders: Record<string, string>[] = [
      {},
      { cookie: fixture.clients.chair.cookie! },
      { [CLUSTER_SECRET_HEADER]: 'guessed' },
    ];
    for (const headers of refusedHeaders) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { type: string }).type).toBe(
        'urn:accord:problem:cluster-secret-required',
      );
    }
    // With the secret the nodes share, the same call is answered from the live text.
    const secret = (await lease.get('accord:cluster-secret'))!;
    const answered = await call({ [CLUSTER_SECRET_HEADER]: secret });
    expect(answered.status).toBe(200);
    const { result } = (await answered.json()) as { result: { text: string }[] };
    expect(result[0]!.text).toBe(firstParagraph(delegate));
  }, 30_000);

  it('answers 503 when the owner cannot be reached, and writes nothing beside it', async () => {
    // The formal document's lease, as held by a node that has died: its address answers nobody.
    const formal = fixture.documents.formal;
    const [paragraphId] = await fixture.paragraphIds(formal);
    await lease.set(`accord:lease:document:${formal}`, 'node-gone', { PX: 60_000 });
    await lease.set('accord:node-address:node-gone', 'http://127.0.0.1:9', { PX: 60_000 });
    const before = (await nodeB.text.textRevision(formal))?.toString();
    const read = await onB('delegate2').get<{ type: string }>(`/api/documents/${formal}`);
    expect(read.status).toBe(503);
    expect(read.headers.get('content-type')).toContain('application/problem+json');
    expect(read.body.type).toBe('urn:accord:problem:document-owner-unreachable');
    const tabled = await onB('delegate2').post<{ type: string }>(
      `/api/documents/${formal}/amendments`,
      { paragraphId, kind: 'delete', range: { start: 0, end: 3 }, rationale: 'No' },
    );
    expect(tabled.status).toBe(503);
    expect((await nodeB.text.textRevision(formal))?.toString()).toBe(before);
    expect(nodeB.collab.stats().documents).toBe(0);
  }, 30_000);
});
