// One roundtable: its theme, day, co-chairs, what it covers and who is invited; the co-chairs'
// background and guiding questions (edited by them); the sign-off and issue of paper versions;
// every issued version downloadable in each format, byte for byte; and its conclusion.
import { can, roundtablePaperFormats, type RoundtablePaperFormat } from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { useNegotiation } from '../app/negotiation-context.js';
import { paths } from '../app/paths.js';
import { downloadFile } from '../chair/download.js';
import { useI18n } from '../i18n/i18n.js';
import { useResource } from '../lib/useResource.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError, Notice, StakeholderChip } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import {
  isRoundtableNotice,
  paperUrl,
  previewUrl,
  roundtableApi,
  type Roundtable,
  type RoundtablePaper,
} from './roundtable-api.js';
import { dayInstant } from './RoundtableSummary.js';
import { ParagraphPicker } from './ParagraphPicker.js';
import { SignOffPanel } from './SignOffPanel.js';
import { signOffState } from './signoff.js';

const EXTENSION: Record<RoundtablePaperFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  akn: 'akn.xml',
  json: 'json',
};

export function RoundtablePage() {
  const { roundtableId = '' } = useParams();
  const roundtable = useLiveResource(
    `roundtable:${roundtableId}`,
    () => roundtableApi.get(roundtableId),
    (n) => isRoundtableNotice(n) && (n.id === undefined || n.id === roundtableId),
  );
  if (roundtable.error !== undefined && !roundtable.data)
    return <LoadError error={roundtable.error} retry={roundtable.reload} />;
  if (!roundtable.data) return <Loading />;
  return <RoundtableView roundtable={roundtable.data} reload={roundtable.reload} />;
}

