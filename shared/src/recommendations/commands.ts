// Commands on a `recommendation-<id>` stream. The organisation is never a field: it is the
// actor's own stakeholder, so nobody submits or endorses in another organisation's name.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import { recommendationChangeSchema } from './events.js';
import {
  RECOMMENDATION_PARAGRAPHS_MAX,
  RECOMMENDATION_RATIONALE_MAX,
  RECOMMENDATION_THEME_CHARS_MAX,
  RECOMMENDATION_THEMES_MAX,
  RECOMMENDATION_TITLE_MAX,
  RECOMMENDATION_WORDING_MAX,
} from './limits.js';

/** A theme is a short tag; compared without regard to case once trimmed. */
export const recommendationThemeSchema = labelText(RECOMMENDATION_THEME_CHARS_MAX);

/** What an organisation writes; the server checks the paragraphs belong to the document. */
export const recommendationInputSchema = z
  .strictObject({
    title: labelText(RECOMMENDATION_TITLE_MAX),
    documentId: entityIdSchema.nullable(),
    paragraphIds: z.array(entityIdSchema).max(RECOMMENDATION_PARAGRAPHS_MAX),
    themes: z.array(recommendationThemeSchema).max(RECOMMENDATION_THEMES_MAX),
    change: recommendationChangeSchema,
    proposedText: labelText(RECOMMENDATION_WORDING_MAX),
    rationale: freeText(RECOMMENDATION_RATIONALE_MAX),
  })
  .refine((r) => r.paragraphIds.length > 0 || r.themes.length > 0, {
    message: 'name at least one paragraph or one theme',
    path: ['themes'],
  })
  .refine((r) => r.paragraphIds.length === 0 || r.documentId !== null, {
    message: 'paragraphs belong to a document',
    path: ['documentId'],
  });
export type RecommendationInput = z.infer<typeof recommendationInputSchema>;

export const submitRecommendationSchema = z.strictObject({
  recommendationId: entityIdSchema,
  negotiationId: entityIdSchema,
  recommendation: recommendationInputSchema,
});

export const endorseRecommendationSchema = z.strictObject({ recommendationId: entityIdSchema });
export const withdrawEndorsementSchema = z.strictObject({ recommendationId: entityIdSchema });

export const withdrawRecommendationSchema = z.strictObject({
  recommendationId: entityIdSchema,
  reason: freeText(1000),
});

/** Follows an amendment tabled with this recommendation's id; the actor is its sponsor. */
export const recordRecommendationTakenUpSchema = z.strictObject({
  recommendationId: entityIdSchema,
  amendmentId: entityIdSchema,
  documentId: entityIdSchema,
});

export const recommendationCommandSchemas = {
  SubmitRecommendation: submitRecommendationSchema,
  EndorseRecommendation: endorseRecommendationSchema,
  WithdrawEndorsement: withdrawEndorsementSchema,
  WithdrawRecommendation: withdrawRecommendationSchema,
  RecordRecommendationTakenUp: recordRecommendationTakenUpSchema,
} as const;

export type RecommendationCommand = CommandsOf<typeof recommendationCommandSchemas>;
export type SubmitRecommendation = CommandOf<RecommendationCommand, 'SubmitRecommendation'>;
export type EndorseRecommendation = CommandOf<RecommendationCommand, 'EndorseRecommendation'>;
export type WithdrawEndorsement = CommandOf<RecommendationCommand, 'WithdrawEndorsement'>;
export type WithdrawRecommendation = CommandOf<RecommendationCommand, 'WithdrawRecommendation'>;
export type RecordRecommendationTakenUp = CommandOf<
  RecommendationCommand,
  'RecordRecommendationTakenUp'
>;
