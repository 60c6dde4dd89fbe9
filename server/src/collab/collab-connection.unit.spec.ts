// Backpressure and close reasons of one connection, against a stand-in socket.
import { CollabCloseCode, isPermanentClose } from '@accord/shared';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { CollabConnection } from './collab-connection.js';
import { createTokenBucket } from '../limits/rate-limit.js';

function fakeSocket(bufferedAmount: number) {
  return {
    OPEN: 1,
    readyState: 1,
    bufferedAmount,
    send: vi.fn(),
    close: vi.fn(),
    terminate: vi.fn(),
  };
}

const limits = {
  maxBufferedBytes: 1000,
  awarenessRate: { perSecond: 1, burst: 1 },
  updateRate: { perSecond: 1, burst: 1 },
};
const access = {
  user: { userId: 'u', displayName: 'U', stakeholderId: 's', stakeholderName: 'S', color: '#000' },
  canWrite: true,
};

describe('collab connection', () => {
  it('sends while the client keeps up and closes with 1013 once too much is buffered', () => {
    const socket = fakeSocket(10);
    const connection = new CollabConnection(
      socket as unknown as WebSocket,
      { headers: {}, url: '/' },
      access,
      limits,
    );
    connection.send(new Uint8Array([1]));
    expect(socket.send).toHaveBeenCalledTimes(1);
    socket.bufferedAmount = 5000;
    connection.send(new Uint8Array([2]));
    expect(socket.send).toHaveBeenCalledTimes(1);
    expect(socket.close).toHaveBeenCalledWith(CollabCloseCode.TryAgainLater, 'slow-consumer');
    expect(connection.isOpen).toBe(false);
  });

  it('keeps a close reason within the 123 bytes a close frame allows', () => {
    const socket = fakeSocket(0);
    const connection = new CollabConnection(
      socket as unknown as WebSocket,
      { headers: {}, url: '/' },
      access,
      limits,
    );
    connection.close(CollabCloseCode.Forbidden, `write-refused: ${'é'.repeat(100)}`);
    const reason = socket.close.mock.calls[0]![1] as string;
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason.startsWith('write-refused: ')).toBe(true);
  });
});

describe('close codes and rate limits', () => {
  it('tells permanent closes (44xx, 1009) from those worth a reconnect', () => {
    expect(isPermanentClose(CollabCloseCode.Forbidden)).toBe(true);
    expect(isPermanentClose(CollabCloseCode.MessageTooBig)).toBe(true);
    expect(isPermanentClose(CollabCloseCode.PersistenceFailed)).toBe(false);
    expect(isPermanentClose(CollabCloseCode.GoingAway)).toBe(false);
    expect(isPermanentClose(CollabCloseCode.TryAgainLater)).toBe(false);
  });

  it('allows a burst, then refills at the given rate', () => {
    let now = 0;
    const bucket = createTokenBucket({ perSecond: 10, burst: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now += 100;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});
