/**
 * "Who wrote what": the text at a revision with every live character credited to whoever typed
 * it, as runs per paragraph. The per-character authors come from `textAuthorsAt` (the attributed
 * comparison's walk, from before the text existed); this module only groups them into runs.
 *
 * A run is a stretch of consecutive characters sharing stakeholder, user, amendment and UTC day
 * of writing, so one delegate's morning and afternoon edits read as one run, but yesterday's
 * words and today's do not. Dates are grouped in UTC: the server does not know the reader's zone,
 * and the reader sees each run's own first and last times in their zone.
 *
 *   const { paragraphs, updates } = await authorshipAt(store, documentId, 42n);
 */
import { numberParagraphs, type AuthorshipRun, type ParagraphAuthorship } from '@accord/shared';
import type { EventStore } from '../eventstore/port.js';
import { textAuthorsAt, type TextUpdateInfo } from './change-attribution.js';

export interface Authorship {
  paragraphs: ParagraphAuthorship[];
  /** Text updates read. */
  updates: number;
}

const UNKNOWN = -1;

/** What must match for two neighbouring characters to share a run. */
function runKey(update: TextUpdateInfo | undefined): string {
  if (!update) return '';
  const { stakeholderId, userId, amendmentId } = update.contributor;
  return `${stakeholderId}|${userId}|${amendmentId ?? ''}|${update.occurredAt.slice(0, 10)}`;
}

/** Metadata without a stakeholder (never written by Accord) reads as unknown. */
const known = (update: TextUpdateInfo | undefined): TextUpdateInfo | undefined =>
  update && update.contributor.stakeholderId !== '' ? update : undefined;

function newRun(update: TextUpdateInfo | undefined, text: string): AuthorshipRun {
  return {
    text,
    stakeholderId: update?.contributor.stakeholderId ?? null,
    userId: update ? update.contributor.userId || null : null,
    amendmentId: update?.contributor.amendmentId ?? null,
    at: update?.occurredAt ?? null,
    until: update?.occurredAt ?? null,
  };
}

/** Groups one paragraph's characters into runs by `runKey`. */
export function runsOf(
  text: string,
  writtenBy: ArrayLike<number>,
  updates: readonly TextUpdateInfo[],
): AuthorshipRun[] {
  const runs: AuthorshipRun[] = [];
  let key: string | undefined;
  let start = 0;
  let current: AuthorshipRun | undefined;
  const close = (end: number) => {
    if (current) current.text = text.slice(start, end);
  };
  for (let i = 0; i < text.length; i++) {
    const who = writtenBy[i] ?? UNKNOWN;
    const update = known(who === UNKNOWN ? undefined : updates[who]);
    const k = runKey(update);
    if (current && k === key) {
      // Same person, same day: widen the run's time span. ISO instants compare as strings.
      if (update && current.at !== null && update.occurredAt < current.at)
        current.at = update.occurredAt;
      if (update && current.until !== null && update.occurredAt > current.until)
        current.until = update.occurredAt;
      continue;
    }
    close(i);
    current = newRun(update, '');
    runs.push(current);
    key = k;
    start = i;
  }
  close(text.length);
  return runs;
}

/** The text at `revision` (undefined: before any text), attributed in runs per paragraph. */
export async function authorshipAt(
  store: EventStore,
  documentId: string,
  revision: bigint | undefined,
  /** The numbers of the last revision at that point, so labels read as the draft's do. */
  frozenNumbering?: ReadonlyMap<string, string>,
): Promise<Authorship> {
  const { paragraphs, updates, writtenBy } = await textAuthorsAt(store, documentId, revision);
  const labels = numberParagraphs(paragraphs, frozenNumbering);
  return {
    updates: updates.length,
    paragraphs: paragraphs.map((p, k) => ({
      paragraphId: p.id,
      kind: p.kind,
      label: labels[k]?.label ?? null,
      runs: runsOf(p.text, writtenBy[k]!, updates),
    })),
  };
}

/** The stakeholders and people a set of paragraphs names, for the view's lookups. */
export function authorsNamed(paragraphs: readonly ParagraphAuthorship[]): {
  stakeholderIds: Set<string>;
  userIds: Set<string>;
} {
  const stakeholderIds = new Set<string>();
  const userIds = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const run of paragraph.runs) {
      if (run.stakeholderId !== null) stakeholderIds.add(run.stakeholderId);
      if (run.userId !== null) userIds.add(run.userId);
    }
  }
  return { stakeholderIds, userIds };
}
