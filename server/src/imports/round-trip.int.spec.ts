/**
 * Import → export → import keeps a draft: a document imported from Word or Markdown, exported
 * as clean text in Markdown and in DOCX (GET /api/documents/:id/export), then imported again,
 * has the same paragraphs (count, kinds and words) and the same title and symbol, read from the
 * export's cover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNegotiation } from '../demo/demo-negotiation.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import type { ImportReport } from './draft-model.js';
import { DOCX_CONTENT_TYPE } from './parse-draft.js';
import { MARKDOWN_DRAFT, wordDraft } from './test-support/draft-fixtures.js';

const CONTENT_TYPES = { docx: DOCX_CONTENT_TYPE, md: 'text/markdown' } as const;

describe('import → export → import', () => {
  let server: TestServer;
  let fx: NegotiationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  const importDraft = async (bytes: Buffer | string, contentType: string, query = '') => {
    const res = await fetch(
      `${server.url}/api/negotiations/${fx.negotiationId}/imports${query ? `?${query}` : ''}`,
      {
        method: 'POST',
        headers: { 'content-type': contentType, cookie: fx.clients.chair.cookie! },
        body: bytes,
      },
    );
    const body = (await res.json()) as { documentId: string; report: ImportReport };
    expect(res.status, JSON.stringify(body)).toBe(201);
    return body;
  };
  const documentOf = async (documentId: string) => {
    const res = await fx.clients.chair.get<{
      title: string;
      symbol: string;
      paragraphs: { kind: string; text: string }[];
    }>(`/api/documents/${documentId}`);
    return {
      title: res.body.title,
      symbol: res.body.symbol,
      paragraphs: res.body.paragraphs.map(({ kind, text }) => ({ kind, text })),
    };
  };
  const exportClean = async (documentId: string, format: 'md' | 'docx') => {
    const res = await fetch(
      `${server.url}/api/documents/${documentId}/export?format=${format}&variant=clean`,
      { headers: { cookie: fx.clients.chair.cookie! } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(CONTENT_TYPES[format]);
    return Buffer.from(await res.arrayBuffer());
  };

  const sources: [
    string,
    () => Promise<{ bytes: Buffer | string; type: string; query?: string }>,
  ][] = [
    ['a Word draft', async () => ({ bytes: await wordDraft(), type: DOCX_CONTENT_TYPE })],
    ['a Markdown draft', () => Promise.resolve({ bytes: MARKDOWN_DRAFT, type: 'text/markdown' })],
    [
      'the demo zero draft (brackets, options, sub-paragraphs)',
      () => {
        const { paragraphs, title, symbol } = demoNegotiation.document;
        const md = paragraphs
          .map((p) =>
            p.kind === 'heading'
              ? `## ${p.text}`
              : `${p.kind === 'subparagraph' ? '(a) ' : ''}${p.text.replace(/[[\]*_\\]/g, (c) => `\\${c}`)}`,
          )
          .join('\n\n');
        return Promise.resolve({
          bytes: md,
          type: 'text/markdown',
          query: `title=${encodeURIComponent(title)}&symbol=${encodeURIComponent(symbol)}`,
        });
      },
    ],
  ];

  describe.each(sources)('%s', (_name, source) => {
    let originalId: string;
    let original: Awaited<ReturnType<typeof documentOf>>;
    beforeAll(async () => {
      const { bytes, type, query } = await source();
      originalId = (await importDraft(bytes, type, query)).documentId;
      original = await documentOf(originalId);
    });

    it.each(['md', 'docx'] as const)('survives a clean %s export', async (format) => {
      const first = await importDraft(await exportClean(originalId, format), CONTENT_TYPES[format]);
      const again = await documentOf(first.documentId);
      expect(again.paragraphs).toHaveLength(original.paragraphs.length);
      expect(again.paragraphs.map((p) => p.kind)).toEqual(original.paragraphs.map((p) => p.kind));
      expect(again.paragraphs).toEqual(original.paragraphs);
      expect({ title: again.title, symbol: again.symbol }).toEqual({
        title: original.title,
        symbol: original.symbol,
      });
      expect(first.report.warnings.filter((w) => w.code === 'kind-defaulted')).toEqual([]);
    });
  });
});
