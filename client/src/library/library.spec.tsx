// Agreed language in the paragraph panel: search hits with their source and marked words, and
// the citations already in the paragraph with whether their words are still as agreed.
import type { CitationView, LibraryHitView } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { AgreedLanguageSection } from './AgreedLanguageSection.js';

const hit: LibraryHitView = {
  text: {
    libraryTextId: 'lt1',
    negotiationId: 'n0',
    source: 'imported',
    documentId: null,
    revisionLabel: null,
    title: 'Declaration on heat and health',
    symbol: 'HH/2023/4',
    adoptedOn: '2023-09-21',
    language: 'en',
    paragraphCount: 3,
    withdrawn: false,
  },
  ref: 'OP 3',
  paragraph: 'Calls upon local authorities to protect older persons from extreme heat;',
  snippet: 'Calls upon local authorities to protect \u0002older\u0003 persons from extreme heat;',
};

const citation = (intact: boolean): CitationView => ({
  citationId: 'c1',
  paragraphId: 'op1',
  libraryTextId: 'lt1',
  ref: 'OP 3',
  title: 'Declaration on heat and health',
  symbol: null,
  words: 'extreme heat',
  citedBy: { userId: 'u1', stakeholderId: 's-NHR' },
  citedAt: '2026-12-01T10:00:00.000Z',
  now: intact ? { paragraphId: 'op1', start: 0, end: 12, text: 'extreme heat' } : null,
  intact,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

function stubApi(citations: CitationView[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return Promise.resolve(
        json(url.includes('/library/search') ? { hits: [hit] } : { citations }),
      );
    }),
  );
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

describe('agreed language in the paragraph panel', () => {
  it('searches the library and shows each hit with its source and the matched words marked', async () => {
    const urls = stubApi([]);
    renderInDraft(
      <AgreedLanguageSection paragraphId="op1" paragraphText="Decides to act" selection={null} />,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox'), 'older persons');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByText('Agreed in Declaration on heat and health, OP 3', { exact: false }),
    ).toBeTruthy();
    expect(screen.getByText('older').tagName).toBe('MARK');
    expect(urls.find((url) => url.includes('/library/search'))).toMatch(
      /^\/api\/negotiations\/n1\/library\/search\?q=older(\+|%20)persons$/,
    );
  });

  it('shows whether a cited passage is still as agreed', async () => {
    stubApi([citation(false)]);
    renderInDraft(
      <AgreedLanguageSection paragraphId="op1" paragraphText="Decides to act" selection={null} />,
    );
    expect(await screen.findByText('changed since it was cited')).toBeTruthy();
  });
});
