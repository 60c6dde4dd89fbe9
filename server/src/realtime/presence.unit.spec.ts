// Presence per negotiation: counted per socket, so several tabs keep a user online.
import type { PresenceEntry } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { PresenceTracker } from './presence.js';

const ana: PresenceEntry = {
  userId: 'u-ana',
  displayName: 'Ana',
  stakeholderId: 's-1',
  role: 'delegate',
};
const ben: PresenceEntry = {
  userId: 'u-ben',
  displayName: 'Ben',
  stakeholderId: 's-2',
  role: 'chair',
};

describe('presence tracker', () => {
  it('keeps a user online until their last socket leaves', () => {
    const presence = new PresenceTracker();
    expect(presence.add('n', 'tab-1', ana)).toBe(true);
    expect(presence.add('n', 'tab-2', ana)).toBe(false);
    expect(presence.remove('n', ana.userId, 'tab-1')).toBe(false);
    expect(presence.online('n')).toEqual([ana]);
    expect(presence.remove('n', ana.userId, 'tab-2')).toBe(true);
    expect(presence.online('n')).toEqual([]);
  });

  it('lists users by display name, per negotiation', () => {
    const presence = new PresenceTracker();
    presence.add('n', 'b', ben);
    presence.add('n', 'a', ana);
    presence.add('other', 'a', ana);
    expect(presence.online('n').map((entry) => entry.userId)).toEqual(['u-ana', 'u-ben']);
    expect(presence.online('other')).toEqual([ana]);
  });

  it('reports a changed role once, and ignores sockets it never counted', () => {
    const presence = new PresenceTracker();
    presence.add('n', 'a', ana);
    expect(presence.update('n', { ...ana, role: 'observer' })).toBe(true);
    expect(presence.update('n', { ...ana, role: 'observer' })).toBe(false);
    expect(presence.online('n')[0]?.role).toBe('observer');
    expect(presence.update('n', ben)).toBe(false);
    expect(presence.remove('n', ana.userId, 'unknown')).toBe(false);
  });
});
