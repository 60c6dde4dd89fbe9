// One paragraph of the side-by-side view: its number, the original as it reads now, and the
// translation with its status. An out-of-date translation shows the redline of what changed in
// the original since the words it translates, so the translator sees what to carry over.
import type { TranslationStatus, UnLanguage, VersionParagraphView } from '@accord/shared';
import { RedlineText } from '../chair/NextRevision.js';
import { useI18n } from '../i18n/i18n.js';
import { TranslationEditor } from './TranslationEditor.js';

const STATUS_KEYS = {
  current: 'languageVersions.status.current',
  'out-of-date': 'languageVersions.status.outOfDate',
  missing: 'languageVersions.status.missing',
} as const satisfies Record<TranslationStatus, string>;

export function VersionParagraph({
  documentId,
  original,
  language,
  paragraph,
  canEdit,
  onSaved,
}: {
  documentId: string;
  original: UnLanguage;
  language: UnLanguage;
  paragraph: VersionParagraphView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { translation, status } = paragraph;
  return (
    <tr
      className={`version-paragraph version-paragraph--${status} version-paragraph--${paragraph.kind}`}
      data-paragraph-id={paragraph.paragraphId}
    >
      <th scope="row" className="version-paragraph__label">
        {paragraph.label ?? ''}
      </th>
      <td className="version-paragraph__original" lang={original} dir="auto">
        {paragraph.original.text}
      </td>
      <td className="version-paragraph__translation">
        <span className={`badge badge--translation-${status}`}>{t(STATUS_KEYS[status])}</span>
        {translation && (
          <p lang={language} dir="auto" className="version-paragraph__words">
            {translation.text}
          </p>
        )}
        {translation && (
          <p className="muted version-paragraph__by">
            {t('languageVersions.translatedBy', {
              who: translation.translatedBy.shortCode ?? translation.translatedBy.name ?? '?',
              when: formatDateTime(translation.translatedAt),
            })}
          </p>
        )}
        {paragraph.redline && (
          <div className="version-paragraph__redline">
            <p className="muted">{t('languageVersions.changedSince')}</p>
            <p lang={original} dir="auto">
              <RedlineText runs={paragraph.redline} />
            </p>
          </div>
        )}
        {canEdit && (
          <TranslationEditor
            key={`${paragraph.original.fingerprint}:${translation?.translatedAt ?? ''}`}
            documentId={documentId}
            language={language}
            paragraph={paragraph}
            onSaved={onSaved}
          />
        )}
      </td>
    </tr>
  );
}
