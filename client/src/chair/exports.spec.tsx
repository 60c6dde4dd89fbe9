import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Revision } from '../api/types.js';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ToastProvider } from '../ui/toasts.js';
import { ExportForm } from './ExportMenu.js';
import { defaultChoice, downloadName, exportPoints, exportUrl } from './exports.js';

const revisions: Revision[] = [
  {
    label: 'Rev 1',
    textRevision: '9',
    sequence: 2,
    issuedBy: 'u',
    issuedAt: '2026-11-18T10:00:00.000Z',
  },
  {
    label: 'Zero draft',
    textRevision: '3',
    sequence: 1,
    issuedBy: 'u',
    issuedAt: '2026-11-13T10:00:00.000Z',
  },
];

function renderForm() {
  return render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <ToastProvider>
        <ExportForm documentId="doc 1" symbol="A/CONF.1/L.1" revisions={revisions} />
      </ToastProvider>
    </I18nProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('export choices', () => {
  it('offer each revision in order, then now; compare the latest revision with now first', () => {
    expect(exportPoints(revisions)).toEqual(['revision:Zero draft', 'revision:Rev 1', 'now']);
    expect(defaultChoice(revisions)).toMatchObject({ from: 'revision:Rev 1', to: 'now' });
  });

  it('make one URL per choice, with asOf only when not now and from/to only to compare', () => {
    const base = { format: 'docx', asOf: 'now', from: 'now', to: 'now' } as const;
    expect(exportUrl('d1', { ...base, variant: 'clean' })).toBe(
      '/api/documents/d1/export?format=docx&variant=clean',
    );
    expect(exportUrl('d1', { ...base, variant: 'compilation', asOf: 'revision:Rev 1' })).toBe(
      '/api/documents/d1/export?format=docx&variant=compilation&asOf=revision%3ARev+1',
    );
    expect(
      exportUrl('d1', {
        ...base,
        format: 'akn',
        variant: 'compare',
        asOf: 'revision:Rev 1',
        from: 'revision:Zero draft',
        to: 'now',
      }),
    ).toBe('/api/documents/d1/export?format=akn&variant=compare&from=revision%3AZero+draft&to=now');
  });

  it('take the server’s file name when it gives one', () => {
    expect(downloadName('attachment; filename="L1-clean.pdf"', 'x.pdf')).toBe('L1-clean.pdf');
    expect(downloadName("attachment; filename*=UTF-8''R%C3%A9v%201.docx", 'x')).toBe('Rév 1.docx');
    expect(downloadName(null, 'fallback.md')).toBe('fallback.md');
  });
});

describe('the export picker', () => {
  it('builds the URL from what the user picks and refuses to compare a point with itself', async () => {
    renderForm();
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: 'Download' });
    expect(submit.dataset.exportUrl).toBe(
      '/api/documents/doc%201/export?format=docx&variant=compilation',
    );
    await user.selectOptions(screen.getByLabelText('Format'), 'Markdown');
    await user.selectOptions(screen.getByLabelText('As of'), 'Zero draft (issued 13 Nov 2026)');
    expect(submit.dataset.exportUrl).toBe(
      '/api/documents/doc%201/export?format=md&variant=compilation&asOf=revision%3AZero+draft',
    );
    await user.click(screen.getByRole('radio', { name: /Comparison of two points/ }));
    await user.selectOptions(screen.getByLabelText('From'), 'The text now');
    expect(screen.getByText('Choose two different points to compare.')).toBeTruthy();
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText('From'), 'Zero draft (issued 13 Nov 2026)');
    await user.selectOptions(screen.getByLabelText('To'), 'Rev 1 (issued 18 Nov 2026)');
    expect(submit.dataset.exportUrl).toBe(
      '/api/documents/doc%201/export?format=md&variant=compare&from=revision%3AZero+draft&to=revision%3ARev+1',
    );
  });

  it('downloads the file under the server’s name', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        urls.push(url);
        return Promise.resolve(
          new Response('# OP 1', {
            status: 200,
            headers: { 'content-disposition': 'attachment; filename="L1-compilation.md"' },
          }),
        );
      }),
    );
    // jsdom has no object URLs: lend the two functions for this test only.
    const lent = { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() };
    Object.assign(URL, lent);
    onTestFinished(() => {
      const url = URL as unknown as Partial<typeof lent>;
      delete url.createObjectURL;
      delete url.revokeObjectURL;
    });
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderForm();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download' }));
    await screen.findByText('Saved as L1-compilation.md.');
    expect(urls).toEqual(['/api/documents/doc%201/export?format=docx&variant=compilation']);
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(lent.createObjectURL).toHaveBeenCalledTimes(1);
    clicks.mockRestore();
  });

  it('shows the server’s reason when the export is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ type: 'x/as-of-before-document', detail: 'Rev 9 was never issued' }),
            { status: 422, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      ),
    );
    renderForm();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download' }));
    const shown = await screen.findAllByText(
      'Please check what you entered: Rev 9 was never issued',
    );
    expect(shown.some((e) => e.closest('form') !== null)).toBe(true);
  });
});
