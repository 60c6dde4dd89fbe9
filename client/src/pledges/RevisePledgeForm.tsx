// Revises what a pledge says, for those who may report on it: the register form's content fields
// filled with the pledge as it stands, and a note saying what changed (kept in its history).
// Indicator keys are kept so earlier progress figures still match their indicator.
import type { AdoptedTextView, PledgeView } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { FormActions } from '../ui/FormActions.js';
import { useAction } from '../ui/useAction.js';
import {
  contentComplete,
  contentDraftOf,
  contentInput,
  PledgeContentFields,
} from './PledgeContentFields.js';
import { pledgeApi } from './pledge-api.js';

export function RevisePledgeForm({
  pledge,
  text,
  onRevised,
  onCancel,
}: {
  pledge: PledgeView;
  /** The adopted text the pledge is on, for its objectives. */
  text: AdoptedTextView | undefined;
  onRevised: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [content, setContent] = useState(() => contentDraftOf(pledge.content));
  const [note, setNote] = useState('');
  const revise = useAction(
    async () => {
      await pledgeApi.revise(pledge.pledgeId, {
        content: contentInput(content),
        note: note.trim(),
      });
      onRevised();
    },
    () => t('pledgeRevise.done'),
  );
  const complete = contentComplete(content);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void revise.run();
  };
  return (
    <form className="form card pledge-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('pledgeRevise.title')}</h2>
      <PledgeContentFields draft={content} onChange={setContent} text={text} />
      <label className="field">
        <span className="field__label">{t('pledgeRevise.note')}</span>
        <textarea
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          dir="auto"
        />
      </label>
      <FormActions
        submitLabel={t('pledgeRevise.confirm')}
        disabled={!complete || revise.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
