import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../api/types.js';
import { activityCategory, isNew } from './ActivityFeed.js';
import { readLastVisit, writeLastVisit } from './lastVisit.js';

describe('since your last visit', () => {
  it('remembers the last visit per negotiation', () => {
    expect(readLastVisit(localStorage, 'n1')).toBeNull();
    writeLastVisit(localStorage, 'n1', new Date('2026-11-23T10:00:00Z'));
    expect(readLastVisit(localStorage, 'n1')).toBe('2026-11-23T10:00:00.000Z');
    expect(readLastVisit(localStorage, 'n2')).toBeNull();
  });

  it('counts as new what happened after it (everything on a first visit)', () => {
    const entry = { at: '2026-11-23T11:00:00.000Z' } as ActivityEntry;
    expect(isNew(entry, '2026-11-23T10:00:00.000Z')).toBe(true);
    expect(isNew(entry, '2026-11-23T12:00:00.000Z')).toBe(false);
    expect(isNew(entry, null)).toBe(true);
  });

  it('names each kind of event in the feed', () => {
    expect(activityCategory('amendment-tabled')).toBe('activityKind.amendment');
    expect(activityCategory('revision-issued')).toBe('activityKind.revision');
    expect(activityCategory('member-admitted')).toBe('activityKind.participants');
    expect(activityCategory('roundtable-paper-issued')).toBe('activityKind.roundtable');
    expect(activityCategory('something-else')).toBe('activityKind.other');
  });
});
