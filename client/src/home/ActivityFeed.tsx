// The negotiation's activity, newest first, with what happened since the user's last visit
// marked and countable, refreshed live as things happen.
import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { ActivityEntry } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import type { PlainMessageKey } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { activityText } from './activityText.js';

/** How many entries show before "Show all". */
const FIRST = 15;

export function activityCategory(kind: string): PlainMessageKey {
  if (kind.startsWith('amendment-')) return 'activityKind.amendment';
  if (kind.startsWith('position-')) return 'activityKind.position';
  if (kind.startsWith('comment-')) return 'activityKind.comment';
  if (kind === 'revision-issued') return 'activityKind.revision';
  if (kind === 'paragraph-status-set') return 'activityKind.paragraph';
  if (kind.startsWith('document-')) return 'activityKind.document';
  if (kind.startsWith('roundtable-')) return 'activityKind.roundtable';
  if (kind.startsWith('recommendation-')) return 'activityKind.recommendation';
  if (kind.startsWith('consultation-')) return 'activityKind.consultation';
  if (kind.startsWith('pledge-')) return 'activityKind.pledge';
  if (/^(member|stakeholder|invitation|chairs|negotiation)-/.test(kind))
    return 'activityKind.participants';
  return 'activityKind.other';
}

export const isNew = (entry: ActivityEntry, lastVisit: string | null): boolean =>
  lastVisit === null || Date.parse(entry.at) > Date.parse(lastVisit);

export function ActivityFeed({
  negotiationId,
  lastVisit,
}: {
  negotiationId: string;
  lastVisit: string | null;
}) {
  const i18n = useI18n();
  const { t, formatDateTime, formatRelative } = i18n;
  const [onlyNew, setOnlyNew] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const activity = useLiveResource(
    `activity:${negotiationId}`,
    () => api.activity(negotiationId, { limit: 100 }),
    (n) => n.negotiationId === negotiationId && n.kind === 'activity',
  );
  if (activity.error && !activity.data)
    return <LoadError error={activity.error} retry={activity.reload} />;
  if (!activity.data) return <Loading />;
  const entries = activity.data;
  const fresh = entries.filter((e) => isNew(e, lastVisit));
  const matching = onlyNew ? fresh : entries;
  const shown = expanded ? matching : matching.slice(0, FIRST);
  return (
    <div className="activity">
      <p className="activity__summary" role="status">
        {lastVisit === null
          ? t('activity.firstVisit')
          : t('activity.sinceLastVisit', { count: fresh.length, date: formatDateTime(lastVisit) })}
      </p>
      {lastVisit !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={onlyNew} onChange={(e) => setOnlyNew(e.target.checked)} />
          {t('activity.onlyNew')}
        </label>
      )}
      {entries.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      {entries.length > 0 && shown.length === 0 && <p className="muted">{t('activity.noneNew')}</p>}
      <ol className="activity__list">
        {shown.map((entry) => {
          const fresh = lastVisit !== null && isNew(entry, lastVisit);
          return (
            <li
              key={entry.position}
              className={fresh ? 'activity__item activity__item--new' : 'activity__item'}
            >
              <div className="activity__meta">
                <span className="tag">{t(activityCategory(entry.kind))}</span>
                {fresh && <span className="badge badge--new">{t('activity.new')}</span>}
                <time dateTime={entry.at} title={formatDateTime(entry.at)}>
                  {formatRelative(entry.at)}
                </time>
              </div>
              <p className="activity__text" dir="auto">
                {entry.actor.stakeholder?.shortCode && (
                  <abbr className="chip" title={entry.actor.stakeholder.name ?? ''}>
                    {entry.actor.stakeholder.shortCode}
                  </abbr>
                )}{' '}
                {activityText(i18n, entry.activity)}
              </p>
            </li>
          );
        })}
      </ol>
      {matching.length > FIRST && (
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t('activity.showFewer') : t('activity.showAll', { count: matching.length })}
        </button>
      )}
    </div>
  );
}
