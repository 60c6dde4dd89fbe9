import type { LanguageVersionView, TranslationsSummary } from '@accord/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { LanguageVersionsPage } from './LanguageVersionsPage.js';

const ref = { stakeholderId: 's-SEC', name: 'Secretariat', shortCode: 'SEC', kind: null };
const counts = (current: number, outOfDate: number, missing: number) => ({
  current,
  outOfDate,
  missing,
  total: current + outOfDate + missing,
});
const summary: TranslationsSummary = {
  documentId: 'd1',
  original: { language: 'en', name: 'English', dir: 'ltr' },
  languages: [
    { language: 'ar', name: 'العربية', dir: 'rtl', counts: counts(0, 0, 3) },
    { language: 'zh', name: '中文', dir: 'ltr', counts: counts(0, 0, 3) },
    { language: 'fr', name: 'Français', dir: 'ltr', counts: counts(1, 1, 1) },
    { language: 'ru', name: 'Русский', dir: 'ltr', counts: counts(0, 0, 3) },
    { language: 'es', name: 'Español', dir: 'ltr', counts: counts(0, 0, 3) },
  ],
};
const french: LanguageVersionView = {
  documentId: 'd1',
  original: { language: 'en', name: 'English', dir: 'ltr' },
  version: { language: 'fr', name: 'Français', dir: 'ltr' },
  counts: counts(1, 1, 1),
  paragraphs: [
    {
      paragraphId: 'p1',
      kind: 'preambular',
      label: 'PP 1',
      original: { text: 'Recalling the commitments,', fingerprint: 'aa' },
      translation: {
        text: 'Rappelant les engagements,',
        translatedBy: ref,
        translatedAt: '2026-11-20T09:00:00.000Z',
        sourceTextRevision: '3',
      },
      status: 'current',
      redline: null,
    },
    {
      paragraphId: 'p2',
      kind: 'operative',
      label: 'OP 1',
      original: { text: 'Commit to protect all outdoor workers;', fingerprint: 'bb' },
      translation: {
        text: 'S’engagent à protéger les travailleurs de plein air ;',
        translatedBy: ref,
        translatedAt: '2026-11-20T09:00:00.000Z',
        sourceTextRevision: '3',
      },
      status: 'out-of-date',
      redline: [
        { op: 'equal', text: 'Commit to protect ' },
        { op: 'insert', text: 'all ' },
        { op: 'equal', text: 'outdoor workers;' },
      ],
    },
    {
      paragraphId: 'p3',
      kind: 'operative',
      label: 'OP 2',
      original: { text: 'Invite cities to act;', fingerprint: 'cc' },
      translation: null,
      status: 'missing',
      redline: null,
    },
  ],
};

function stubApi() {
  const puts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      if ((init.method ?? 'GET') !== 'GET') {
        puts.push({ url, body: JSON.parse(init.body as string) });
        return Promise.resolve(new Response(JSON.stringify({ position: '9' })));
      }
      const body = url.endsWith('/translations')
        ? summary
        : url.includes('/translations/')
          ? french
          : { documentId: 'd1', title: 'Heat compact', symbol: 'A/HEAT/1' };
      return Promise.resolve(new Response(JSON.stringify(body)));
    }),
  );
  return puts;
}

const render = (role: 'secretariat' | 'delegate') =>
  renderInDraft(
    <MemoryRouter initialEntries={['/negotiations/n1/documents/d1/languages?language=fr']}>
      <Routes>
        <Route
          path="/negotiations/:negotiationId/documents/:documentId/languages"
          element={<LanguageVersionsPage />}
        />
      </Routes>
    </MemoryRouter>,
    {},
    { userId: 'u1', stakeholderId: role === 'secretariat' ? 's-SEC' : 's-NHR', role },
  );

afterEach(() => vi.unstubAllGlobals());

describe('the language versions page', () => {
  it('shows the original and the French side by side, each paragraph with its status', async () => {
    stubApi();
    render('delegate');
    const rows = await screen.findAllByRole('row');
    const body = rows.slice(1);
    expect(body.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'PP 1',
      'OP 1',
      'OP 2',
    ]);
    expect(within(body[0]!).getByText('Current')).toBeTruthy();
    expect(within(body[1]!).getByText('Out of date')).toBeTruthy();
    expect(within(body[2]!).getByText('Not translated')).toBeTruthy();
    // User text reads in its own direction and is marked with its language.
    const words = within(body[0]!).getByText('Rappelant les engagements,');
    expect(words.getAttribute('dir')).toBe('auto');
    expect(words.getAttribute('lang')).toBe('fr');
    // A delegation reads; it does not translate.
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows what changed in the original where the translation is out of date', async () => {
    stubApi();
    render('delegate');
    await screen.findByText('The original has changed since this translation:');
    const inserted = document.querySelector('.version-paragraph--out-of-date ins');
    expect(inserted?.textContent).toContain('all ');
  });

  it('counts current, out-of-date and missing paragraphs per language', async () => {
    stubApi();
    render('delegate');
    expect((await screen.findByTestId('counts-fr')).textContent).toBe(
      '1 current · 1 out of date · 1 missing',
    );
    expect(screen.getByRole('button', { name: /Français/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('lets the secretariat re-translate a paragraph against the original it sees', async () => {
    const puts = stubApi();
    render('secretariat');
    await userEvent.click(await screen.findByRole('button', { name: 'Translation of OP 1' }));
    const editor = screen.getByRole('textbox', { name: 'Translation of OP 1' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'S’engagent à protéger tous les travailleurs de plein air ;');
    await userEvent.click(screen.getByRole('button', { name: 'Save updated translation' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.url).toBe('/api/documents/d1/translations/fr/paragraphs/p2');
    expect(puts[0]!.body).toEqual({
      text: 'S’engagent à protéger tous les travailleurs de plein air ;',
      originalFingerprint: 'bb',
    });
  });
});
