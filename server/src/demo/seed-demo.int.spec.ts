import { demoRecommendations } from './seed-recommendations.js';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAsOf } from '@accord/shared';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { registerSeedCommand } from '../cli/seed-command.js';
import { loadConfig } from '../config.js';
import { createCore, type AccordCore } from '../core.js';
import { collect } from '../eventstore/port.js';
import { createLogger } from '../observability/logger.js';
import { frameAsOf, RecordHistory } from '../timetravel/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createTestCore } from '../test-support/test-core.js';
import { DEMO_PASSWORD, demoNegotiation as demo } from './demo-negotiation.js';
import {
  DEMO_SIGN_IN,
  seedDemo,
  seedDemoIfEmpty,
  uncontroversialAmendment,
  type SeedDemoResult,
} from './seed-demo.js';
import { demoDeclaration } from './seed-pledges.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-05-14T10:30:00.000Z');
const SEED_ID = '4b7f2a10-93c5-4e8d-a1f6-0c2d9e8b7a35';
/** The streams of the negotiation's record (not accounts, sessions or the text's own log). */
const RECORD_STREAM =
  /^(negotiation|document|amendment|positions|comments|roundtable|process|schedule|translations|library|pledge|consultation|recommendation)-/;

const paragraphText = (key: string) => demo.document.paragraphs.find((p) => p.key === key)!.text;
const accepted = uncontroversialAmendment(demo);
/** Amendments tabled by delegations taking up a demo recommendation (seed-recommendations.ts). */
const TAKEN_UP = demoRecommendations.reduce((n, r) => n + r.takenUpBy.length, 0);

