/**
 * POST /api/negotiations/:id/imports against a real server: a Word or Markdown draft becomes a
 * document whose paragraphs the API then serves numbered; a dry run and every bad upload leave
 * the event log exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../eventstore/port.js';
import type { ImportReport } from '../imports/draft-model.js';
import { DOCX_CONTENT_TYPE, IMPORT_MAX_BYTES } from '../imports/parse-draft.js';
import {
  MARKDOWN_DRAFT,
  MARKDOWN_EXPECTED,
  WORD_DRAFT,
  wordDraft,
} from '../imports/test-support/draft-fixtures.js';
import type { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Answer {
  status: number;
  contentType: string | null;
  body: {
    documentId?: string;
    report?: ImportReport;
    type?: string;
    detail?: string;
    errors?: { path: string }[];
  };
}

describe('importing a draft over the API', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let docx: Buffer;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    docx = await wordDraft();
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = async (
    client: ApiClient | undefined,
    body: Buffer | string,
    contentType: string | undefined,
    query = '',
  ): Promise<Answer> => {
    const res = await fetch(
      `${server.url}/api/negotiations/${fx.negotiationId}/imports${query ? `?${query}` : ''}`,
      {
        method: 'POST',
        headers: {
          ...(contentType ? { 'content-type': contentType } : {}),
          ...(client?.cookie ? { cookie: client.cookie } : {}),
        },
        body,
      },
    );
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: text ? (JSON.parse(text) as Answer['body']) : {},
    };
  };
  const eventCount = async () => (await collect(server.store.readAll())).length;

  it('imports a Word draft into a new document, numbered from its structure', async () => {
    const answer = await upload(fx.clients.chair, docx, DOCX_CONTENT_TYPE, 'mode=formal');
    expect(answer.status).toBe(201);
    expect(answer.body.report!.counts.total).toBe(WORD_DRAFT.paragraphs.length);

    const document = await fx.clients.chair.get<{
      title: string;
      symbol: string;
      mode: string;
      paragraphs: { kind: string; text: string; label: string | null }[];
    }>(`/api/documents/${answer.body.documentId}`);
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      title: WORD_DRAFT.title,
      symbol: WORD_DRAFT.symbol,
      mode: 'formal',
    });
    expect(document.body.paragraphs.map(({ kind, text }) => ({ kind, text }))).toEqual(
      WORD_DRAFT.paragraphs,
    );
    expect(document.body.paragraphs.map((p) => p.label)).toEqual([
      null,
      'PP 1',
      'PP 2',
      null,
      'OP 1',
      'OP 1 (a)',
      'OP 1 (b)',
      'OP 2',
      'OP 3',
    ]);
  });

  it('imports Markdown, with the title and symbol given overriding the draft’s', async () => {
    const answer = await upload(
      fx.clients.secretariat,
      MARKDOWN_DRAFT,
      'text/markdown; charset=utf-8',
      'title=Cool%20Cities%20Compact&symbol=A%2FCC%2F1&mode=open-drafting',
    );
    expect(answer.status).toBe(201);
    const document = await fx.clients.chair.get<{
      title: string;
      symbol: string;
      mode: string;
      paragraphs: { kind: string; text: string }[];
    }>(`/api/documents/${answer.body.documentId}`);
    expect(document.body).toMatchObject({
      title: 'Cool Cities Compact',
      symbol: 'A/CC/1',
      mode: 'open-drafting',
    });
    expect(document.body.paragraphs.map(({ kind, text }) => ({ kind, text }))).toEqual(
      MARKDOWN_EXPECTED,
    );
  });

  it('answers a repeated request (same Idempotency-Key) with the same document, appending nothing', async () => {
    const key = randomUUID();
    const send = () =>
      fetch(`${server.url}/api/negotiations/${fx.negotiationId}/imports`, {
        method: 'POST',
        headers: {
          'content-type': 'text/markdown',
          cookie: fx.clients.chair.cookie!,
          'idempotency-key': key,
        },
        body: MARKDOWN_DRAFT,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'] }));
    const first = await send();
    const before = await eventCount();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body.documentId).toBe(first.body.documentId);
    expect(await eventCount()).toBe(before);
  });

  it('with dryRun=true reports what it would import and writes nothing', async () => {
    const before = await eventCount();
    const documents = fx.clients.chair.get<unknown[]>(
      `/api/negotiations/${fx.negotiationId}/documents`,
    );
    const countBefore = (await documents).body.length;
    const answer = await upload(fx.clients.chair, docx, DOCX_CONTENT_TYPE, 'dryRun=true');
    expect(answer.status).toBe(200);
    expect(answer.body.documentId).toBeUndefined();
    expect(answer.body.report!.counts).toEqual({
      heading: 2,
      preambular: 2,
      operative: 3,
      subparagraph: 2,
      total: 9,
    });
    expect(answer.body.report!.paragraphs[4]).toMatchObject({
      label: 'OP 1',
      recognisedBy: 'numbering',
    });
    expect(await eventCount()).toBe(before);
    const after = await fx.clients.chair.get<unknown[]>(
      `/api/negotiations/${fx.negotiationId}/documents`,
    );
    expect(after.body).toHaveLength(countBefore);
  });

  describe('bad uploads get a precise problem and write nothing', () => {
    const cases: {
      name: string;
      as?: 'chair' | 'delegate' | 'anonymous';
      body: () => Promise<Buffer | string>;
      contentType?: string;
      query?: string;
      status: number;
      type: string;
    }[] = [
      {
        name: 'a corrupt DOCX (truncated zip)',
        body: async () => (await wordDraft()).subarray(0, 3000),
        contentType: DOCX_CONTENT_TYPE,
        status: 422,
        type: 'corrupt-docx',
      },
      {
        name: 'a PDF sent as DOCX',
        body: () => Promise.resolve(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')),
        contentType: DOCX_CONTENT_TYPE,
        status: 422,
        type: 'not-a-docx',
      },
      {
        name: 'a zip archive that is not a Word document',
        body: async () => {
          const zip = Buffer.from(await wordDraft());
          for (let at = zip.indexOf('word/document.xml'); at >= 0;) {
            zip.write('word/documenX.xml', at, 'latin1');
            at = zip.indexOf('word/document.xml', at + 1);
          }
          return zip;
        },
        contentType: DOCX_CONTENT_TYPE,
        status: 422,
        type: 'not-a-docx',
      },
      {
        name: 'an unsupported content type',
        body: () => Promise.resolve('<html><body>Decides</body></html>'),
        contentType: 'text/html',
        status: 415,
        type: 'unsupported-media-type',
      },
      {
        name: 'no content type',
        body: () => Promise.resolve(Buffer.from('Decides to act;')),
        status: 415,
        type: 'unsupported-media-type',
      },
      {
        name: 'a file over the limit',
        body: () => Promise.resolve(Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41)),
        contentType: 'text/markdown',
        status: 413,
        type: 'body-too-large',
      },
      {
        name: 'an empty body',
        body: () => Promise.resolve(Buffer.alloc(0)),
        contentType: DOCX_CONTENT_TYPE,
        status: 422,
        type: 'empty-document',
      },
      {
        name: 'a Markdown draft with a title and nothing else',
        body: () => Promise.resolve('# Just a title\n\n\n'),
        contentType: 'text/markdown',
        status: 422,
        type: 'empty-document',
      },
      {
        name: 'Markdown that is not UTF-8',
        body: () => Promise.resolve(Buffer.from([0x44, 0xe9, 0x63, 0x69, 0x64, 0x65, 0xff])),
        contentType: 'text/markdown',
        status: 422,
        type: 'not-utf8-text',
      },
      {
        name: 'an invalid mode',
        body: () => Promise.resolve(MARKDOWN_DRAFT),
        contentType: 'text/markdown',
        query: 'mode=chaotic',
        status: 422,
        type: 'invalid-input',
      },
      {
        name: 'a blank title',
        body: () => Promise.resolve(MARKDOWN_DRAFT),
        contentType: 'text/markdown',
        query: 'title=%20%20',
        status: 422,
        type: 'invalid-input',
      },
      {
        name: 'a symbol over 80 characters',
        body: () => Promise.resolve(MARKDOWN_DRAFT),
        contentType: 'text/markdown',
        query: `symbol=${'A'.repeat(81)}`,
        status: 422,
        type: 'invalid-input',
      },
      {
        name: 'no title given and none on the draft',
        body: () => Promise.resolve('Recalling the past,\n\nDecides to act;\n'),
        contentType: 'text/markdown',
        query: 'symbol=A%2F1',
        status: 422,
        type: 'missing-title',
      },
      {
        name: 'no symbol given and none on the draft',
        body: () => Promise.resolve('Recalling the past,\n\nDecides to act;\n'),
        contentType: 'text/markdown',
        query: 'title=Draft',
        status: 422,
        type: 'missing-symbol',
      },
      {
        name: 'a delegate (may not create documents)',
        as: 'delegate',
        body: () => Promise.resolve(MARKDOWN_DRAFT),
        contentType: 'text/markdown',
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'no session',
        as: 'anonymous',
        body: () => Promise.resolve(MARKDOWN_DRAFT),
        contentType: 'text/markdown',
        status: 401,
        type: 'unauthenticated',
      },
    ];

    it.each(cases)('$name → $status $type', async (c) => {
      const before = await eventCount();
      const client = c.as === 'anonymous' ? undefined : fx.clients[c.as ?? 'chair'];
      const answer = await upload(client, await c.body(), c.contentType, c.query);
      expect(answer.status).toBe(c.status);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body.type).toBe(`urn:accord:problem:${c.type}`);
      expect(await eventCount()).toBe(before);
    });

    it('says which file kinds it accepts when refusing a content type', async () => {
      const answer = await upload(fx.clients.chair, 'x', 'application/pdf');
      expect(answer.body).toMatchObject({
        accepted: [DOCX_CONTENT_TYPE, 'text/markdown', 'text/x-markdown'],
      });
    });

    it('documents the route and its raw body in the OpenAPI description', async () => {
      const openApi = await fx.clients.chair.get<{
        paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
      }>('/api/openapi.json');
      const content =
        openApi.body.paths['/api/negotiations/{negotiationId}/imports']!.post!.requestBody!.content;
      expect(Object.keys(content)).toEqual([DOCX_CONTENT_TYPE, 'text/markdown', 'text/x-markdown']);
    });
  });
});
