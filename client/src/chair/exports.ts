// What the export menu can ask for, and the one URL each choice makes:
// GET /api/documents/:documentId/export?format=…&variant=…[&asOf=…][&from=…&to=…].
// Points use the server's as-of syntax: `now` or `revision:<label>` ("revision:Rev 1").
import type { ExportFormat, ExportVariant } from '@accord/shared';
import type { Revision } from '../api/types.js';

export {
  exportFormats,
  exportVariants,
  type ExportFormat,
  type ExportVariant,
} from '@accord/shared';

export const NOW = 'now';

export interface ExportChoice {
  format: ExportFormat;
  variant: ExportVariant;
  /** For a clean or compilation text: the point it is as of. */
  asOf: string;
  /** For a comparison: the earlier and the later point. */
  from: string;
  to: string;
}

export const revisionPoint = (label: string): string => `revision:${label}`;

/** The points one can export as of: each issued revision, oldest first, then the text now. */
export function exportPoints(revisions: readonly Revision[]): string[] {
  return [
    ...[...revisions].sort((a, b) => a.sequence - b.sequence).map((r) => revisionPoint(r.label)),
    NOW,
  ];
}

/** A first comparison that is usually wanted: the latest revision against the text now. */
export function defaultChoice(revisions: readonly Revision[]): ExportChoice {
  const points = exportPoints(revisions);
  return {
    format: 'docx',
    variant: 'compilation',
    asOf: NOW,
    from: points.length > 1 ? points[points.length - 2]! : NOW,
    to: NOW,
  };
}

/** Why a choice cannot be asked for yet, or null when it can. */
export function choiceProblem(choice: ExportChoice): 'samePoints' | null {
  return choice.variant === 'compare' && choice.from === choice.to ? 'samePoints' : null;
}

export function exportUrl(documentId: string, choice: ExportChoice): string {
  const query = new URLSearchParams({ format: choice.format, variant: choice.variant });
  if (choice.variant === 'compare') {
    query.set('from', choice.from);
    query.set('to', choice.to);
  } else if (choice.asOf !== NOW) {
    query.set('asOf', choice.asOf);
  }
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query}`;
}

/** The file name the server suggests (Content-Disposition), or a sensible one of our own. */
export function downloadName(contentDisposition: string | null, fallback: string): string {
  if (contentDisposition) {
    const star = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
    if (star) {
      try {
        return decodeURIComponent(star[1]!.trim());
      } catch {
        // fall through to the plain form
      }
    }
    const plain = /filename="?([^";]+)"?/i.exec(contentDisposition);
    if (plain) return plain[1]!.trim();
  }
  return fallback;
}

export const fileExtension: Record<ExportFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  akn: 'xml',
  json: 'json',
};
