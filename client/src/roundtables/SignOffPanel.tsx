// The paper's sign-off: each co-chair delegation's sign-off on the current draft, the button for
// a co-chair to give theirs, and (for the chair and secretariat) the issue of the next version,
// which waits until both have signed.
import { useId } from 'react';
import type { Actor } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice, StakeholderChip } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { roundtableApi, type Roundtable } from './roundtable-api.js';
import { signOffState } from './signoff.js';

export function SignOffPanel({
  roundtable,
  you,
  onChanged,
}: {
  roundtable: Roundtable;
  you: Actor;
  onChanged: () => void;
}) {
  const { t, formatDateTime, formatList } = useI18n();
  const id = useId();
  const state = signOffState(roundtable, you);
  const signOff = useAction(
    async () => {
      await roundtableApi.signOff(roundtable.roundtableId, roundtable.draft);
      onChanged();
    },
    () => t('roundtable.signedOff', { draft: roundtable.draft }),
  );
  const issue = useAction(
    async () => {
      await roundtableApi.issue(roundtable.roundtableId, roundtable.draft);
      onChanged();
    },
    () => t('roundtable.issued', { version: state.nextVersion }),
  );
  if (roundtable.status !== 'scheduled') return null;
  return (
    <section className="card signoff" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('roundtable.signOffTitle', { draft: roundtable.draft })}</h2>
      <p className="muted">{t('roundtable.signOffExplain')}</p>
      <ul className="plain-list signoff__list">
        {state.coChairs.map(({ stakeholder, signOff }) => (
          <li
            key={stakeholder.stakeholderId}
            className={signOff ? 'signoff__item signoff__item--signed' : 'signoff__item'}
          >
            <StakeholderChip stakeholder={stakeholder} /> {stakeholder.name}{' '}
            {signOff ? (
              <span className="badge badge--signed">
                {t('roundtable.signedAt', { date: formatDateTime(signOff.at) })}
              </span>
            ) : (
              <span className="badge badge--awaiting">{t('roundtable.awaiting')}</span>
            )}
          </li>
        ))}
      </ul>
      {state.maySignOff && (
        <button
          type="button"
          className="button button--primary"
          disabled={signOff.busy}
          onClick={() => void signOff.run()}
        >
          {t('roundtable.signOff', { draft: roundtable.draft })}
        </button>
      )}
      {state.coChair && !state.maySignOff && <p className="muted">{t('roundtable.youSigned')}</p>}
      {signOff.error && <Notice tone="error">{signOff.error}</Notice>}
      {state.mayIssue && (
        <div className="signoff__issue">
          <button
            type="button"
            className="button button--accept"
            disabled={!state.ready || issue.busy}
            aria-describedby={`${id}-issue-note`}
            onClick={() => void issue.run()}
          >
            {issue.busy
              ? t('roundtable.issuing')
              : t('roundtable.issue', { version: state.nextVersion })}
          </button>
          <p id={`${id}-issue-note`} className="field__hint">
            {state.ready
              ? t('roundtable.readyToIssue', { draft: roundtable.draft })
              : t('roundtable.waitingFor', {
                  names: formatList(state.waitingFor.map((s) => s.name ?? s.shortCode ?? '')),
                })}
          </p>
          {issue.error && <Notice tone="error">{issue.error}</Notice>}
        </div>
      )}
    </section>
  );
}
