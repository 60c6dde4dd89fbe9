// The concordance a revision published: each paragraph's number before and in it, so delegates
// can follow references across a renumbering. Changed numbers are marked; new and deleted
// paragraphs say so.
import { documentContracts } from '@accord/shared';
import { call } from '../api/call.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError } from '../ui/bits.js';

export function Concordance({ documentId, revision }: { documentId: string; revision: string }) {
  const { t } = useI18n();
  const view = useResource(`concordance:${documentId}:${revision}`, () =>
    call(documentContracts.getConcordance, { params: { documentId, label: revision } }),
  );
  if (view.error !== undefined && !view.data)
    return <LoadError error={view.error} retry={view.reload} />;
  if (!view.data) return <Loading />;
  const { rows, previous, renumbered } = view.data;
  const changed = rows.filter((r) => r.old !== r.new);
  return (
    <div className="concordance">
      <p className="muted">
        {previous === null
          ? t('concordance.first', { revision })
          : t(renumbered ? 'concordance.renumbered' : 'concordance.kept', {
              revision,
              previous,
            })}{' '}
        {t('concordance.changed', { count: changed.length })}
      </p>
      <table className="concordance__table">
        <caption className="visually-hidden">{t('concordance.title', { revision })}</caption>
        <thead>
          <tr>
            <th scope="col">{previous ?? t('concordance.before')}</th>
            <th scope="col">{revision}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.paragraphId}
              className={r.old !== r.new ? 'concordance__row--changed' : undefined}
            >
              <td>{r.old ?? t('concordance.new')}</td>
              <td>{r.new ?? t('concordance.deleted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
