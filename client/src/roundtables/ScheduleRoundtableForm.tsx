// The chair or secretariat schedules a roundtable: its theme, the two co-chair delegations, the
// day, the document and paragraphs it covers, and the stakeholders invited to take part.
import { stakeholderKinds } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError, Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { inTextOrder, ParagraphPicker } from './ParagraphPicker.js';
import { roundtableApi } from './roundtable-api.js';

export function ScheduleRoundtableForm({
  onScheduled,
  onCancel,
}: {
  onScheduled: (roundtableId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const id = useId();
  const delegations = negotiation.stakeholders.filter((s) => s.kind === 'delegation');
  const documents = useResource(`documents:${negotiationId}`, () => api.documents(negotiationId));
  const [theme, setTheme] = useState('');
  const [date, setDate] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [chosenDocument, setDocumentId] = useState('');
  const documentId = chosenDocument || documents.data?.[0]?.documentId || '';
  const [covered, setCovered] = useState<string[]>([]);
  const [invited, setInvited] = useState<string[]>([]);
  const detail = useResource(`document:${documentId}`, () =>
    documentId ? api.document(documentId) : Promise.resolve(null),
  );
  const paragraphs = detail.data?.paragraphs ?? [];
  const sameCoChair = first !== '' && first === second;
  const complete =
    theme.trim() !== '' && date !== '' && first !== '' && second !== '' && covered.length > 0;

  const schedule = useAction(
    async () => {
      const answer = await roundtableApi.schedule(negotiationId, {
        theme: theme.trim(),
        coChairStakeholderIds: [first, second],
        date,
        coverage: {
          documentId,
          paragraphIds: inTextOrder(paragraphs, covered),
        },
        invitedStakeholderIds: invited,
      });
      onScheduled(answer.roundtableId);
    },
    () => t('roundtable.scheduled', { theme: theme.trim() }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete && !sameCoChair) void schedule.run();
  };
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  return (
    <form className="form card roundtable-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('roundtable.scheduleTitle')}</h2>
      <label className="field">
        <span className="field__label">{t('roundtable.theme')}</span>
        <input
          required
          maxLength={300}
          value={theme}
          onChange={(e) => setTheme(e.target.value)}
          aria-describedby={`${id}-theme-hint`}
        />
        <span id={`${id}-theme-hint`} className="field__hint">
          {t('roundtable.themeHint')}
        </span>
      </label>
      <label className="field">
        <span className="field__label">{t('roundtable.date')}</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <fieldset className="roundtable-form__cochairs">
        <legend>{t('roundtable.coChairs')}</legend>
        <p className="field__hint">{t('roundtable.coChairsHint')}</p>
        {[
          { value: first, set: setFirst, label: t('roundtable.coChairFirst') },
          { value: second, set: setSecond, label: t('roundtable.coChairSecond') },
        ].map((c) => (
          <label key={c.label} className="field">
            <span className="field__label">{c.label}</span>
            <select required value={c.value} onChange={(e) => c.set(e.target.value)}>
              <option value="">{t('roundtable.chooseDelegation')}</option>
              {delegations.map((d) => (
                <option key={d.stakeholderId} value={d.stakeholderId}>
                  {d.shortCode} — {d.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        {sameCoChair && <Notice tone="warning">{t('roundtable.sameCoChair')}</Notice>}
      </fieldset>
      {documents.error !== undefined && !documents.data && (
        <LoadError error={documents.error} retry={documents.reload} />
      )}
      {documents.data && (
        <label className="field">
          <span className="field__label">{t('roundtable.document')}</span>
          <select
            value={documentId}
            onChange={(e) => {
              setDocumentId(e.target.value);
              setCovered([]);
            }}
          >
            {documents.data.map((d) => (
              <option key={d.documentId} value={d.documentId}>
                {d.symbol} — {d.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {detail.loading && documentId && <Loading />}
      <ParagraphPicker paragraphs={paragraphs} selected={covered} onChange={setCovered} />
      <fieldset className="checkbox-list roundtable-form__invited">
        <legend>{t('roundtable.invited')}</legend>
        <div className="scroll-box">
          {stakeholderKinds.map((kind) => {
            const members = negotiation.stakeholders.filter((s) => s.kind === kind);
            if (members.length === 0) return null;
            return (
              <div key={kind} className="roundtable-form__kind">
                <p className="field__label">{t(`stakeholderKinds.${kind}`)}</p>
                {members.map((s) => (
                  <label key={s.stakeholderId} className="checkbox">
                    <input
                      type="checkbox"
                      checked={invited.includes(s.stakeholderId)}
                      onChange={(e) =>
                        setInvited((list) => toggle(list, s.stakeholderId, e.target.checked))
                      }
                    />
                    {s.shortCode} — {s.name}
                  </label>
                ))}
              </div>
            );
          })}
        </div>
      </fieldset>
      {schedule.error && <Notice tone="error">{schedule.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!complete || sameCoChair || schedule.busy}
        >
          {t('roundtable.scheduleSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
