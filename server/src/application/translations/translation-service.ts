/**
 * Language versions as the edges use them: the status of every other UN language, one
 * language's version beside the original as it reads now, and a translator's submission of one
 * paragraph. A submission names the original's fingerprint the translator saw; if the original
 * has changed since, it is refused (409 `original-changed`) rather than recorded as translating
 * words it never saw. The server, not the client, records which words and text revision the
 * translation translates.
 *
 *   await translations.translate({ documentId, language: 'fr', paragraphId, text, originalFingerprint }, meta);
 *   (await translations.version(documentId, 'fr')).counts   // { current, outOfDate, missing, total }
 */
import {
  languageInfo,
  languageVersion,
  ORIGINAL_LANGUAGE,
  targetLanguages,
  textFingerprint,
  translationCounts,
  type CommandMeta,
  type LanguageVersion,
  type LanguageVersionView,
  type TranslationsSummary,
  type UnLanguage,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { stakeholderRefs } from '../stakeholder-refs.js';
import type { DocumentText } from '../ports.js';
import { translationsNow } from './translations-record.js';

export interface TranslateInput {
  documentId: string;
  language: UnLanguage;
  paragraphId: string;
  text: string;
  originalFingerprint: string;
}

export interface TranslationService {
  summary(documentId: string): Promise<TranslationsSummary>;
  view(documentId: string, language: UnLanguage): Promise<LanguageVersionView>;
  /** The version as the domain computes it (for exports). */
  version(documentId: string, language: UnLanguage): Promise<LanguageVersion>;
  translate(input: TranslateInput, meta: CommandMeta): Promise<{ position: bigint | undefined }>;
}

const languageView = (language: UnLanguage) => {
  const { name, dir } = languageInfo(language);
  return { language, name, dir };
};

function assertTarget(language: UnLanguage): void {
  if (language === ORIGINAL_LANGUAGE)
    throw InvalidInputError.field(
      'original-language',
      'This is the original’s language',
      'params.language',
      'the original is not translated into its own language',
      `The original is in ${languageInfo(language).englishName}; choose one of ${targetLanguages().join(', ')}.`,
    );
}

export function createTranslationService(deps: {
  commands: CommandService;
  store: EventStore;
  text: Pick<DocumentText, 'paragraphs' | 'textRevision'>;
  queries: Pick<ReadModelQueries, 'getDocument' | 'listStakeholders'>;
}): TranslationService {
  const documentOf = (documentId: string) => {
    const document = deps.queries.getDocument(documentId);
    if (!document) throw new NotFoundError('Document not found');
    return document;
  };

  const version = async (documentId: string, language: UnLanguage) => {
    documentOf(documentId);
    assertTarget(language);
    const [paragraphs, state] = await Promise.all([
      deps.text.paragraphs(documentId),
      translationsNow(deps.store, documentId),
    ]);
    return languageVersion(paragraphs, state, language);
  };

  return {
    async summary(documentId) {
      documentOf(documentId);
      const [paragraphs, state] = await Promise.all([
        deps.text.paragraphs(documentId),
        translationsNow(deps.store, documentId),
      ]);
      return {
        documentId,
        original: languageView(ORIGINAL_LANGUAGE),
        languages: translationCounts(paragraphs, state, targetLanguages()).map((c) => ({
          ...languageView(c.language),
          counts: c.counts,
        })),
      };
    },

    version,

    async view(documentId, language) {
      const document = documentOf(documentId);
      const computed = await version(documentId, language);
      const ref = stakeholderRefs(deps.queries.listStakeholders(document.negotiationId));
      return {
        documentId,
        original: languageView(ORIGINAL_LANGUAGE),
        version: languageView(language),
        counts: computed.counts,
        paragraphs: computed.paragraphs.map((p) => ({
          paragraphId: p.paragraphId,
          kind: p.kind,
          label: p.label,
          original: { text: p.original, fingerprint: textFingerprint(p.original) },
          translation: p.translation && {
            text: p.translation.text,
            translatedBy: ref(p.translation.translatedBy.stakeholderId),
            translatedAt: p.translation.translatedAt,
            sourceTextRevision: p.translation.source.textRevision,
          },
          status: p.status,
          redline: p.redline && p.redline.map(({ op, text }) => ({ op, text })),
        })),
      };
    },

    async translate(input, meta) {
      const { documentId, language, paragraphId, text, originalFingerprint } = input;
      documentOf(documentId);
      assertTarget(language);
      const paragraph = (await deps.text.paragraphs(documentId)).find((p) => p.id === paragraphId);
      // Read right after the words: their revision unless an edit landed in between. Only a
      // link for readers; whether a translation is current compares words, never revisions.
      const revision = await deps.text.textRevision(documentId);
      if (!paragraph)
        throw new NotFoundError('Paragraph not found', { code: 'paragraph-not-found' });
      if (textFingerprint(paragraph.text) !== originalFingerprint)
        throw new ConflictError('original-changed', 'The original paragraph has changed', {
          detail:
            'The original was edited after you loaded it. Reload the paragraph, see what changed, and translate it again.',
          extensions: { original: paragraph.text },
        });
      const result = await deps.commands.execute({
        type: 'TranslateParagraph',
        data: {
          documentId,
          language,
          paragraphId,
          text,
          source: { text: paragraph.text, textRevision: (revision ?? 0n).toString() },
        },
        meta,
      });
      return { position: result.position };
    },
  };
}
