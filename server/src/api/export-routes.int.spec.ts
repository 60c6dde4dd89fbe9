// The export route over HTTP on a real server: files as attachments for every member who may
// read, the comparison's tracked changes authored by the delegations of the record, and precise
// refusals (unknown format or variant, a comparison without its points, a point before the
// document) — none of which writes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../eventstore/port.js';
import { ApiClient } from '../test-support/api-client.js';
import { openDocx, pdfText } from '../test-support/documents.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  roles,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { tellStory, type Story } from '../timetravel/test-support/negotiation-story.js';

describe('GET /api/documents/:documentId/export', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let story: Story;

  const url = (query: string) => `${server.url}/api/documents/${story.documentId}/export?${query}`;
  const download = async (member: FixtureMember, query: string) => {
    const res = await fetch(url(query), { headers: { cookie: fixture.clients[member].cookie! } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const problem = async (member: FixtureMember, query: string) => {
    const { res, bytes } = await download(member, query);
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      body: JSON.parse(bytes.toString('utf8')) as { type: string; errors?: { path: string }[] },
    };
  };
  /** The log's last position: an export must leave it where it was. */
  const head = async () =>
    (await collect(server.store.readAll({ direction: 'backwards', maxCount: 1 })))[0]!.position;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    story = await tellStory(server, fixture);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers a compilation as a DOCX attachment named after the symbol and variant', async () => {
    const { res, bytes } = await download(
      'delegate',
      `format=docx&variant=compilation&asOf=${encodeURIComponent('revision:Rev 1')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="A_FIX_2-compilation\.docx"/,
    );
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // The pending amendment of the story is in place, attributed to its sponsor's code.
    const body = await (await openDocx(bytes)).part('word/document.xml');
    expect(body).toMatch(/\[(ALD|BRV|CRV|GG)[^:]*: /);
  }, 120_000);

  it('compares two revisions with Word tracked changes authored by each delegation', async () => {
    const from = encodeURIComponent('revision:Zero draft');
    const to = encodeURIComponent('revision:Rev 1');
    const { res, bytes } = await download(
      'observer',
      `format=docx&variant=compare&from=${from}&to=${to}`,
    );
    expect(res.status).toBe(200);
    const body = await (await openDocx(bytes)).part('word/document.xml');
    const changes = [
      ...body.matchAll(
        /<w:(ins|del) [^>]*w:author="([^"]+)"[^>]*>.*?<w:(?:t|delText)[^>]*>([^<]*)</g,
      ),
    ].map((m) => [m[1], m[2], m[3]]);
    // Exactly the story's changes (see the record routes' comparison), by delegation name.
    expect(changes).toEqual([
      ['ins', 'Alderia', 'urgently '],
      ['del', 'Bravonia', 'every city'],
      ['ins', 'Bravonia', 'all cities'],
      ['del', 'Corvalis', 'with alerts in the languages spoken by residents;'],
    ]);
  }, 120_000);

  it('lets every member who may read export, in every format', async () => {
    const formats = ['docx', 'pdf', 'html', 'md', 'akn', 'json'];
    for (const role of roles) {
      const format = formats[roles.indexOf(role) % formats.length]!;
      const { res } = await download(role, `format=${format}&variant=clean`);
      expect(res.status, `${role} ${format}`).toBe(200);
    }
    const { res, bytes } = await download(
      'civil-society',
      'format=akn&variant=compare&from=revision:Zero%20draft&to=now',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('A_FIX_2-compare.akn.xml');
    expect(bytes.toString('utf8')).toContain('<ins refersTo="#org_');
  }, 120_000);

  it('refuses outsiders and anonymous requests', async () => {
    const outsider = new ApiClient(server.url);
    await server.accounts.register({
      email: 'outsider@fixture.test',
      displayName: 'Outsider',
      password: FIXTURE_PASSWORD,
    });
    await outsider.signIn('outsider@fixture.test', FIXTURE_PASSWORD);
    const res = await fetch(url('format=md'), { headers: { cookie: outsider.cookie! } });
    expect(res.status).toBe(404);
    expect((await fetch(url('format=md'))).status).toBe(401);
  });

  it('refuses bad input precisely and writes nothing', async () => {
    const before = await head();
    const cases: [string, number, string, string?][] = [
      ['format=rtf', 400, 'unknown-export-format', 'query.format'],
      ['variant=clean', 400, 'unknown-export-format', 'query.format'],
      ['format=pdf&variant=redline', 400, 'unknown-export-variant', 'query.variant'],
      ['format=pdf&variant=compare', 422, 'compare-needs-points', 'query.from'],
      ['format=pdf&variant=compare&from=now', 422, 'compare-needs-points', 'query.to'],
      ['format=pdf&variant=clean&from=now', 422, 'invalid-input', 'query.from'],
      ['format=pdf&asOf=yesterday', 422, 'invalid-input', 'query.asOf'],
      ['format=pdf&asOf=position:0', 422, 'before-document', 'query.asOf'],
      ['format=pdf&asOf=revision:Rev%209', 404, 'revision-not-found'],
      ['format=md&variant=compare&from=now&to=revision:Rev%201', 422, 'from-after-to'],
    ];
    for (const [query, status, type, path] of cases) {
      const res = await problem('chair', query);
      expect([query, res.status, res.body.type]).toEqual([
        query,
        status,
        expect.stringMatching(new RegExp(`${type}$`)),
      ]);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      if (path) expect(res.body.errors?.map((e) => e.path)).toContain(path);
    }
    await download('chair', 'format=pdf&variant=compilation');
    expect(await head()).toBe(before);
  }, 120_000);

  it('gives the same bytes for the same point', async () => {
    const query = `format=pdf&variant=compilation&asOf=${encodeURIComponent('revision:Rev 1')}`;
    const first = await download('chair', query);
    const again = await download('secretariat', query);
    expect(first.bytes.equals(again.bytes)).toBe(true);
    expect(await pdfText(first.bytes)).toContain('OP 1');
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