describe('seedDemo', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let core: AccordCore;
  let first: SeedDemoResult;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    temp = await makeTempDir();
    core = await createTestCore(temp.dir);
    first = await seedDemo(core, {
      now: NOW,
      seedId: SEED_ID,
      onProgress: (done, total, step) => progress.push([done, total, step]),
    });
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await temp?.remove();
  });

  const queries = () => core.readModels.queries;

  it('reports what it wrote and its progress step by step', () => {
    expect(first).toMatchObject({ people: 22, amendments: 9, positions: 48, comments: 8 });
    const total = progress[0]![1];
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.map(([, , step]) => step)).toContain('issue Rev 1');
    expect(progress.at(-1)![2]).toBe('sign off the roundtable paper for PEL');
  });

  it('registers the cast: stakeholders, members and the two co-facilitators', () => {
    const negotiation = queries().getNegotiation(first.negotiationId)!;
    expect(negotiation.title).toBe(demo.title);
    const count = (kind: string) => negotiation.stakeholders.filter((s) => s.kind === kind).length;
    expect(count('delegation')).toBe(12);
    expect(count('group')).toBe(2);
    expect(count('civil-society')).toBe(3);
    expect(count('observer')).toBe(2);
    expect(count('secretariat')).toBe(1);

    const byCode = new Map(negotiation.stakeholders.map((s) => [s.shortCode, s]));
    expect(byCode.get('MRU')!.groupIds).toEqual([byCode.get('ACIS')!.stakeholderId]);
    expect(byCode.get('HLV')!.groupIds).toEqual([]);

    expect(negotiation.chairs.map((c) => [c.displayName, c.stakeholder.shortCode])).toEqual([
      ['Amb. Helena Orvell', 'VRD'],
      ['Amb. Sefu Ndalamba', 'UMB'],
    ]);
    expect(negotiation.chairs.every((c) => c.appointedAt !== null)).toBe(true);

    const members = queries().listMembers(first.negotiationId);
    expect(members).toHaveLength(22);
    const roles = members.map((m) => m.role).sort();
    expect(roles.filter((r) => r === 'chair')).toHaveLength(2);
    expect(roles.filter((r) => r === 'secretariat')).toHaveLength(1);
    expect(roles.filter((r) => r === 'delegate')).toHaveLength(14);
    expect(roles.filter((r) => r === 'civil-society')).toHaveLength(3);
    expect(roles.filter((r) => r === 'observer')).toHaveLength(2);
  });

  it('lets a demo delegate sign in with the demo password', async () => {
    expect(DEMO_SIGN_IN.password).toBe(DEMO_PASSWORD);
    const session = await core.accounts.signIn(DEMO_SIGN_IN.email, DEMO_PASSWORD);
    expect(session.user.displayName).toBe('Losa Tavake');
    const membership = queries().getMembership(first.negotiationId, session.user.userId);
    expect(membership?.role).toBe('delegate');
    await expect(core.accounts.signIn(DEMO_SIGN_IN.email, 'not-the-password')).rejects.toThrow();
  });

  it('creates the document in open drafting, with the zero draft and Rev 1 issued', () => {
    const [summary, ...others] = queries().listDocuments(first.negotiationId);
    // After the draft comes only the earlier declaration the pledges follow (seed-pledges.ts).
    expect(others.map((d) => [d.title, d.adopted])).toEqual([[demoDeclaration.title, true]]);
    expect(summary!.documentId).toBe(first.documentId);
    const document = queries().getDocument(first.documentId)!;
    expect(document.mode).toBe('open-drafting');
    expect(document.symbol).toBe(demo.document.symbol);
    expect(document.revisions.map((r) => r.label)).toEqual(['Zero draft', 'Rev 1']);
    const [zero, rev1] = document.revisions;
    expect(BigInt(rev1!.textRevision)).toBeGreaterThan(BigInt(zero!.textRevision));
    expect(document.pendingAmendments).toBe(8 + TAKEN_UP);
    // Bracketed: OP 4 and OP 5 (brackets), OP 12 (inline options), PP 9 and its alternative.
    expect(document.paragraphStatusCounts).toEqual({ bracketed: 5, 'agreed-ad-ref': 2 });
  });

  it('places nested brackets with notes and writes the alternatives into the text', async () => {
    const view = await createBracketReader({
      store: core.store,
      history: new RecordHistory(core.store),
      text: core.text,
    }).list(first.documentId);
    expect(view.brackets.map((b) => [b.words, b.note])).toEqual(
      demo.brackets.map((b) => [b.words, b.note]),
    );
    expect(new Set(view.brackets.map((b) => b.placedBy.stakeholderId)).size).toBe(3);
    const [inline, paragraphs] = view.optionSets;
    expect(inline!.options.map((o) => o.words)).toEqual(['two', 'four']);
    expect(paragraphs!.options.map((o) => [o.label, o.noText])).toEqual([
      ['Option 1', false],
      ['Option 2', false],
      ['Option 3', true],
    ]);
    const text = await core.text.paragraphs(first.documentId);
    expect(text.find((p) => p.text.startsWith('Decide to convene'))?.text).toMatch(
      /every two four years/,
    );
    expect(view.counts.total).toEqual({ brackets: 3, optionSets: 2, options: 5 });
  });

  it('writes the text, with the accepted amendment in it and the gavelled paragraphs agreed', async () => {
    const paragraphs = await core.text.paragraphs(first.documentId);
    // The accepted amendment's paragraph, and PP 9's alternative (Option 2).
    expect(paragraphs).toHaveLength(demo.document.paragraphs.length + 2);
    expect(paragraphs.filter((p) => p.kind === 'preambular')).toHaveLength(10);
    // The schools paragraph, added after OP 6.
    expect(accepted.key).toBe('am7');
    const after = paragraphs.findIndex((p) => p.text === paragraphText(accepted.paragraph));
    expect(paragraphs[after + 1]).toMatchObject({ kind: 'operative', text: accepted.proposedText });

    const document = queries().getDocument(first.documentId)!;
    const agreed = document.paragraphStatuses
      .filter((s) => s.status === 'agreed-ad-ref')
      .map((s) => paragraphs.find((p) => p.id === s.paragraphId)?.text);
    expect(agreed.sort()).toEqual(demo.agreedAdRef.map(paragraphText).sort());
  });

  it('dates the text with the backdated record, so the text as of a time matches the record then', async () => {
    const [zero, rev1] = queries().getDocument(first.documentId)!.revisions;
    const timeTravel = { store: core.store, history: new RecordHistory(core.store) };
    const between = new Date((Date.parse(zero!.issuedAt) + Date.parse(rev1!.issuedAt)) / 2);
    const frame = await frameAsOf(
      timeTravel,
      first.documentId,
      parseAsOf(`time:${between.toISOString()}`)!,
    );
    // The zero draft's paragraphs, without the schools paragraph Rev 1 accepted.
    expect(frame.paragraphs.map((p) => p.text)).toEqual(
      demo.document.paragraphs.map((p) => p.text),
    );
    expect(Date.parse(zero!.issuedAt)).toBeLessThan(NOW.getTime() - DAY_MS);
  });

  it('tables the amendments anchored to their words, with sponsors and co-sponsors', async () => {
    const amendments = queries().listAmendments(first.documentId);
    expect(amendments).toHaveLength(9 + TAKEN_UP);
    expect(amendments.filter((a) => a.status === 'accepted')).toHaveLength(1);
    expect(amendments.filter((a) => a.status === 'pending')).toHaveLength(8 + TAKEN_UP);

    const paragraphs = await core.text.paragraphs(first.documentId);
    for (const data of demo.amendments) {
      const paragraphId = paragraphs.find((p) => p.text === paragraphText(data.paragraph))!.id;
      const amendment = amendments.find(
        (a) =>
          a.paragraphId === paragraphId && a.kind === data.kind && a.rationale === data.rationale,
      );
      expect(amendment, data.key).toBeDefined();
      expect(amendment!.status, data.key).toBe(data === accepted ? 'accepted' : 'pending');
      expect(amendment!.sponsor.shortCode, data.key).toBe(data.sponsor);
      expect(
        amendment!.cosponsors.map((c) => c.shortCode),
        data.key,
      ).toEqual(data.cosponsors);
      expect(amendment!.proposal.originalText, data.key).toBe(
        data.kind === 'delete-paragraph' ? paragraphText(data.paragraph) : data.originalText,
      );
      expect(amendment!.proposal.proposedText, data.key).toBe(data.proposedText);
      expect(amendment!.chairsCompromise, data.key).toBe(false);
    }
  });

  it('records the positions and the comments, with one reply and one resolved thread', () => {
    expect(queries().listPositions(first.documentId)).toHaveLength(48);

    const threads = queries().listComments(first.documentId);
    expect(threads).toHaveLength(7);
    expect(threads.flatMap((t) => t.replies)).toHaveLength(1);
    const answered = threads.find((t) => t.replies.length > 0)!;
    expect(answered.body).toBe(demo.comments.find((c) => c.key === 'c3')!.body);
    expect(answered.replies[0]!.author.displayName).toBe('Amb. Sefu Ndalamba');
    const resolved = threads.filter((t) => t.status === 'resolved');
    expect(resolved.map((t) => t.body)).toEqual([demo.comments.find((c) => c.key === 'c6')!.body]);
    const quotes = threads.map((t) => t.anchor.range?.quote).filter((q) => q !== undefined);
    expect(quotes.sort()).toEqual(
      demo.comments.flatMap((c) => (c.quote !== undefined && !c.replyTo ? [c.quote] : [])).sort(),
    );
  });

  it('schedules a roundtable whose paper one co-chair has signed off', () => {
    const roundtable = queries().getRoundtable(first.roundtableId)!;
    expect(roundtable).toMatchObject({
      theme: demo.roundtable.theme,
      status: 'scheduled',
      date: '2026-05-17',
      background: demo.roundtable.background,
      guidingQuestions: demo.roundtable.guidingQuestions,
      draft: 2,
      readyToIssue: false,
      papers: [],
    });
    expect(roundtable.coChairs.map((c) => c.shortCode)).toEqual(demo.roundtable.coChairs);
    expect(roundtable.signOffs.map((s) => s.stakeholder.shortCode)).toEqual(['PEL']);
    expect(roundtable.coverage.paragraphIds).toHaveLength(demo.roundtable.covers.length);
    expect(queries().listRoundtables(first.negotiationId)).toHaveLength(1);
  });

  it('backdates the record over the past days, strictly increasing in log order', async () => {
    // The bracket-text reactor's record of where it wrote an option's words is dated with the
    // proposal it follows, and is no step of the seed.
    const events = (await collect(core.store.readAll())).filter(
      (e) =>
        RECORD_STREAM.test(e.streamId) &&
        e.metadata.commandType !== 'RecordOptionPlacement' &&
        // The library reactor adds the adopted declaration, dated with its adoption: no step.
        !(e.type === 'LibraryTextAdded' && (e.data as { source?: string }).source === 'adopted') &&
        // The uptake reactor records a take-up with its amendment's time: no step of its own.
        e.metadata.commandType !== 'RecordRecommendationTakenUp',
    );
    const times = events.map((e) => Date.parse(e.metadata.occurredAt as string));
    // A command's events share its time; distinct commands never do, and never go back.
    const perCommand = [
      ...new Map(events.map((e, i) => [e.metadata.commandId, times[i]!])).values(),
    ];
    // Every step after the accounts is one command.
    expect(perCommand).toHaveLength(progress.length - demo.people.length);
    for (let i = 1; i < perCommand.length; i++)
      expect(perCommand[i]).toBeGreaterThan(perCommand[i - 1]!);
    expect(perCommand[0]).toBeGreaterThan(NOW.getTime() - 12 * DAY_MS);
    expect(perCommand.at(-1)).toBeLessThan(NOW.getTime());

    const [zero, rev1] = queries().getDocument(first.documentId)!.revisions;
    expect(zero!.issuedAt.slice(0, 10)).toBe('2026-05-04');
    expect(rev1!.issuedAt.slice(0, 10)).toBe('2026-05-13');
  });

  it('seeds pledges on the adopted declaration: on track, at risk, achieved and silent', async () => {
    const declaration = queries().listDocuments(first.negotiationId)[1]!;
    const review = await core.services.pledges.review(first.negotiationId, {
      documentId: declaration.documentId,
      asOf: '2026-05-14',
    });
    expect(review.objectives.map((o) => [o.label.slice(0, 11), o.counts])).toEqual([
      ['Objective 1', { 'on-track': 0, 'at-risk': 1, 'off-track': 0, achieved: 0, silent: 1 }],
      ['Objective 2', { 'on-track': 0, 'at-risk': 0, 'off-track': 0, achieved: 1, silent: 1 }],
      ['Objective 3', { 'on-track': 1, 'at-risk': 0, 'off-track': 0, achieved: 0, silent: 0 }],
    ]);
    const list = await core.services.pledges.list(first.negotiationId);
    expect(list.pledges.map((p) => p.pledger.kind).sort()).toEqual([
      'business',
      'civil-society',
      'local-authority',
      'state',
      'state',
    ]);
  });

  it('appends nothing when run again with the same seed id', async () => {
    const head = async () =>
      (await collect(core.store.readAll({ direction: 'backwards', maxCount: 1 })))[0]!.position;
    const before = await head();
    const again = await seedDemo(core, { now: NOW, seedId: SEED_ID });
    expect(again.negotiationId).toBe(first.negotiationId);
    expect(await head()).toBe(before);
  }, 60_000);

  it('seeds a closed public consultation on the zero draft, answered through the link and in the app', () => {
    const [stored] = core.services.consultations.list(first.negotiationId);
    expect(stored?.opened).toMatchObject({ revisionLabel: 'Zero draft', audience: 'public' });
    const synthesis = core.services.consultations.synthesis(stored!, NOW.toISOString());
    expect(synthesis.consultation.phase).toBe('closed');
    expect([synthesis.responses, synthesis.throughLink, synthesis.anonymous]).toEqual([7, 5, 7]);
    expect(synthesis.paragraphs.filter((p) => p.answers > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a store that holds events alone when asked to seed only an empty one', async () => {
    expect(await seedDemoIfEmpty(core, createLogger('silent'))).toBeUndefined();
    const userId = queries().getCredentialsByEmail(DEMO_SIGN_IN.email)!.userId;
    expect(queries().listNegotiationsForUser(userId)).toHaveLength(1);
  });

  it('seeds a second negotiation with the same accounts', async () => {
    const userId = queries().getCredentialsByEmail(DEMO_SIGN_IN.email)!.userId;
    const second = await seedDemo(core);
    expect(second.negotiationId).not.toBe(first.negotiationId);
    expect(queries().getCredentialsByEmail(DEMO_SIGN_IN.email)!.userId).toBe(userId);
    expect(
      queries()
        .listNegotiationsForUser(userId)
        .map((n) => n.negotiationId)
        .sort(),
    ).toEqual([first.negotiationId, second.negotiationId].sort());
    expect(queries().listMembers(second.negotiationId)).toHaveLength(22);
    expect(queries().listAmendments(second.documentId)).toHaveLength(9 + TAKEN_UP);
  }, 120_000);
});

