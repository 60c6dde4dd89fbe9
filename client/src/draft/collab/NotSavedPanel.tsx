// The "Not saved" panel: after the server refused a change and the text was fetched afresh, the
// words the user had typed in each paragraph the server does not hold, each with a Copy button,
// so they can be put back (or tabled as an amendment) by hand. Dismissible; it never re-sends.
import { useRef, useState } from 'react';
import { useI18n, type PlainMessageKey } from '../../i18n/i18n.js';
import type { UnsavedParagraph } from './unsavedWords.js';

export interface NotSavedPanelProps {
  unsaved: readonly UnsavedParagraph[];
  reason: PlainMessageKey | null;
  onDismiss: () => void;
}

export function NotSavedPanel({ unsaved, reason, onDismiss }: NotSavedPanelProps) {
  const { t } = useI18n();
  if (unsaved.length === 0) return null;
  return (
    <section className="not-saved" aria-labelledby="not-saved-title">
      <h2 id="not-saved-title" className="not-saved__title">
        {t('notSaved.title')}
      </h2>
      <p className="not-saved__explain">
        {reason && <>{t(reason)} </>}
        {t('notSaved.explain')}
      </p>
      <ul className="not-saved__list">
        {unsaved.map((p) => (
          <UnsavedItem key={p.paragraphId} paragraph={p} />
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('notSaved.dismiss')}
      </button>
    </section>
  );
}

function UnsavedItem({ paragraph }: { paragraph: UnsavedParagraph }) {
  const { t } = useI18n();
  const words = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  const name = paragraph.isNew
    ? t('notSaved.newParagraph')
    : (paragraph.label ?? t('notSaved.unnumbered'));
  const onCopy = () => {
    // Without clipboard access (an insecure origin, a refused permission) the words are
    // selected instead, for the user to copy with the keyboard.
    const selectForCopy = () => {
      words.current?.focus();
      words.current?.select();
      setCopy('manual');
    };
    if (!navigator.clipboard) return selectForCopy();
    navigator.clipboard.writeText(paragraph.text).then(() => setCopy('copied'), selectForCopy);
  };
  return (
    <li className="not-saved__item">
      <label className="not-saved__label">
        <span>{name}</span>
        <textarea
          ref={words}
          className="not-saved__words"
          readOnly
          rows={Math.min(6, Math.max(2, Math.ceil(paragraph.text.length / 70)))}
          value={paragraph.text}
        />
      </label>
      <button
        type="button"
        className="button button--small"
        onClick={onCopy}
        aria-label={t('notSaved.copyLabel', { paragraph: name })}
      >
        {t('notSaved.copy')}
      </button>
      <span role="status" className="not-saved__copied">
        {copy === 'copied' && t('notSaved.copied')}
        {copy === 'manual' && t('notSaved.copyManually')}
      </span>
    </li>
  );
}
