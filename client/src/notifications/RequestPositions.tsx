// The chair's request to the delegations that have not yet said where they stand on a paragraph
// or an amendment: pick them (all are picked at first), add a note if wanted, and ask. The server
// turns the request into a notification in each asked delegation's inbox.
import { POSITION_REQUEST_NOTE_MAX, POSITION_REQUEST_STAKEHOLDERS_MAX } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import type { Position, PositionTarget } from '../api/types.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import './request-positions.css';

export function RequestPositions({
  target,
  positions,
}: {
  target: PositionTarget;
  /** The positions already stated on this target. */
  positions: readonly Position[];
}) {
  const { t, locale } = useI18n();
  const { document } = useDraft();
  const { stakeholders } = useNegotiation();
  const id = useId();
  // What the chair unticked, rather than what is ticked: a delegation that has not stated a
  // position is asked unless left out, even one that joined or withdrew its position meanwhile.
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');

  const stated = new Set(positions.map((p) => p.stakeholderId));
  const collator = new Intl.Collator(locale);
  const unstated = [...stakeholders.values()]
    .filter((s) => s.kind === 'delegation' && !stated.has(s.stakeholderId))
    .sort((a, b) => collator.compare(a.name, b.name));
  const chosen = unstated.filter((s) => !leftOut.has(s.stakeholderId)).map((s) => s.stakeholderId);

  const ask = useAction(
    async (stakeholderIds: string[]) => {
      await api.requestPositions(document.documentId, {
        target,
        stakeholderIds,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      setLeftOut(new Set());
    },
    () => t('positionRequest.sent', { count: chosen.length }),
  );

  const toggle = (stakeholderId: string, picked: boolean) =>
    setLeftOut((previous) => {
      const next = new Set(previous);
      if (picked) next.delete(stakeholderId);
      else next.add(stakeholderId);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) void ask.run(chosen);
  };

  return (
    <form className="form position-request" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('positionRequest.title')}</h4>
      {unstated.length === 0 ? (
        <p className="muted">{t('positionRequest.allStated')}</p>
      ) : (
        <>
          <fieldset className="position-request__delegations">
            <legend>{t('positionRequest.unstated', { count: unstated.length })}</legend>
            {unstated.map((s) => (
              <label key={s.stakeholderId} className="checkbox">
                <input
                  type="checkbox"
                  checked={!leftOut.has(s.stakeholderId)}
                  onChange={(e) => toggle(s.stakeholderId, e.target.checked)}
                />
                <span dir="auto">{s.name}</span> <span className="muted">({s.shortCode})</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field__label">
              {t('positionRequest.note')} <span className="muted">({t('common.optional')})</span>
            </span>
            <textarea
              dir="auto"
              rows={2}
              maxLength={POSITION_REQUEST_NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={
                ask.busy || chosen.length === 0 || chosen.length > POSITION_REQUEST_STAKEHOLDERS_MAX
              }
            >
              {ask.busy ? t('positionRequest.sending') : t('positionRequest.submit')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
