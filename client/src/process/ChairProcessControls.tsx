// The chair's process controls under the banner: set or clear the deadlines for amendments and
// positions, put the whole text or chosen paragraphs under silence until a deadline, and
// withdraw a running silence with a reason. Times are entered in the chair's own time zone,
// which is kept with them so the record shows them as the chair meant them.
import { can, deadlineKinds, type DeadlineKind, type ProcessView } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { localInputToIso } from './countdown.js';
import { processApi } from './processApi.js';

export function ChairProcessControls({ view, reload }: { view: ProcessView; reload: () => void }) {
  const { t } = useI18n();
  const { role } = useDraft();
  return (
    <details className="process-controls">
      <summary>{t('process.chair.summary')}</summary>
      {can(role, 'deadline.set') &&
        deadlineKinds.map((kind) => (
          <DeadlineForm
            key={kind}
            kind={kind}
            current={view.deadlines.find((d) => d.kind === kind)?.deadline ?? null}
            reload={reload}
          />
        ))}
      {can(role, 'silence.start') &&
        (view.silence ? (
          <WithdrawSilenceForm silenceId={view.silence.silenceId} reload={reload} />
        ) : (
          <StartSilenceForm reload={reload} />
        ))}
    </details>
  );
}

function DeadlineForm({
  kind,
  current,
  reload,
}: {
  kind: DeadlineKind;
  current: string | null;
  reload: () => void;
}) {
  const { t, timeZone } = useI18n();
  const { document } = useDraft();
  const id = useId();
  const [value, setValue] = useState('');
  const set = useAction(
    async (deadline: string) => {
      await processApi.setDeadline(document.documentId, kind, deadline, timeZone);
      setValue('');
      reload();
    },
    () => t('process.chair.deadlineSet'),
  );
  const clear = useAction(
    async () => {
      await processApi.clearDeadline(document.documentId, kind);
      reload();
    },
    () => t('process.chair.deadlineCleared'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const deadline = localInputToIso(value);
    if (deadline) void set.run(deadline);
  };
  return (
    <form className="process-form process-form--inline" onSubmit={submit}>
      <label htmlFor={`${id}-at`}>{t(`process.chair.deadline.${kind}`, { zone: timeZone })}</label>
      <input
        id={`${id}-at`}
        type="datetime-local"
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button" disabled={set.busy || !value}>
        {t('process.chair.setDeadline')}
      </button>
      {current && (
        <button
          type="button"
          className="button"
          disabled={clear.busy}
          onClick={() => void clear.run()}
        >
          {t('process.chair.clearDeadline')}
        </button>
      )}
    </form>
  );
}

function StartSilenceForm({ reload }: { reload: () => void }) {
  const { t, timeZone } = useI18n();
  const { document } = useDraft();
  const id = useId();
  const [wholeText, setWholeText] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const numbered = document.paragraphs.filter((p) => p.label !== null);
  const start = useAction(
    async (deadline: string) => {
      await processApi.startSilence(document.documentId, {
        // In document order, whatever order they were ticked in.
        paragraphIds: wholeText ? null : numbered.filter((p) => chosen.has(p.id)).map((p) => p.id),
        until: deadline,
        timeZone,
        note: note.trim(),
      });
      setUntil('');
      setNote('');
      setChosen(new Set());
      reload();
    },
    () => t('process.chair.silenceStarted'),
  );
  const toggle = (paragraphId: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (!next.delete(paragraphId)) next.add(paragraphId);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const deadline = localInputToIso(until);
    if (!deadline || (!wholeText && chosen.size === 0)) return;
    if (!window.confirm(t('process.chair.confirmSilence'))) return;
    void start.run(deadline);
  };
  return (
    <form className="process-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('process.chair.startSilence')}</legend>
        <label>
          <input type="radio" checked={wholeText} onChange={() => setWholeText(true)} />{' '}
          {t('process.scope.text')}
        </label>
        <label>
          <input type="radio" checked={!wholeText} onChange={() => setWholeText(false)} />{' '}
          {t('process.chair.chooseParagraphs')}
        </label>
        {!wholeText && (
          <div
            className="process-form__paragraphs"
            role="group"
            aria-label={t('process.chair.chooseParagraphs')}
          >
            {numbered.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />{' '}
                {p.label}
              </label>
            ))}
          </div>
        )}
        <label htmlFor={`${id}-until`}>{t('process.chair.silenceUntil', { zone: timeZone })}</label>
        <input
          id={`${id}-until`}
          type="datetime-local"
          required
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
        <label htmlFor={`${id}-note`}>{t('process.chair.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </fieldset>
      <button
        type="submit"
        className="button button--primary"
        disabled={start.busy || !until || (!wholeText && chosen.size === 0)}
      >
        {t('process.chair.start')}
      </button>
    </form>
  );
}

function WithdrawSilenceForm({ silenceId, reload }: { silenceId: string; reload: () => void }) {
  const { t } = useI18n();
  const { document } = useDraft();
  const id = useId();
  const [reason, setReason] = useState('');
  const withdraw = useAction(
    async () => {
      await processApi.withdrawSilence(document.documentId, silenceId, reason.trim());
      setReason('');
      reload();
    },
    () => t('process.chair.silenceWithdrawn'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) void withdraw.run();
  };
  return (
    <form className="process-form process-form--inline" onSubmit={submit}>
      <label htmlFor={`${id}-reason`}>{t('process.chair.withdrawReason')}</label>
      <input
        id={`${id}-reason`}
        required
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={withdraw.busy || !reason.trim()}>
        {t('process.chair.withdraw')}
      </button>
    </form>
  );
}
