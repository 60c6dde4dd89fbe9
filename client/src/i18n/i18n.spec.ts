import { compileIcu } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { formatMessage } from './format.js';
import { createI18n } from './i18n.js';
import { pickLanguage, textDirection } from './locales.js';
import { en } from './messages.en.js';

describe('the message catalogue', () => {
  it('fills placeholders and picks plural forms by count', () => {
    const i18n = createI18n({ preferred: ['en-GB'], timeZone: 'UTC' });
    expect(i18n.t('positions.objections', { count: 1 })).toBe('1 objection');
    expect(i18n.t('positions.objections', { count: 3 })).toBe('3 objections');
    expect(i18n.t('document.pending', { count: 0 })).toBe('no pending amendment');
    expect(i18n.t('chair.issueRevision', { label: 'Rev 2' })).toBe('Issue Rev 2');
    expect(i18n.t('role.civil-society')).toBe('Civil society');
  });

  it('formats numbers in messages for the locale and leaves unknown placeholders visible', () => {
    expect(
      formatMessage('fr-FR', '{count, plural, one {# jour} other {# jours}}', { count: 1500 }),
    ).toBe('1\u202f500 jours');
    expect(formatMessage('en', 'Hello {name}')).toBe('Hello {name}');
  });

  it('is valid ICU MessageFormat throughout', () => {
    for (const [key, message] of Object.entries(en)) {
      expect(() => compileIcu('en', message), key).not.toThrow();
    }
  });

  it('has no empty message', () => {
    for (const [key, message] of Object.entries(en)) expect(message.trim(), key).not.toBe('');
  });
});

describe('languages and directions', () => {
  it('lays Arabic out right to left and the other UN languages left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh-Hans']) expect(textDirection(lang)).toBe('ltr');
  });

  it('uses a catalogue the browser prefers when there is one, else English', () => {
    expect(pickLanguage(['de-CH', 'en-GB'])).toBe('en');
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage(['de-CH', 'ar-EG', 'en'])).toBe('ar');
  });

  it('formats dates in the user’s locale and time zone', () => {
    const geneva = createI18n({ preferred: ['en-GB'], timeZone: 'Europe/Zurich' });
    const newYork = createI18n({ preferred: ['en-US'], timeZone: 'America/New_York' });
    const at = '2026-11-23T21:05:00.000Z';
    expect(geneva.formatDateTime(at)).toBe('23 Nov 2026, 22:05');
    expect(newYork.formatDateTime(at)).toBe('Nov 23, 2026, 4:05 PM');
    expect(geneva.formatRelative('2026-11-23T21:00:00.000Z', new Date(at))).toBe('5 minutes ago');
  });
});
