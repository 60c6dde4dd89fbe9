// How far each language version has come: per language, how many paragraphs are current, out of
// date and missing, as a bar and in words; choosing one shows it beside the original.
import type { TranslationsSummary, UnLanguage } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function StatusCounts({
  summary,
  selected,
  onSelect,
}: {
  summary: TranslationsSummary;
  selected: UnLanguage;
  onSelect: (language: UnLanguage) => void;
}) {
  const { t } = useI18n();
  return (
    <ul className="language-status" aria-label={t('languageVersions.statusList')}>
      {summary.languages.map(({ language, name, counts }) => {
        const share = (n: number) => `${counts.total ? (100 * n) / counts.total : 0}%`;
        return (
          <li key={language}>
            <button
              type="button"
              className="language-status__choice"
              aria-pressed={language === selected}
              onClick={() => onSelect(language)}
            >
              <span className="language-status__name" lang={language} dir="auto">
                {name}
              </span>
              <span className="language-status__bar" aria-hidden="true">
                <span
                  className="language-status__part--current"
                  style={{ inlineSize: share(counts.current) }}
                />
                <span
                  className="language-status__part--out-of-date"
                  style={{ inlineSize: share(counts.outOfDate) }}
                />
              </span>
              <span className="language-status__counts" data-testid={`counts-${language}`}>
                {t('languageVersions.counts', {
                  current: counts.current,
                  outOfDate: counts.outOfDate,
                  missing: counts.missing,
                })}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
