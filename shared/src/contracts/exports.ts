// Exports of a document as a file: clean text, compilation text or a comparison of two points, in
// DOCX, PDF, HTML, Markdown, Akoma Ntoso or JSON, now or as of any point.
//
//   GET /api/documents/:documentId/export?format=docx&variant=compilation&asOf=revision:Rev 1
import { z } from 'zod';
import { unLanguageSchema } from '../language-versions/languages.js';
import { asOfSchema } from './as-of.js';
import { documentParams } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const exportFormats = ['docx', 'pdf', 'html', 'md', 'akn', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportVariants = ['clean', 'compilation', 'compare'] as const;
export type ExportVariant = (typeof exportVariants)[number];

export const exportContracts = {
  exportDocument: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/export',
    params: documentParams,
    // Format and variant are checked by the server's export request parser, so an unknown one
    // gets its own 400 problem naming the choices rather than a generic validation error.
    query: z.object({
      format: z
        .string()
        .max(40)
        .optional()
        .describe(`One of ${exportFormats.join(', ')}`),
      variant: z
        .string()
        .max(40)
        .optional()
        .describe(`One of ${exportVariants.join(', ')} (default clean)`),
      asOf: asOfSchema.optional().describe('For clean and compilation (default now)'),
      from: asOfSchema.optional().describe('For compare: the earlier point'),
      to: asOfSchema.optional().describe('For compare: the later point'),
      language: unLanguageSchema
        .optional()
        .describe(
          'A language version of the clean text now (ar, zh, fr, ru, es); the original’s language (en) is the text itself',
        ),
      lang: unLanguageSchema
        .optional()
        .describe(
          'The language of the labels the file adds (default: the language version’s, else the requester’s interface language)',
        ),
    }),
    file: { description: 'The file, as an attachment' },
  }),
};
