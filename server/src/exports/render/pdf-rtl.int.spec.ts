// The PDF sets Arabic right to left: read back with pdf.js, each line's words taken from right to
// left give the paragraph's words in their logical order, Latin words and numbers inside an
// Arabic line keep their own order, and the cover's labels are in the export's language.
import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ExportModel } from '../model.js';
import { renderPdf } from './pdf.js';
import { visualOrder } from './pdf-bidi.js';

const ARABIC =
  'إن الدول الأعضاء، إذ تدرك أن موجات الحر تزداد تواترا وشدة في المدن، وإذ تلاحظ أن الفقرة 3 من القرار تدعو إلى العمل، تقرر إنشاء منصة عالمية للتكيف مع الحرارة الحضرية وتطلب من الأمين العام تقديم تقرير.';
const MIXED = 'تدعو منظمة WHO Europe والبرنامج UNEP إلى دعم المنصة';

const model: ExportModel = {
  variant: 'clean',
  title: 'الميثاق العالمي للمدن الباردة',
  symbol: 'A/CONF.1/L.1',
  subtitle: 'النص النظيف',
  metadata: [{ label: 'الرمز', value: 'A/CONF.1/L.1', kind: 'symbol' }],
  generatedAt: '2026-03-04T09:00:00.000Z',
  language: 'ar',
  labels: 'ar',
  blocks: [
    {
      type: 'paragraph',
      id: 'p1',
      eId: 'p1',
      kind: 'operative',
      label: 'OP 1',
      chairStatus: 'open',
      runs: [{ text: ARABIC }],
      proposals: [],
    },
    {
      type: 'paragraph',
      id: 'p2',
      eId: 'p2',
      kind: 'operative',
      label: 'OP 2',
      chairStatus: 'agreed-ad-ref',
      runs: [{ text: MIXED }],
      proposals: [],
    },
  ],
};

interface Item {
  str: string;
  x: number;
  y: number;
}

async function textItems(bytes: Uint8Array): Promise<Item[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await pdf.getPage(1);
    const content = await page.getTextContent();
    return content.items.flatMap((item) =>
      'str' in item && item.str.trim()
        ? [
            {
              str: item.str.trim(),
              x: item.transform[4] as number,
              y: Math.round(item.transform[5] as number),
            },
          ]
        : [],
    );
  } finally {
    await pdf.destroy();
  }
}

/** The words of each line, right to left, lines from the top down. */
function rightToLeftLines(items: Item[]): string[] {
  const ys = [...new Set(items.map((i) => i.y))].sort((a, b) => b - a);
  return ys.map((y) =>
    items
      .filter((i) => i.y === y)
      .sort((a, b) => b.x - a.x)
      .map((i) => i.str)
      .join(' '),
  );
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe('the PDF in Arabic', () => {
  it('puts the words of each line in right-to-left order, Latin runs in their own order', async () => {
    const bytes = await renderPdf(model);
    if (process.env.ACCORD_KEEP_PDF) writeFileSync(process.env.ACCORD_KEEP_PDF, bytes);
    const lines = rightToLeftLines(await textItems(bytes));
    console.log(lines);
    const all = lines.join(' ');
    expect(all).toContain(words(ARABIC));
  });

  it('orders a mixed line as the bidirectional algorithm does, word by word', () => {
    const pieces = ['تدعو', ' ', 'WHO', ' ', 'Europe', ' ', 'والبرنامج'];
    // Left to right on the page: the last Arabic word, then the Latin words in their order.
    expect(visualOrder(pieces, 'rtl').map((i) => pieces[i])).toEqual([
      'والبرنامج',
      ' ',
      'WHO',
      ' ',
      'Europe',
      ' ',
      'تدعو',
    ]);
    expect(visualOrder(['Hello', ' ', 'مرحبا', ' ', 'بكم'], 'ltr')).toEqual([0, 1, 4, 3, 2]);
  });
});
