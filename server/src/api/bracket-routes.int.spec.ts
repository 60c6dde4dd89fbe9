// Brackets and options over HTTP on a real server: placing, nesting and lifting brackets (with
// who may), deleting bracketed words and settling option sets through the bracket-text reactor,
// the locks of a paragraph agreed ad ref, reading as of a point, and the burn-down.
import { randomUUID } from 'node:crypto';
import type {
  BracketListView,
  BurndownView,
  DocumentDetail,
  DocumentSummary,
} from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bracketTextWork } from '../application/brackets/bracket-text-work.js';
import { collect } from '../eventstore/port.js';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Problem {
  type: string;
  reason?: string;
}

describe('brackets and options', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];

  const as = (member: FixtureMember) => fixture.clients[member];
  const base = () => `/api/documents/${documentId}`;
  const list = async (asOf?: string) => {
    const query = asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`;
    const res = await as('observer').get<BracketListView>(`${base()}/brackets${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const textOf = async (paragraphId: string) =>
    (await server.text.paragraphs(documentId)).find((p) => p.id === paragraphId)?.text;
  const place = (member: FixtureMember, body: Record<string, unknown>) =>
    as(member).post<{ bracketId: string; position: string } & Problem>(`${base()}/brackets`, body);
  const head = async () =>
    (await collect(server.store.readAll({ direction: 'backwards', maxCount: 1 })))[0]!.position!;

  beforeAll(async () => {
    // Imports parse in this thread, from the sources: the built worker may lag behind them.
    process.env.ACCORD_WORKERS = '0';
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    paragraphs = await fixture.paragraphIds(documentId);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('places nested brackets by two delegations and lists them with their counts', async () => {
    // "Commit to establishing heat early-warning systems in every city;"
    const p = paragraphs[1]!;
    const outer = await place('delegate', { paragraphId: p, start: 10, end: 52, note: 'capitals' });
    expect(outer.status).toBe(201);
    const inner = await place('delegate2', { paragraphId: p, start: 28, end: 41 });
    expect(inner.status).toBe(201);

    const view = await list();
    const byId = new Map(view.brackets.map((b) => [b.bracketId, b]));
    expect(byId.get(outer.body.bracketId)).toMatchObject({
      paragraphId: p,
      span: { start: 10, end: 52 },
      words: 'establishing heat early-warning systems in',
      note: 'capitals',
      placedBy: { stakeholderId: fixture.stakeholders.delegationA },
    });
    expect(byId.get(inner.body.bracketId)).toMatchObject({
      words: 'early-warning',
      note: '',
      placedBy: { stakeholderId: fixture.stakeholders.delegationB },
    });
    expect(view.counts.total).toEqual({ brackets: 2, optionSets: 0, options: 0 });
    expect(view.counts.byParagraph[p]).toEqual({ brackets: 2, optionSets: 0, options: 0 });
    expect(view.counts.bySection).toEqual([
      { headingId: null, heading: null, counts: { brackets: 2, optionSets: 0, options: 0 } },
    ]);

    // The paragraph's status is derived from its brackets, in the draft and in the summary.
    const detail = await as('delegate').get<DocumentDetail>(base());
    expect(detail.body.paragraphs.find((x) => x.id === p)?.status).toBe('bracketed');
    const docs = await as('delegate').get<DocumentSummary[]>(
      `/api/negotiations/${fixture.negotiationId}/documents`,
    );
    const summary = docs.body.find((d) => d.documentId === documentId)!;
    expect(summary.paragraphStatusCounts.bracketed).toBe(1);
  });

  it('refuses a bracket that crosses another, and brackets outside the paragraph', async () => {
    const p = paragraphs[1]!;
    const crossing = await place('delegate2', { paragraphId: p, start: 5, end: 20 });
    expect(crossing.status).toBe(422);
    expect(crossing.body.reason).toBe('brackets-cross');
    const outside = await place('delegate', { paragraphId: p, start: 10, end: 500 });
    expect(outside.status).toBe(422);
    expect(outside.body.type).toMatch(/invalid-range$/);
    const unknown = await place('delegate', { paragraphId: randomUUID(), start: 0, end: 3 });
    expect(unknown.status).toBe(404);
  });

  it('lets delegations and the chair bracket, nobody else', async () => {
    const p = paragraphs[3]!;
    for (const member of ['observer', 'civil-society', 'secretariat'] as const) {
      const res = await place(member, { paragraphId: p, start: 0, end: 9 });
      expect(res.status, member).toBe(403);
    }
    const chair = await place('chair', { paragraphId: p, start: 0, end: 9 });
    expect(chair.status).toBe(201);
  });

  it('lets only the delegation that placed a bracket, or the chair, lift it', async () => {
    const p = paragraphs[0]!;
    const placed = await place('delegate', { paragraphId: p, start: 0, end: 11 });
    const url = `${base()}/brackets/${placed.body.bracketId}/remove`;
    const other = await as('delegate2').post<Problem>(url, { reason: 'not ours to lift' });
    expect(other.status).toBe(403);
    expect(other.body.reason).toBe('not-bracket-owner');
    expect((await as('chair').post(url, { reason: 'agreed in informals' })).status).toBe(200);
    expect((await list()).brackets.some((b) => b.bracketId === placed.body.bracketId)).toBe(false);
    // Its words stay; lifting it again, or an unknown bracket, is refused.
    expect(await textOf(p)).toMatch(/^Recognizing/);
    expect((await as('chair').post(url, {})).status).toBe(409);
    expect((await as('chair').post(`${base()}/brackets/${randomUUID()}/remove`, {})).status).toBe(
      404,
    );
  });

  it('deletes bracketed words once, even when the reactor sees the event again', async () => {
    const p = paragraphs[2]!; // "with alerts in the languages spoken by residents;"
    const placed = await place('delegate', { paragraphId: p, start: 12, end: 14 });
    expect(placed.status).toBe(201);
    const res = await as('delegate').post(
      `${base()}/brackets/${placed.body.bracketId}/delete-words`,
    );
    expect(res.status).toBe(200);
    expect(await textOf(p)).toBe('with alerts the languages spoken by residents;');

    // Delivered again (as after a restart before the checkpoint moved): nothing changes.
    const [event] = await collect(
      server.store.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: { on: 'eventType', prefixes: ['BracketedWordsDeleted'] },
      }),
    );
    const work = bracketTextWork({
      store: server.store,
      commands: server.commands,
      text: server.text,
    });
    await work.handle(event!);
    await work.handle(event!);
    expect(await textOf(p)).toBe('with alerts the languages spoken by residents;');
    // Operators see the reactor as they see the amendment one.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/accord_reactor_stuck_items\{reactor="bracket-text"\} 0/);
  });

  it('writes inline options after Option 1, and choosing one strikes the others', async () => {
    const p = paragraphs[3]!; // "Encourage cities to open cooling centres during heatwaves;"
    const opened = await as('delegate').post<{ optionSetId: string; optionId: string }>(
      `${base()}/option-sets`,
      { scope: 'inline', paragraphId: p, span: { start: 20, end: 24 }, words: 'fund' },
    );
    expect(opened.status).toBe(201);
    expect(await textOf(p)).toBe('Encourage cities to open fund cooling centres during heatwaves;');
    const third = await as('delegate2').post<{ optionId: string }>(
      `${base()}/option-sets/${opened.body.optionSetId}/options`,
      { words: 'designate' },
    );
    expect(third.status).toBe(201);
    expect(await textOf(p)).toBe(
      'Encourage cities to open fund designate cooling centres during heatwaves;',
    );
    // Delivered again, an alternative is not written twice.
    const [added] = await collect(
      server.store.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: { on: 'eventType', prefixes: ['OptionAdded'] },
      }),
    );
    await bracketTextWork({
      store: server.store,
      commands: server.commands,
      text: server.text,
    }).handle(added!);
    expect(await textOf(p)).toBe(
      'Encourage cities to open fund designate cooling centres during heatwaves;',
    );
    const set = (await list()).optionSets.find((s) => s.optionSetId === opened.body.optionSetId)!;
    expect(set.options.map((o) => [o.label, o.words, o.span])).toEqual([
      ['Option 1', 'open', { start: 20, end: 24 }],
      ['Option 2', 'fund', { start: 25, end: 29 }],
      ['Option 3', 'designate', { start: 30, end: 39 }],
    ]);

    // In a formal document only the chair chooses.
    const choose = `${base()}/option-sets/${opened.body.optionSetId}/choose`;
    expect((await as('delegate').post(choose, { optionId: opened.body.optionId })).status).toBe(
      403,
    );
    expect((await as('chair').post(choose, { optionId: opened.body.optionId })).status).toBe(200);
    expect(await textOf(p)).toBe('Encourage cities to fund cooling centres during heatwaves;');
    const [chosen] = await collect(
      server.store.readAll({
        direction: 'backwards',
        maxCount: 1,
        filter: { on: 'eventType', prefixes: ['OptionChosen'] },
      }),
    );
    expect((chosen!.data as { struck: { words: string }[] }).struck.map((s) => s.words)).toEqual([
      'open',
      'designate',
    ]);
  });

  it('offers whole paragraphs and "No text"; choosing "No text" strikes them all', async () => {
    const p = paragraphs[0]!;
    const opened = await as('delegate').post<{ optionSetId: string; optionId: string }>(
      `${base()}/option-sets`,
      { scope: 'paragraphs', paragraphId: p, words: 'Recalling the heat of recent summers,' },
    );
    expect(opened.status).toBe(201);
    const after = await server.text.paragraphs(documentId);
    const index = after.findIndex((x) => x.id === p);
    expect(after[index + 1]).toMatchObject({
      kind: 'preambular',
      text: 'Recalling the heat of recent summers,',
    });
    const noText = await as('delegate2').post<{ optionId: string }>(
      `${base()}/option-sets/${opened.body.optionSetId}/options`,
      { words: '', noText: true },
    );
    expect(noText.status).toBe(201);
    const set = (await list()).optionSets.find((s) => s.optionSetId === opened.body.optionSetId)!;
    expect(set.options.map((o) => [o.label, o.noText])).toEqual([
      ['Option 1', false],
      ['Option 2', false],
      ['Option 3', true],
    ]);
    const res = await as('chair').post(`${base()}/option-sets/${opened.body.optionSetId}/choose`, {
      optionId: noText.body.optionId,
    });
    expect(res.status).toBe(200);
    const ids = (await server.text.paragraphs(documentId)).map((x) => x.id);
    expect(ids).not.toContain(p);
    expect(ids).not.toContain(after[index + 1]!.id);
  });

  it('locks a paragraph agreed ad ref: no brackets, no amendment accepted into it', async () => {
    const other = fixture.documents['open-drafting'];
    const [p] = await fixture.paragraphIds(other);
    const tabled = await as('delegate').post<{ amendmentId: string }>(
      `/api/documents/${other}/amendments`,
      { paragraphId: p, kind: 'replace', range: { start: 0, end: 11 }, proposedText: 'Noting' },
    );
    expect(tabled.status).toBe(201);
    const gavel = await as('chair').put(`/api/documents/${other}/paragraphs/${p}/status`, {
      status: 'agreed-ad-ref',
    });
    expect(gavel.status).toBe(200);

    const bracket = await as('delegate').post<Problem>(`/api/documents/${other}/brackets`, {
      paragraphId: p,
      start: 0,
      end: 11,
    });
    expect(bracket.status).toBe(409);
    expect(bracket.body.reason).toBe('paragraph-locked');
    const accept = await as('chair').post<Problem>(
      `/api/amendments/${tabled.body.amendmentId}/accept`,
    );
    expect(accept.status).toBe(409);
    expect(accept.body.reason).toBe('paragraph-locked');
  });

  it('reads the brackets as of a point before one was placed', async () => {
    const before = await head();
    const p = paragraphs[1]!;
    const placed = await place('delegate2', { paragraphId: p, start: 0, end: 6 });
    expect(placed.status).toBe(201);
    const then = await list(`position:${before}`);
    expect(then.brackets.some((b) => b.bracketId === placed.body.bracketId)).toBe(false);
    const now = await list();
    expect(now.brackets.find((b) => b.bracketId === placed.body.bracketId)?.words).toBe('Commit');
    expect(now.counts.total.brackets).toBe(then.counts.total.brackets + 1);
  });

  it('answers 404 for an unknown option set', async () => {
    const res = await as('chair').post(`${base()}/option-sets/${randomUUID()}/choose`, {
      optionId: randomUUID(),
    });
    expect(res.status).toBe(404);
  });

  it('brings the brackets and options of an imported draft into the record', async () => {
    const draft = [
      '# Draft on heat',
      '',
      'A/FIX/IMP',
      '',
      '## Commitments',
      '',
      'OP 1 Parties [Option 1: shall] [Option 2: should] report on [heat [early-warning] systems] every year;',
      '',
      'Option 1: Cities open cooling centres during heat alerts;',
      '',
      'Option 2: Cities open cooling centres all summer;',
      '',
      'Option 3: No text',
      '',
    ].join('\n');
    const res = await fetch(
      `${server.url}/api/negotiations/${fixture.negotiationId}/imports?mode=formal`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/markdown', cookie: as('secretariat').cookie! },
        body: draft,
      },
    );
    const answer = (await res.json()) as { documentId: string };
    expect(res.status, JSON.stringify(answer)).toBe(201);
    const imported = answer.documentId;
    const text = await server.text.paragraphs(imported);
    expect(text.map((p) => p.text)).toEqual([
      'Commitments',
      'Parties shall should report on heat early-warning systems every year;',
      'Cities open cooling centres during heat alerts;',
      'Cities open cooling centres all summer;',
    ]);
    const view = (await as('observer').get<BracketListView>(`/api/documents/${imported}/brackets`))
      .body;
    expect(view.brackets.map((b) => [b.words, b.note])).toEqual([
      ['heat early-warning systems', 'imported'],
      ['early-warning', 'imported'],
    ]);
    expect(view.brackets[0]!.placedBy.stakeholderId).toBe(fixture.stakeholders.secretariat);
    expect(
      view.optionSets.map((set) => [set.scope, set.options.map((o) => [o.words, o.noText])]),
    ).toEqual([
      [
        'paragraphs',
        [
          ['Cities open cooling centres during heat alerts;', false],
          ['Cities open cooling centres all summer;', false],
          ['', true],
        ],
      ],
      [
        'inline',
        [
          ['shall', false],
          ['should', false],
        ],
      ],
    ]);
  });

  it('draws the burn-down: open totals after each change, and the revisions issued', async () => {
    const issued = await as('chair').post(`${base()}/revisions`, { label: 'Rev 1' });
    expect(issued.status).toBe(201);
    const res = await as('observer').get<BurndownView>(`${base()}/burndown`);
    expect(res.status).toBe(200);
    const { points, revisions } = res.body;
    expect(revisions.map((r) => r.label)).toEqual(['Rev 1']);
    expect(points[0]!.total).toEqual({ brackets: 1, optionSets: 0, options: 0 });
    expect(points[1]!.total).toEqual({ brackets: 2, optionSets: 0, options: 0 });
    const now = await list();
    expect(points.at(-1)!.total).toEqual(now.counts.total);
    expect(points.map((x) => BigInt(x.position))).toEqual(
      [...points.map((x) => BigInt(x.position))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
