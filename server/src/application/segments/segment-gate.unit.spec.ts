import { parseAsOf, type SegmentMark } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.js';
import { excludedRoles, segmentGate } from './segment-gate.js';

const OPENED = '2026-05-13T10:00:00.000Z';
const informals: SegmentMark = {
  segmentId: 'seg-2',
  title: 'Informals',
  access: 'governments',
  openedPosition: 120n,
  openedAt: OPENED,
  closed: false,
  released: false,
};
const plenary: SegmentMark = {
  ...informals,
  segmentId: 'seg-1',
  title: 'Plenary',
  access: 'observers',
  openedPosition: 50n,
  closed: true,
};
const at = (text: string) => parseAsOf(text)!;

describe('segmentGate', () => {
  it('lets governments, and everyone when no segment excludes them, read everything', () => {
    expect(segmentGate([plenary, informals], 'delegate')).toBeNull();
    expect(segmentGate([plenary], 'observer')).toBeNull();
    expect(excludedRoles([plenary, informals])).toEqual(['civil-society', 'observer']);
  });

  it('clamps every point past the horizon to it, and keeps earlier ones', () => {
    const gate = segmentGate([plenary, informals], 'civil-society')!;
    const horizon = { kind: 'position', position: 119n };
    expect(gate.clamp(undefined)).toEqual(horizon);
    expect(gate.clamp(at('now'))).toEqual(horizon);
    expect(gate.clamp(at('position:500'))).toEqual(horizon);
    expect(gate.clamp(at('position:80'))).toEqual(at('position:80'));
    expect(gate.clamp(at(`time:${OPENED}`))).toEqual(horizon);
    expect(gate.clamp(at('time:2026-05-13T09:00:00Z'))).toEqual(at('time:2026-05-13T09:00:00Z'));
    const issued = (label: string) =>
      ({ 'Rev 1': '2026-05-12T10:00:00.000Z', 'Rev 2': '2026-05-13T11:00:00.000Z' })[label];
    expect(gate.clamp(at('revision:Rev 1'), issued)).toEqual(at('revision:Rev 1'));
    expect(gate.clamp(at('revision:Rev 2'), issued)).toEqual(horizon);
    expect(gate.clamp(at('revision:Unknown'), issued)).toEqual(horizon);
  });

  it('refuses acts while the segment runs, not once it closed', () => {
    const running = segmentGate([informals], 'observer')!;
    expect(() => running.assertMayAct()).toThrow(ForbiddenError);
    const closed = segmentGate([{ ...informals, closed: true }], 'observer')!;
    expect(() => closed.assertMayAct()).not.toThrow();
    expect(() => closed.refuseLiveRead()).toThrow(/Informals/);
  });
});
