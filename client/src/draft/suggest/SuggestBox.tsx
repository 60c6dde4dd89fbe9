// One paragraph in suggesting mode: the delegate rewrites its words in a local box (nothing goes
// to the shared text), sees the changes marked as they type, and tables them as one amendment
// sponsored by their delegation: the smallest changed run of whole words, replaced, inserted or
// deleted. The chair then accepts or rejects it like any amendment.
import type { ParagraphStatus } from '@accord/shared';
import { useId, type FormEvent } from 'react';
import { api } from '../../api/endpoints.js';
import { UserFacingError } from '../../api/errors.js';
import { useNegotiation } from '../../app/negotiation-context.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../ui/bits.js';
import { useAction } from '../../ui/useAction.js';
import { useDraft } from '../draft-context.js';
import type { OutlineEntry } from '../outline.js';
import { changedRange } from './changedRange.js';
import { SuggestDiff } from './SuggestDiff.js';

/** What the delegate has typed for one paragraph, against the words it started from. */
export interface SuggestionDraft {
  label: string;
  /** The paragraph's words when the delegate began (or last compared with the live text). */
  base: string;
  words: string;
  rationale: string;
}

export const startDraft = (label: string, text: string): SuggestionDraft => ({
  label,
  base: text,
  words: text,
  rationale: '',
});

/** A paragraph holds one line of words: line breaks typed or pasted become spaces. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

export function SuggestBox({
  paragraph,
  label,
  status,
  draft,
  onChange,
  onTabled,
  onDiscard,
}: {
  paragraph: OutlineEntry;
  label: string;
  status: ParagraphStatus;
  draft: SuggestionDraft;
  onChange: (draft: SuggestionDraft) => void;
  onTabled: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const { document, reloadAmendments, setActiveId } = useDraft();
  const { mine } = useNegotiation();
  const id = useId();
  const change = changedRange(draft.base, draft.words);
  // Others (the chair, the secretariat) may edit the paragraph meanwhile; a range computed on
  // the words the delegate started from would then point at the wrong words.
  const stale = paragraph.text !== draft.base;
  const locked = status === 'agreed-ad-ref';

  const table = useAction(
    async () => {
      if (!change || stale || locked) throw new UserFacingError(t('suggest.noChange'));
      const created = await api.tableAmendment(document.documentId, {
        paragraphId: paragraph.id,
        kind: change.kind,
        range: { start: change.start, end: change.end },
        ...(change.kind !== 'delete' ? { proposedText: change.proposedText } : {}),
        rationale: draft.rationale.trim(),
      });
      reloadAmendments();
      setActiveId(created.amendmentId);
      onTabled();
    },
    () => t('suggest.tabled', { label }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void table.run();
  };

  return (
    <form className="form suggest-box card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('suggest.title', { label })}</h3>
      <p className="muted">
        {t('amendmentForm.onBehalf', { stakeholder: mine?.name ?? '' })} · {t('suggest.local')}
      </p>
      {locked && <Notice tone="warning">{t('suggest.locked', { label })}</Notice>}
      {stale && !locked && (
        <Notice tone="warning">
          {t('suggest.stale')}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange({ ...draft, base: paragraph.text })}
          >
            {t('suggest.rebase')}
          </button>
        </Notice>
      )}
      <label className="field">
        <span className="field__label">{t('suggest.words', { label })}</span>
        <textarea
          name="words"
          className="suggest-box__words"
          rows={4}
          maxLength={10000}
          value={draft.words}
          readOnly={locked}
          onChange={(e) => onChange({ ...draft, words: oneLine(e.target.value) })}
          autoFocus
        />
      </label>
      <div className="field">
        <span className="field__label">{t('suggest.changes')}</span>
        {change ? (
          <SuggestDiff
            paragraphId={paragraph.id}
            kind={paragraph.kind}
            before={draft.base}
            after={draft.words}
            code={mine?.shortCode ?? ''}
          />
        ) : (
          <p className="muted">{t('suggest.noChange')}</p>
        )}
      </div>
      <label className="field">
        <span className="field__label">
          {t('amendmentForm.rationale')} <span className="muted">({t('common.optional')})</span>
        </span>
        <textarea
          name="rationale"
          rows={2}
          maxLength={2000}
          value={draft.rationale}
          onChange={(e) => onChange({ ...draft, rationale: e.target.value })}
        />
      </label>
      {table.error && <Notice tone="error">{table.error}</Notice>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={table.busy || !change || stale || locked}
        >
          {table.busy ? t('suggest.tabling') : t('suggest.table')}
        </button>
        <button type="button" className="button" onClick={onDiscard} disabled={!change}>
          {t('suggest.discard')}
        </button>
      </div>
    </form>
  );
}
