// Notifications end to end, with a real SMTP server in the same process: immediate e-mails in
// the recipient's language, `off`, the daily digest sent once (also across a restart), who is
// told of mentions, decisions and position requests, and e-mail off without SMTP.
import type {
  ChangeNotice,
  InboxView,
  NotificationPreferencesView,
  ServerToClientEvents,
} from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ApiClient } from '../test-support/api-client.js';
import { startServer, type RunningServer } from '../server.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { startSmtpSink, type SmtpSink } from './test-support/smtp-sink.js';

const PUBLIC_URL = 'https://accord.example.org';

describe('notifications by e-mail and in the inbox', () => {
  let sink: SmtpSink;
  let temp: { dir: string; remove(): Promise<void> };
  let server: RunningServer;
  let f: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];

  const start = (env: Record<string, string>) =>
    startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ACCORD_DATA_DIR: temp.dir,
        LOG_LEVEL: 'silent',
        ACCORD_DEMO: 'false',
        ACCORD_REST_WRITES_PER_MINUTE: '1000000',
        ACCORD_PUBLIC_URL: PUBLIC_URL,
        ...env,
      }),
    );

  /** Waits until the notification reactor has handled the change at `position`, and mail is out. */
  const settled = async (position: unknown) => {
    expect(typeof position).toBe('string');
    await server.notifications.reactor.whenFinished(BigInt(position as string), 10_000);
    await server.notifications.mailer.idle();
  };
  /** The member's session against the server running now (its port changes on restart). */
  const as = (member: keyof NegotiationFixture['clients']) =>
    new ApiClient(server.url, f.clients[member].cookie);
  const inboxOf = async (member: keyof NegotiationFixture['clients']) =>
    (await as(member).get<InboxView>('/api/notifications')).body;
  const kindsIn = async (member: keyof NegotiationFixture['clients']) =>
    (await inboxOf(member)).entries.map((e) => e.kind);

  beforeAll(async () => {
    sink = await startSmtpSink();
    temp = await makeTempDir();
    server = await start({ ACCORD_SMTP_URL: sink.url });
    f = await createNegotiationFixture(server);
    documentId = f.documents.formal;
    paragraphs = await f.paragraphIds(documentId);
    await server.accounts.chooseLanguage(f.userIds.delegate, 'fr');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await sink?.close();
    await temp?.remove();
  });

  it('e-mails a revision at once, in the recipient’s language, with a link; `off` sends nothing', async () => {
    const asDelegate = await f.clients.delegate.put<NotificationPreferencesView>(
      '/api/notifications/preferences',
      { email: { 'revision-issued': 'immediate' } },
    );
    expect(asDelegate.status).toBe(200);
    expect(asDelegate.body.email['revision-issued']).toBe('immediate');
    expect(asDelegate.body.emailStatus).toEqual({ configured: true });
    await f.clients['civil-society'].put('/api/notifications/preferences', {
      email: { 'revision-issued': 'off' },
    });

    const issued = await f.clients.chair.post<{ position: string }>(
      `/api/documents/${documentId}/revisions`,
      { label: 'Rev 1' },
    );
    expect(issued.status).toBe(201);
    await settled(issued.body.position);

    const [mail] = await sink.waitFor('delegate@fixture.test');
    expect(mail!.subject).toContain('la Rev 1 est publiée');
    expect(mail!.text).toContain(
      `${PUBLIC_URL}/negotiations/${f.negotiationId}/documents/${documentId}`,
    );
    expect(mail!.html).toContain('lang="fr"');
    expect(sink.to('civil-society@fixture.test')).toEqual([]);
    // The chair who issued it is not told; everyone told has it in the inbox, e-mail or not.
    expect(sink.to('chair@fixture.test')).toEqual([]);
    expect(await kindsIn('civil-society')).toContain('revision-issued');
    expect(await kindsIn('chair')).not.toContain('revision-issued');
  });

  it('tells the people mentioned, and only them', async () => {
    const posted = await f.clients.delegate2.post<{ position: string }>(
      `/api/documents/${documentId}/comments`,
      { paragraphId: paragraphs[0], body: 'Could @The delegate look at this? Thanks.' },
    );
    expect(posted.status).toBe(201);
    await settled(posted.body.position);
    expect(await kindsIn('delegate')).toContain('mentioned');
    expect(await kindsIn('delegate2')).not.toContain('mentioned');
    expect(await kindsIn('civil-society')).not.toContain('mentioned');
    const mails = await sink.waitFor('delegate@fixture.test', 2);
    expect(mails[1]!.subject).toContain('cité dans un commentaire');
  });

  it('tells the sponsors of an amendment of its decision, nobody else', async () => {
    const tabled = await f.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: paragraphs[1],
        kind: 'replace',
        range: { start: 0, end: 1 },
        proposedText: 'X',
      },
    );
    expect(tabled.status).toBe(201);
    const rejected = await f.clients.chair.post<{ position: string }>(
      `/api/amendments/${tabled.body.amendmentId}/reject`,
      { reason: 'Not now' },
    );
    expect(rejected.status).toBe(200);
    await settled(rejected.body.position);
    const decided = (await inboxOf('delegate')).entries.find((e) => e.kind === 'amendment-decided');
    expect(decided?.payload).toMatchObject({
      amendmentId: tabled.body.amendmentId,
      amendmentOutcome: 'rejected',
    });
    expect(await kindsIn('delegate2')).not.toContain('amendment-decided');
    expect(await kindsIn('civil-society')).not.toContain('amendment-decided');
  });

  /** The member's live connection, and the change notices it receives. */
  const listen = async (member: keyof NegotiationFixture['clients']) => {
    const socket: Socket<ServerToClientEvents> = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: f.clients[member].cookie! },
    });
    const changes: ChangeNotice[] = [];
    socket.on('change', (c) => changes.push(c));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    return { socket, changes };
  };

  it('lets the chair ask a delegation for its position, and no one else, and tells the tab', async () => {
    const asked = await listen('delegate2');
    const notAsked = await listen('delegate');
    const body = {
      target: { kind: 'paragraph', id: paragraphs[0] },
      stakeholderIds: [f.stakeholders.delegationB],
    };
    const refused = await f.clients.delegate.post(
      `/api/documents/${documentId}/position-requests`,
      body,
    );
    expect(refused.status).toBe(403);
    const requested = await f.clients.chair.post<{ position: string }>(
      `/api/documents/${documentId}/position-requests`,
      body,
    );
    expect(requested.status).toBe(200);
    await settled(requested.body.position);
    expect(await kindsIn('delegate2')).toContain('position-requested');
    expect(await kindsIn('delegate')).not.toContain('position-requested');
    for (let i = 0; i < 200 && asked.changes.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(asked.changes).toContainEqual(
      expect.objectContaining({ kind: 'notification', eventType: 'PositionRequested' }),
    );
    expect(notAsked.changes.filter((c) => c.kind === 'notification')).toEqual([]);
    asked.socket.disconnect();
    notAsked.socket.disconnect();
  });

  it('reminds those a deadline binds when it is near, once', async () => {
    const path = `/api/documents/${documentId}/deadlines/amendments`;
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    expect((await f.clients.chair.put(path, { deadline, timeZone: 'UTC' })).status).toBe(200);
    const reminded = async () =>
      (await inboxOf('delegate')).entries.filter((e) => e.kind === 'deadline-approaching');
    for (let i = 0; i < 200 && (await reminded()).length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await reminded())[0]?.payload).toMatchObject({
      deadlineKind: 'amendments',
      until: deadline,
    });
    // Civil society tables no amendments, so this deadline does not concern it.
    expect(await kindsIn('civil-society')).not.toContain('deadline-approaching');
    await f.clients.chair.delete(path);
    // Its e-mails are out before the next test counts what arrived.
    for (let i = 0; i < 200 && !(await kindsIn('delegate2')).includes('deadline-approaching'); i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await server.notifications.mailer.idle();
    await sink.waitFor('delegate2@fixture.test', 2);
  });

  it('marks read one entry, then all', async () => {
    const before = await inboxOf('delegate');
    expect(before.unreadCount).toBe(before.entries.length);
    const first = before.entries[0]!.notificationId;
    await f.clients.delegate.post('/api/notifications/read', { notificationIds: [first] });
    const after = await inboxOf('delegate');
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.entries.find((e) => e.notificationId === first)?.read).toBe(true);
    await f.clients.delegate.post('/api/notifications/read', {});
    expect((await inboxOf('delegate')).unreadCount).toBe(0);
  });

  it('sends the daily digest once, with several entries, also after a restart', async () => {
    // A second revision: delegate2 (defaults: revisions by digest) now has two waiting.
    const issued = await f.clients.chair.post<{ position: string }>(
      `/api/documents/${documentId}/revisions`,
      { label: 'Rev 2' },
    );
    const mailedBefore = sink.to('delegate2@fixture.test').length;
    await settled(issued.body.position);
    expect(sink.to('delegate2@fixture.test')).toHaveLength(mailedBefore);

    const slot = new Date(Date.now() + 1000);
    expect(await server.notifications.digest.runSlot(slot)).toBeGreaterThan(0);
    await server.notifications.mailer.idle();
    const digest = (await sink.waitFor('delegate2@fixture.test', mailedBefore + 1)).at(-1);
    expect(digest!.subject).toBe('Accord: 2 updates today');
    expect(digest!.text).toContain('Rev 1');
    expect(digest!.text).toContain('Rev 2');
    expect(await server.notifications.digest.runSlot(slot)).toBe(0);

    await server.close();
    server = await start({ ACCORD_SMTP_URL: sink.url });
    expect(await server.notifications.digest.runSlot(slot)).toBe(0);
    await server.notifications.mailer.idle();
    expect(sink.to('delegate2@fixture.test')).toHaveLength(mailedBefore + 1);

    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ email: 'on' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('accord_notifications_sent_total');
  }, 60_000);

  it('says e-mail is off, and sends nothing, when no SMTP server is configured', async () => {
    await server.close();
    server = await start({});
    const prefs = await as('delegate').get<NotificationPreferencesView>(
      '/api/notifications/preferences',
    );
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ email: 'off' });
    // The session cookie survives the restart: sessions are in the log.
    expect(prefs.body.emailStatus).toEqual({ configured: false });
    expect((await inboxOf('delegate')).email).toEqual({ configured: false });
    const before = sink.messages.length;
    const issued = await as('chair').post<{ position: string }>(
      `/api/documents/${documentId}/revisions`,
      { label: 'Rev 3' },
    );
    await settled(issued.body.position);
    expect(await server.notifications.digest.runSlot(new Date(Date.now() + 1000))).toBe(0);
    expect(sink.messages.length).toBe(before);
    expect(await kindsIn('delegate')).toContain('revision-issued');
  }, 60_000);
});
