// The overall cap on unsent bytes: slow consumers are shed once all buffers together pass it.
import { CollabCloseCode } from '@accord/shared';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { BufferBudget } from './buffer-budget.js';
import { CollabConnection } from './collab-connection.js';

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

describe('buffer budget', () => {
  it('closes a slow consumer with 1013 when all buffers together pass the cap, each under its own', () => {
    const budget = new BufferBudget({ maxTotalBytes: 1500, minShedBytes: 100 });
    const sockets = [fakeSocket(900), fakeSocket(900), fakeSocket(0)];
    const connections = sockets.map(
      (socket) =>
        new CollabConnection(
          socket as unknown as WebSocket,
          { headers: {}, url: '/' },
          access,
          limits,
          budget,
        ),
    );
    connections[0]!.send(new Uint8Array([1])); // 900 of 1500: fine
    expect(sockets[0]!.send).toHaveBeenCalledTimes(1);
    connections[2]!.send(new Uint8Array([1])); // a reader that keeps up is never shed
    expect(sockets[2]!.send).toHaveBeenCalledTimes(1);
    connections[1]!.send(new Uint8Array([1])); // 1800 of 1500: this one goes
    expect(sockets[1]!.send).not.toHaveBeenCalled();
    expect(sockets[1]!.close).toHaveBeenCalledWith(CollabCloseCode.TryAgainLater, 'slow-consumer');
    expect(budget.totalBytes).toBe(900);
    // The first one's buffer drained meanwhile: it is measured again, not shed on a stale figure.
    sockets[0]!.bufferedAmount = 0;
    connections[0]!.send(new Uint8Array([2]));
    expect(sockets[0]!.send).toHaveBeenCalledTimes(2);
  });

  it('does not count a connection after it closed', () => {
    const budget = new BufferBudget({ maxTotalBytes: 1000, minShedBytes: 1 });
    const socket = fakeSocket(800);
    const connection = new CollabConnection(
      socket as unknown as WebSocket,
      { headers: {}, url: '/' },
      access,
      limits,
      budget,
    );
    connection.send(new Uint8Array([1]));
    expect(budget.totalBytes).toBe(800);
    connection.dispose();
    expect(budget.totalBytes).toBe(0);
  });
});
