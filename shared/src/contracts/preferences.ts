// The signed-in person's own settings kept on their account, so every device they sign in from
// follows them. For now: the interface language.
import { z } from 'zod';
import { uiLanguageSchema } from '../i18n/languages.js';
import { defineEndpoint } from './endpoint.js';

export const languagePreferenceSchema = z.object({ language: uiLanguageSchema });
export type LanguagePreference = z.infer<typeof languagePreferenceSchema>;

export const preferenceContracts = {
  setLanguage: defineEndpoint({
    method: 'put',
    path: '/me/language',
    body: z.strictObject({ language: uiLanguageSchema }),
    response: languagePreferenceSchema,
  }),
};
