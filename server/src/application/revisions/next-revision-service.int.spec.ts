/**
 * Importing the next revision of a document against a real server: the facilitators' text is
 * previewed against the live one, then confirmed once as the next revision; matched paragraphs
 * keep their ids (so positions stay on them), locked paragraphs refuse to change, and a preview
 * of a text that moved on is refused.
 */
import type { NextRevisionPreview } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../eventstore/port.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { replaceParagraphText } from '../../text/doc-structure.js';
import { DOCX_CONTENT_TYPE } from '../../imports/parse-draft.js';
import { WORD_DRAFT, wordDraft } from '../../imports/test-support/draft-fixtures.js';

const LIVE = [
  { kind: 'heading', text: 'Preamble' },
  { kind: 'preambular', text: 'Alarmed that heat waves now last longer in most regions,' },
  { kind: 'heading', text: 'Commitments' },
  { kind: 'operative', text: 'Resolve to map the hottest neighbourhoods of each city;' },
  { kind: 'operative', text: 'Invite water utilities to keep public fountains running in summer;' },
  { kind: 'operative', text: 'Request the secretariat to report on progress at the next session.' },
];

/** The facilitators' next text: one word added, one paragraph new, one gone, the preamble as it was. */
const NEXT = (preamble = 'that heat waves now last longer in most regions,') => `## Preamble

*Alarmed* ${preamble}

## Commitments

1. Resolve to map the hottest neighbourhoods of each city and town;
2. Call on employers to protect outdoor workers from extreme heat;
3. Invite water utilities to keep public fountains running in summer;
`;

interface DocumentBody {
  paragraphs: { id: string; kind: string; text: string; label: string | null }[];
  revisions: { label: string }[];
}

