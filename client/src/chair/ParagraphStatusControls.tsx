// The chair's acts on one paragraph: agree it ad ref (the gavel, which locks its words), or
// reopen it with a reason everyone sees. Brackets are not set here: a paragraph is bracketed
// while it holds open brackets or options, and agreeing it needs them gone first. Gavelling over
// standing objections asks the chair to confirm and give a reason (the server insists too).
import { can, type ParagraphStatus } from '@accord/shared';
import { useId, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import { GavelOverObjections, type Objector } from './desk/GavelOverObjections.js';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';

export function ParagraphStatusControls({
  paragraphId,
  label,
  status,
}: {
  paragraphId: string;
  label: string;
  status: ParagraphStatus;
}) {
  const { t } = useI18n();
  const { document, role, reloadDocument, positions } = useDraft();
  const reasonId = useId();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [objectors, setObjectors] = useState<Objector[] | null>(null);
  const set = useAction(async (next: 'agreed-ad-ref' | 'open', why?: string) => {
    try {
      await api.setParagraphStatus(document.documentId, paragraphId, next, why);
    } catch (failure) {
      // The server knows of objections this screen had not loaded: ask for a reason instead.
      const standing = standingFrom(failure);
      if (!standing) throw failure;
      setObjectors(standing);
      return;
    }
    setReopening(false);
    setReason('');
    setObjectors(null);
    reloadDocument();
  });
  const gavel = () => {
    const known = positions
      .filter((p) => p.target.kind === 'paragraph' && p.target.id === paragraphId)
      .filter((p) => p.stance === 'objection' && p.stakeholder.kind === 'delegation')
      .map((p) => ({ name: p.stakeholder.name ?? p.stakeholderId, statement: p.statement }));
    if (known.length > 0) setObjectors(known);
    else void set.run('agreed-ad-ref').then(() => undefined);
  };
  // The chair's reason for the last gavel or reopening is for everyone to read, not only chairs.
  const chairReason =
    document.paragraphStatuses.find((s) => s.paragraphId === paragraphId)?.reason.trim() ?? '';
  const reasonNote = chairReason ? (
    <p className="muted chair-reason">{t('desk.chairReason', { reason: chairReason })}</p>
  ) : null;
  if (!can(role, 'paragraph.setStatus') || document.adopted) return reasonNote;
  if (status !== 'agreed-ad-ref') {
    const bracketed = status === 'bracketed';
    return (
      <div className="chair-controls" role="group" aria-label={t('chair.console')}>
        {reasonNote}
        <button
          type="button"
          className="button button--accept"
          disabled={set.busy || bracketed}
          aria-describedby={bracketed ? `${reasonId}-hint` : undefined}
          onClick={gavel}
          title={t('chair.statusSet', { label, status: t('status.agreed-ad-ref') })}
        >
          {t('chair.gavel')}
        </button>
        {bracketed && (
          <p id={`${reasonId}-hint`} className="muted">
            {t('chair.gavelNeedsNoBrackets')}
          </p>
        )}
        {objectors && (
          <GavelOverObjections
            label={label}
            objectors={objectors}
            busy={set.busy}
            onConfirm={(why) => void set.run('agreed-ad-ref', why).then(() => undefined)}
            onCancel={() => setObjectors(null)}
          />
        )}
      </div>
    );
  }
  return (
    <div className="chair-controls" role="group" aria-label={t('chair.console')}>
      {reasonNote}
      {!reopening ? (
        <button type="button" className="button" onClick={() => setReopening(true)}>
          {t('chair.reopen')}
        </button>
      ) : (
        <form
          className="chair-controls__reopen"
          onSubmit={(e) => {
            e.preventDefault();
            void set.run('open', reason.trim()).then(() => undefined);
          }}
        >
          <label htmlFor={reasonId}>{t('chair.reopenReason')}</label>
          <input
            id={reasonId}
            value={reason}
            required
            maxLength={500}
            dir="auto"
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button" disabled={set.busy || reason.trim() === ''}>
            {t('chair.reopenConfirm', { label })}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setReopening(false)}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}

/** The objectors a 409 `objections-standing` names, or undefined for any other failure. */
function standingFrom(failure: unknown): Objector[] | undefined {
  if (!(failure instanceof ApiError) || failure.code !== 'objections-standing') return undefined;
  const named = (failure.problem as { objectors?: unknown }).objectors;
  if (!Array.isArray(named)) return [];
  return named.flatMap((o: unknown) =>
    typeof o === 'object' && o !== null && 'name' in o && typeof o.name === 'string'
      ? [
          {
            name: o.name,
            statement: 'statement' in o && typeof o.statement === 'string' ? o.statement : '',
          },
        ]
      : [],
  );
}
