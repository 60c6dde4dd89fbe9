// The translator's editor for one paragraph (secretariat and chair), opened on request so the
// side-by-side view stays readable: the translation's words, sent with the fingerprint of the
// original they translate, so a translation made while the original changed is refused rather
// than recorded as current.
import type { UnLanguage, VersionParagraphView } from '@accord/shared';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { translationsApi } from './translations-api.js';

export function TranslationEditor({
  documentId,
  language,
  paragraph,
  onSaved,
}: {
  documentId: string;
  language: UnLanguage;
  paragraph: VersionParagraphView;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(paragraph.translation?.text ?? '');
  const save = useAction(
    () =>
      translationsApi.translate(
        documentId,
        language,
        paragraph.paragraphId,
        text,
        paragraph.original.fingerprint,
      ),
    () => t('languageVersions.saved'),
  );
  const label = paragraph.label ?? t('redline.heading');
  if (!open)
    return (
      <button
        type="button"
        className="button button--small translation-editor__open"
        aria-label={t('languageVersions.editorLabel', { label })}
        onClick={() => setOpen(true)}
      >
        {paragraph.translation ? t('languageVersions.edit') : t('languageVersions.translate')}
      </button>
    );
  const unchanged = text.trim() === '' || text === paragraph.translation?.text;
  return (
    <form
      className="translation-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run().then((ok) => {
          if (!ok) return;
          setOpen(false);
          onSaved();
        });
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('languageVersions.editorLabel', { label })}
      </label>
      <textarea
        id={id}
        lang={language}
        dir="auto"
        rows={4}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="form__actions">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={save.busy || unchanged}
        >
          {paragraph.status === 'out-of-date'
            ? t('languageVersions.saveUpdated')
            : t('languageVersions.save')}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
