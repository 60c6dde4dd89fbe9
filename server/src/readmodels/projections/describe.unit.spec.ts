import { randomUUID } from 'node:crypto';
import { afterAll, describe as group, expect, it } from 'vitest';
import type { RecordedEvent } from '../../eventstore/port.js';
import { openReadModelDb } from '../read-model-db.js';
import { activityKind } from './activity.js';
import { describe } from './describe.js';
import { createProjections } from './index.js';
import { contextOf } from './projection-kit.js';

const db = openReadModelDb(':memory:');
for (const projection of createProjections()) projection.migrate(db);

const recorded = (type: string, data: unknown, metadata = {}): RecordedEvent => ({
  streamId: 'positions-x',
  revision: 0n,
  position: 7n,
  id: randomUUID(),
  type,
  data: data as RecordedEvent['data'],
  isJson: true,
  metadata: { schemaVersion: 1, ...metadata },
  created: new Date('2026-03-02T10:00:00.000Z'),
});

group('describe', () => {
  afterAll(() => db.close());

  it('still describes the event when the names it looks up are unknown', () => {
    const context = contextOf(
      recorded('PositionStated', {
        documentId: randomUUID(),
        target: { kind: 'amendment', id: randomUUID() },
        stakeholderId: randomUUID(),
        stance: 'reservation',
        statement: '',
        statedBy: randomUUID(),
        statedAt: '2026-03-02T10:00:00Z',
      }),
    )!;
    expect(describe(db, context)).toMatchObject({
      negotiationId: undefined,
      // No names to give: the reader's language says "a stakeholder"; the server builds no sentence.
      activity: {
        type: 'PositionStated',
        params: { stance: 'reservation', on: 'amendment', chairsCompromise: false },
      },
      notable: true,
    });
  });

  it('has nothing to say about accounts and sessions', () => {
    const context = contextOf(
      recorded('PasswordChanged', {
        userId: randomUUID(),
        passwordHash: '$argon2id$v=19$abcdefghijkl',
        changedAt: '2026-03-02T10:00:00Z',
      }),
    )!;
    expect(describe(db, context)).toBeUndefined();
  });
});

group('contextOf', () => {
  it('ignores types outside the registry and raw bytes, and rejects invalid registered events', () => {
    expect(contextOf(recorded('TextUpdated', { update: 'AAE=' }))).toBeNull();
    expect(contextOf({ ...recorded('CommentResolved', {}), isJson: false })).toBeNull();
    expect(() => contextOf(recorded('CommentResolved', { documentId: 'nope' }))).toThrow(
      /Cannot read CommentResolved/,
    );
  });

  it('takes the time from the metadata, normalised, else from the store', () => {
    const data = {
      documentId: randomUUID(),
      commentId: randomUUID(),
      resolvedBy: randomUUID(),
      resolvedAt: '2026-03-02T10:00:00Z',
    };
    expect(
      contextOf(recorded('CommentResolved', data, { occurredAt: '2026-03-02T11:00:00Z' }))!.at,
    ).toBe('2026-03-02T11:00:00.000Z');
    expect(contextOf(recorded('CommentResolved', data))!.at).toBe('2026-03-02T10:00:00.000Z');
  });
});

group('activityKind', () => {
  it('spells event types as feed kinds', () => {
    expect(activityKind('AmendmentTabled')).toBe('amendment-tabled');
    expect(activityKind('PositionStated')).toBe('position-stated');
  });
});
