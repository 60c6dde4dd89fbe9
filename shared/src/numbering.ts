// Paragraph numbers as delegates cite them ("PP 3", "OP 12 (b)", "OP 5 bis"), computed from the
// order of paragraphs. Numbers are derived, never stored: paragraphs keep stable ids when
// renumbered. Between revisions the numbers of the last issued revision stay frozen, and new
// paragraphs get bis/ter numbers, until the chair renumbers; the concordance maps old to new.
//
//   numberParagraphs([{ id, kind: 'operative' }, { id: id2, kind: 'subparagraph' }])
//   // → labels 'OP 1', 'OP 1 (a)'
//   numberParagraphs(paragraphs, frozenLabelsOfRev1) // → 'OP 5', 'OP 5 bis', 'OP 6', …
//   concordance(frozenLabelsOfRev1, renumber(paragraphs)) // → [{ paragraphId, old, new }, …]
import type { ParagraphKind } from './vocabulary.js';

export interface ParagraphRef {
  id: string;
  kind: ParagraphKind;
}

export interface NumberedParagraph extends ParagraphRef {
  /** Null for headings, which are not numbered. */
  label: string | null;
}

/** Labels by paragraph id, as issued with a revision; headings are absent. */
export type FrozenNumbering = ReadonlyMap<string, string>;

/** (a) … (z), then (aa), (bb), … as in UN documents. */
export const subparagraphLetter = (index: number): string =>
  String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);

/**
 * The Latin adverbs negotiators append to an inserted paragraph's number: the 2nd paragraph of
 * the "OP 5" family is "OP 5 bis", the 10th "OP 5 decies". Index 0 is the number itself.
 */
export const insertionSuffixes = [
  '',
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
] as const;

/**
 * A number within a family: `base` is the frozen number ("5", or a letter "a" for a
 * sub-paragraph, or "0" before the first), `index` counts insertions after it (0 = the base
 * itself, 1 = bis, …). Past decies the Latin is no longer read at a glance, so the 11th and
 * later are written "5.11", "5.12": still unique, still ordered, and not mistaken for a letter.
 */
interface FamilyNumber {
  base: string;
  index: number;
}

const renderNumber = ({ base, index }: FamilyNumber): string =>
  index === 0
    ? base
    : index < insertionSuffixes.length
      ? `${base} ${insertionSuffixes[index]}`
      : `${base}.${index + 1}`;

const SUFFIX_PATTERN = insertionSuffixes.slice(1).join('|');
const NUMBER_PATTERN = `([0-9a-z]+)(?: (${SUFFIX_PATTERN})|\\.(\\d+))?`;
const TOP_LABEL = new RegExp(`^(PP|OP) ${NUMBER_PATTERN}$`);
const SUB_LABEL = new RegExp(`^(.*) \\(${NUMBER_PATTERN}\\)$`);

function familyNumber(
  base: string,
  suffix: string | undefined,
  dotted: string | undefined,
): FamilyNumber {
  if (dotted !== undefined) return { base, index: Number(dotted) - 1 };
  const suffixes: readonly string[] = insertionSuffixes;
  const index = suffix === undefined ? 0 : suffixes.indexOf(suffix);
  return { base, index };
}

/** "OP 5 bis" → { prefix: 'OP', base: '5', index: 1 }; undefined for anything else. */
function parseTopLabel(label: string): ({ prefix: string } & FamilyNumber) | undefined {
  const m = TOP_LABEL.exec(label);
  if (!m?.[1] || !m[2] || !/^\d+$/.test(m[2])) return undefined;
  return { prefix: m[1], ...familyNumber(m[2], m[3], m[4]) };
}

/** "OP 5 (a bis)" → { parent: 'OP 5', base: 'a', index: 1 }; undefined for anything else. */
function parseSubLabel(label: string): ({ parent: string } & FamilyNumber) | undefined {
  const m = SUB_LABEL.exec(label);
  if (m?.[1] === undefined || !m[2]) return undefined;
  return { parent: m[1], ...familyNumber(m[2], m[3], m[4]) };
}

const PREFIX: Record<'preambular' | 'operative', string> = { preambular: 'PP', operative: 'OP' };

/** Where an insertion before the first frozen number of a family starts: "PP 0", "(0)". */
const BEFORE_FIRST: FamilyNumber = { base: '0', index: -1 };

/** The first free number after `anchor` in its family: "5" → "5 bis", or "5 ter" if bis is taken. */
function nextFree(
  anchor: FamilyNumber,
  render: (n: FamilyNumber) => string,
  used: Set<string>,
): { number: FamilyNumber; label: string } {
  for (let index = anchor.index + 1; ; index++) {
    const number = { base: anchor.base, index };
    const label = render(number);
    if (!used.has(label)) {
      used.add(label);
      return { number, label };
    }
  }
}

/**
 * PPs and OPs are numbered separately and continuously across headings; a sub-paragraph is
 * lettered under the numbered paragraph before it (normally an OP). A heading ends a list of
 * sub-paragraphs, so one straight after a heading is lettered on its own: "(a)".
 *
 * With `frozen` (the labels of the last issued revision), numbering is what negotiators do
 * between revisions:
 * - a paragraph keeps its frozen label (a sub-paragraph only while it stays under the same
 *   paragraph, a PP/OP only while it keeps its kind);
 * - a new paragraph takes the number of the paragraph of its kind before it with the next free
 *   suffix: after "OP 5" comes "OP 5 bis", after that "OP 5 ter" (see `insertionSuffixes`);
 * - one inserted before the first numbered paragraph of its kind is "PP 0", then "PP 0 bis";
 * - a new sub-paragraph under a frozen paragraph that had sub-paragraphs is "(a bis)" after
 *   (a), "(0)" before the first; under any other paragraph (a new "OP 5 bis" for instance)
 *   sub-paragraphs are lettered (a), (b), … as usual;
 * - a frozen label whose paragraph was deleted is never given to another paragraph, so numbers
 *   only move when the chair renumbers (`renumber`);
 * - a kind with no frozen label at all (the first OP added to a preamble-only text) is numbered
 *   from 1, and sub-paragraphs straight after a heading are always lettered afresh.
 * Without `frozen`, or with an empty map, every paragraph is numbered afresh.
 */
