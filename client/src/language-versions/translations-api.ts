// The language versions' calls, typed by their contracts: the status of every language, one
// language's version beside the original, a paragraph's translation, and the export URL of a
// language version (the clean text now, in that language).
import { exportContracts, translationContracts, type UnLanguage } from '@accord/shared';
import { call, fileUrl } from '../api/call.js';

export type VersionFormat = 'docx' | 'pdf' | 'akn';

export const translationsApi = {
  summary: (documentId: string) =>
    call(translationContracts.getTranslations, { params: { documentId } }),
  version: (documentId: string, language: UnLanguage) =>
    call(translationContracts.getLanguageVersion, { params: { documentId, language } }),
  translate: (
    documentId: string,
    language: UnLanguage,
    paragraphId: string,
    text: string,
    originalFingerprint: string,
  ) =>
    call(translationContracts.translateParagraph, {
      params: { documentId, language, paragraphId },
      body: { text, originalFingerprint },
    }),
  exportUrl: (documentId: string, language: UnLanguage, format: VersionFormat) =>
    fileUrl(exportContracts.exportDocument, {
      params: { documentId },
      query: { format, variant: 'clean', language },
    }),
};
