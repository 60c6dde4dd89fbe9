// The points time travel can stand on: the document's milestones (each a log position), any
// moment in time, and now; where each sits on a time axis; and the addresses of the past draft
// and of a comparison, so a point can be bookmarked and shared.
//
//   const points = travelPoints(milestones);          // oldest first, then now
//   pastDraftHref(paths.draft(n, d), 'revision:Rev 1'); // '/negotiations/…?asOf=revision%3ARev+1'
import type { MilestoneView } from '../api/types.js';
import type { Translate } from '../i18n/i18n.js';

export const NOW = 'now';

export type TravelView =
  { kind: 'as-of'; asOf: string } | { kind: 'compare'; from: string; to: string };

/** What the draft's address asks for, or null for the live draft. */
export function travelViewOf(params: URLSearchParams): TravelView | null {
  const from = params.get('from');
  if (from) return { kind: 'compare', from, to: params.get('to') || NOW };
  const asOf = params.get('asOf');
  return asOf ? { kind: 'as-of', asOf } : null;
}

export interface TravelPoint {
  /** What the API takes as `asOf`: `position:<n>` for a milestone, `now`. */
  asOf: string;
  /** When it happened; now has the current time. */
  at: string;
  milestone: MilestoneView | null;
}

/** Milestones that can be jumped to (they have a log position), oldest first, then now. */
export function travelPoints(
  milestones: readonly MilestoneView[],
  now = new Date(),
): TravelPoint[] {
  const points: TravelPoint[] = milestones
    .filter((m): m is MilestoneView & { asOf: string } => m.asOf !== null)
    .map((m) => ({ asOf: m.asOf, at: m.at, milestone: m }));
  points.sort((a, b) => a.at.localeCompare(b.at));
  points.push({ asOf: NOW, at: now.toISOString(), milestone: null });
  return points;
}

/**
 * The index of the point an `asOf` stands on: the point itself, or for a time the last milestone
 * at or before it (so the scrubber shows where in the story that moment falls).
 */
export function pointIndex(points: readonly TravelPoint[], asOf: string): number {
  const exact = points.findIndex((p) => p.asOf === asOf);
  if (exact >= 0) return exact;
  if (asOf.startsWith('revision:')) {
    const label = asOf.slice('revision:'.length).trim().toLowerCase();
    const found = points.findIndex(
      (p) => p.milestone?.kind === 'revision-issued' && p.milestone.label?.toLowerCase() === label,
    );
    if (found >= 0) return found;
  }
  if (asOf.startsWith('time:')) {
    const ms = Date.parse(asOf.slice('time:'.length));
    let found = 0;
    points.forEach((p, i) => {
      if (p.milestone && Date.parse(p.at) <= ms) found = i;
    });
    return found;
  }
  return points.length - 1;
}

/** Where an instant falls between the first point and the last, from 0 to 1. */
export function axisFraction(points: readonly TravelPoint[], at: string): number {
  if (points.length < 2) return 1;
  const start = Date.parse(points[0]!.at);
  const end = Date.parse(points[points.length - 1]!.at);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (Date.parse(at) - start) / (end - start)));
}

export function describeMilestone(t: Translate, milestone: MilestoneView): string {
  const label = milestone.label ?? '';
  switch (milestone.kind) {
    case 'revision-issued':
      return t('milestone.revision-issued', { label });
    case 'document-adopted':
      return t('milestone.document-adopted', { label });
    case 'document-created':
    case 'amendment-accepted':
    case 'paragraph-agreed-ad-ref':
      return t(`milestone.${milestone.kind}`);
  }
}

/** "Rev 1 issued, 22 Nov 2026, 16:30", "Now". */
export function describePoint(
  t: Translate,
  formatDateTime: (iso: string) => string,
  point: TravelPoint,
): string {
  return point.milestone
    ? t('timeline.at', {
        what: describeMilestone(t, point.milestone),
        date: formatDateTime(point.at),
      })
    : t('timeline.now');
}

/** A moment typed into a datetime-local field (the browser's local time) as an `asOf`. */
export function timeAsOf(localValue: string): string | null {
  const ms = new Date(localValue).getTime();
  return Number.isFinite(ms) ? `time:${new Date(ms).toISOString()}` : null;
}

/** The draft as of a point: the draft's address with `?asOf=`. */
export function pastDraftHref(draftPath: string, asOf: string): string {
  return `${draftPath}?${new URLSearchParams({ asOf })}`;
}

/** Two points compared: the draft's address with `?from=&to=`. */
export function compareHref(draftPath: string, from: string, to: string): string {
  return `${draftPath}?${new URLSearchParams({ from, to })}`;
}
