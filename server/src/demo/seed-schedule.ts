/**
 * When the demo's record happens: the seed is a list of steps, each in a phase, and each
 * phase's steps are spread over working days before the seed's "today", so the demo reads
 * like a negotiation that has been going on for a fortnight.
 */
import { spreadOverWorkingDays } from './demo-clock.js';

/**
 * When each phase of the record happens, in days before `now` (first day, last day). Account
 * registration is not backdated: the account service keeps its own clock.
 */
export const PHASES = {
  setup: [11, 11],
  zeroDraft: [10, 10],
  amendments: [9, 5],
  reactions: [4, 2],
  decisions: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type RecordPhase = keyof typeof PHASES;

/** One act of the seed; `run` gets the (backdated) instant it happens at. */
export type Step = { label: string } & (
  | { phase: 'accounts'; run(): Promise<void> }
  | { phase: RecordPhase; run(now: string): Promise<void> }
);

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Each timed step's planned instant: a phase's steps spread evenly over its days. */
export function plannedInstants(steps: readonly Step[], now: Date): (Date | undefined)[] {
  const instants: (Date | undefined)[] = steps.map(() => undefined);
  for (const [phase, [from, to]] of Object.entries(PHASES)) {
    const indexes = steps.flatMap((s, i) => (s.phase === phase ? [i] : []));
    spreadOverWorkingDays(now, from, to, indexes.length).forEach((at, n) => {
      instants[indexes[n]!] = at;
    });
  }
  return instants;
}

/** `few` spread evenly among `many`, each list keeping its own order. */
export function interleave<T>(many: readonly T[], few: readonly T[]): T[] {
  const out: T[] = [];
  let next = 0;
  many.forEach((item, i) => {
    out.push(item);
    while (next < few.length && (next + 1) * many.length <= (i + 1) * (few.length + 1)) {
      out.push(few[next++]!);
    }
  });
  return out.concat(few.slice(next));
}
