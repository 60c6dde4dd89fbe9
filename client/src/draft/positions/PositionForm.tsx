// Stating (or changing, or withdrawing) one's stakeholder's position on a paragraph or an
// amendment: a stance from the glossary's five and an optional statement.
import { can, stances, type Stance } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import type { Position, PositionTarget } from '../../api/types.js';
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';

export function PositionForm({
  target,
  current,
}: {
  target: PositionTarget;
  current: Position | undefined;
}) {
  const { t, formatDateTime } = useI18n();
  const { document, role, reloadPositions } = useDraft();
  const { mine } = useNegotiation();
  const id = useId();
  const [stance, setStance] = useState<Stance | null>(current?.stance ?? null);
  const [statement, setStatement] = useState(current?.statement ?? '');
  const state = useAction(
    async (chosen: Stance) => {
      await api.statePosition(document.documentId, {
        target,
        stance: chosen,
        ...(statement.trim() ? { statement: statement.trim() } : {}),
      });
      reloadPositions();
    },
    () => (stance ? t('positions.saved', { stance: t(`stance.${stance}`) }) : undefined),
  );
  const withdraw = useAction(
    async () => {
      await api.withdrawPosition(document.documentId, target);
      setStance(null);
      setStatement('');
      reloadPositions();
    },
    () => t('positions.withdrawn'),
  );

  if (!can(role, 'position.state')) return <p className="muted">{t('positions.cannotState')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stance) void state.run(stance);
  };

  return (
    <form className="form position-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('positions.yours', { stakeholder: mine?.name ?? '' })}</h4>
      {current && (
        <p className="muted">
          {t('positions.current', {
            stance: t(`stance.${current.stance}`),
            date: formatDateTime(current.statedAt),
          })}
        </p>
      )}
      <fieldset className="stance-choice">
        <legend>{t('positions.stance')}</legend>
        {stances.map((s) => (
          <label key={s} className={`stance-option stance-option--${s}`}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={s}
              checked={stance === s}
              onChange={() => setStance(s)}
            />
            <span className="stance-option__name">{t(`stance.${s}`)}</span>
            <span className="stance-option__explain">{t(`stanceExplain.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">
          {t('positions.statement')} <span className="muted">({t('common.optional')})</span>
        </span>
        <textarea
          rows={3}
          maxLength={4000}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
        />
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!stance || state.busy}>
          {state.busy
            ? t('positions.saving')
            : current
              ? t('positions.update')
              : t('positions.state')}
        </button>
        {current && (
          <button
            type="button"
            className="button"
            disabled={withdraw.busy}
            onClick={() => void withdraw.run()}
          >
            {t('positions.withdraw')}
          </button>
        )}
      </div>
    </form>
  );
}
