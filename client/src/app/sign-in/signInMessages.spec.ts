// The sign-in screen's messages are the catalogues' own, cut at build time, and their
// placeholders are filled in without the ICU formatter.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages.en.js';
import { fr } from '../../i18n/messages.fr.js';
import { signInTranslate } from './signInMessages.js';

describe('the sign-in screen’s messages', () => {
  it('are the English catalogue’s, with {detail} filled in', async () => {
    const t = await signInTranslate('en');
    expect(t('signIn.title')).toBe(en['signIn.title']);
    expect(t('error.generic', { detail: 'boom' })).toBe(
      en['error.generic'].replace('{detail}', 'boom'),
    );
  });

  it('follow the reader’s language, loaded on demand', async () => {
    const t = await signInTranslate('fr');
    expect(t('signIn.submit')).toBe(fr['signIn.submit']);
    expect(t('app.tagline')).toBe(fr['app.tagline']);
  });
});
