import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ToastProvider } from '../ui/toasts.js';
import { ImportForm } from './ImportForm.js';
import type { ImportReport } from './imports.js';
import { DOCX_TYPE, MARKDOWN_TYPE, uploadType } from './upload.js';

const report: ImportReport = {
  format: 'markdown',
  bytes: 420,
  counts: { heading: 1, preambular: 2, operative: 3, subparagraph: 1, total: 7 },
  found: { title: 'Heat compact', symbol: null },
  paragraphs: [
    {
      index: 0,
      kind: 'heading',
      label: null,
      recognisedBy: 'style',
      evidence: 'heading level 2',
      excerpt: 'Commitments',
    },
    {
      index: 1,
      kind: 'operative',
      label: 'OP 1',
      recognisedBy: 'numbering',
      evidence: 'typed “1.”',
      numberingRemoved: '1.',
      excerpt: 'Decides to',
    },
  ],
  warnings: [{ code: 'table-dropped', message: 'A table was left out.', at: 1 }],
};

function renderForm() {
  return render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <ToastProvider>
        <MemoryRouter>
          <ImportForm negotiationId="n1" />
        </MemoryRouter>
      </ToastProvider>
    </I18nProvider>,
  );
}

type Call = { url: string; type: string | null; body: unknown };
function stubFetch(answers: Response[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, type: new Headers(init.headers).get('content-type'), body: init.body });
      return Promise.resolve(answers.shift()!);
    }),
  );
  return calls;
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

afterEach(() => vi.unstubAllGlobals());

describe('importing a draft', () => {
  it('sends Word and Markdown files with the content type the server reads', () => {
    expect(uploadType({ name: 'Zero draft.DOCX', type: '' })).toBe(DOCX_TYPE);
    expect(uploadType({ name: 'draft.md', type: '' })).toBe(MARKDOWN_TYPE);
  });

  it('checks the file first, shows the report, then imports it and links to the new draft', async () => {
    const calls = stubFetch([
      json({ report }),
      json({ report, documentId: 'doc-9', position: '12' }, 201),
    ]);
    renderForm();
    const user = userEvent.setup();
    const file = new File(['## Commitments\n\n1. Decides to…'], 'draft.md', { type: '' });
    await user.upload(screen.getByLabelText('Draft file (.docx or .md)'), file);
    await user.type(screen.getByLabelText('Symbol'), 'A/HEAT/1');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    await screen.findByRole('heading', { name: 'What was recognised' });
    const counts = screen.getByRole('list', { name: 'Paragraphs by kind' });
    expect(counts.textContent).toContain('1 heading');
    expect(counts.textContent).toContain('2 PPs');
    expect(counts.textContent).toContain('3 OPs');
    expect(counts.textContent).toContain('1 sub-paragraph');
    expect(counts.textContent).toContain('7 paragraphs in all');
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(screen.getByText(/A table was left out\./).textContent).toContain('OP 1');
    expect(screen.getByText(/title in the draft: “Heat compact”/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Import as a new document' }));
    await screen.findByText('A new document with 7 paragraphs was created.');
    expect(screen.getByRole('link', { name: 'Open the new draft' }).getAttribute('href')).toBe(
      '/negotiations/n1/documents/doc-9',
    );
    expect(calls.map((c) => [c.url, c.type])).toEqual([
      ['/api/negotiations/n1/imports?symbol=A%2FHEAT%2F1&mode=formal&dryRun=true', MARKDOWN_TYPE],
      ['/api/negotiations/n1/imports?symbol=A%2FHEAT%2F1&mode=formal&dryRun=false', MARKDOWN_TYPE],
    ]);
    expect(calls[0]!.body).toBe(file);
  });

  it('says plainly why a file was refused, and offers no import of it', async () => {
    stubFetch([
      json(
        {
          type: 'x/corrupt-docx',
          title: 'Not a Word file',
          detail: 'The file is not a DOCX (zip) archive.',
        },
        422,
      ),
    ]);
    renderForm();
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('Draft file (.docx or .md)'),
      new File(['not a zip'], 'draft.docx'),
    );
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const shown = await screen.findAllByText(
      'Please check what you entered: The file is not a DOCX (zip) archive.',
    );
    expect(shown.some((e) => e.closest('form') !== null)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Import as a new document' })).toBeNull();
  });
});