describe('importing the next revision of a document', () => {
  let server: TestServer;
  let fx: NegotiationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const newDocument = async () => {
    const res = await fx.clients.chair.post<{ documentId: string }>(
      `/api/negotiations/${fx.negotiationId}/documents`,
      { title: 'Cool cities', symbol: `A/COOL/${Math.random()}`, mode: 'formal', paragraphs: LIVE },
    );
    expect(res.status).toBe(201);
    const documentId = res.body.documentId;
    expect((await fx.clients.chair.post(`/api/documents/${documentId}/revisions`, {})).status).toBe(
      201,
    );
    return documentId;
  };
  const read = async (documentId: string) =>
    (await fx.clients.chair.get<DocumentBody>(`/api/documents/${documentId}`)).body;
  const preview = (documentId: string, markdown: string, who = fx.clients.chair) =>
    who.request<NextRevisionPreview & { type?: string }>(
      'POST',
      `/api/documents/${documentId}/next-revision/preview`,
      markdown,
      { 'content-type': 'text/markdown' },
    );
  const confirm = (documentId: string, previewId: string) =>
    fx.clients.chair.post<{ label: string; textRevision: string; type?: string }>(
      `/api/documents/${documentId}/next-revision/${previewId}/confirm`,
      {},
    );

  it('given a reviewed preview, when the chair confirms it, then the text is revised in place and issued as the next revision', async () => {
    const documentId = await newDocument();
    const before = await read(documentId);
    const [, pp1, , op1, op2, op3] = before.paragraphs.map((p) => p.id);
    const stated = await fx.clients.delegate.put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'paragraph', id: op2 },
      stance: 'support',
    });
    expect(stated.status).toBe(200);
    const bracketed = await fx.clients.delegate.post(`/api/documents/${documentId}/brackets`, {
      paragraphId: op3,
      start: 0,
      end: 7,
    });
    expect(bracketed.status).toBe(201);

    const previewed = await preview(documentId, NEXT());
    expect(previewed.status).toBe(201);
    const { paragraphs, removed, totals } = previewed.body;
    expect(
      paragraphs.map((p) => [p.label, p.match?.paragraphId ?? null, p.match?.how ?? null]),
    ).toEqual([
      [null, before.paragraphs[0]!.id, 'text'],
      ['PP 1', pp1, 'number'],
      [null, before.paragraphs[2]!.id, 'text'],
      ['OP 1', op1, 'number'],
      ['OP 2', null, null],
      ['OP 3', op2, 'text'],
    ]);
    expect(paragraphs[3]!.redline.filter((r) => r.op !== 'equal')).toEqual([
      { op: 'insert', text: ' and town' },
    ]);
    expect(removed.map((r) => [r.paragraphId, r.label, r.bracketed])).toEqual([
      [op3, 'OP 3', true],
    ]);
    expect(totals).toMatchObject({
      paragraphs: 6,
      new: 1,
      removed: 1,
      changed: 1,
      lockedChanges: 0,
    });
    expect(previewed.body.suggestedLabel).toBe('Rev 1');

    const confirmed = await confirm(documentId, previewed.body.previewId);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.label).toBe('Rev 1');

    const after = await read(documentId);
    expect(after.revisions.map((r) => r.label)).toEqual(['Zero draft', 'Rev 1']);
    expect(after.paragraphs.map((p) => p.text)).toEqual([
      'Preamble',
      'Alarmed that heat waves now last longer in most regions,',
      'Commitments',
      'Resolve to map the hottest neighbourhoods of each city and town;',
      'Call on employers to protect outdoor workers from extreme heat;',
      'Invite water utilities to keep public fountains running in summer;',
    ]);
    const ids = after.paragraphs.map((p) => p.id);
    expect([ids[1], ids[3], ids[5]]).toEqual([pp1, op1, op2]);
    expect(ids).not.toContain(op3);
    // The position stated on the paragraph carried forward with its id.
    const positions = await fx.clients.chair.get<{ target: { id: string } }[]>(
      `/api/documents/${documentId}/positions?targetKind=paragraph&targetId=${op2}`,
    );
    expect(positions.body).toHaveLength(1);

    // Once per preview: confirming again answers the same and records nothing more.
    const events = (await collect(server.store.readAll())).length;
    const again = await confirm(documentId, previewed.body.previewId);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(confirmed.body);
    expect((await collect(server.store.readAll())).length).toBe(events);
  });

  it('given a paragraph agreed ad ref, when the new text changes it, then the preview flags it and confirming is refused', async () => {
    const documentId = await newDocument();
    const [, pp1] = (await read(documentId)).paragraphs.map((p) => p.id);
    const gavel = await fx.clients.chair.put(
      `/api/documents/${documentId}/paragraphs/${pp1}/status`,
      {
        status: 'agreed-ad-ref',
      },
    );
    expect(gavel.status).toBe(200);

    const changed = await preview(
      documentId,
      NEXT('that heat waves now last far longer everywhere,'),
    );
    expect(changed.status).toBe(201);
    expect(changed.body.paragraphs[1]).toMatchObject({
      match: { paragraphId: pp1 },
      lockedChange: 'words',
    });
    expect(changed.body.totals.lockedChanges).toBe(1);
    const events = (await collect(server.store.readAll())).length;
    const refused = await confirm(documentId, changed.body.previewId);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:accord:problem:paragraph-locked');
    expect((await collect(server.store.readAll())).length).toBe(events);

    // The same text with the agreed paragraph as it stands goes through.
    const unchanged = await preview(documentId, NEXT());
    expect(unchanged.body.totals.lockedChanges).toBe(0);
    expect((await confirm(documentId, unchanged.body.previewId)).status).toBe(201);
  });

  it('given the text edited after the preview, when the chair confirms, then it is refused and nothing changes', async () => {
    const documentId = await newDocument();
    const previewed = await preview(documentId, NEXT());
    const [, , , op1] = (await read(documentId)).paragraphs.map((p) => p.id);
    await server.collab.applyServerChange(
      documentId,
      { userId: fx.userIds.chair, stakeholderId: fx.stakeholders.delegationC },
      (doc) => replaceParagraphText(doc, op1!, 0, 7, 'Decide'),
    );
    const before = await read(documentId);
    const refused = await confirm(documentId, previewed.body.previewId);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:accord:problem:text-changed');
    expect(await read(documentId)).toEqual(before);
  });

  it('given a Word file of the text as it stands, when previewed, then every paragraph pairs with itself unchanged', async () => {
    const created = await fx.clients.chair.post<{ documentId: string }>(
      `/api/negotiations/${fx.negotiationId}/documents`,
      { title: 'Word', symbol: 'A/WORD/1', mode: 'formal', paragraphs: WORD_DRAFT.paragraphs },
    );
    const live = await read(created.body.documentId);
    // The test client sends JSON; a Word file goes as raw bytes.
    const res = await fetch(
      `${server.url}/api/documents/${created.body.documentId}/next-revision/preview`,
      {
        method: 'POST',
        headers: { 'content-type': DOCX_CONTENT_TYPE, cookie: fx.clients.chair.cookie! },
        body: await wordDraft(),
      },
    );
    expect(res.status).toBe(201);
    const answer = { body: (await res.json()) as NextRevisionPreview };
    expect(answer.body.paragraphs.map((p) => p.match?.paragraphId)).toEqual(
      live.paragraphs.map((p) => p.id),
    );
    expect(answer.body.totals).toMatchObject({ changed: 0, new: 0, removed: 0 });
  });

  it('refuses delegates, unknown previews and files that are not drafts', async () => {
    const documentId = await newDocument();
    expect((await preview(documentId, NEXT(), fx.clients.delegate)).status).toBe(403);
    const unknown = await confirm(documentId, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('urn:accord:problem:preview-not-found');
    const empty = await preview(documentId, '   \n');
    expect(empty.status).toBe(422);
  });
});
