// Word-level comparison of a document's text between two points, paragraph by paragraph (matched
// by stable paragraph id), each inserted or deleted run attributed to whoever made it. Pure: the
// server works out who inserted and who deleted each character (from the Yjs updates between the
// two points) and passes it in as `ChangeAttribution`; the browser can compare the same way.
//
//   compareTexts(fromParagraphs, toParagraphs, attribution).paragraphs[0].runs
//   // [{ op: 'equal', text: 'Commit ' }, { op: 'insert', text: 'urgently ', by: [{ stakeholderId… }] }, …]
//
// ATTRIBUTION. A run is attributed character by character: an inserted character to the edit
// that inserted it, a deleted one to the edit that deleted it. A word diff also marks characters
// that no edit touched (changing "city" to "cities" shows all of "city" deleted although only
// "y" was); those fall back to the author of the last update in the range that touched the same
// paragraph, and the run says so ('partly-exact' or 'last-update').
import { diffWordsWithSpace } from 'diff';
import { numberParagraphs } from '../numbering.js';
import type { ParagraphKind } from '../vocabulary.js';

export interface ComparedParagraphText {
  id: string;
  kind: ParagraphKind;
  text: string;
}

export interface Contributor {
  stakeholderId: string;
  userId: string;
  /** Set when the change applied an accepted amendment. */
  amendmentId: string | null;
}

export interface ParagraphAttribution {
  /** Per UTF-16 unit of the `to` text: index of the contributor who inserted it, or -1. */
  inserted?: ArrayLike<number>;
  /** Per UTF-16 unit of the `from` text: index of the contributor who deleted it, or -1. */
  deleted?: ArrayLike<number>;
  /** The contributor of the last update in the range that touched this paragraph, or -1. */
  last?: number;
}

export interface ChangeAttribution {
  contributors: readonly Contributor[];
  paragraphs: Readonly<Record<string, ParagraphAttribution>>;
}

export interface RunAuthor extends Contributor {
  chars: number;
}

export type RunAttribution = 'exact' | 'partly-exact' | 'last-update' | 'none';

export interface ComparisonRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** Who made the change, most characters first; empty for equal runs. */
  by: RunAuthor[];
  attribution: RunAttribution;
}

export interface ParagraphSide {
  label: string | null;
  kind: ParagraphKind;
}

export interface ParagraphComparison {
  paragraphId: string;
  change: 'unchanged' | 'modified' | 'added' | 'removed';
  from: ParagraphSide | null;
  to: ParagraphSide | null;
  kindChanged: boolean;
  /** Added and removed paragraphs are one run, whole. */
  runs: ComparisonRun[];
}

export interface StakeholderChanges {
  stakeholderId: string;
  insertedChars: number;
  deletedChars: number;
}

export interface TextComparison {
  /** The `to` order, with removed paragraphs where they stood in `from`. */
  paragraphs: ParagraphComparison[];
  summary: {
    added: number;
    removed: number;
    modified: number;
    unchanged: number;
    insertedChars: number;
    deletedChars: number;
    byStakeholder: StakeholderChanges[];
  };
  method: string;
}

const METHOD =
  'Word-level diff (whitespace counts, so no change is hidden) per paragraph matched by id; ' +
  'each inserted or deleted character attributed to the edit that inserted or deleted it; ' +
  'characters a word diff marks but no edit touched are attributed to the last edit of that ' +
  'paragraph in the range.';

const NONE: ParagraphAttribution = {};

function attribute(
  contributors: readonly Contributor[],
  perChar: ArrayLike<number> | undefined,
  start: number,
  end: number,
  fallback: number,
): Pick<ComparisonRun, 'by' | 'attribution'> {
  const counts = new Map<number, number>();
  let exact = 0;
  for (let i = start; i < end; i++) {
    const who = perChar?.[i] ?? -1;
    if (who < 0 || !contributors[who]) continue;
    exact += 1;
    counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const missing = end - start - exact;
  if (missing > 0 && fallback >= 0 && contributors[fallback]) {
    counts.set(fallback, (counts.get(fallback) ?? 0) + missing);
  }
  const by = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([who, chars]) => ({ ...contributors[who]!, chars }));
  const attribution: RunAttribution =
    missing === 0 && exact > 0
      ? 'exact'
      : exact > 0
        ? 'partly-exact'
        : by.length > 0
          ? 'last-update'
          : 'none';
  return { by, attribution };
}

