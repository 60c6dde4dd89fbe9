// The agreed-language library over HTTP on a real server: the secretariat imports an earlier
// text, a delegate finds precedent wording (FTS5, diacritics folded, hostile query syntax taken
// as plain words), inserts a passage and cites it — the server keeps the citation only when the
// words really are in the draft and in the cited paragraph — and a document adopted here joins
// the library by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationView, LibraryHitView, LibraryTextSummaryView } from '@accord/shared';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const earlierText = {
  title: 'Declaration on heat and health in cities',
  symbol: 'HH/2023/4',
  adoptedOn: '2023-09-21',
  language: 'en',
  paragraphs: [
    { ref: 'PP 1', text: 'Aware that heatwaves are growing longer and more frequent,' },
    {
      ref: 'OP 3',
      text: 'Calls upon local authorities to protect older persons from extreme heat;',
    },
    { ref: 'OP 4', text: 'Encourages the développement of shaded public spaces;' },
  ],
};

describe('the agreed-language library', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let libraryTextId: string;
  const as = (member: FixtureMember) => fixture.clients[member];
  const library = (path = '') => `/api/negotiations/${fixture.negotiationId}/library${path}`;
  const search = async (member: FixtureMember, q: string) => {
    const res = await as(member).get<{ hits: LibraryHitView[] }>(
      library(`/search?q=${encodeURIComponent(q)}`),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.hits;
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets the secretariat import an earlier text, and refuses a delegate', async () => {
    const refused = await as('delegate').post(library('/texts'), earlierText);
    expect(refused.status).toBe(403);
    const res = await as('secretariat').post<{ libraryTextId: string }>(
      library('/texts'),
      earlierText,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    libraryTextId = res.body.libraryTextId;
    const texts = await as('observer').get<{ texts: LibraryTextSummaryView[] }>(library('/texts'));
    expect(texts.body.texts.map((t) => t.title)).toEqual([earlierText.title]);
  });

  it('finds precedent wording for everyone, best match first, with the matched words marked', async () => {
    const hits = await search('civil-society', 'older persons heat');
    expect(hits.map((h) => h.ref)).toEqual(['OP 3']);
    expect(hits[0]!.snippet).toContain('\u0002older\u0003');
    expect(hits[0]!.paragraph).toBe(earlierText.paragraphs[1]!.text);
    // The last word matches as a prefix; accents are folded.
    expect((await search('delegate', 'heatw')).map((h) => h.ref)).toEqual(['PP 1']);
    expect((await search('delegate', 'developpement')).map((h) => h.ref)).toEqual(['OP 4']);
  });

  it('takes FTS5 syntax typed by anyone as plain words, never as an error', async () => {
    for (const q of ['"', 'NEAR(', 'title:*', '*', 'a OR', '^heat', '(((']) {
      const res = await as('delegate').get(library(`/search?q=${encodeURIComponent(q)}`));
      expect(res.status, q).toBe(200);
    }
    const tooLong = await as('delegate').get(library(`/search?q=${'a'.repeat(201)}`));
    expect(tooLong.status).toBe(422);
  });

  it('records a citation only when the words are in the draft and in the cited paragraph', async () => {
    const documentId = fixture.documents['open-drafting'];
    const [, op1] = await fixture.paragraphIds(documentId);
    const words = 'Commit to establishing heat early-warning systems in every city;';
    const span = (w: string) => ({ start: words.indexOf(w), end: words.indexOf(w) + w.length });
    // "every city" is in the draft's OP 1 but not in OP 3 of the earlier text.
    const notCited = await as('delegate').post(`/api/documents/${documentId}/citations`, {
      paragraphId: op1,
      ...span('every city'),
      libraryTextId,
      ref: 'OP 3',
    });
    expect(notCited.status, JSON.stringify(notCited.body)).toBe(422);
    expect((notCited.body as { type: string }).type).toContain('words-not-in-library');

    // "heat" is in both: the citation is kept, with who cited it.
    const cited = await as('delegate').post<{ citationId: string }>(
      `/api/documents/${documentId}/citations`,
      { paragraphId: op1, ...span('heat'), libraryTextId, ref: 'OP 3' },
    );
    expect(cited.status, JSON.stringify(cited.body)).toBe(201);
    const list = await as('observer').get<{ citations: CitationView[] }>(
      `/api/documents/${documentId}/citations`,
    );
    expect(list.body.citations).toEqual([
      expect.objectContaining({
        citationId: cited.body.citationId,
        words: 'heat',
        ref: 'OP 3',
        title: earlierText.title,
        intact: true,
      }),
    ]);
    expect(list.body.citations[0]!.citedBy.stakeholderId).toBe(fixture.stakeholders.delegationA);

    // Civil society may not put words in the text, so may not cite.
    const refused = await as('civil-society').post(`/api/documents/${documentId}/citations`, {
      paragraphId: op1,
      ...span('heat'),
      libraryTextId,
      ref: 'OP 3',
    });
    expect(refused.status).toBe(403);
  });

  it('adds a document adopted here to the library, numbered as the adopted revision', async () => {
    const documentId = fixture.documents.formal;
    const issued = await as('chair').post<{ label: string }>(
      `/api/documents/${documentId}/revisions`,
      {},
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const adopted = await as('chair').post(`/api/documents/${documentId}/adopt`, {
      revisionLabel: issued.body.label,
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    await expect
      .poll(async () => (await search('delegate', 'cooling centres')).map((h) => h.ref))
      .toEqual(['OP 2']);
    const [hit] = await search('delegate', 'cooling centres');
    expect(hit!.text).toMatchObject({
      source: 'adopted',
      documentId,
      revisionLabel: issued.body.label,
    });
  });

  it('withdraws a text from search while its citations keep their source', async () => {
    const res = await as('chair').post(library(`/texts/${libraryTextId}/withdraw`), {
      reason: 'Superseded by the 2025 declaration',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await search('delegate', 'older persons')).toEqual([]);
    const documentId = fixture.documents['open-drafting'];
    const list = await as('delegate').get<{ citations: CitationView[] }>(
      `/api/documents/${documentId}/citations`,
    );
    expect(list.body.citations.map((c) => c.title)).toEqual([earlierText.title]);
  });
});
