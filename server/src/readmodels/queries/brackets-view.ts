/**
 * The brackets read side, pure: from a document's folded state and its text (paragraphs, and
 * where each anchor's words are), the list of open brackets and option sets with their counts
 * per paragraph, per section and in all; and from the document's events, the burn-down series.
 * The caller decides which text and state (now, or as of a point) to pass in.
 */
import {
  emptyBracketCounts,
  evolveDocument,
  initialDocumentState,
  openBrackets,
  openOptionSets,
  type BracketCounts,
  type BracketListView,
  type BracketView,
  type BurndownView,
  type DocumentEvent,
  type DocumentState,
  type OptionSetView,
  type ParagraphKind,
} from '@accord/shared';

type Known = Exclude<DocumentState, { status: 'none' }>;

export interface ViewParagraph {
  id: string;
  kind: ParagraphKind;
  text: string;
}

export interface ViewSpan {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
}

/** An anchor's key in the map of resolved spans. */
export const anchorKey = (anchor: { start: string; end: string }): string =>
  `${anchor.start}|${anchor.end}`;

/** Every anchor the view needs resolved: the open brackets' and the option sets' inline words. */
export function anchorsToResolve(state: Known): { start: string; end: string }[] {
  return [
    ...openBrackets(state).map((b) => b.anchor),
    ...Object.values(state.optionSets).flatMap((set) =>
      set.options.flatMap((o) => (o.anchor ? [o.anchor] : [])),
    ),
  ];
}

const add = (a: BracketCounts, b: BracketCounts): BracketCounts => ({
  brackets: a.brackets + b.brackets,
  optionSets: a.optionSets + b.optionSets,
  options: a.options + b.options,
});

/** Open brackets and option sets of the document, counted per paragraph. */
function countsByParagraph(state: Known): Map<string, BracketCounts> {
  const counts = new Map<string, BracketCounts>();
  const bump = (paragraphId: string, by: BracketCounts) =>
    counts.set(paragraphId, add(counts.get(paragraphId) ?? emptyBracketCounts(), by));
  for (const bracket of openBrackets(state)) {
    bump(bracket.paragraphId, { brackets: 1, optionSets: 0, options: 0 });
  }
  for (const set of openOptionSets(state)) {
    bump(set.paragraphId, { brackets: 0, optionSets: 1, options: set.options.length });
  }
  return counts;
}

/** Everything open in the document: the burn-down's measure. */
export function totalCounts(state: Known): BracketCounts {
  let total = emptyBracketCounts();
  for (const counts of countsByParagraph(state).values()) total = add(total, counts);
  return total;
}

export function bracketListView(input: {
  state: Known;
  paragraphs: readonly ViewParagraph[];
  /** Resolved spans by `anchorKey`; an anchor missing here lost its paragraph. */
  spans: ReadonlyMap<string, ViewSpan | null>;
  /** The `document-` revision each bracket was placed in. */
  placedIn: ReadonlyMap<string, string>;
}): BracketListView {
  const { state, paragraphs, spans, placedIn } = input;
  const texts = new Map(paragraphs.map((p) => [p.id, p.text]));
  const spanOf = (anchor: { start: string; end: string }) => spans.get(anchorKey(anchor)) ?? null;

  const brackets = openBrackets(state).map((b): BracketView => {
    const span = spanOf(b.anchor);
    return {
      bracketId: b.bracketId,
      paragraphId: b.paragraphId,
      span: span ? { start: span.start, end: span.end } : { start: 0, end: 0 },
      words: span?.text ?? '',
      placedBy: b.placedBy,
      placedAt: b.placedAt,
      note: b.note,
      placedInRevision: placedIn.get(b.bracketId) ?? '',
    };
  });

  const optionSets = Object.values(state.optionSets).map((set): OptionSetView => ({
    optionSetId: set.optionSetId,
    scope: set.scope,
    paragraphId: set.paragraphId,
    chosen: set.chosen,
    options: set.options.map((o) => {
      const span = set.scope === 'inline' && o.anchor ? spanOf(o.anchor) : null;
      const words =
        set.scope === 'inline'
          ? (span?.text ?? o.words)
          : o.paragraphId === null
            ? ''
            : (texts.get(o.paragraphId) ?? o.words);
      return {
        optionId: o.optionId,
        label: o.label,
        proposedBy: o.proposedBy,
        proposedAt: o.proposedAt,
        paragraphId: o.paragraphId,
        span: span ? { start: span.start, end: span.end } : null,
        words,
        noText: o.noText,
      };
    }),
  }));

  const byParagraph = countsByParagraph(state);
  const bySection: BracketListView['counts']['bySection'] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'heading') {
      bySection.push({
        headingId: paragraph.id,
        heading: paragraph.text,
        counts: byParagraph.get(paragraph.id) ?? emptyBracketCounts(),
      });
      continue;
    }
    if (bySection.length === 0) {
      bySection.push({ headingId: null, heading: null, counts: emptyBracketCounts() });
    }
    const section = bySection.at(-1)!;
    section.counts = add(section.counts, byParagraph.get(paragraph.id) ?? emptyBracketCounts());
  }

  return {
    brackets,
    optionSets,
    counts: {
      total: totalCounts(state),
      byParagraph: Object.fromEntries(byParagraph),
      bySection,
    },
  };
}

/** The open totals after every bracket or option event, and the revisions issued, in log order. */
export function burndownView(
  steps: Iterable<{ event: DocumentEvent; position: bigint; at: string }>,
): BurndownView {
  const changesCounts = new Set<DocumentEvent['type']>([
    'BracketPlaced',
    'BracketRemoved',
    'BracketedWordsDeleted',
    'OptionSetOpened',
    'OptionAdded',
    'OptionChosen',
  ]);
  let state = initialDocumentState();
  const view: BurndownView = { points: [], revisions: [] };
  for (const { event, position, at } of steps) {
    state = evolveDocument(state, event);
    if (state.status === 'none') continue;
    if (event.type === 'RevisionIssued') view.revisions.push({ label: event.data.label, at });
    if (!changesCounts.has(event.type)) continue;
    const point = { at, position: position.toString(), total: totalCounts(state) };
    // Events of one command share its time (a set opened with its first alternative): one point.
    if (view.points.at(-1)?.at === at) view.points[view.points.length - 1] = point;
    else view.points.push(point);
  }
  return view;
}
