// The log readers that serve other members never let a private draft's stream through.
import { admitsPrivateStreams, isPrivateStream, privateDraftStream } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { recordFilter } from '../../timetravel/record-history.js';
import { roomsFor } from '../../realtime/rooms.js';

describe('private streams stay out of shared readers', () => {
  it('keeps them out of the record time travel and exports fold', () => {
    expect(recordFilter.on).toBe('streamName');
    expect(admitsPrivateStreams(recordFilter.prefixes)).toBe(false);
    expect(isPrivateStream(privateDraftStream('01J0000000000000000000000A'))).toBe(true);
  });

  it('sends a change with an audience to those users’ rooms only', () => {
    const rooms = roomsFor({
      kind: 'private-draft',
      negotiationId: 'n1',
      documentId: 'd1',
      id: 'x',
      readAction: 'privateDraft.read',
      audienceUserIds: ['u1', 'u2'],
      eventType: 'PrivateDraftEdited',
      position: 1n,
    });
    expect(rooms).toEqual(['u:u1', 'u:u2']);
  });
});
