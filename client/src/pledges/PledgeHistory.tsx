// The pledge's history replayed: every step (registered, revised, reported, withdrawn) in order;
// choosing one shows the pledge exactly as it stood right after it, from the same fold the
// server uses. The latest step is shown first.
import type { PledgeStep } from '@accord/shared';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { PledgeDetails } from './PledgeDetails.js';

export function PledgeHistory({ history }: { history: readonly PledgeStep[] }) {
  const { t, formatDateTime } = useI18n();
  const [chosen, setChosen] = useState<number | null>(null);
  const index = chosen ?? history.length - 1;
  const step = history[index];
  return (
    <section className="pledge-history" aria-labelledby="pledge-history-title">
      <h2 id="pledge-history-title">{t('pledge.history')}</h2>
      <p className="muted">{t('pledge.historyHint')}</p>
      <ol className="pledge-history__steps">
        {history.map((s, i) => (
          <li key={`${s.kind}-${s.at}-${i}`}>
            <button
              type="button"
              className={`button pledge-history__step${i === index ? ' pledge-history__step--current' : ''}`}
              aria-pressed={i === index}
              onClick={() => setChosen(i)}
              data-testid="pledge-step"
            >
              {t(`pledge.step.${s.kind}`)} · {formatDateTime(s.at)}
            </button>
          </li>
        ))}
      </ol>
      {step && (
        <div className="card" data-testid="pledge-as-of">
          <h3 dir="auto">{t('pledge.asItStood', { title: step.pledge.content.title })}</h3>
          {step.note && (
            <p className="muted" dir="auto">
              {step.note}
            </p>
          )}
          <PledgeDetails pledge={step.pledge} />
        </div>
      )}
    </section>
  );
}
