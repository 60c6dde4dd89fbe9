// Civil society or an observer submits a recommendation for their organisation: a title, the
// document and paragraphs it concerns (or none: themes only), short themes, whether the wording
// replaces a paragraph or adds one after it, the wording and a rationale.
import {
  RECOMMENDATION_THEMES_MAX,
  RECOMMENDATION_THEME_CHARS_MAX,
  type RecommendationChange,
} from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useAction } from '../ui/useAction.js';
import { FormActions } from '../ui/FormActions.js';
import { Choice, DocumentPicker, WordingFields } from './FormFields.js';
import { recommendationApi } from './recommendation-api.js';

const themesOf = (text: string) =>
  text
    .split(',')
    .map((theme) => theme.trim().slice(0, RECOMMENDATION_THEME_CHARS_MAX))
    .filter((theme) => theme !== '')
    .slice(0, RECOMMENDATION_THEMES_MAX);

export function SubmitRecommendationForm({
  onSubmitted,
  onCancel,
  initialParagraphId,
  initialDocumentId,
}: {
  onSubmitted: (recommendationId: string) => void;
  onCancel: () => void;
  initialDocumentId?: string | undefined;
  initialParagraphId?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const { negotiation } = useNegotiation();
  const negotiationId = negotiation.negotiationId;
  const documents = useResource(`documents:${negotiationId}`, () => api.documents(negotiationId));
  const [documentId, setDocumentId] = useState(initialDocumentId ?? '');
  const document = useResource(`document:${documentId}`, () =>
    documentId ? api.document(documentId) : Promise.resolve(null),
  );
  const [paragraphIds, setParagraphIds] = useState<string[]>(
    initialParagraphId ? [initialParagraphId] : [],
  );
  const [title, setTitle] = useState('');
  const [themes, setThemes] = useState('');
  const [change, setChange] = useState<RecommendationChange>('amend-paragraph');
  const [proposedText, setProposedText] = useState('');
  const [rationale, setRationale] = useState('');
  const submit = useAction(async () => {
    const { recommendationId } = await recommendationApi.submit(negotiationId, {
      title,
      documentId: documentId === '' ? null : documentId,
      paragraphIds: documentId === '' ? [] : paragraphIds,
      themes: themesOf(themes),
      change,
      proposedText,
      rationale,
    });
    onSubmitted(recommendationId);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  const toggle = (paragraphId: string) =>
    setParagraphIds((ids) =>
      ids.includes(paragraphId) ? ids.filter((p) => p !== paragraphId) : [...ids, paragraphId],
    );
  const paragraphs = (document.data?.paragraphs ?? []).filter((p) => p.label !== null);
  return (
    <form className="card form recommendation-form" onSubmit={onSubmit}>
      <h2>{t('recommendation.submit')}</h2>
      <label htmlFor={`${id}-title`}>{t('recommendation.form.title')}</label>
      <input
        id={`${id}-title`}
        dir="auto"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <DocumentPicker
        id={`${id}-document`}
        value={documentId}
        documents={documents.data}
        noneLabel={t('recommendation.form.noDocument')}
        onChange={(value) => {
          setDocumentId(value);
          setParagraphIds([]);
        }}
      />
      {documentId !== '' && (
        <fieldset className="recommendation-form__paragraphs">
          <legend>{t('recommendation.form.paragraphs')}</legend>
          {paragraphs.map((p) => (
            <label key={p.id} className="checkbox">
              <input
                type="checkbox"
                checked={paragraphIds.includes(p.id)}
                onChange={() => toggle(p.id)}
              />{' '}
              <strong>{p.label}</strong> <span dir="auto">{p.text.slice(0, 120)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-themes`}>{t('recommendation.form.themes')}</label>
      <input
        id={`${id}-themes`}
        dir="auto"
        value={themes}
        onChange={(e) => setThemes(e.target.value)}
      />
      <Choice
        legend={t('recommendation.form.change')}
        name={`${id}-change`}
        value={change}
        onChange={setChange}
        options={(['amend-paragraph', 'new-paragraph'] as const).map((kind) => ({
          value: kind,
          label: t(`recommendation.change.${kind}`),
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
        submitLabel={t('recommendation.form.send')}
        disabled={submit.busy}
        onCancel={onCancel}
      />
    </form>
  );
}
