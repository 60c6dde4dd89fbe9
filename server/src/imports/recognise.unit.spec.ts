import { describe, expect, it } from 'vitest';
import { openingOf, stripTypedLabel } from './recognise.js';
import { zipEntryNames } from './zip-check.js';
import { DraftImportError } from './draft-model.js';

describe('openingOf', () => {
  it.each([
    ['Recalling its resolution 70/1,', 'preambular', 'Recalling'],
    ['Noting with concern that…,', 'preambular', 'Noting'],
    ['Deeply concerned about…,', 'preambular', 'Deeply concerned'],
    ['Bearing in mind that…,', 'preambular', 'Bearing'],
    ['Mindful of…,', 'preambular', 'Mindful'],
    ['Decides to convene…;', 'operative', 'Decides'],
    ['Further requests the Secretary-General…;', 'operative', 'Further requests'],
    ['Stresses the need…;', 'operative', 'Stresses'],
    ['Calls upon States…;', 'operative', 'Calls'],
    ['Takes note of the report;', 'operative', 'Takes'],
    ['We commit to…;', 'operative', 'We commit'],
    ['Commit to establish…;', 'operative', 'Commit'],
  ])('“%s” opens a %s paragraph', (text, kind, words) => {
    expect(openingOf(text)).toEqual({ kind, words });
  });

  it.each([
    'alert thresholds agreed jointly;',
    'The General Assembly,',
    'Heat action plans',
    'noting, in lower case, is not an opening,',
  ])('“%s” says nothing by its opening', (text) => {
    expect(openingOf(text)).toBeUndefined();
  });
});

describe('stripTypedLabel', () => {
  it.each([
    ['1. Decides', 'Decides', '1.', 'number'],
    ['12) Decides', 'Decides', '12)', 'number'],
    ['(a) early warnings;', 'early warnings;', '(a)', 'subparagraph'],
    ['(iv) a fourth point;', 'a fourth point;', '(iv)', 'subparagraph'],
    ['b) a second point;', 'a second point;', 'b)', 'subparagraph'],
    ['PP 3 Recalling', 'Recalling', 'PP 3', 'preambular'],
    ['OP 12. Decides', 'Decides', 'OP 12.', 'operative'],
    ['OP 12 (b) early warnings', 'early warnings', 'OP 12 (b)', 'subparagraph'],
    ['op.4: Urges', 'Urges', 'op.4:', 'operative'],
  ])('takes “%s” apart', (text, rest, raw, kind) => {
    expect(stripTypedLabel(text)).toEqual({ text: rest, label: { raw, kind } });
  });

  it.each(['2030 is the year', 'A. Introduction', 'Operative words', '(Note) not a letter'])(
    'leaves “%s” alone',
    (text) => {
      expect(stripTypedLabel(text)).toEqual({ text });
    },
  );
});

describe('zipEntryNames', () => {
  it('refuses bytes that are not a zip archive', () => {
    expect(() => zipEntryNames(Buffer.from('PK'))).toThrow(DraftImportError);
    expect(() => zipEntryNames(Buffer.from('%PDF-1.7'))).toThrow(/not a zip archive/);
  });
});
