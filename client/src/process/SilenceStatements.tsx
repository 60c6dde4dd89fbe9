// The written statements of the delegations that broke a silence, first one first: on the
// record for everyone, whatever their role.
import type { SilenceView } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function SilenceStatements({ silence }: { silence: SilenceView }) {
  const { t, formatDateTime } = useI18n();
  if (silence.breaks.length === 0) return null;
  return (
    <section className="process-statements">
      <h3>{t('process.statements.heading', { count: silence.breaks.length })}</h3>
      <ol>
        {silence.breaks.map((b) => (
          <li key={`${b.stakeholder.stakeholderId}-${b.brokenAt}`}>
            <p>
              <strong>{b.stakeholder.name ?? t('common.unknown')}</strong>{' '}
              <time dateTime={b.brokenAt}>{formatDateTime(b.brokenAt)}</time>
            </p>
            <blockquote>{b.statement}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
