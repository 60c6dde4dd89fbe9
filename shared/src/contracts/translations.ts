// Language versions of a document: the status of each of the five other UN languages, one
// language's version paragraph by paragraph (with the redline of the original where a
// translation is out of date), and the translator's submission of one paragraph.
//
//   GET /api/documents/:documentId/translations
//   GET /api/documents/:documentId/translations/fr
//   PUT /api/documents/:documentId/translations/fr/paragraphs/:paragraphId
import { z } from 'zod';
import { TRANSLATION_TEXT_MAX } from '../language-versions/commands.js';
import { unLanguageSchema } from '../language-versions/languages.js';
import { translationStatuses } from '../language-versions/version.js';
import { entityIdSchema, labelText } from '../schema.js';
import { paragraphKindSchema } from '../vocabulary.js';
import { commandDoneSchema, documentParams, stakeholderRefViewSchema } from './common.js';
import { defineEndpoint } from './endpoint.js';
import { redlineRunSchema } from './next-revision.js';

export const translationCountsSchema = z.object({
  current: z.number().int(),
  outOfDate: z.number().int(),
  missing: z.number().int(),
  total: z.number().int(),
});

const languageSchemaView = z.object({
  language: unLanguageSchema,
  /** The language's name for itself. */
  name: z.string(),
  dir: z.enum(['ltr', 'rtl']),
});

export const translationsSummarySchema = z.object({
  documentId: z.string(),
  original: languageSchemaView,
  /** Every other UN language, with how many paragraphs are current, out of date or missing. */
  languages: z.array(languageSchemaView.extend({ counts: translationCountsSchema })),
  /** Day by day (UTC, at most the last month): paragraphs of each version current at day's end. */
  burndown: z
    .array(
      z.object({
        day: z.string(),
        languages: z.array(
          z.object({
            language: unLanguageSchema,
            current: z.number().int(),
            total: z.number().int(),
          }),
        ),
      }),
    )
    .optional(),
});
export type TranslationsSummary = z.infer<typeof translationsSummarySchema>;

export const versionParagraphViewSchema = z.object({
  paragraphId: z.string(),
  kind: paragraphKindSchema,
  label: z.string().nullable(),
  original: z.object({
    text: z.string(),
    /** Sent back with a translation, so one made against older words is refused (409). */
    fingerprint: z.string(),
  }),
  translation: z
    .object({
      text: z.string(),
      translatedBy: stakeholderRefViewSchema,
      translatedAt: z.string(),
      /** The `doctext-` revision whose words of the original it translates. */
      sourceTextRevision: z.string(),
    })
    .nullable(),
  status: z.enum(translationStatuses),
  /** Out of date only: what changed in the original since the words the translation translates. */
  redline: z.array(redlineRunSchema).nullable(),
});
export type VersionParagraphView = z.infer<typeof versionParagraphViewSchema>;

export const languageVersionViewSchema = z.object({
  documentId: z.string(),
  original: languageSchemaView,
  version: languageSchemaView,
  counts: translationCountsSchema,
  paragraphs: z.array(versionParagraphViewSchema),
});
export type LanguageVersionView = z.infer<typeof languageVersionViewSchema>;

const languageParams = z.object({ documentId: entityIdSchema, language: unLanguageSchema });
const paragraphParams = languageParams.extend({ paragraphId: entityIdSchema });

export const translationContracts = {
  getTranslations: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/translations',
    params: documentParams,
    response: translationsSummarySchema,
  }),
  getLanguageVersion: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/translations/:language',
    params: languageParams,
    response: languageVersionViewSchema,
  }),
  translateParagraph: defineEndpoint({
    method: 'put',
    path: '/documents/:documentId/translations/:language/paragraphs/:paragraphId',
    params: paragraphParams,
    body: z.strictObject({
      text: labelText(TRANSLATION_TEXT_MAX),
      /** The `original.fingerprint` the translator saw. */
      originalFingerprint: z.string().regex(/^[0-9a-f]{1,16}$/),
    }),
    response: commandDoneSchema,
  }),
};
