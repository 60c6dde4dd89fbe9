import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDetail, Revision } from '../api/types.js';
import { renderInDraft } from '../test-support/providers.js';
import { DocumentChairControls } from './DocumentChairControls.js';

const rev1: Revision = {
  label: 'Rev 1',
  textRevision: '9',
  sequence: 2,
  issuedBy: 'u',
  issuedAt: '2026-11-18T10:00:00.000Z',
};
const chair = { userId: 'chair', stakeholderId: 's-NHR', role: 'chair' } as const;

function documentWith(patch: Partial<DocumentDetail>): DocumentDetail {
  return {
    documentId: 'd1',
    negotiationId: 'n1',
    title: 'Heat compact',
    symbol: 'A/1',
    mode: 'formal',
    createdBy: 'u',
    createdAt: '2026-11-13T08:00:00.000Z',
    adopted: false,
    adoption: null,
    latestRevision: rev1,
    paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 0 },
    pendingAmendments: 0,
    revisions: [rev1],
    paragraphStatuses: [],
    paragraphs: [],
    nextRevisionLabel: 'Rev 2',
    numbering: [],
    you: chair,
    ...patch,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the chair’s document controls', () => {
  it('adopt the latest revision only after the chair reads the summary and confirms', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(init.body as string) as unknown });
        return Promise.resolve(new Response(JSON.stringify({ position: '3' }), { status: 200 }));
      }),
    );
    renderInDraft(<DocumentChairControls />, { document: documentWith({}) }, chair);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Adopt Rev 1' }));
    const summary = screen.getByRole('dialog', { name: 'Before adopting Rev 1' });
    expect(summary.textContent).toContain('Adopt “Heat compact” as Rev 1?');
    expect(summary.textContent).toContain('No pending amendment');
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Adopt Rev 1: close the record' }));
    await screen.findByText('The document is adopted as Rev 1.');
    expect(calls).toEqual([{ url: '/api/documents/d1/adopt', body: { revisionLabel: 'Rev 1' } }]);
  });

  it('keep only the export once the document is adopted, and show a delegate only the export', () => {
    const adopted = documentWith({
      adopted: true,
      adoption: {
        revisionLabel: 'Rev 1',
        textRevision: '9',
        adoptedBy: 'chair',
        adoptedAt: '2026-11-20T10:00:00.000Z',
      },
    });
    const { unmount } = renderInDraft(<DocumentChairControls />, { document: adopted }, chair);
    expect(screen.getByRole('button', { name: 'Export…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Adopt|Issue/ })).toBeNull();
    unmount();
    const delegate = { userId: 'd', stakeholderId: 's-NHR', role: 'delegate' } as const;
    renderInDraft(<DocumentChairControls />, { document: documentWith({}) }, delegate);
    expect(screen.getByRole('button', { name: 'Export…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Adopt|Issue/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Mode' })).toBeNull();
  });
});
