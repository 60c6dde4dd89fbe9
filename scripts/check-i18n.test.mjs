// The rules of check:i18n on a small fixture: a sound set passes, and each kind of mistake (a
// key removed, a key added, broken ICU, other parameters, an unused key, a stale allow-list
// entry, a missing language) is reported. Run with `node --test scripts/check-i18n.test.mjs`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCatalogueSet, icuParameters } from './check-i18n-core.mjs';

const en = {
  'greeting.hello': 'Hello {name}',
  'items.count': '{count, plural, =0 {no item} one {# item} other {# items}}',
  'role.chair': 'Chair',
};
const translated = (overrides = {}) => ({ ...en, ...overrides });
const soundSet = () => ({
  name: 'fixture',
  catalogues: {
    en,
    fr: translated({ 'greeting.hello': 'Bonjour {name}' }),
    es: translated(),
    ar: translated(),
    zh: translated(),
    ru: translated(),
  },
  sources: ["t('greeting.hello', { name }); t('items.count', { count });", 't(`role.${role}`)'],
  dynamicPrefixes: [{ prefix: 'role.', reason: 'roles' }],
});

describe('check:i18n', () => {
  it('accepts a complete, consistent set', () => {
    assert.deepEqual(checkCatalogueSet(soundSet()), []);
  });

  it('fails when a translation lacks a key', () => {
    const set = soundSet();
    const { ['items.count']: _removed, ...withoutKey } = set.catalogues.es;
    set.catalogues.es = withoutKey;
    assert.deepEqual(checkCatalogueSet(set), ['fixture es: missing key items.count']);
  });

  it('fails when a translation has a key English does not', () => {
    const set = soundSet();
    set.catalogues.zh = translated({ 'greeting.bye': '再见' });
    assert.deepEqual(checkCatalogueSet(set), ['fixture zh: key greeting.bye is not in English']);
  });

  it('fails on invalid ICU and on parameters that differ from English', () => {
    const set = soundSet();
    set.catalogues.ru = translated({
      'greeting.hello': 'Здравствуйте, {имя',
      'items.count': '{count, plural, one {# предмет} other {# предметов}} {extra}',
    });
    const problems = checkCatalogueSet(set);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^fixture ru greeting\.hello: not valid ICU/);
    assert.equal(problems[1], 'fixture ru items.count: parameters count, extra, English has count');
  });

  it('fails when an English key is not used, or an allow-listed prefix is stale', () => {
    const set = soundSet();
    set.sources = ["t('greeting.hello', { name });"];
    assert.deepEqual(checkCatalogueSet(set), [
      'fixture: allow-listed prefix role. is no longer built in the code',
      'fixture: key items.count is never used',
    ]);
  });

  it('fails when a language has no catalogue', () => {
    const set = soundSet();
    delete set.catalogues.ar;
    assert.deepEqual(checkCatalogueSet(set), ['fixture: no catalogue for ar (messages.ar.ts)']);
  });

  it('reads parameters at any depth and not `#`', () => {
    assert.deepEqual(
      [...icuParameters('{n, plural, one {{who} and # more} other {#}} {d, date, short}')].sort(),
      ['d', 'n', 'who'],
    );
  });
});
