// The shared cleaning every text boundary applies, checked on chosen cases and on any string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeText, labelText } from './schema.js';
import { cleanLine, cleanText, isCleanText, xmlSafeText } from './text-hygiene.js';

/** Code points a clean text never holds. */
const UNCLEAN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any code point, lone surrogate halves and controls included. */
const nasty = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
    ),
  )
  .map((parts) => parts.join(''));

describe('cleanText', () => {
  it('removes controls, noncharacters and lone surrogates, and keeps tabs and lines', () => {
    expect(cleanText('Decides\u0000 to\u0007 act\u0085\uFFFE\uFDD0\u{10FFFF}')).toBe(
      'Decides to act',
    );
    expect(cleanText('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd\te');
    expect(cleanText('half \uD800 pair \uDC00 whole \u{1F600}')).toBe(
      'half  pair  whole \u{1F600}',
    );
  });

  it('normalises to NFC', () => {
    expect(cleanText('Cote\u0301 d’Ivoire')).toBe('Coté d’Ivoire');
  });

  it('makes one line of a label', () => {
    expect(cleanLine('Title\r\nwith\ta break')).toBe('Title with a break');
  });

  it('leaves any string clean, idempotently', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const clean = cleanText(s);
        expect(UNCLEAN.test(clean)).toBe(false);
        expect(clean.includes('\r')).toBe(false);
        expect(cleanText(clean)).toBe(clean);
        expect(isCleanText(clean)).toBe(true);
        expect(xmlSafeText(clean)).toBe(clean);
      }),
    );
  });
});

describe('the zod text helpers', () => {
  it('clean what a REST body carries', () => {
    expect(freeText(100).parse('Because\u0000\r\nof heat')).toBe('Because\nof heat');
    expect(labelText(100).parse('  Cool\u0007 Cities\n')).toBe('Cool Cities');
  });

  it('refuse a label that is nothing but controls', () => {
    expect(labelText(100).safeParse('\u0000\u0001\r\n').success).toBe(false);
  });
});