interface Segment {
  op: ComparisonRun['op'];
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * The diff as ranges of the two texts. A word diff cuts "every city" → "all cities" into
 * every→all, " ", city→cities; whitespace left standing between two changes is folded into them,
 * so a phrase replaced by an edit reads as one deletion and one insertion.
 */
function segments(from: string, to: string): Segment[] {
  // diffWords ignores whitespace when matching, and its unchanged parts then do not spell the old
  // text; treating whitespace as words keeps both texts exactly recoverable from the runs.
  const raw: Segment[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const change of diffWordsWithSpace(from, to)) {
    const length = change.value.length;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const oldLength = op === 'insert' ? 0 : length;
    const newLength = op === 'delete' ? 0 : length;
    raw.push({
      op,
      oldStart: oldAt,
      oldEnd: oldAt + oldLength,
      newStart: newAt,
      newEnd: newAt + newLength,
    });
    oldAt += oldLength;
    newAt += newLength;
  }
  const merged: Segment[] = [];
  for (let i = 0; i < raw.length; i++) {
    const segment = raw[i]!;
    if (segment.op === 'equal') {
      merged.push(segment);
      continue;
    }
    // A change block: changes, and whitespace-only equal runs with a change on both sides.
    let end = i;
    while (
      end + 1 < raw.length &&
      (raw[end + 1]!.op !== 'equal' ||
        (end + 2 < raw.length &&
          raw[end + 2]!.op !== 'equal' &&
          /^\s+$/.test(to.slice(raw[end + 1]!.newStart, raw[end + 1]!.newEnd))))
    )
      end += 1;
    const last = raw[end]!;
    const block = {
      oldStart: segment.oldStart,
      oldEnd: last.oldEnd,
      newStart: segment.newStart,
      newEnd: last.newEnd,
    };
    if (block.oldEnd > block.oldStart) merged.push({ op: 'delete', ...block });
    if (block.newEnd > block.newStart) merged.push({ op: 'insert', ...block });
    i = end;
  }
  return merged;
}

/**
 * A change cut where its author changes, so each run names the one stakeholder who made it: two
 * delegations typing side by side read as two runs, not one credited to whoever typed more.
 * Characters nobody touched count as the fallback's, as in `attribute`.
 */
function runsByAuthor(
  op: 'insert' | 'delete',
  text: string,
  offset: number,
  perChar: ArrayLike<number> | undefined,
  fallback: number,
  contributors: readonly Contributor[],
): ComparisonRun[] {
  const who = (i: number) => {
    const w = perChar?.[offset + i] ?? -1;
    return w >= 0 && contributors[w] ? w : fallback;
  };
  const runs: ComparisonRun[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && who(i) === who(start)) continue;
    runs.push({
      op,
      text: text.slice(start, i),
      ...attribute(contributors, perChar, offset + start, offset + i, fallback),
    });
    start = i;
  }
  return runs;
}

function diffRuns(
  from: string,
  to: string,
  attribution: ParagraphAttribution,
  contributors: readonly Contributor[],
): ComparisonRun[] {
  const fallback = attribution.last ?? -1;
  return segments(from, to).flatMap(({ op, oldStart, oldEnd, newStart, newEnd }) => {
    switch (op) {
      case 'equal':
        return [{ op, text: to.slice(newStart, newEnd), by: [], attribution: 'none' as const }];
      case 'insert':
        return runsByAuthor(
          op,
          to.slice(newStart, newEnd),
          newStart,
          attribution.inserted,
          fallback,
          contributors,
        );
      case 'delete':
        return runsByAuthor(
          op,
          from.slice(oldStart, oldEnd),
          oldStart,
          attribution.deleted,
          fallback,
          contributors,
        );
    }
  });
}