function RoundtableView({ roundtable, reload }: { roundtable: Roundtable; reload: () => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { negotiation } = useNegotiation();
  const you = negotiation.you;
  const state = signOffState(roundtable, you);
  return (
    <div className="roundtable">
      <p className="document-card__symbol">
        <Link to={paths.roundtables(negotiation.negotiationId)}>{t('roundtable.back')}</Link>
      </p>
      <h1>{roundtable.theme}</h1>
      <p>
        <time dateTime={roundtable.date}>{formatDate(dayInstant(roundtable.date))}</time>{' '}
        <span className={`badge badge--roundtable-${roundtable.status}`}>
          {t(`roundtable.status.${roundtable.status}`)}
        </span>{' '}
        <span className="chips">
          <span className="muted">{t('roundtable.coChairedBy')}</span>
          {roundtable.coChairs.map((c) => (
            <StakeholderChip key={c.stakeholderId} stakeholder={c} />
          ))}
        </span>
      </p>
      {state.coChair && roundtable.status === 'scheduled' && (
        <Notice tone="info">{t('roundtable.youCoChair')}</Notice>
      )}
      <div className="roundtable__grid">
        <div className="roundtable__main">
          {roundtable.status === 'concluded' && (
            <section className="card" aria-labelledby="rt-summary">
              <h2 id="rt-summary">{t('roundtable.summary')}</h2>
              <p className="muted">
                {roundtable.concludedAt &&
                  t('roundtable.concludedOn', { date: formatDateTime(roundtable.concludedAt) })}
              </p>
              <p className="roundtable__prose">{roundtable.summary}</p>
            </section>
          )}
          <DraftSection roundtable={roundtable} mayEdit={state.mayEdit} onSaved={reload} />
          <Coverage
            roundtable={roundtable}
            mayChange={roundtable.status === 'scheduled' && can(you.role, 'roundtable.schedule')}
            onChanged={reload}
          />
          <PapersSection roundtable={roundtable} />
        </div>
        <aside className="roundtable__side">
          <SignOffPanel roundtable={roundtable} you={you} onChanged={reload} />
          <PreviewSection roundtable={roundtable} />
          <section className="card" aria-labelledby="rt-invited">
            <h2 id="rt-invited">{t('roundtable.invited')}</h2>
            {roundtable.invited.length === 0 ? (
              <p className="muted">{t('roundtable.noneInvited')}</p>
            ) : (
              <ul className="plain-list">
                {roundtable.invited.map((s) => (
                  <li key={s.stakeholderId}>
                    <StakeholderChip stakeholder={s} /> {s.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {roundtable.status === 'scheduled' && can(you.role, 'roundtable.schedule') && (
            <ConcludeSection roundtable={roundtable} onConcluded={reload} />
          )}
        </aside>
      </div>
    </div>
  );
}

/** The background and guiding questions; the co-chairs edit them (a change is a new draft). */
function DraftSection({
  roundtable,
  mayEdit,
  onSaved,
}: {
  roundtable: Roundtable;
  mayEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="page-heading">
        <h2 id={`${id}-title`}>{t('roundtable.draftTitle', { draft: roundtable.draft })}</h2>
        {mayEdit && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('roundtable.edit')}
          </button>
        )}
      </div>
      {editing ? (
        <DraftForm
          roundtable={roundtable}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved();
          }}
        />
      ) : (
        <>
          <h3>{t('roundtable.background')}</h3>
          {roundtable.background ? (
            <p className="roundtable__prose">{roundtable.background}</p>
          ) : (
            <p className="muted">{t('roundtable.noBackground')}</p>
          )}
          <h3>{t('roundtable.questions')}</h3>
          {roundtable.guidingQuestions.length === 0 ? (
            <p className="muted">{t('roundtable.noQuestions')}</p>
          ) : (
            <ol>
              {roundtable.guidingQuestions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function DraftForm({
  roundtable,
  onDone,
}: {
  roundtable: Roundtable;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [background, setBackground] = useState(roundtable.background);
  const [questions, setQuestions] = useState<string[]>(
    roundtable.guidingQuestions.length > 0 ? roundtable.guidingQuestions : [''],
  );
  const save = useAction(
    async () => {
      await roundtableApi.editDraft(roundtable.roundtableId, {
        background,
        guidingQuestions: questions.map((q) => q.trim()).filter((q) => q !== ''),
      });
      onDone(true);
    },
    () => t('roundtable.draftSaved'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form className="form" onSubmit={submit}>
      {roundtable.signOffs.length > 0 && (
        <Notice tone="warning">{t('roundtable.editClearsSignOffs')}</Notice>
      )}
      <label className="field">
        <span className="field__label">{t('roundtable.background')}</span>
        <textarea
          rows={8}
          maxLength={20000}
          value={background}
          onChange={(e) => setBackground(e.target.value)}
          autoFocus
        />
      </label>
      <fieldset className="roundtable__questions">
        <legend>{t('roundtable.questions')}</legend>
        {questions.map((q, i) => (
          <div key={i} className="roundtable__question">
            <label className="field">
              <span className="field__label">{t('roundtable.questionN', { n: i + 1 })}</span>
              <input
                maxLength={1000}
                value={q}
                onChange={(e) =>
                  setQuestions((list) => list.map((x, j) => (j === i ? e.target.value : x)))
                }
              />
            </label>
            <button
              type="button"
              className="button button--small"
              aria-label={t('roundtable.removeQuestionN', { n: i + 1 })}
              onClick={() => setQuestions((list) => list.filter((_, j) => j !== i))}
            >
              {t('roundtable.removeQuestion')}
            </button>
          </div>
        ))}
        {questions.length < 20 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setQuestions((list) => [...list, ''])}
          >
            {t('roundtable.addQuestion')}
          </button>
        )}
      </fieldset>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {t('roundtable.saveDraft')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The paragraphs it covers, numbered as in the text now; the chair side may change them. */
function Coverage({
  roundtable,
  mayChange,
  onChanged,
}: {
  roundtable: Roundtable;
  mayChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { negotiation } = useNegotiation();
  const { documentId, paragraphIds } = roundtable.coverage;
  const document = useResource(`document:${documentId}`, () => api.document(documentId));
  const byId = new Map(document.data?.paragraphs.map((p) => [p.id, p]) ?? []);
  const [editing, setEditing] = useState<string[] | null>(null);
  const change = useAction(
    async (ids: string[]) => {
      await roundtableApi.changeCoverage(roundtable.roundtableId, {
        documentId,
        paragraphIds: ids,
      });
      setEditing(null);
      onChanged();
    },
    () => t('roundtable.coverageChanged'),
  );
  if (editing && document.data) {
    return (
      <section className="card" aria-labelledby="rt-coverage">
        <h2 id="rt-coverage">{t('roundtable.covers')}</h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void change.run(editing);
          }}
        >
          {roundtable.signOffs.length > 0 && (
            <Notice tone="warning">{t('roundtable.editClearsSignOffs')}</Notice>
          )}
          <ParagraphPicker
            paragraphs={document.data.paragraphs}
            selected={editing}
            onChange={setEditing}
          />
          {change.error && <Notice tone="error">{change.error}</Notice>}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={editing.length === 0 || change.busy}
            >
              {t('roundtable.saveCoverage')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="rt-coverage">
      <div className="page-heading">
        <h2 id="rt-coverage">{t('roundtable.covers')}</h2>
        {mayChange && document.data && (
          <button type="button" className="button" onClick={() => setEditing([...paragraphIds])}>
            {t('roundtable.changeCoverage')}
          </button>
        )}
      </div>
      {document.data && (
        <p className="muted">
          <Link to={paths.draft(negotiation.negotiationId, documentId)}>
            {document.data.symbol} — {document.data.title}
          </Link>
        </p>
      )}
      {document.error !== undefined && !document.data && (
        <LoadError error={document.error} retry={document.reload} />
      )}
      <ul className="roundtable__coverage">
        {paragraphIds.map((pid) => {
          const p = byId.get(pid);
          return (
            <li key={pid}>
              {p ? (
                <Link to={`${paths.draft(negotiation.negotiationId, documentId)}?paragraph=${pid}`}>
                  <strong>{p.label ?? t('paragraphKind.heading')}</strong>{' '}
                  {p.text.length > 90 ? `${p.text.slice(0, 90)}…` : p.text}
                </Link>
              ) : (
                <span className="muted">{t('roundtable.paragraphGone')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

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

function PreviewSection({ roundtable }: { roundtable: Roundtable }) {
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

function PapersSection({ roundtable }: { roundtable: Roundtable }) {
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

function ConcludeSection({
  roundtable,
  onConcluded,
}: {
  roundtable: Roundtable;
  onConcluded: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [summary, setSummary] = useState('');
  const conclude = useAction(
    async () => {
      await roundtableApi.conclude(roundtable.roundtableId, summary.trim());
      onConcluded();
    },
    () => t('roundtable.concluded'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (window.confirm(t('roundtable.concludeConfirm', { theme: roundtable.theme })))
      void conclude.run();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('roundtable.conclude')}</h2>
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('roundtable.summary')}</span>
          <textarea
            rows={5}
            required
            maxLength={20000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </label>
        {conclude.error && <Notice tone="error">{conclude.error}</Notice>}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--danger"
            disabled={!summary.trim() || conclude.busy}
          >
            {t('roundtable.concludeSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
