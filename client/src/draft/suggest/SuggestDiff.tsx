// A suggestion as it reads so far: the paragraph's words with the delegate's deletions struck
// through and insertions underlined, word by word. The diff is the one the comparison view uses
// (compareTexts in @accord/shared), so a suggestion reads here as it will in a redline.
import { compareTexts, type ParagraphKind } from '@accord/shared';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export function SuggestDiff({
  paragraphId,
  kind,
  before,
  after,
  code,
}: {
  paragraphId: string;
  kind: ParagraphKind;
  before: string;
  after: string;
  /** The delegation's code, named in each change's tooltip. */
  code: string;
}) {
  const { t } = useI18n();
  const runs = useMemo(
    () =>
      compareTexts(
        [{ id: paragraphId, kind, text: before }],
        [{ id: paragraphId, kind, text: after }],
      ).paragraphs[0]?.runs ?? [],
    [paragraphId, kind, before, after],
  );
  return (
    <p className="suggestion suggest-diff" aria-live="polite">
      {runs.map((run, i) =>
        run.op === 'insert' ? (
          <ins key={i} className="suggestion__ins" title={`${code} ${t('suggestion.insert')}`}>
            {run.text}
          </ins>
        ) : run.op === 'delete' ? (
          <del key={i} className="suggestion__del" title={`${code} ${t('suggestion.delete')}`}>
            {run.text}
          </del>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </p>
  );
}