/** `to`'s order; each paragraph only in `from` goes after the one it followed there. */
function mergeOrder(
  from: readonly ComparedParagraphText[],
  to: readonly ComparedParagraphText[],
): { from?: ComparedParagraphText; to?: ComparedParagraphText }[] {
  const fromById = new Map(from.map((p) => [p.id, p]));
  const toIds = new Set(to.map((p) => p.id));
  const order: { from?: ComparedParagraphText; to?: ComparedParagraphText }[] = to.map((p) => {
    const before = fromById.get(p.id);
    return before ? { from: before, to: p } : { to: p };
  });
  let after = -1;
  for (const p of from) {
    if (toIds.has(p.id)) after = order.findIndex((e) => e.to?.id === p.id);
    else order.splice(++after, 0, { from: p });
  }
  return order;
}

export function compareTexts(
  from: readonly ComparedParagraphText[],
  to: readonly ComparedParagraphText[],
  attribution: ChangeAttribution = { contributors: [], paragraphs: {} },
): TextComparison {
  const { contributors } = attribution;
  const fromLabels = new Map(numberParagraphs(from).map((p) => [p.id, p.label]));
  const toLabels = new Map(numberParagraphs(to).map((p) => [p.id, p.label]));
  const paragraphs = mergeOrder(from, to).map((pair): ParagraphComparison => {
    const id = (pair.to ?? pair.from)!.id;
    const attributed = attribution.paragraphs[id] ?? NONE;
    const fallback = attributed.last ?? -1;
    const fromSide = pair.from ? { label: fromLabels.get(id) ?? null, kind: pair.from.kind } : null;
    const toSide = pair.to ? { label: toLabels.get(id) ?? null, kind: pair.to.kind } : null;
    const kindChanged = !!pair.from && !!pair.to && pair.from.kind !== pair.to.kind;
    if (!pair.from) {
      const text = pair.to!.text;
      const run: ComparisonRun = {
        op: 'insert',
        text,
        ...attribute(contributors, attributed.inserted, 0, text.length, fallback),
      };
      return { paragraphId: id, change: 'added', from: null, to: toSide, kindChanged, runs: [run] };
    }
    if (!pair.to) {
      const text = pair.from.text;
      const run: ComparisonRun = {
        op: 'delete',
        text,
        ...attribute(contributors, attributed.deleted, 0, text.length, fallback),
      };
      return {
        paragraphId: id,
        change: 'removed',
        from: fromSide,
        to: null,
        kindChanged,
        runs: [run],
      };
    }
    const same = pair.from.text === pair.to.text;
    const runs = same
      ? [{ op: 'equal' as const, text: pair.to.text, by: [], attribution: 'none' as const }]
      : diffRuns(pair.from.text, pair.to.text, attributed, contributors);
    return {
      paragraphId: id,
      change: same && !kindChanged ? 'unchanged' : 'modified',
      from: fromSide,
      to: toSide,
      kindChanged,
      runs: runs.filter((r) => r.text.length > 0 || r.op === 'equal'),
    };
  });

  const byStakeholder = new Map<string, StakeholderChanges>();
  let insertedChars = 0;
  let deletedChars = 0;
  for (const p of paragraphs)
    for (const run of p.runs) {
      if (run.op === 'equal') continue;
      if (run.op === 'insert') insertedChars += run.text.length;
      else deletedChars += run.text.length;
      for (const author of run.by) {
        const entry = byStakeholder.get(author.stakeholderId) ?? {
          stakeholderId: author.stakeholderId,
          insertedChars: 0,
          deletedChars: 0,
        };
        if (run.op === 'insert') entry.insertedChars += author.chars;
        else entry.deletedChars += author.chars;
        byStakeholder.set(author.stakeholderId, entry);
      }
    }
  const count = (change: ParagraphComparison['change']) =>
    paragraphs.filter((p) => p.change === change).length;
  return {
    paragraphs,
    summary: {
      added: count('added'),
      removed: count('removed'),
      modified: count('modified'),
      unchanged: count('unchanged'),
      insertedChars,
      deletedChars,
      byStakeholder: [...byStakeholder.values()],
    },
    method: METHOD,
  };
}
