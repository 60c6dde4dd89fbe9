// The fan-out of changes: only the role rooms whose role may read a change are addressed.
import { describe, expect, it } from 'vitest';
import type { ReadModelChange } from '../readmodels/projection.js';
import { roomsFor, toChangeNotice } from './rooms.js';

const change: ReadModelChange = {
  kind: 'amendment',
  negotiationId: 'N',
  documentId: 'D',
  id: 'A',
  eventType: 'AmendmentTabled',
  readAction: 'record.read',
  position: 12345678901234567890n,
  activity: {
    type: 'AmendmentTabled',
    params: { sponsor: 'France', chairsCompromise: false, amendmentKind: 'replace' },
  },
};

describe('rooms', () => {
  it("addresses every role's document and negotiation rooms for what everyone reads", () => {
    const rooms = roomsFor(change);
    expect(rooms).toContain('d:D:r:observer');
    expect(rooms).toContain('n:N:r:observer');
    expect(rooms).toHaveLength(10);
  });

  it('addresses only the roles allowed to read a restricted change', () => {
    const rooms = roomsFor({ ...change, documentId: undefined, readAction: 'invitations.manage' });
    expect(rooms.sort()).toEqual(['n:N:r:chair', 'n:N:r:secretariat']);
  });

  it('addresses nobody when the change names neither negotiation nor document', () => {
    expect(roomsFor({ ...change, negotiationId: undefined, documentId: undefined })).toEqual([]);
  });

  it('puts the position on the wire as a decimal string, without the read permission', () => {
    const notice = toChangeNotice({ ...change, id: undefined });
    expect(notice).toEqual({
      kind: 'amendment',
      negotiationId: 'N',
      documentId: 'D',
      eventType: 'AmendmentTabled',
      position: '12345678901234567890',
      activity: {
        type: 'AmendmentTabled',
        params: { sponsor: 'France', chairsCompromise: false, amendmentKind: 'replace' },
      },
    });
    expect(JSON.parse(JSON.stringify(notice))).toEqual(notice);
  });
});
