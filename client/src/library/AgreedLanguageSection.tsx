// Agreed language at hand, in the paragraph panel: the citations already in this paragraph (with
// whether their words are still as agreed), and a search of the library for precedent wording.
// "Insert" puts a passage at the cursor and records the citation; the server checks the words
// are in the draft and in the cited paragraph before it keeps the citation as provenance.
import { can, type CitationView, type LibraryHitView } from '@accord/shared';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAction.js';
import { useDraft } from '../draft/draft-context.js';
import type { SelectionInfo } from '../draft/editor/selection.js';
import { libraryApi } from './libraryApi.js';
import { Snippet } from './Snippet.js';
import './library.css';

// The inserted words reach the server through the live text; the citation follows them and
// is retried briefly while they are on their way.
const CITE_ATTEMPTS = 6;
const CITE_RETRY_MS = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function AgreedLanguageSection({
  paragraphId,
  paragraphText,
  selection,
}: {
  paragraphId: string;
  /** The paragraph's words, so an insertion after a word is set apart by a space. */
  paragraphText: string;
  /** The selection or cursor when it lies in this paragraph. */
  selection: SelectionInfo | null;
}) {
  const { t, formatDate } = useI18n();
  const { document, role, editor, textEditable } = useDraft();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LibraryHitView[] | null>(null);
  const [citations, setCitations] = useState<CitationView[]>([]);

  const reloadCitations = useCallback(() => {
    libraryApi
      .citations(document.documentId)
      .then((answer) => setCitations(answer.citations))
      .catch(() => setCitations([]));
  }, [document.documentId]);
  useEffect(reloadCitations, [reloadCitations]);

  const search = useAction(async (q: string) => {
    setHits((await libraryApi.search(document.negotiationId, q)).hits);
  });

  const insert = useAction(
    async (hit: LibraryHitView, at: SelectionInfo) => {
      if (!editor) return;
      const space = at.start > 0 && !/\s$/u.test(paragraphText.slice(0, at.start)) ? ' ' : '';
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: space + hit.paragraph })
        .run();
      const start = at.start + space.length;
      const body = {
        paragraphId,
        start,
        end: start + hit.paragraph.length,
        libraryTextId: hit.text.libraryTextId,
        ref: hit.ref,
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await libraryApi.cite(document.documentId, body);
          break;
        } catch (error) {
          if (attempt >= CITE_ATTEMPTS) throw error;
          await sleep(CITE_RETRY_MS);
        }
      }
      reloadCitations();
    },
    () => t('library.inserted'),
  );

  const mayInsert =
    textEditable && !document.adopted && can(role, 'library.cite', document.mode) && !!editor;
  const here = citations.filter((c) => c.paragraphId === paragraphId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void search.run(query);
  };

  return (
    <section className="agreed-language" aria-label={t('library.title')}>
      <h3 className="agreed-language__title">{t('library.title')}</h3>
      {here.length > 0 && (
        <ul className="agreed-language__citations">
          {here.map((c) => (
            <li key={c.citationId}>
              <span dir="auto">
                {t('library.citation', { title: c.title, ref: c.ref })}
                {c.symbol ? ` (${c.symbol})` : ''}
              </span>{' '}
              <span className={c.intact ? 'muted' : 'agreed-language__changed'}>
                {c.intact ? t('library.intact') : t('library.changed')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form role="search" onSubmit={onSubmit} className="agreed-language__search">
        <label>
          <span className="visually-hidden">{t('library.searchLabel')}</span>
          <input
            type="search"
            dir="auto"
            value={query}
            maxLength={200}
            placeholder={t('library.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button type="submit" disabled={search.busy || !query.trim()}>
          {t('library.search')}
        </button>
      </form>
      {hits !== null && hits.length === 0 && <p className="muted">{t('library.noHits')}</p>}
      {hits !== null && hits.length > 0 && (
        <ol className="agreed-language__hits">
          {hits.map((hit) => (
            <li key={`${hit.text.libraryTextId}/${hit.ref}`}>
              <p className="agreed-language__source" dir="auto">
                {t('library.citation', { title: hit.text.title, ref: hit.ref })}
                {hit.text.symbol ? ` (${hit.text.symbol})` : ''} ·{' '}
                {t('library.adoptedOn', { date: formatDate(hit.text.adoptedOn) })}
              </p>
              <p className="agreed-language__snippet">
                <Snippet text={hit.snippet} />
              </p>
              {mayInsert && (
                <button
                  type="button"
                  disabled={insert.busy || selection === null}
                  title={selection === null ? t('library.placeCursor') : undefined}
                  onClick={() => selection && void insert.run(hit, selection)}
                >
                  {t('library.insert')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