export function numberParagraphs(
  paragraphs: readonly ParagraphRef[],
  frozen: FrozenNumbering = new Map(),
): NumberedParagraph[] {
  const used = new Set(frozen.values());
  const frozenPrefixes = new Set(
    [...frozen.values()].flatMap((label) => {
      const top = parseTopLabel(label);
      return top ? [top.prefix] : [];
    }),
  );
  const parentsWithFrozenSubs = new Set(
    [...frozen.values()].flatMap((label) => {
      const sub = parseSubLabel(label);
      return sub ? [sub.parent] : [];
    }),
  );

  const counters = { preambular: 0, operative: 0 };
  const anchors: Record<'preambular' | 'operative', FamilyNumber | null> = {
    preambular: null,
    operative: null,
  };
  let parent: string | null = null;
  let letters = 0;
  let subAnchor: FamilyNumber | null = null;

  const topLabel = (id: string, kind: 'preambular' | 'operative'): string => {
    const prefix = PREFIX[kind];
    if (!frozenPrefixes.has(prefix)) return `${prefix} ${++counters[kind]}`;
    const kept = frozen.get(id);
    const parsed = kept === undefined ? undefined : parseTopLabel(kept);
    if (kept !== undefined && parsed?.prefix === prefix) {
      anchors[kind] = parsed;
      return kept;
    }
    const render = (n: FamilyNumber) => `${prefix} ${renderNumber(n)}`;
    const { number, label } = nextFree(anchors[kind] ?? BEFORE_FIRST, render, used);
    anchors[kind] = number;
    return label;
  };

  const subLabel = (id: string): string => {
    if (parent === null) return `(${subparagraphLetter(letters++)})`;
    const under = parent;
    if (!parentsWithFrozenSubs.has(under)) return `${under} (${subparagraphLetter(letters++)})`;
    const kept = frozen.get(id);
    const parsed = kept === undefined ? undefined : parseSubLabel(kept);
    if (kept !== undefined && parsed?.parent === under) {
      subAnchor = parsed;
      return kept;
    }
    const render = (n: FamilyNumber) => `${under} (${renderNumber(n)})`;
    const { number, label } = nextFree(subAnchor ?? BEFORE_FIRST, render, used);
    subAnchor = number;
    return label;
  };

  return paragraphs.map(({ id, kind }) => {
    switch (kind) {
      case 'heading':
        parent = null;
        letters = 0;
        subAnchor = null;
        return { id, kind, label: null };
      case 'preambular':
      case 'operative': {
        const label = topLabel(id, kind);
        parent = label;
        letters = 0;
        subAnchor = null;
        return { id, kind, label };
      }
      case 'subparagraph':
        return { id, kind, label: subLabel(id) };
    }
  });
}

const labelMap = (numbered: readonly NumberedParagraph[]): Map<string, string> =>
  new Map(numbered.flatMap(({ id, label }) => (label === null ? [] : [[id, label] as const])));

/**
 * Label by paragraph id, for citing paragraphs in amendments, positions and exports; with
 * `frozen`, the bis/ter numbers of `numberParagraphs`.
 */
export const paragraphLabels = (
  paragraphs: readonly ParagraphRef[],
  frozen?: FrozenNumbering,
): Map<string, string> => labelMap(numberParagraphs(paragraphs, frozen));

/** Clean numbers, as the chair gives them when renumbering at a revision: 1, 2, 3, (a), (b). */
export const renumber = (paragraphs: readonly ParagraphRef[]): Map<string, string> =>
  labelMap(numberParagraphs(paragraphs));

/** One line of a concordance table: null `old` for a new paragraph, null `new` for a deleted one. */
export interface ConcordanceRow {
  paragraphId: string;
  old: string | null;
  new: string | null;
}

/**
 * The concordance between two numberings (Maps in document order, as `paragraphLabels` and
 * `renumber` give them): one row per paragraph numbered in either, in the order of `after`, a
 * deleted paragraph listed right after the paragraph that preceded it in `before`.
 */
export function concordance(before: FrozenNumbering, after: FrozenNumbering): ConcordanceRow[] {
  // Deleted paragraphs, grouped by the surviving paragraph they followed ('' = the start).
  const deletedAfter = new Map<string, string[]>();
  let lastSurvivor = '';
  for (const id of before.keys()) {
    if (after.has(id)) lastSurvivor = id;
    else deletedAfter.set(lastSurvivor, [...(deletedAfter.get(lastSurvivor) ?? []), id]);
  }
  const deletedRows = (predecessor: string): ConcordanceRow[] =>
    (deletedAfter.get(predecessor) ?? []).map((paragraphId) => ({
      paragraphId,
      old: before.get(paragraphId) ?? null,
      new: null,
    }));
  return [
    ...deletedRows(''),
    ...[...after].flatMap(([paragraphId, label]) => [
      { paragraphId, old: before.get(paragraphId) ?? null, new: label },
      ...deletedRows(paragraphId),
    ]),
  ];
}
