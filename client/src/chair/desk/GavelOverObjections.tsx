// The confirmation the chair goes through to gavel a paragraph over standing objections: who
// objects and why, and a reason that the record keeps and everyone reads.
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export interface Objector {
  name: string;
  statement: string;
}

export function GavelOverObjections({
  label,
  objectors,
  busy,
  onConfirm,
  onCancel,
}: {
  label: string;
  objectors: readonly Objector[];
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <form
      className="chair-controls__reopen"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() !== '') onConfirm(reason.trim());
      }}
    >
      <p id={`${id}-title`} role="alert">
        {t('desk.objectionsStanding', { label, count: objectors.length })}
      </p>
      <ul>
        {objectors.map((o, i) => (
          <li key={`${o.name}-${i}`}>
            <strong>{o.name}</strong>
            {o.statement ? `: ${o.statement}` : ''}
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-reason`}>{t('desk.gavelReason')}</label>
      <input
        id={`${id}-reason`}
        value={reason}
        required
        maxLength={500}
        dir="auto"
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="submit"
        className="button button--accept"
        disabled={busy || reason.trim() === ''}
      >
        {t('desk.gavelAnyway', { label })}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
