/**
 * What an export request names — format, variant and points — checked once for the API and the
 * CLI, each refusal a precise problem: an unknown format or variant is a 400, a point in the
 * wrong syntax or a comparison without its two points a 422.
 *
 *   parseExportRequest({ format: 'docx', variant: 'compare', from: 'revision:Rev 1', to: 'now' });
 */
import { parseAsOf, type AsOf } from '@accord/shared';
import { BadRequestError, InvalidInputError } from '../application/errors.js';
import type { DocumentExportRequest } from './build.js';
import { exportVariants, type ExportVariant } from './document-model.js';
import { exportFormats, type ExportFormat } from './model.js';

export interface ExportRequestInput {
  format?: string;
  variant?: string;
  asOf?: string;
  from?: string;
  to?: string;
}

export const isExportFormat = (text: string): text is ExportFormat =>
  (exportFormats as readonly string[]).includes(text);
const isVariant = (text: string): text is ExportVariant =>
  (exportVariants as readonly string[]).includes(text);

const invalid = (path: string, message: string) =>
  new InvalidInputError('invalid-input', 'The request is not valid', {
    detail: `${path}: ${message}.`,
    errors: [{ path, message }],
  });

export function parseExportRequest(
  input: ExportRequestInput,
  /** How a field is named in errors: `query.asOf` for the API, `--as-of` for the CLI. */
  pathOf: (field: keyof ExportRequestInput) => string = (field) => `query.${field}`,
): { format: ExportFormat; request: DocumentExportRequest } {
  const { format, variant = 'clean' } = input;
  if (format === undefined || !isExportFormat(format))
    throw new BadRequestError('unknown-export-format', 'Unknown export format', {
      detail: `${pathOf('format')} must be one of ${exportFormats.join(', ')}${format === undefined ? '' : `, not "${format}"`}.`,
      errors: [{ path: pathOf('format'), message: 'unknown format' }],
      extensions: { formats: exportFormats },
    });
  if (!isVariant(variant))
    throw new BadRequestError('unknown-export-variant', 'Unknown export variant', {
      detail: `${pathOf('variant')} must be one of ${exportVariants.join(', ')}, not "${variant}".`,
      errors: [{ path: pathOf('variant'), message: 'unknown variant' }],
      extensions: { variants: exportVariants },
    });
  const point = (field: 'asOf' | 'from' | 'to', text: string): AsOf => {
    const parsed = parseAsOf(text);
    if (!parsed)
      throw invalid(
        pathOf(field),
        'must be now, position:<n>, time:<ISO instant with Z or an offset> or revision:<label>',
      );
    return parsed;
  };
  if (variant === 'compare') {
    const missing = (['from', 'to'] as const).filter((f) => input[f] === undefined);
    if (missing.length > 0)
      throw new InvalidInputError('compare-needs-points', 'A comparison needs two points', {
        detail: `variant compare needs ${missing.map(pathOf).join(' and ')} (e.g. revision:Zero draft and now).`,
        errors: missing.map((f) => ({ path: pathOf(f), message: 'required to compare' })),
      });
    if (input.asOf !== undefined) throw invalid(pathOf('asOf'), 'a comparison takes from and to');
    return {
      format,
      request: { variant, from: point('from', input.from!), to: point('to', input.to!) },
    };
  }
  const stray = (['from', 'to'] as const).find((f) => input[f] !== undefined);
  if (stray)
    throw invalid(pathOf(stray), `only a comparison takes it; ${variant} takes an as-of point`);
  return { format, request: { variant, asOf: point('asOf', input.asOf ?? 'now') } };
}
