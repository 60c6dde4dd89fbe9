// The language versions of a document: how far each of the five other UN languages has come,
// and one of them beside the original, paragraph by paragraph (the language is kept in the
// address as ?language=, so a view can be shared). The secretariat and the chair translate here;
// everyone else reads. Each version downloads as the clean text in that language.
import { can, isUiLanguage, type UnLanguage } from '@accord/shared';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../api/errors.js';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { downloadFile } from '../chair/download.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { LanguageBurndown } from './LanguageBurndown.js';
import { StatusCounts } from './StatusCounts.js';
import { translationsApi, type VersionFormat } from './translations-api.js';
import { VersionParagraph } from './VersionParagraph.js';
import './language-versions.css';

const DEFAULT_LANGUAGE: UnLanguage = 'fr';
const FORMAT_KEYS = {
  docx: 'languageVersions.format.docx',
  pdf: 'languageVersions.format.pdf',
  akn: 'languageVersions.format.akn',
} as const satisfies Record<VersionFormat, string>;
const FORMATS = Object.keys(FORMAT_KEYS) as VersionFormat[];

export function LanguageVersionsPage() {
  const { documentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const asked = params.get('language') ?? DEFAULT_LANGUAGE;
  const language: UnLanguage = isUiLanguage(asked) ? asked : DEFAULT_LANGUAGE;
  const document = useResource(`document:${documentId}`, () => api.document(documentId));
  const summary = useResource(`translations:${documentId}`, () =>
    translationsApi.summary(documentId),
  );
  const version = useResource(`translations:${documentId}:${language}`, () =>
    translationsApi.version(documentId, language),
  );
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const canEdit = can(negotiation.you.role, 'translation.edit');
  const reload = () => {
    summary.reload();
    version.reload();
  };
  const download = (format: VersionFormat) => {
    setDownloadError(null);
    downloadFile(
      translationsApi.exportUrl(documentId, language, format),
      `${document.data?.symbol ?? 'document'}-${language}.${format === 'akn' ? 'xml' : format}`,
    ).catch((error: unknown) => setDownloadError(describeError(t, error)));
  };

  return (
    <div className="language-versions">
      <p className="document-card__symbol">
        <Link to={paths.draft(negotiation.negotiationId, documentId)}>
          {t('languageVersions.backToDraft')}
        </Link>
        {document.data ? (
          <span dir="auto">
            {' · '}
            {document.data.title}
          </span>
        ) : null}
      </p>
      <h1>{t('languageVersions.title', { symbol: document.data?.symbol ?? '' })}</h1>
      <p className="muted">{t('languageVersions.explain')}</p>
      {summary.data ? (
        <StatusCounts
          summary={summary.data}
          selected={language}
          onSelect={(next) => setParams({ language: next })}
        />
      ) : summary.error ? (
        <LoadError error={summary.error} retry={summary.reload} />
      ) : null}
      {summary.data && <LanguageBurndown summary={summary.data} />}
      {version.data && (
        <div className="language-versions__downloads">
          <span>{t('languageVersions.download', { language: version.data.version.name })}</span>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              onClick={() => download(format)}
            >
              {t(FORMAT_KEYS[format])}
            </button>
          ))}
          {downloadError && (
            <p role="alert" className="form__error">
              {downloadError}
            </p>
          )}
        </div>
      )}
      {version.error && !version.data ? (
        <LoadError error={version.error} retry={version.reload} />
      ) : version.data ? (
        <table className="side-by-side">
          <caption className="visually-hidden">
            {t('languageVersions.caption', {
              original: version.data.original.name,
              version: version.data.version.name,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('languageVersions.paragraph')}</span>
              </th>
              <th scope="col" lang={version.data.original.language}>
                {version.data.original.name}
              </th>
              <th scope="col" lang={version.data.version.language}>
                {version.data.version.name}
              </th>
            </tr>
          </thead>
          <tbody>
            {version.data.paragraphs.map((paragraph) => (
              <VersionParagraph
                key={paragraph.paragraphId}
                documentId={documentId}
                original={version.data!.original.language}
                language={language}
                paragraph={paragraph}
                canEdit={canEdit}
                onSaved={reload}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <Loading />
      )}
    </div>
  );
}
