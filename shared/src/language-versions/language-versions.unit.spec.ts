import { describe, expect, it } from 'vitest';
import { Forbidden, foldEvents, Invalid } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { TranslationCommand } from './commands.js';
import { translationsDecider } from './decider.js';
import type { TranslationEvent } from './events.js';
import { textFingerprint } from './fingerprint.js';
import { targetLanguages } from './languages.js';
import { languageVersion, translationCounts, type OriginalParagraph } from './version.js';

const spec = DeciderSpecification.for(translationsDecider);

const documentId = uuid(2);
const P1 = uuid(301);
const P2 = uuid(302);
const secretariat = actor(uuid(104), uuid(16), 'secretariat');
const chair = actor(uuid(106), uuid(17), 'chair');
const delegate = actor(uuid(101), uuid(12), 'delegate');
const observer = actor(uuid(107), uuid(15), 'observer');

const ORIGINAL_V1 = 'Commit to protect outdoor workers from extreme heat.';
const ORIGINAL_V2 = 'Commit to protect all outdoor workers from extreme heat.';
const FRENCH_V1 = 'S’engager à protéger les travailleurs de plein air contre la chaleur extrême.';
const FRENCH_V2 =
  'S’engager à protéger tous les travailleurs de plein air contre la chaleur extrême.';

const translate = (text: string, source: string, by = secretariat, language = 'fr' as const) =>
  ({
    type: 'TranslateParagraph',
    data: {
      documentId,
      language,
      paragraphId: P1,
      text,
      source: { text: source, textRevision: '4' },
    },
    meta: metaFor(by),
  }) as TranslationCommand;

const translated = (
  text: string,
  source: string,
  translatedAt = NOW,
): EventOf<TranslationEvent, 'ParagraphTranslated'> => ({
  type: 'ParagraphTranslated',
  data: {
    documentId,
    language: 'fr',
    paragraphId: P1,
    text,
    source: { text: source, textRevision: '4' },
    translatedBy: { userId: secretariat.userId, stakeholderId: secretariat.stakeholderId },
    translatedAt,
  },
});

const original = (p1: string): OriginalParagraph[] => [
  { id: P1, kind: 'operative', text: p1 },
  { id: P2, kind: 'operative', text: 'Invite cities to publish heat action plans.' },
];

describe('translating a paragraph', () => {
  it('records the translation with the original words it translates', () => {
    spec
      .given([])
      .when(translate(FRENCH_V1, ORIGINAL_V1))
      .then([translated(FRENCH_V1, ORIGINAL_V1)]);
  });

  it('is the secretariat’s and the chair’s work, not a delegation’s nor an observer’s', () => {
    spec
      .given([])
      .when(translate(FRENCH_V1, ORIGINAL_V1, chair))
      .then([
        {
          ...translated(FRENCH_V1, ORIGINAL_V1),
          data: {
            ...translated(FRENCH_V1, ORIGINAL_V1).data,
            translatedBy: { userId: chair.userId, stakeholderId: chair.stakeholderId },
          },
        },
      ]);
    for (const who of [delegate, observer])
      spec
        .given([])
        .when(translate(FRENCH_V1, ORIGINAL_V1, who))
        .thenThrows(Forbidden, (e) => e.reason === 'not-allowed:translation.edit');
  });

  it('refuses a translation into the original’s own language', () => {
    spec
      .given([])
      .when(translate('Commit…', ORIGINAL_V1, secretariat, 'en' as 'fr'))
      .thenThrows(Invalid, (e) => e.reason === 'original-language');
  });

  it('changes nothing when the same words are submitted again for the same original', () => {
    spec
      .given([translated(FRENCH_V1, ORIGINAL_V1)])
      .when(translate(FRENCH_V1, ORIGINAL_V1))
      .thenNothingHappens();
  });
});

describe('a language version', () => {
  it('is current while the original reads as it was translated, missing where nothing is', () => {
    const state = foldEvents(translationsDecider, [translated(FRENCH_V1, ORIGINAL_V1)]);
    const version = languageVersion(original(ORIGINAL_V1), state, 'fr');
    expect(version.paragraphs.map((p) => [p.label, p.status])).toEqual([
      ['OP 1', 'current'],
      ['OP 2', 'missing'],
    ]);
    expect(version.counts).toEqual({ current: 1, outOfDate: 0, missing: 1, total: 2 });
    expect(version.paragraphs[0]!.redline).toBeNull();
  });

  it('goes out of date when the original changes, with the redline of what changed', () => {
    const state = foldEvents(translationsDecider, [translated(FRENCH_V1, ORIGINAL_V1)]);
    const [p1] = languageVersion(original(ORIGINAL_V2), state, 'fr').paragraphs;
    expect(p1!.status).toBe('out-of-date');
    expect(p1!.translation?.text).toBe(FRENCH_V1);
    const changed = p1!.redline!.filter((r) => r.op !== 'equal').map((r) => [r.op, r.text]);
    expect(changed).toEqual([['insert', 'all ']]);
    // The redline spells both wordings of the original.
    expect(
      p1!
        .redline!.filter((r) => r.op !== 'delete')
        .map((r) => r.text)
        .join(''),
    ).toBe(ORIGINAL_V2);
  });

  it('is current again once re-translated against the new original', () => {
    const given = [translated(FRENCH_V1, ORIGINAL_V1)];
    const events = translationsDecider.decide(
      translate(FRENCH_V2, ORIGINAL_V2),
      foldEvents(translationsDecider, given),
    );
    expect(events).toHaveLength(1);
    const state = foldEvents(translationsDecider, [...given, ...events]);
    const [p1] = languageVersion(original(ORIGINAL_V2), state, 'fr').paragraphs;
    expect(p1!.status).toBe('current');
    expect(p1!.translation?.text).toBe(FRENCH_V2);
  });

  it('counts every other UN language, each on its own', () => {
    const state = foldEvents(translationsDecider, [
      translated(FRENCH_V1, ORIGINAL_V1, at('09:00')),
    ]);
    const counts = translationCounts(original(ORIGINAL_V2), state, targetLanguages());
    expect(counts.map((c) => c.language)).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
    expect(counts.find((c) => c.language === 'fr')!.counts).toEqual({
      current: 0,
      outOfDate: 1,
      missing: 1,
      total: 2,
    });
    expect(counts.find((c) => c.language === 'ar')!.counts.missing).toBe(2);
  });
});

describe('textFingerprint', () => {
  it('tells two wordings apart and is stable', () => {
    expect(textFingerprint(ORIGINAL_V1)).toBe(textFingerprint(ORIGINAL_V1));
    expect(textFingerprint(ORIGINAL_V1)).not.toBe(textFingerprint(ORIGINAL_V2));
    expect(textFingerprint('')).toMatch(/^[0-9a-f]{14}$/);
  });
});
