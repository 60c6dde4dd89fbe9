/**
 * Brackets and options for the exports: the port through which a document export reads them
 * (the record's bracket projection, wired by whoever builds the export dependencies), and the
 * pure step that turns their wire shapes into what the export model carries per paragraph — open
 * brackets and inline option sets over its words, whole-paragraph option labels, the "No text"
 * alternatives, and the counts printed on the cover.
 *
 * Only what is open is printed: an option set once chosen is ordinary text again (the chosen
 * words stay, the others were struck), so it has no place in an export of that point.
 */
import {
  emptyBracketCounts,
  renderBracketed,
  renderParagraphOption,
  type AsOf,
  type BracketCounts,
  type BracketView,
  type OptionSetView,
  type PartyRef,
} from '@accord/shared';
import {
  eIdOf,
  type Attribution,
  type BracketMark,
  type InlineOptionSetMark,
  type MetadataLine,
  type ParagraphOption,
} from './model.js';
import { exportLabels, type ExportLabels } from './i18n/index.js';

/** The open brackets and option sets of a document as of a point. */
export interface NegotiationTextView {
  brackets: BracketView[];
  optionSets: OptionSetView[];
}

/** The port: reads a document's brackets and option sets as of a point. */
export type NegotiationTextSource = (
  documentId: string,
  asOf: AsOf,
) => Promise<NegotiationTextView>;

export interface StakeholderName {
  name: string;
  shortCode: string;
}

/** A "No text" alternative: a paragraph of its own, printed after the set's last paragraph. */
export interface NoTextOption {
  afterParagraphId: string;
  option: ParagraphOption;
}

export interface NegotiationMarks {
  bracketsByParagraph: ReadonlyMap<string, BracketMark[]>;
  inlineOptionsByParagraph: ReadonlyMap<string, InlineOptionSetMark[]>;
  optionByParagraph: ReadonlyMap<string, ParagraphOption>;
  noTextOptions: NoTextOption[];
  counts: BracketCounts;
  /** What the marks were made from, for the JSON format. */
  view: NegotiationTextView;
}

export const noNegotiationMarks = (): NegotiationMarks => ({
  view: { brackets: [], optionSets: [] },
  bracketsByParagraph: new Map(),
  inlineOptionsByParagraph: new Map(),
  optionByParagraph: new Map(),
  noTextOptions: [],
  counts: emptyBracketCounts(),
});

