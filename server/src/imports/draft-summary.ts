/**
 * What a dry run of an import prints with `--json`: every paragraph with its number, kind and
 * words in the bracket notation (so a reader sees the brackets and options where they stand),
 * the totals a chair checks against the source, and the notes of the recognition report.
 *
 *   { "paragraphs": [{ "number", "kind", "text", "brackets", "options" }],
 *     "totals": { "paragraphs", "preambular", "operative", "brackets", "optionSets", "options" },
 *     "notes": ["…"] }
 */
import { renderBracketed, renderParagraphOption, type ParagraphKind } from '@accord/shared';
import type { RecognisedDraft } from './draft-model.js';
import { negotiationCounts } from './recognise.js';

export interface DraftSummary {
  paragraphs: {
    /** "PP 3", "OP 12 (a)" as Accord numbers it; null for headings and chapeaus. */
    number: string | null;
    kind: ParagraphKind;
    /** The words with their brackets and inline options written in, "Option N: " before an alternative paragraph. */
    text: string;
    /** Bracket pairs in the paragraph, nested ones each. */
    brackets: number;
    /** Alternatives of the option sets inside the paragraph. */
    options: number;
  }[];
  totals: {
    /** Every imported paragraph, headings included: the length of `paragraphs`. */
    paragraphs: number;
    preambular: number;
    operative: number;
    /** Bracket pairs, nested ones each. */
    brackets: number;
    /** Option sets, inside paragraphs and of whole paragraphs. */
    optionSets: number;
    /** Alternatives of all option sets, "No text" included. */
    options: number;
  };
  notes: string[];
}

export function draftSummary(draft: RecognisedDraft): DraftSummary {
  const { paragraphs, paragraphOptionSets, report } = draft;
  const optionOf = new Map<number, string>();
  for (const set of paragraphOptionSets) {
    for (const option of set.options) {
      if (option.paragraph !== null) optionOf.set(option.paragraph, option.label);
    }
  }
  const label = (i: number) => report.paragraphs[i]?.label ?? null;
  const counts = negotiationCounts(paragraphs, paragraphOptionSets);
  const setNotes = paragraphOptionSets.map((set) => {
    const first = set.options.find((o) => o.paragraph !== null)?.paragraph ?? null;
    const place = first === null ? 'a place in the text' : (label(first) ?? 'a heading');
    const options = set.options.map((o) =>
      o.paragraph === null
        ? `${o.label}: No text`
        : `${o.label} (${label(o.paragraph) ?? 'heading'})`,
    );
    return `Alternative paragraphs at ${place}: ${options.join(', ')}`;
  });
  return {
    paragraphs: paragraphs.map((p, i) => {
      const words = renderBracketed(p.text, p.brackets, p.inlineOptions);
      const option = optionOf.get(i);
      return {
        number: label(i),
        kind: p.kind,
        text: option === undefined ? words : renderParagraphOption(option, words),
        brackets: p.brackets.length,
        options: p.inlineOptions.reduce((n, set) => n + set.spans.length, 0),
      };
    }),
    totals: {
      paragraphs: paragraphs.length,
      preambular: report.counts.preambular,
      operative: report.counts.operative,
      brackets: counts.brackets,
      optionSets: counts.optionSets,
      options: counts.options,
    },
    notes: [...report.warnings.map((w) => w.message), ...setNotes],
  };
}
