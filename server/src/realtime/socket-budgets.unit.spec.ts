// Socket caps count a person's sockets against their own cap and each of their delegations';
// a refusal takes nothing, and a release gives back exactly what was taken, once.
import { describe, expect, it } from 'vitest';
import { SocketBudgets } from './socket-budgets.js';

const budgets = () =>
  new SocketBudgets({
    maxConnectionsPerUser: 2,
    maxConnectionsPerStakeholder: 3,
    userRequestRate: { perSecond: 1, burst: 2 },
  });

describe('socket budgets', () => {
  it('refuses past the user cap, and a release gives one place back, however often called', () => {
    const caps = budgets();
    const first = caps.admit('ana', ['s1']);
    expect(caps.admit('ana', ['s1']).ok).toBe(true);
    expect(caps.admit('ana', ['s1'])).toEqual({ ok: false, over: 'user' });
    if (!first.ok) throw new Error('first socket refused');
    first.release();
    first.release();
    expect(caps.connectionsOf('ana')).toBe(1);
    expect(caps.connectionsOfStakeholder('s1')).toBe(1);
  });

  it("refuses past any delegation's cap without keeping the places it took", () => {
    const caps = budgets();
    for (const user of ['ben', 'chen', 'dana']) expect(caps.admit(user, ['s2']).ok).toBe(true);
    // Ana belongs to two delegations; the second one is full.
    expect(caps.admit('ana', ['s1', 's2', 's1'])).toEqual({ ok: false, over: 'stakeholder' });
    expect(caps.connectionsOf('ana')).toBe(0);
    expect(caps.connectionsOfStakeholder('s1')).toBe(0);
  });

  it('counts requests per user, whatever socket they come from', () => {
    const caps = budgets();
    expect([caps.takeRequest('ana'), caps.takeRequest('ana'), caps.takeRequest('ana')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(caps.takeRequest('ben')).toBe(true);
  });
});
