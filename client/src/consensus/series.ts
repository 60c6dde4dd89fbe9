// Consensus over time, derived from the record: one point per day on which something happened to
// the document (the last log position of that day, in the reader's time zone), each asked of the
// server's consensus fold as of that position, with the revisions issued that day.
//
//   const days = dailyPoints(activity, documentId, milestones, 'Europe/Zurich');
//   const series = await loadSeries(days, (asOf) => api.consensus(documentId, asOf));
import type { ConsensusSummary } from '@accord/shared';
import type { ActivityEntry, MilestoneView } from '../api/types.js';

export interface DayPoint {
  /** The calendar day in the reader's time zone, YYYY-MM-DD. */
  day: string;
  /** The last thing that happened to the document that day. */
  at: string;
  asOf: string;
  revisions: string[];
}

export interface SeriesPoint extends DayPoint {
  agreed: number;
  contested: number;
  open: number;
}

/** The most days the chart asks about: the latest ones. */
export const MAX_DAYS = 30;

export function dayKey(iso: string, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD: a sortable key, never shown.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export function dailyPoints(
  activity: readonly ActivityEntry[],
  documentId: string,
  milestones: readonly MilestoneView[],
  timeZone: string,
): DayPoint[] {
  const days = new Map<string, DayPoint>();
  for (const entry of activity) {
    if (entry.documentId !== documentId) continue;
    const day = dayKey(entry.at, timeZone);
    const known = days.get(day);
    if (!known || BigInt(entry.position) > BigInt(known.asOf.slice('position:'.length))) {
      days.set(day, { day, at: entry.at, asOf: `position:${entry.position}`, revisions: [] });
    }
  }
  for (const m of milestones) {
    if (m.kind !== 'revision-issued' || !m.label) continue;
    days.get(dayKey(m.at, timeZone))?.revisions.push(m.label);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-MAX_DAYS);
}

/** Asks each day's consensus one after the other (kind to a busy server); skips days without text. */
export async function loadSeries(
  days: readonly DayPoint[],
  consensusAt: (asOf: string) => Promise<{ summary: ConsensusSummary }>,
): Promise<SeriesPoint[]> {
  const series: SeriesPoint[] = [];
  for (const day of days) {
    const { summary } = await consensusAt(day.asOf);
    if (summary.paragraphs === 0) continue;
    series.push({
      ...day,
      agreed: summary.agreed,
      contested: summary.contested,
      open: summary.open,
    });
  }
  return series;
}
