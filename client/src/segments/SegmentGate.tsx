// Wraps the live draft: everyone sees a banner while a segment is under way; a reader whose role
// the segment excludes (and who has a horizon until its material is released) gets the draft
// read-only as it stood at the horizon, through the time-travel view, instead of the live text.
import type { ScheduleView } from '@accord/shared';
import type { ReactNode } from 'react';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { LazyTimeTravel } from '../timetravel/LazyTimeTravel.js';
import { Loading } from '../ui/bits.js';
import { useSchedule } from './useSchedule.js';
import './segments.css';

export function SegmentGate({ documentId, children }: { documentId: string; children: ReactNode }) {
  const { negotiation } = useNegotiation();
  const schedule = useSchedule(negotiation.negotiationId);
  // Until the schedule is known, nothing live is opened; if it cannot be read, the server still
  // enforces every segment, so the live draft is shown and answers for itself.
  if (!schedule.data && schedule.error === undefined) return <Loading />;
  const view = schedule.data;
  const horizon = view?.horizon ?? null;
  return (
    <>
      {view && <SegmentBanner view={view} />}
      {horizon ? (
        <LazyTimeTravel
          key={`${documentId}@${horizon.position}`}
          documentId={documentId}
          view={{ kind: 'as-of', asOf: `position:${horizon.position}` }}
        />
      ) : (
        children
      )}
    </>
  );
}

/** Says which segment runs (or holds back material) and what the reader sees because of it. */
export function SegmentBanner({ view }: { view: ScheduleView }) {
  const { t, formatDateTime } = useI18n();
  const { horizon, openSegment } = view;
  if (horizon) {
    const since = formatDateTime(horizon.since);
    return (
      <div className="notice notice--warning segment-banner" role="status">
        <p dir="auto">
          {horizon.segmentOpen
            ? t('segments.banner.excluded', { title: horizon.segmentTitle, since })
            : t('segments.banner.unreleased', { title: horizon.segmentTitle, since })}
        </p>
      </div>
    );
  }
  if (!openSegment) return null;
  return (
    <div className="notice notice--info segment-banner" role="status">
      <p dir="auto">
        {t('segments.banner.underWay', {
          access: openSegment.access,
          title: openSegment.title,
          since: formatDateTime(openSegment.openedAt),
        })}
      </p>
    </div>
  );
}
