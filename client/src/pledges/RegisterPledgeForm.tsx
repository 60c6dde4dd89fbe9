// Registers an action pledge on an adopted text: who pledges (a delegate for their state, civil
// society or an observer for their organisation, the secretariat for an outside actor it names),
// the title and commitments, partners, the timeline, indicators, and the objectives or paragraphs
// of the adopted text it serves.
import { pledgerKinds, type AdoptedTextView, type PledgerKind, type Role } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { FormActions } from '../ui/FormActions.js';
import { useAction } from '../ui/useAction.js';
import { AdoptedTextSelect } from './AdoptedTextSelect.js';
import {
  contentComplete,
  contentInput,
  emptyContentDraft,
  PledgeContentFields,
} from './PledgeContentFields.js';
import { pledgeApi } from './pledge-api.js';

/** The kinds each role may pledge as (the server's decider has the same rule). */
const kindsFor = (role: Role): readonly PledgerKind[] =>
  ({
    chair: [],
    delegate: ['state'],
    'civil-society': ['civil-society', 'business'],
    observer: ['international-organisation'],
    secretariat: pledgerKinds.filter((k) => k !== 'state'),
  })[role] as readonly PledgerKind[];

export function RegisterPledgeForm({
  negotiationId,
  role,
  texts,
  onRegistered,
  onCancel,
}: {
  negotiationId: string;
  role: Role;
  texts: readonly AdoptedTextView[];
  onRegistered: (pledgeId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const kinds = kindsFor(role);
  const [documentId, setDocumentId] = useState(texts[0]?.documentId ?? '');
  const [kind, setKind] = useState<PledgerKind>(kinds[0] ?? 'state');
  const [outsideActor, setOutsideActor] = useState('');
  const [content, setContent] = useState(emptyContentDraft);
  const text = texts.find((x) => x.documentId === documentId);
  const onBehalf = role === 'secretariat';

  const register = useAction(
    async () => {
      const answer = await pledgeApi.register(negotiationId, {
        documentId,
        pledger: { kind, ...(onBehalf ? { outsideActor: outsideActor.trim() } : {}) },
        content: contentInput(content),
      });
      onRegistered(answer.pledgeId);
    },
    () => t('pledge.registered'),
  );
  const complete =
    documentId !== '' &&
    contentComplete(content) &&
    content.objectiveIds.length > 0 &&
    (!onBehalf || outsideActor.trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (complete) void register.run();
  };

  return (
    <form className="form card pledge-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('pledge.registerTitle')}</h2>
      <AdoptedTextSelect texts={texts} value={documentId} onChange={setDocumentId} />
      <label className="field">
        <span className="field__label">{t('pledge.pledgerKind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as PledgerKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`pledge.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {onBehalf && (
        <label className="field">
          <span className="field__label">{t('pledge.outsideActor')}</span>
          <input
            required
            maxLength={200}
            value={outsideActor}
            onChange={(e) => setOutsideActor(e.target.value)}
            dir="auto"
          />
          <span className="field__hint">{t('pledge.outsideActorHint')}</span>
        </label>
      )}
      <PledgeContentFields draft={content} onChange={setContent} text={text} />
      <FormActions
        submitLabel={t('pledge.register')}
        disabled={!complete || register.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
