// The synthesis of a consultation (chair, secretariat, delegations): per question the options
// drawn as bars and the open answers, per paragraph of the revision how many answers are
// attached with their excerpts, participation over time, and the consultation report to
// download (HTML, PDF, DOCX).
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { OptionBars, ParticipationChart } from './Charts.js';
import { consultationApi, isConsultationNotice, reportUrl } from './consultation-api.js';
import { PhaseBadge } from './PhaseBadge.js';
import './consultations.css';

export function SynthesisPage() {
  const { t } = useI18n();
  const { consultationId = '' } = useParams();
  const { negotiation } = useNegotiation();
  const synthesis = useLiveResource(
    `consultation-synthesis:${consultationId}`,
    () => consultationApi.synthesis(consultationId),
    (n) => n.id === consultationId && isConsultationNotice(n),
  );
  if (synthesis.error !== undefined && !synthesis.data) {
    return <LoadError error={synthesis.error} retry={synthesis.reload} />;
  }
  const s = synthesis.data;
  if (!s) return <Loading />;
  const c = s.consultation;
  const most = Math.max(1, ...s.paragraphs.map((p) => p.answers));
  const answered = s.paragraphs.filter((p) => p.answers > 0);
  const quiet = s.paragraphs.filter((p) => p.answers === 0).map((p) => p.ref);
  return (
    <div className="consultation-synthesis">
      <p>
        <Link to={paths.consultation(negotiation.negotiationId, c.consultationId)}>{c.title}</Link>
      </p>
      <div className="page-heading">
        <h1 dir="auto">{t('consultation.synthesisOf', { title: c.title })}</h1>
        <span className="consultation-report">
          {t('consultation.report')}{' '}
          {(['pdf', 'docx', 'html'] as const).map((format) => (
            <a key={format} className="button" href={reportUrl(c.consultationId, format)} download>
              {format.toUpperCase()}
            </a>
          ))}
        </span>
      </div>
      <p>
        <PhaseBadge consultation={c} />{' '}
        <span className="muted" data-testid="synthesis-totals">
          {t('consultation.totals', {
            count: s.responses,
            link: s.throughLink,
            anonymous: s.anonymous,
          })}
        </span>
      </p>
      <section className="card">
        <h2>{t('consultation.participation')}</h2>
        <ParticipationChart days={s.participation} />
      </section>
      <h2>{t('consultation.perQuestion')}</h2>
      {s.questions.map((q, index) => (
        <section
          key={q.questionId}
          className="card consultation-synthesis__question"
          data-testid={`question-${q.questionId}`}
        >
          <h3 dir="auto">
            {index + 1}. {q.prompt}
          </h3>
          <p className="muted">{t('consultation.answeredBy', { count: q.answered })}</p>
          {q.options.length > 0 && (
            <OptionBars options={q.options} of={q.answered} label={q.prompt} />
          )}
          {q.texts.length > 0 && (
            <ul className="consultation-excerpts">
              {q.texts.map((e) => (
                <li key={e.responseId}>
                  <blockquote dir="auto">{e.text}</blockquote>
                  {e.refs.length > 0 && <span className="muted">{e.refs.join(', ')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2>{t('consultation.perParagraph')}</h2>
      <ul className="consultation-paragraphs">
        {answered.map((p) => (
          <li key={p.paragraphId} className="card" data-testid={`paragraph-${p.paragraphId}`}>
            <div className="consultation-paragraphs__head">
              <strong dir="auto">{p.ref}</strong>
              <svg
                viewBox="0 0 100 8"
                preserveAspectRatio="none"
                className="consultation-paragraphs__bar"
                aria-hidden="true"
              >
                <rect
                  x="0"
                  y="0"
                  width={(p.answers / most) * 100}
                  height="8"
                  className="option-bars__fill"
                />
              </svg>
              <span>{t('consultation.attached', { count: p.answers })}</span>
            </div>
            <p className="muted consultation-paragraphs__text" dir="auto">
              {p.text}
            </p>
            {p.excerpts.length > 0 && (
              <ul className="consultation-excerpts">
                {p.excerpts.map((e) => (
                  <li key={`${e.responseId}-${e.questionId}`}>
                    <blockquote dir="auto">{e.text}</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {quiet.length > 0 && (
        <p className="muted" dir="auto">
          {t('consultation.quietParagraphs', { count: quiet.length, refs: quiet.join(', ') })}
        </p>
      )}
    </div>
  );
}
