import { describe, expect, it } from 'vitest';
import { formatIcu, icuParameters } from './icu.js';
import type { IcuParamNames, IcuParamsOf } from './icu-types.js';
import { nativeLanguageNames, pickUiLanguage, textDirection, unLanguages } from './languages.js';

describe('ICU messages', () => {
  it('picks plural forms by the locale’s rules and formats numbers for it', () => {
    const days = '{count, plural, one {# jour} other {# jours}}';
    expect(formatIcu('fr-FR', days, { count: 1 })).toBe('1 jour');
    expect(formatIcu('fr-FR', days, { count: 1500 })).toBe('1\u202f500 jours');
    const agreed = '{count, plural, =0 {none agreed} one {# agreed} other {# agreed}}';
    expect(formatIcu('en', agreed, { count: 0 })).toBe('none agreed');
    // Russian has more forms than English; CLDR picks them.
    const ru =
      '{count, plural, one {# поправка} few {# поправки} many {# поправок} other {# поправки}}';
    expect(formatIcu('ru', ru, { count: 3 })).toBe('3 поправки');
    expect(formatIcu('ru', ru, { count: 5 })).toBe('5 поправок');
  });

  it('leaves a parameter nobody gave visible instead of throwing', () => {
    expect(formatIcu('en', 'Hello {name}')).toBe('Hello {name}');
  });

  it('treats angle brackets as text', () => {
    expect(formatIcu('en', 'a <b>bold</b> {x}', { x: 1 })).toBe('a <b>bold</b> 1');
  });

  it('lists the parameters at every depth, not `#`', () => {
    const message =
      '{count, plural, one {{people} appointed chair} other {# by {people} on {date}}}';
    expect([...icuParameters(message)].sort()).toEqual(['count', 'date', 'people']);
  });

  it('reads the same parameters at compile time', () => {
    const _nested =
      '{count, plural, one {{people} chair} other {# by {people}}} at {time}' as const;
    const names: IcuParamNames<typeof _nested>[] = ['count', 'people', 'time'];
    const params: IcuParamsOf<typeof _nested> = { count: 2, people: 'A', time: 'now' };
    // @ts-expect-error a plural count must be a number
    const wrong: IcuParamsOf<typeof _nested> = { count: 'two', people: 'A', time: 'now' };
    const none: [IcuParamNames<'No parameter here.'>] extends [never] ? true : false = true;
    const formatted: IcuParamNames<'{n, number, percent} of {total}'>[] = ['n', 'total'];
    expect([names, params, wrong, none, formatted]).toHaveLength(5);
  });
});

describe('the six languages', () => {
  it('names each in its own script and lays Arabic out right to left', () => {
    expect(unLanguages.map((l) => nativeLanguageNames[l])).toEqual([
      'العربية',
      '中文',
      'English',
      'Français',
      'Русский',
      'Español',
    ]);
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('zh-Hans')).toBe('ltr');
  });

  it('picks the first preferred language that is available, else English', () => {
    expect(pickUiLanguage(['de-CH', 'fr-CH', 'en'])).toBe('fr');
    expect(pickUiLanguage(['ar-EG'], ['en', 'fr'])).toBe('en');
    expect(pickUiLanguage([])).toBe('en');
  });
});
