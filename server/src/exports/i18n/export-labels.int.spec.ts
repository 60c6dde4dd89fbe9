// Export labels follow the label language: a French or Arabic export prints its cover, statuses,
// proposals and dates in that language in DOCX, HTML, PDF and Akoma Ntoso, while the document's
// own words and numbering labels (OP 1) stay as written.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDocx, pdfText } from '../../test-support/documents.js';
import type { ExportModel } from '../model.js';
import { renderExportHere } from '../render-here.js';
import { exportLabels, type ExportLanguage } from './index.js';

const AT = '2026-03-04T09:00:00.000Z';
const ME = { author: 'Maranu', authorCode: 'MRU', date: AT };

function model(labels: ExportLanguage, language = 'en'): ExportModel {
  const t = exportLabels(labels);
  return {
    variant: 'compilation',
    title: 'Cool Cities Compact',
    symbol: 'A/CONF.1/L.1',
    subtitle: t('variant.compilation'),
    metadata: [
      { label: t('cover.symbol'), value: 'A/CONF.1/L.1', kind: 'symbol' },
      { label: t('cover.pending'), value: '1' },
      { label: t('cover.generated'), value: AT, kind: 'instant' },
    ],
    generatedAt: AT,
    language,
    labels,
    blocks: [
      {
        type: 'paragraph',
        id: 'p1',
        eId: 'para_p1',
        kind: 'operative',
        label: 'OP 1',
        chairStatus: 'agreed-ad-ref',
        runs: [{ text: 'Decides to convene a review.' }],
        proposals: [
          {
            id: 'a1',
            eId: 'amdt_a1',
            kind: 'replace',
            sponsors: [ME],
            originalText: 'review',
            proposedText: 'summit',
            rationale: '',
            chairsCompromise: false,
            option: null,
            placed: true,
          },
        ],
      },
    ],
  };
}

/** What each format says, as text to search. */
async function rendered(m: ExportModel): Promise<Record<'docx' | 'html' | 'pdf' | 'akn', string>> {
  const file = async (format: 'docx' | 'html' | 'pdf' | 'akn') =>
    (await renderExportHere(m, format)).bytes;
  const pdf = await file('pdf');
  const docx = await file('docx');
  // ACCORD_KEEP_PDF=/tmp/labels keeps the files, to look at them as images.
  const keep = process.env.ACCORD_KEEP_PDF;
  if (keep) {
    writeFileSync(`${keep}-${m.labels}.pdf`, pdf);
    writeFileSync(`${keep}-${m.labels}.docx`, docx);
  }
  return {
    docx: await (await openDocx(docx)).part('word/document.xml'),
    html: (await file('html')).toString('utf8'),
    pdf: (await pdfText(pdf)).replace(/\s+/g, ' '),
    akn: (await file('akn')).toString('utf8'),
  };
}

describe('export labels', () => {
  it('are French in every format of a French export', async () => {
    const files = await rendered(model('fr'));
    for (const [format, text] of Object.entries(files)) {
      expect(text, format).toContain('Propositions en attente');
      expect(text, format).toContain('4 mars 2026');
      expect(text, format).toContain('OP 1');
      expect(text, format).not.toContain('Pending proposals');
    }
    for (const format of ['docx', 'html', 'pdf'] as const) {
      expect(files[format], format).toContain('convenu ad referendum');
      expect(files[format], format).toContain('remplacer');
    }
    expect(files.akn).toContain('Remplacer');
    expect(files.akn).toContain('Proposition de');
  });

  it('are Arabic in every format of an Arabic export', async () => {
    const files = await rendered(model('ar', 'ar'));
    const words = ['المقترحات', 'المعلّقة', 'مارس', '2026'];
    for (const [format, text] of Object.entries(files)) {
      for (const word of words) expect(text, `${format}: ${word}`).toContain(word);
      expect(text, format).not.toContain('Pending proposals');
    }
    for (const format of ['docx', 'html'] as const) {
      expect(files[format], format).toContain('متفق عليه بشرط الاستشارة');
      expect(files[format], format).toContain('الاستعاضة عن');
    }
    expect(files.pdf).toContain('الاستعاضة');
    expect(files.akn).toContain('مقترح من');
    expect(files.html).toContain('dir="rtl"');
  });

  it('stay English when no language is asked, with the date as before', async () => {
    const { html } = await rendered(model('en'));
    expect(html).toContain('Pending proposals');
    expect(html).toContain('4 March 2026, 09:00 UTC');
    expect(html).toContain('agreed ad ref');
  });
});
