// Per-person budgets: shared by all of a person's connections, per user and per delegation.
import { describe, expect, it } from 'vitest';
import { MemoryRateBudgetStore } from '../limits/budget-stores.js';
import { CollabBudgets, defaultPersonLimits } from './budgets.js';

const alice = { userId: 'u-alice', stakeholderId: 's-france' };
const anne = { userId: 'u-anne', stakeholderId: 's-france' };

describe('collab budgets', () => {
  it('caps connections per user and per stakeholder, and frees a slot once released', () => {
    const budgets = new CollabBudgets({
      ...defaultPersonLimits,
      maxConnectionsPerUser: 2,
      maxConnectionsPerStakeholder: 3,
    });
    const first = budgets.admit(alice)!;
    expect(budgets.admit(alice)).toBeDefined();
    expect(budgets.admit(alice)).toBeUndefined();
    expect(budgets.admit(anne)).toBeDefined();
    // The delegation is full although anne holds only one.
    expect(budgets.admit(anne)).toBeUndefined();
    first();
    first(); // releasing twice frees one slot only
    expect(budgets.connectionsOf(alice.userId)).toBe(1);
    expect(budgets.admit(anne)).toBeDefined();
  });

  it('takes update tokens per user, then per stakeholder', () => {
    let now = 0;
    const budgets = new CollabBudgets(
      {
        ...defaultPersonLimits,
        userUpdateRate: { perSecond: 1, burst: 2 },
        stakeholderUpdateRate: { perSecond: 1, burst: 3 },
      },
      new MemoryRateBudgetStore(() => now),
    );
    expect(budgets.takeUpdate(alice)).toEqual({ ok: true });
    expect(budgets.takeUpdate(alice)).toEqual({ ok: true });
    expect(budgets.takeUpdate(alice)).toEqual({ ok: false, over: 'user' });
    expect(budgets.takeUpdate(anne)).toEqual({ ok: true });
    expect(budgets.takeUpdate(anne)).toEqual({ ok: false, over: 'stakeholder' });
    now += 1000;
    expect(budgets.takeUpdate(alice)).toEqual({ ok: true });
  });

  it('forgets buckets that refilled, so idle people cost no memory', () => {
    let now = 0;
    const store = new MemoryRateBudgetStore(() => now);
    for (let i = 0; i < 100; i++) store.take(`user:${i}`, { perSecond: 10, burst: 10 });
    expect(store.size).toBe(100);
    now += 120_000;
    store.take('user:new', { perSecond: 10, burst: 10 });
    expect(store.size).toBe(1);
  });
});
