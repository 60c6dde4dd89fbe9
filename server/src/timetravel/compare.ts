/**
 * The attributed, word-level comparison of a document's text between two points (see
 * change-attribution.ts for how each run is attributed, shared's comparison.ts for the diff).
 *
 *   await compareAsOf(deps, documentId, parseAsOf('revision:Rev 1')!, parseAsOf('now')!);
 */
import { compareTexts, type AsOf, type StakeholderKind, type TextComparison } from '@accord/shared';
import { InvalidInputError } from '../application/errors.js';
import { attributedTexts } from '../text/change-attribution.js';
import { resolvePoint, type ResolvedPoint, type TimeTravelDeps } from './points.js';

type PointSummary = Omit<ResolvedPoint, 'state' | 'document'>;

export interface DocumentComparison extends TextComparison {
  documentId: string;
  from: PointSummary;
  to: PointSummary;
  /** Text updates between the two points. */
  updates: number;
  /** The stakeholders named in the runs, as the record knew them at `to`. */
  stakeholders: Record<string, { name: string; shortCode: string; kind: StakeholderKind }>;
}

const revisionOf = (point: PointSummary) =>
  point.textRevision === null ? undefined : BigInt(point.textRevision);

export async function compareAsOf(
  deps: TimeTravelDeps,
  documentId: string,
  fromAsOf: AsOf,
  toAsOf: AsOf,
): Promise<DocumentComparison> {
  const {
    state: _fromState,
    document: _fromDocument,
    ...from
  } = await resolvePoint(deps, documentId, fromAsOf, 'from');
  const { state, document, ...to } = await resolvePoint(deps, documentId, toAsOf, 'to');
  const fromRevision = revisionOf(from);
  const toRevision = revisionOf(to);
  if (fromRevision !== undefined && (toRevision === undefined || fromRevision > toRevision)) {
    throw new InvalidInputError('from-after-to', 'The comparison must go forward in time', {
      detail: `${from.asOf} (text revision ${from.textRevision}) is after ${to.asOf} (text revision ${to.textRevision ?? 'none'}).`,
      errors: [{ path: 'query.from', message: 'after `to`' }],
    });
  }
  const texts = await attributedTexts(deps.store, documentId, fromRevision, toRevision);
  const comparison = compareTexts(texts.from, texts.to, texts.attribution);
  const known = state.negotiations[document.negotiationId]?.stakeholders ?? {};
  const stakeholders: DocumentComparison['stakeholders'] = {};
  for (const { stakeholderId } of texts.attribution.contributors) {
    const s = known[stakeholderId];
    if (s) stakeholders[stakeholderId] = { name: s.name, shortCode: s.shortCode, kind: s.kind };
  }
  return { documentId, from, to, updates: texts.updates, stakeholders, ...comparison };
}
