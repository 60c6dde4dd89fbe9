import type { PresenceEntry } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { ClusterPresence } from './cluster-presence.js';

const person = (userId: string, displayName: string): PresenceEntry => ({
  userId,
  displayName,
  stakeholderId: `s-${userId}`,
  stakeholderName: `Delegation ${userId}`,
  role: 'delegate',
});
const ana = person('u1', 'Ana');
const bo = person('u2', 'Bo');
const cy = person('u3', 'Cy');
const STALE = 15_000;

describe('presence across nodes', () => {
  it('joins this node’s list with the others’, one entry per user, by name', () => {
    const presence = new ClusterPresence(STALE);
    expect(presence.receive({ node: 'b', negotiationId: 'n', online: [cy, ana] }, [bo], 0)).toBe(
      true,
    );
    // Ana has tabs on both nodes: she is listed once.
    expect(presence.joined('n', [bo, ana], 1)).toEqual([ana, bo, cy]);
    expect(presence.joined('other', [bo], 1)).toEqual([bo]);
  });

  it('says when another node’s list changes nothing this node shows', () => {
    const presence = new ClusterPresence(STALE);
    presence.receive({ node: 'b', negotiationId: 'n', online: [cy] }, [ana], 0);
    expect(presence.receive({ node: 'b', negotiationId: 'n', online: [cy] }, [ana], 5_000)).toBe(
      false,
    );
    expect(presence.receive({ node: 'c', negotiationId: 'n', online: [ana] }, [ana], 5_000)).toBe(
      false,
    );
  });

  it('forgets a node that has nobody left at once', () => {
    const presence = new ClusterPresence(STALE);
    presence.receive({ node: 'b', negotiationId: 'n', online: [cy] }, [], 0);
    expect(presence.receive({ node: 'b', negotiationId: 'n', online: [] }, [], 1)).toBe(true);
    expect(presence.joined('n', [], 1)).toEqual([]);
  });

  it('drops the list of a node that has not been heard from in time (it died)', () => {
    const presence = new ClusterPresence(STALE);
    presence.receive({ node: 'b', negotiationId: 'n', online: [cy] }, [], 0);
    presence.receive({ node: 'c', negotiationId: 'n', online: [bo] }, [], 10_000);
    expect(presence.expire(STALE)).toEqual([]);
    expect(presence.joined('n', [], STALE + 1)).toEqual([bo]);
    expect(presence.expire(STALE + 1)).toEqual(['n']);
    expect(presence.joined('n', [], STALE + 1)).toEqual([bo]);
  });
});
