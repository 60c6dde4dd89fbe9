// What the chair reads before issuing a revision or adopting: the open brackets and option sets,
// the amendments still pending and the paragraphs not yet agreed, with a confirm and a cancel.
// It replaces a bare one-click act, so nothing is issued or adopted without seeing what stands.
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export interface ActFacts {
  openBrackets: number;
  openOptionSets: number;
  pendingAmendments: number;
  /** Paragraphs not agreed ad ref, of all paragraphs; null when not known. */
  notAgreed: { count: number; of: number } | null;
}

export function ActSummary({
  act,
  label,
  title,
  facts,
  busy,
  onConfirm,
  onCancel,
}: {
  act: 'issue' | 'adopt';
  label: string;
  /** The document's title, named in the adoption's question. */
  title: string;
  facts: ActFacts;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card act-summary" role="dialog" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {act === 'issue' ? t('desk.issueSummary', { label }) : t('desk.adoptSummary', { label })}
      </h3>
      <ul>
        <li>{t('desk.summaryBrackets', { count: facts.openBrackets })}</li>
        <li>{t('desk.summaryOptionSets', { count: facts.openOptionSets })}</li>
        <li>{t('desk.summaryPending', { count: facts.pendingAmendments })}</li>
        {facts.notAgreed && (
          <li>
            {t('desk.summaryNotAgreed', {
              count: facts.notAgreed.count,
              of: facts.notAgreed.of,
            })}
          </li>
        )}
      </ul>
      {act === 'adopt' && <p>{t('adopt.confirm', { label, title })}</p>}
      <div className="form__actions">
        <button
          type="button"
          className={act === 'adopt' ? 'button button--danger' : 'button button--primary'}
          disabled={busy}
          onClick={onConfirm}
        >
          {act === 'issue' ? t('desk.issueConfirm', { label }) : t('desk.adoptConfirm', { label })}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
