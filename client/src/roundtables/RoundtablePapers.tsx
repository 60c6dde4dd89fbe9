// A roundtable's papers: the current draft previewed in any format, and every issued version
// downloadable byte for byte as circulated.
import { roundtablePaperFormats, type RoundtablePaperFormat } from '@accord/shared';
import { downloadFile } from '../chair/download.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { paperUrl, previewUrl, type Roundtable, type RoundtablePaper } from './roundtable-api.js';

const EXTENSION: Record<RoundtablePaperFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  akn: 'akn.xml',
  json: 'json',
};

function FormatButtons({
  url,
  fallback,
  label,
}: {
  url: (format: RoundtablePaperFormat) => string;
  fallback: (format: RoundtablePaperFormat) => string;
  label: string;
}) {
  const { t } = useI18n();
  const download = useAction(async (format: RoundtablePaperFormat) =>
    downloadFile(url(format), fallback(format)),
  );
  return (
    <>
      <div className="form__actions" role="group" aria-label={label}>
        {roundtablePaperFormats.map((f) => (
          <button
            key={f}
            type="button"
            className="button button--small"
            disabled={download.busy}
            onClick={() => void download.run(f)}
          >
            {t(`roundtable.format.${f}`)}
          </button>
        ))}
      </div>
      {download.error && <Notice tone="error">{download.error}</Notice>}
    </>
  );
}

export function PreviewSection({ roundtable }: { roundtable: Roundtable }) {
  const { t } = useI18n();
  if (roundtable.status !== 'scheduled') return null;
  return (
    <section className="card" aria-labelledby="rt-preview">
      <h2 id="rt-preview">{t('roundtable.preview')}</h2>
      <p className="muted">{t('roundtable.previewExplain', { draft: roundtable.draft })}</p>
      <FormatButtons
        label={t('roundtable.preview')}
        url={(f) => previewUrl(roundtable.roundtableId, f)}
        fallback={(f) => `roundtable-draft${roundtable.draft}.${EXTENSION[f]}`}
      />
    </section>
  );
}

export function PapersSection({ roundtable }: { roundtable: Roundtable }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="rt-papers">
      <h2 id="rt-papers">{t('roundtable.papers')}</h2>
      {roundtable.papers.length === 0 ? (
        <p className="muted">{t('roundtable.noVersion')}</p>
      ) : (
        <ul className="plain-list roundtable__papers">
          {[...roundtable.papers].reverse().map((p) => (
            <PaperVersion key={p.version} roundtable={roundtable} paper={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PaperVersion({ roundtable, paper }: { roundtable: Roundtable; paper: RoundtablePaper }) {
  const { t, formatDateTime, formatList } = useI18n();
  return (
    <li className="roundtable__paper">
      <h3>{t('roundtable.version', { version: paper.version })}</h3>
      <p className="muted">
        {t('roundtable.issuedOn', {
          date: formatDateTime(paper.issuedAt),
          draft: paper.draft,
          names: formatList(paper.signedOffBy.map((s) => s.shortCode ?? s.name ?? '')),
        })}
      </p>
      <FormatButtons
        label={t('roundtable.downloadVersion', { version: paper.version })}
        url={(f) => paperUrl(roundtable.roundtableId, paper.version, f)}
        fallback={(f) => `roundtable-v${paper.version}.${EXTENSION[f]}`}
      />
      <details className="roundtable__hashes">
        <summary>{t('roundtable.fingerprints')}</summary>
        <ul className="plain-list">
          {paper.files.map((f) => (
            <li key={f.format}>
              <strong>{t(`roundtable.format.${f.format}`)}</strong>{' '}
              <code title={f.sha256}>{f.sha256}</code>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
