/**
 * A clean text's export model put into one of its language versions, pure: each paragraph's runs
 * become its translation; a paragraph not yet translated prints the language's own "translation
 * missing" mark, and a translation whose original has changed since prints it with the
 * language's "out of date" mark, so a reader is never shown a stale translation as if it were
 * current. Brackets and pending proposals are dropped: they point at the original's words.
 *
 *   const fr = languageVersionModel(await buildDocumentExport(deps, id, clean), version);
 */
import { languageInfo, type LanguageVersion, type UnLanguage } from '@accord/shared';
import { InvalidInputError } from '../application/errors.js';
import type { DocumentExportRequest } from './build.js';
import { exportLabels } from './i18n/index.js';
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from './model.js';

/**
 * The language version an export asks for, or undefined for the original. Translations are kept
 * as they are now, so only the clean text now has a language version: any other variant or point
 * is refused (422) rather than mixing a past original with today's translations.
 */
export function languageVersionRequest(
  request: DocumentExportRequest,
  language: UnLanguage | undefined,
  original: UnLanguage,
): UnLanguage | undefined {
  if (language === undefined || language === original) return undefined;
  if (request.variant !== 'clean' || request.asOf.kind !== 'now')
    throw InvalidInputError.field(
      'language-version-now-only',
      'A language version is exported as the clean text now',
      'query.language',
      'only with variant clean and asOf now',
      'Translations are kept as they are now: export a language version with variant=clean and no asOf (or asOf=now).',
    );
  return language;
}

function translatedRuns(
  paragraph: LanguageVersion['paragraphs'][number] | undefined,
  marks: { missing: string; outOfDate: string },
): Run[] {
  if (!paragraph?.translation || paragraph.status === 'missing')
    return [{ text: marks.missing, kind: 'mark' }];
  const words: Run = { text: paragraph.translation.text };
  return paragraph.status === 'out-of-date'
    ? [words, { text: ` ${marks.outOfDate}`, kind: 'mark' }]
    : [words];
}

export function languageVersionModel(model: ExportModel, version: LanguageVersion): ExportModel {
  const info = languageInfo(version.language);
  const t = exportLabels(model.labels);
  const { counts } = version;
  const marks = { missing: info.missingMark, outOfDate: info.outOfDateMark };
  const byId = new Map(version.paragraphs.map((p) => [p.paragraphId, p]));
  const translate = (blocks: readonly ExportBlock[]): ExportBlock[] =>
    blocks.map((block): ExportBlock => {
      if (block.type === 'section') return { ...block, blocks: translate(block.blocks) };
      if (block.type !== 'paragraph') return block;
      const { negotiation: _brackets, ...rest } = block;
      const translated: ParagraphBlock = {
        ...rest,
        runs: translatedRuns(byId.get(block.id), marks),
        proposals: [],
      };
      return translated;
    });
  // The cover's bracket counts go with the brackets.
  const { counts: _counts, ...rest } = model;
  return {
    ...rest,
    language: version.language,
    subtitle: info.cleanTextTitle,
    metadata: [
      ...model.metadata,
      { label: t('cover.languageVersion'), value: `${info.name} (${info.englishName})` },
      {
        label: t('cover.translated'),
        value: t('cover.translatedCounts', {
          current: counts.current,
          outOfDate: counts.outOfDate,
          missing: counts.missing,
          total: counts.total,
        }),
      },
    ],
    blocks: translate(model.blocks),
    source: { export: model.source ?? null, languageVersion: version },
  };
}