/** Who placed or proposed, named as the record names the stakeholder. */
export function partyAttribution(
  stakeholders: Readonly<Record<string, StakeholderName>>,
  party: PartyRef,
  date: string,
): Attribution {
  const known = stakeholders[party.stakeholderId];
  return {
    author: known?.name ?? `Stakeholder ${party.stakeholderId.slice(0, 8)}`,
    authorCode: known?.shortCode ?? party.stakeholderId.slice(0, 8),
    stakeholderId: party.stakeholderId,
    date,
  };
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Open brackets, option sets and their options of a view, as the cover states them. */
export function countOpen(view: NegotiationTextView): BracketCounts {
  const open = view.optionSets.filter((s) => s.chosen === null);
  return {
    brackets: view.brackets.length,
    optionSets: open.length,
    options: open.reduce((n, s) => n + s.options.length, 0),
  };
}

/**
 * Sorts the view by paragraph. `paragraphOrder` is the document's paragraph ids in reading
 * order: a "No text" option follows the last of its set's paragraphs that the text holds.
 */
export function negotiationMarks(
  view: NegotiationTextView,
  stakeholders: Readonly<Record<string, StakeholderName>>,
  paragraphOrder: readonly string[],
): NegotiationMarks {
  const bracketsByParagraph = new Map<string, BracketMark[]>();
  for (const b of view.brackets)
    push(bracketsByParagraph, b.paragraphId, {
      id: b.bracketId,
      eId: eIdOf('brk', b.bracketId),
      span: b.span,
      by: partyAttribution(stakeholders, b.placedBy, b.placedAt),
      note: b.note,
    });

  const inlineOptionsByParagraph = new Map<string, InlineOptionSetMark[]>();
  const optionByParagraph = new Map<string, ParagraphOption>();
  const noTextOptions: NoTextOption[] = [];
  const index = new Map(paragraphOrder.map((id, i) => [id, i]));
  for (const set of view.optionSets) {
    if (set.chosen !== null) continue;
    if (set.scope === 'inline') {
      push(inlineOptionsByParagraph, set.paragraphId, {
        id: set.optionSetId,
        eId: eIdOf('opts', set.optionSetId),
        options: set.options.flatMap((o) =>
          o.span
            ? [
                {
                  id: o.optionId,
                  eId: eIdOf('opt', o.optionId),
                  label: o.label,
                  span: o.span,
                  by: partyAttribution(stakeholders, o.proposedBy, o.proposedAt),
                },
              ]
            : [],
        ),
      });
      continue;
    }
    const present = set.options.filter((o) => o.paragraphId !== null && index.has(o.paragraphId));
    const first = present[0]?.paragraphId ?? null;
    for (const o of set.options) {
      const option: ParagraphOption = {
        optionSetId: set.optionSetId,
        optionId: o.optionId,
        label: o.label,
        line: o.label,
        noText: o.noText || o.paragraphId === null,
        by: partyAttribution(stakeholders, o.proposedBy, o.proposedAt),
        alternativeTo: null,
      };
      if (option.noText) {
        const last = present
          .map((p) => p.paragraphId!)
          .sort((a, b) => index.get(a)! - index.get(b)!)
          .at(-1);
        const after = last ?? (index.has(set.paragraphId) ? set.paragraphId : null);
        if (after !== null)
          noTextOptions.push({
            afterParagraphId: after,
            option: { ...option, alternativeTo: first === null ? null : eIdOf('para', first) },
          });
      } else if (o.paragraphId !== null && index.has(o.paragraphId)) {
        optionByParagraph.set(o.paragraphId, {
          ...option,
          alternativeTo: first === null || first === o.paragraphId ? null : eIdOf('para', first),
        });
      }
    }
  }
  return {
    bracketsByParagraph,
    inlineOptionsByParagraph,
    optionByParagraph,
    noTextOptions,
    counts: countOpen(view),
    view,
  };
}

/**
 * What the JSON format adds to the frame: the brackets and option sets as read, their counts,
 * and each paragraph that has any written in the shared notation ("Option 2: …" first for an
 * alternative paragraph), as the Markdown export prints it.
 */
export function negotiationSource(
  paragraphs: readonly { id: string; text: string }[],
  marks: NegotiationMarks,
) {
  const notation: Record<string, string> = {};
  for (const p of paragraphs) {
    const brackets = marks.bracketsByParagraph.get(p.id) ?? [];
    const sets = marks.inlineOptionsByParagraph.get(p.id) ?? [];
    const option = marks.optionByParagraph.get(p.id);
    if (brackets.length + sets.length === 0 && !option) continue;
    const text = renderBracketed(
      p.text,
      brackets.map((b) => b.span),
      sets.map((s) => ({
        spans: s.options.map((o) => o.span),
        labels: s.options.map((o) => o.label),
      })),
    );
    notation[p.id] = option ? renderParagraphOption(option.label, text) : text;
  }
  for (const n of marks.noTextOptions)
    notation[n.option.optionId] = renderParagraphOption(n.option.label, null);
  return { ...marks.view, counts: marks.counts, notation };
}

/** The cover's lines for the counts. */
export const countLines = (
  counts: BracketCounts,
  t: ExportLabels = exportLabels(),
): MetadataLine[] => [
  { label: t('cover.openBrackets'), value: String(counts.brackets) },
  { label: t('cover.openOptionSets'), value: String(counts.optionSets) },
  { label: t('cover.openOptions'), value: String(counts.options) },
];
