import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ReadModelChange } from '../readmodels/projection.js';
import { createAccessRefresh, type LiveConnections } from './access-refresh.js';

const change = (over: Partial<ReadModelChange>): ReadModelChange => ({
  kind: 'document',
  readAction: 'record.read',
  eventType: 'DocumentModeChanged',
  position: 1n,
  ...over,
});

function setup() {
  const feed = new EventEmitter<{ changes: [ReadModelChange[]] }>();
  const calls: string[] = [];
  const pending: (() => void)[] = [];
  // Each refresh stays open until the test lets it finish, to see what `settled()` waits for.
  const later = (call: string) => {
    calls.push(call);
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  const holder: LiveConnections = {
    documentAccessChanged: (documentId) => later(`document ${documentId}`),
    memberChanged: (negotiationId, userId) => later(`member ${negotiationId} ${userId}`),
    signedOut: (userId) => later(`signed out ${userId}`),
    textRulesChanged: (documentId) => later(`text rules ${documentId}`),
  };
  const access = createAccessRefresh({
    changes: feed,
    documentsOf: (negotiationId) => (negotiationId === 'n1' ? ['d1', 'd2'] : []),
    logger: pino({ level: 'silent' }),
  });
  access.attach(holder);
  const finishAll = () => pending.splice(0).forEach((resolve) => resolve());
  return { feed, calls, access, finishAll };
}

describe('access refresh', () => {
  it('re-decides a document on a mode change and settles only once that is done', async () => {
    const { feed, calls, access, finishAll } = setup();
    feed.emit('changes', [change({ documentId: 'd9', negotiationId: 'n1' })]);
    expect(calls).toEqual(['document d9']);
    let settled = false;
    const waiting = access.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finishAll();
    await waiting;
    expect(settled).toBe(true);
  });

  it("re-decides every document of the negotiation and the member's rooms on a membership change", () => {
    const { feed, calls, finishAll } = setup();
    feed.emit('changes', [
      change({ kind: 'member', eventType: 'MemberRoleChanged', negotiationId: 'n1', id: 'u1' }),
    ]);
    expect(calls).toEqual(['document d1', 'document d2', 'member n1 u1']);
    finishAll();
  });

  it("re-reads a document's locks when the chair gavels or reopens a paragraph", async () => {
    const { feed, calls, access, finishAll } = setup();
    feed.emit('changes', [
      change({ kind: 'paragraph', eventType: 'ParagraphStatusSet', documentId: 'd1', id: 'p1' }),
    ]);
    expect(calls).toEqual(['text rules d1']);
    let settled = false;
    const waiting = access.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finishAll();
    await waiting;
  });

  it('ignores changes that do not alter access, and stops listening once closed', () => {
    const { feed, calls, access } = setup();
    feed.emit('changes', [change({ eventType: 'AmendmentTabled', documentId: 'd1' })]);
    access.close();
    feed.emit('changes', [change({ documentId: 'd1' })]);
    expect(calls).toEqual([]);
  });

  it('logs a failed refresh instead of failing whoever waits', async () => {
    const feed = new EventEmitter<{ changes: [ReadModelChange[]] }>();
    const access = createAccessRefresh({
      changes: feed,
      documentsOf: () => [],
      logger: pino({ level: 'silent' }),
    });
    access.attach({ documentAccessChanged: () => Promise.reject(new Error('store down')) });
    feed.emit('changes', [change({ documentId: 'd1' })]);
    await expect(access.settled()).resolves.toBeUndefined();
  });

  it("ends a signed-out user's connections in every holder", async () => {
    const { calls, access, finishAll } = setup();
    const done = access.signedOut('u1');
    expect(calls).toEqual(['signed out u1']);
    finishAll();
    await done;
  });
});
