// A delegate takes a recommendation up: the amendment it would table, pre-filled from the
// recommendation (its paragraph, its wording, replacing the paragraph's words or adding a new
// paragraph after it, a rationale naming the organisation), to check, adjust and confirm.
import type { AmendmentKind } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useAction } from '../ui/useAction.js';
import { FormActions } from '../ui/FormActions.js';
import { Choice, DocumentPicker, WordingFields } from './FormFields.js';
import { recommendationApi, type Recommendation } from './recommendation-api.js';

export function TakeUpForm({
  recommendation,
  onDone,
  onCancel,
}: {
  recommendation: Recommendation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const documents = useResource(`documents:${negotiationId}`, () => api.documents(negotiationId));
  const [documentId, setDocumentId] = useState(recommendation.documentId ?? '');
  const chosenDocument = documentId || documents.data?.[0]?.documentId || '';
  const document = useResource(`document:${chosenDocument}`, () =>
    chosenDocument ? api.document(chosenDocument) : Promise.resolve(null),
  );
  const paragraphs = (document.data?.paragraphs ?? []).filter((p) => p.label !== null);
  const [paragraphId, setParagraphId] = useState(recommendation.paragraphs[0]?.paragraphId ?? '');
  const chosenParagraph = paragraphs.find((p) => p.id === paragraphId) ?? paragraphs[0];
  const [kind, setKind] = useState<Extract<AmendmentKind, 'replace' | 'add-paragraph'>>(
    recommendation.change === 'new-paragraph' ? 'add-paragraph' : 'replace',
  );
  const [proposedText, setProposedText] = useState(recommendation.proposedText);
  const [rationale, setRationale] = useState(
    t('recommendation.takeUp.defaultRationale', {
      organisation: recommendation.organisation.name ?? '',
    }),
  );
  const takeUp = useAction(
    async () => {
      if (!chosenParagraph) return;
      await recommendationApi.takeUp(recommendation.recommendationId, {
        documentId: chosenDocument,
        paragraphId: chosenParagraph.id,
        kind,
        ...(kind === 'replace' ? { range: { start: 0, end: chosenParagraph.text.length } } : {}),
        proposedText,
        rationale,
      });
      onDone();
    },
    () => t('recommendation.takeUp.done'),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void takeUp.run();
  };
  return (
    <form className="card form take-up" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('recommendation.takeUp.title')}</h2>
      <DocumentPicker
        id={`${id}-document`}
        value={chosenDocument}
        documents={documents.data}
        onChange={(value) => {
          setDocumentId(value);
          setParagraphId('');
        }}
      />
      <label htmlFor={`${id}-paragraph`}>{t('recommendation.takeUp.paragraph')}</label>
      <select
        id={`${id}-paragraph`}
        value={chosenParagraph?.id ?? ''}
        onChange={(e) => setParagraphId(e.target.value)}
      >
        {paragraphs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      {chosenParagraph && (
        <blockquote className="take-up__current" dir="auto">
          {chosenParagraph.text}
        </blockquote>
      )}
      <Choice
        legend={t('recommendation.takeUp.kind')}
        name={`${id}-kind`}
        value={kind}
        onChange={setKind}
        options={(['replace', 'add-paragraph'] as const).map((option) => ({
          value: option,
          label: t(`recommendation.takeUp.kind.${option}`),
        }))}
      />
      <WordingFields
        id={id}
        wording={proposedText}
        onWording={setProposedText}
        rationale={rationale}
        onRationale={setRationale}
      />
      <FormActions
        submitLabel={t('recommendation.takeUp.confirm')}
        disabled={takeUp.busy || !chosenParagraph}
        onCancel={onCancel}
      />
    </form>
  );
}
