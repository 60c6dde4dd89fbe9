// The paragraphs of the consulted revision, numbered as it published them, so respondents read
// what they answer about.
import type { ConsultationParagraph } from '@accord/shared';
import { useI18n } from '../i18n/i18n.js';

export function RevisionText({
  paragraphs,
  revisionLabel,
}: {
  paragraphs: readonly ConsultationParagraph[];
  revisionLabel: string;
}) {
  const { t } = useI18n();
  return (
    <section
      className="consultation-text card"
      aria-label={t('consultation.textOf', { revision: revisionLabel })}
    >
      <h2 dir="auto">{t('consultation.textOf', { revision: revisionLabel })}</h2>
      <ol className="consultation-text__list">
        {paragraphs.map((p) => (
          <li key={p.paragraphId}>
            <span className="consultation-text__ref" dir="auto">
              {p.ref}
            </span>{' '}
            <span dir="auto">{p.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
