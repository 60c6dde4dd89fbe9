// A comparison of two points as a redline: each changed paragraph with its insertions underlined
// and deletions struck through, every change marked with the delegation (or other stakeholder)
// that made it, and who changed how much. The server attributes each run from the Yjs updates
// between the two points; a run it could only attribute by paragraph says so in its tooltip.
import type { ComparisonRun, ParagraphComparison } from '@accord/shared';
import { useState } from 'react';
import type { ComparisonView } from '../api/types.js';
import { useI18n, type Translate } from '../i18n/i18n.js';

type Stakeholders = ComparisonView['stakeholders'];

/** "Republic of Santerra (STR), from an accepted amendment" for each author of a run. */
export function runAuthors(t: Translate, run: ComparisonRun, stakeholders: Stakeholders): string {
  const names = run.by.map((author) => {
    const s = stakeholders[author.stakeholderId];
    const name = s ? `${s.name} (${s.shortCode})` : t('redline.unknownAuthor');
    return author.amendmentId ? t('redline.viaAmendment', { name }) : name;
  });
  return names.length > 0 ? names.join('; ') : t('redline.unknownAuthor');
}

function Run({ run, stakeholders }: { run: ComparisonRun; stakeholders: Stakeholders }) {
  const { t } = useI18n();
  if (run.op === 'equal') return <>{run.text}</>;
  const who = runAuthors(t, run, stakeholders);
  const code = run.by[0] ? (stakeholders[run.by[0].stakeholderId]?.shortCode ?? '?') : '?';
  const approximate = run.attribution === 'last-update' || run.attribution === 'partly-exact';
  const title =
    (run.op === 'insert' ? t('redline.insertedBy', { who }) : t('redline.deletedBy', { who })) +
    (approximate ? ` ${t('redline.approximate')}` : '');
  const Tag = run.op === 'insert' ? 'ins' : 'del';
  return (
    <Tag className={`redline__${run.op}`} title={title} data-by={code}>
      <span className="visually-hidden">
        {run.op === 'insert' ? t('redline.srInsert', { code }) : t('redline.srDelete', { code })}
      </span>
      <abbr className="redline__by" title={who} aria-hidden="true">
        {code}
      </abbr>
      {run.text}
    </Tag>
  );
}

function Paragraph({
  paragraph,
  stakeholders,
}: {
  paragraph: ParagraphComparison;
  stakeholders: Stakeholders;
}) {
  const { t } = useI18n();
  const side = paragraph.to ?? paragraph.from;
  const label = side?.label ?? t('redline.heading');
  const renumbered =
    paragraph.from?.label && paragraph.to?.label && paragraph.from.label !== paragraph.to.label;
  return (
    <article
      className={`redline__para redline__para--${paragraph.change}`}
      data-label={label}
      aria-label={label}
    >
      <header className="redline__para-head">
        <span className="redline__label">{label}</span>
        {paragraph.change !== 'unchanged' && (
          <span className={`badge redline__change redline__change--${paragraph.change}`}>
            {t(`redline.change.${paragraph.change}`)}
          </span>
        )}
        {renumbered && (
          <span className="muted">{t('redline.renumbered', { from: paragraph.from!.label! })}</span>
        )}
      </header>
      <p className="redline__text">
        {paragraph.runs.map((run, i) => (
          <Run key={i} run={run} stakeholders={stakeholders} />
        ))}
      </p>
    </article>
  );
}

/** Who changed how much, as bars of inserted and deleted characters. */
function ByStakeholder({ comparison }: { comparison: ComparisonView }) {
  const { t } = useI18n();
  const rows = comparison.summary.byStakeholder;
  if (rows.length === 0) return null;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.insertedChars, r.deletedChars)));
  return (
    <table className="redline__authors">
      <caption>{t('redline.byStakeholder')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('redline.stakeholder')}</th>
          <th scope="col">{t('redline.inserted')}</th>
          <th scope="col">{t('redline.deleted')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const s = comparison.stakeholders[row.stakeholderId];
          return (
            <tr key={row.stakeholderId}>
              <th scope="row">
                <abbr className="chip" title={s?.name ?? ''}>
                  {s?.shortCode ?? '?'}
                </abbr>
              </th>
              <td>
                <span
                  className="redline__bar redline__bar--insert"
                  style={{ inlineSize: `${(row.insertedChars / max) * 100}%` }}
                />
                {t('redline.chars', { count: row.insertedChars })}
              </td>
              <td>
                <span
                  className="redline__bar redline__bar--delete"
                  style={{ inlineSize: `${(row.deletedChars / max) * 100}%` }}
                />
                {t('redline.chars', { count: row.deletedChars })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Redline({ comparison }: { comparison: ComparisonView }) {
  const { t } = useI18n();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const { summary } = comparison;
  const shown = comparison.paragraphs.filter((p) => showUnchanged || p.change !== 'unchanged');
  return (
    <section className="redline" aria-labelledby="redline-title">
      <h2 id="redline-title" className="visually-hidden">
        {t('redline.title')}
      </h2>
      <p className="redline__summary" role="status">
        {t('redline.summary', {
          added: summary.added,
          removed: summary.removed,
          count: summary.modified,
          unchanged: summary.unchanged,
        })}
      </p>
      <div className="redline__legend muted">
        <ins className="redline__insert">{t('redline.legendInsert')}</ins>{' '}
        <del className="redline__delete">{t('redline.legendDelete')}</del>{' '}
        <span>{t('redline.legendBy')}</span>
      </div>
      <ByStakeholder comparison={comparison} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={showUnchanged}
          onChange={(e) => setShowUnchanged(e.target.checked)}
        />
        {t('redline.showUnchanged')}
      </label>
      {shown.length === 0 ? (
        <p className="muted">{t('redline.noChanges')}</p>
      ) : (
        <div className="redline__paragraphs">
          {shown.map((p) => (
            <Paragraph key={p.paragraphId} paragraph={p} stakeholders={comparison.stakeholders} />
          ))}
        </div>
      )}
    </section>
  );
}