describe('seedDemoIfEmpty', () => {
  it('seeds the demo on a first start', async () => {
    const temp = await makeTempDir();
    const config = loadConfig({ ACCORD_DATA_DIR: temp.dir, LOG_LEVEL: 'silent' });
    const core = await createCore(config, createLogger('silent'));
    try {
      const result = await seedDemoIfEmpty(core, createLogger('silent'));
      expect(result?.amendments).toBe(9);
      expect(core.readModels.queries.getNegotiation(result!.negotiationId)?.title).toBe(demo.title);
    } finally {
      await core.close();
      await temp.remove();
    }
  }, 120_000);
});

describe('accord seed --demo', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('seeds a new demo negotiation on every run and prints how to sign in', async () => {
    const temp = await makeTempDir();
    vi.stubEnv('ACCORD_DATA_DIR', temp.dir);
    vi.stubEnv('LOG_LEVEL', 'silent');
    vi.stubEnv('ACCORD_SQLITE_SYNCHRONOUS', 'NORMAL');
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const run = async () => {
      const program = new Command().exitOverride();
      registerSeedCommand(program);
      await program.parseAsync(['node', 'accord', 'seed', '--demo']);
      return /negotiation ([0-9a-f-]{36})/.exec(printed.at(-1)!)?.[1];
    };
    try {
      const first = await run();
      const second = await run();
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
      expect(printed.at(-1)).toContain(`${DEMO_SIGN_IN.email}  password: ${DEMO_PASSWORD}`);

      const core = await createCore(loadConfig(), createLogger('silent'));
      try {
        const queries = core.readModels.queries;
        const userId = queries.getCredentialsByEmail(DEMO_SIGN_IN.email)!.userId;
        expect(
          queries
            .listNegotiationsForUser(userId)
            .map((n) => n.negotiationId)
            .sort(),
        ).toEqual([first, second].sort());
      } finally {
        await core.close();
      }
    } finally {
      await temp.remove();
    }
  }, 120_000);

  it('asks what to seed without --demo', async () => {
    const program = new Command().exitOverride();
    registerSeedCommand(program);
    await expect(program.parseAsync(['node', 'accord', 'seed'])).rejects.toThrow(/--demo/);
  });
});
