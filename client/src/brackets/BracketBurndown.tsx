// A document's brackets at a glance, for the dashboard and the chair's console: what is open
// now (whole text and per section) and the burn-down since the document began. Refetched when
// the server says the document changed.
import { bracketContracts } from '@accord/shared';
import { call } from '../api/call.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { BurndownChart } from './BurndownChart.js';

const BRACKET_NOTICES = new Set(['document', 'paragraph']);

export function BracketBurndown({
  documentId,
  compact = false,
}: {
  documentId: string;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const live = (n: { documentId?: string; kind: string }) =>
    n.documentId === documentId && BRACKET_NOTICES.has(n.kind);
  const list = useLiveResource(
    `brackets:${documentId}`,
    () => call(bracketContracts.listBrackets, { params: { documentId }, query: {} }),
    live,
  );
  const burndown = useLiveResource(
    `burndown:${documentId}`,
    () => call(bracketContracts.bracketBurndown, { params: { documentId } }),
    live,
  );
  if (list.error !== undefined && !list.data)
    return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  const { total, bySection } = list.data.counts;
  return (
    <div className="burndown-panel">
      <p className="burndown-panel__total">
        {t('burndown.open', {
          count: total.brackets,
          optionSets: total.optionSets,
          options: total.options,
        })}
      </p>
      {!compact && bySection.some((s) => s.counts.brackets + s.counts.optionSets > 0) && (
        <table className="burndown-panel__sections">
          <caption className="visually-hidden">{t('burndown.bySection')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('burndown.section')}</th>
              <th scope="col">{t('burndown.brackets')}</th>
              <th scope="col">{t('burndown.options')}</th>
            </tr>
          </thead>
          <tbody>
            {bySection.map((s) => (
              <tr key={s.headingId ?? 'start'}>
                <th scope="row" dir="auto">
                  {s.heading ?? t('burndown.beforeFirstHeading')}
                </th>
                <td>{s.counts.brackets}</td>
                <td>{s.counts.options}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {burndown.data && <BurndownChart view={burndown.data} />}
    </div>
  );
}
