// Small presentational pieces used across screens: stakeholder chips, vocabulary badges, loading
// and error notes. No data fetching here.
import type { ParagraphStatus, Stance } from '@accord/shared';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors.js';
import type { StakeholderRef } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

/** A stakeholder's short code, with its full name for pointer and screen-reader users. */
export function StakeholderChip({
  stakeholder,
  color,
}: {
  stakeholder: Pick<StakeholderRef, 'name' | 'shortCode'>;
  color?: string;
}) {
  const code = stakeholder.shortCode ?? '?';
  return (
    <abbr
      className="chip"
      title={stakeholder.name ?? code}
      style={color ? { borderColor: color, color } : undefined}
    >
      {code}
    </abbr>
  );
}

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useI18n();
  return <span className={`badge badge--stance-${stance}`}>{t(`stance.${stance}`)}</span>;
}

export function StatusBadge({ status }: { status: ParagraphStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--status-${status}`}>{t(`status.${status}`)}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('shell.loading')}
    </p>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('error.loadFailed', { detail: describeError(t, error) })}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({
  tone,
  children,
}: {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'note'}>
      {children}
    </div>
  );
}
