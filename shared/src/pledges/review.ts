// The review of an objective's pledges as of a day, pure: each pledge's standing (its latest
// report's status, or silent when no report ended within the review window), the counts a review
// forum takes stock of, and how those counts moved over the year before (the trend chart).
//
// Dates are days (YYYY-MM-DD). A report counts from the end of the period it covers; a pledge
// counts once its timeline has started and until it is withdrawn. An achieved pledge stays
// achieved: it has nothing more to report, so it never turns silent.
import { z } from 'zod';
import type { ProgressStatus } from './events.js';
import { latestReportAsOf, pledgeReportViewSchema, type PledgeView } from './view.js';

export const standings = ['on-track', 'at-risk', 'off-track', 'achieved', 'silent'] as const;
export type Standing = (typeof standings)[number];

export const standingCountsSchema = z.object({
  'on-track': z.number().int(),
  'at-risk': z.number().int(),
  'off-track': z.number().int(),
  achieved: z.number().int(),
  silent: z.number().int(),
});
export type StandingCounts = z.infer<typeof standingCountsSchema>;

export const trendPointSchema = z.object({ date: z.string(), counts: standingCountsSchema });
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const reviewRowSchema = z.object({
  pledgeId: z.string(),
  title: z.string(),
  pledgerName: z.string(),
  pledgerKind: z.string(),
  standing: z.enum(standings),
  latestReport: pledgeReportViewSchema.nullable(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

const DAY_MS = 86_400_000;
/** The trend's points: today and the eleven month-long steps before it. */
export const TREND_POINTS = 12;
const TREND_STEP_DAYS = 30;

export const dayOf = (iso: string): string => iso.slice(0, 10);
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const emptyCounts = (): StandingCounts => ({
  'on-track': 0,
  'at-risk': 0,
  'off-track': 0,
  achieved: 0,
  silent: 0,
});

/** Where a pledge stands on `asOf`; null when it is not under way then (not started, withdrawn). */
export function standingAsOf(
  pledge: PledgeView,
  asOf: string,
  windowDays: number,
): Standing | null {
  if (pledge.content.timeline.start > asOf) return null;
  if (pledge.withdrawn && dayOf(pledge.withdrawn.at) <= asOf) return null;
  const latest = latestReportAsOf(pledge.reports, asOf);
  if (latest === null) return 'silent';
  if (latest.status === 'achieved') return 'achieved';
  const windowStart = addDays(asOf, -windowDays);
  return latest.period.to > windowStart ? (latest.status satisfies ProgressStatus) : 'silent';
}

export const pledgesOfObjective = (pledges: readonly PledgeView[], objectiveId: string) =>
  pledges.filter((p) => p.content.objectives.some((o) => o.objectiveId === objectiveId));

export function countStandings(
  pledges: readonly PledgeView[],
  asOf: string,
  windowDays: number,
): StandingCounts {
  const counts = emptyCounts();
  for (const pledge of pledges) {
    const standing = standingAsOf(pledge, asOf, windowDays);
    if (standing) counts[standing] += 1;
  }
  return counts;
}

export interface ObjectiveReview {
  rows: ReviewRow[];
  counts: StandingCounts;
  trend: TrendPoint[];
}

/** The review of the pledges towards one objective on `asOf`, with the year's trend before it. */
export function reviewObjective(
  pledges: readonly PledgeView[],
  objectiveId: string,
  asOf: string,
  windowDays: number,
): ObjectiveReview {
  const mine = pledgesOfObjective(pledges, objectiveId);
  const rows = mine.flatMap((pledge): ReviewRow[] => {
    const standing = standingAsOf(pledge, asOf, windowDays);
    if (!standing) return [];
    return [
      {
        pledgeId: pledge.pledgeId,
        title: pledge.content.title,
        pledgerName: pledge.pledger.name,
        pledgerKind: pledge.pledger.kind,
        standing,
        latestReport: latestReportAsOf(pledge.reports, asOf),
      },
    ];
  });
  const trend = Array.from({ length: TREND_POINTS }, (_, i) => {
    const date = addDays(asOf, -(TREND_POINTS - 1 - i) * TREND_STEP_DAYS);
    return { date, counts: countStandings(mine, date, windowDays) };
  });
  return { rows, counts: countStandings(mine, asOf, windowDays), trend };
}
