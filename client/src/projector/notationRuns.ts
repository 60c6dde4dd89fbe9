// A paragraph in the room's bracket notation, cut into runs so the projector can draw the
// brackets and option labels apart from the words (large and in a contrasting colour).
import {
  renderBracketed,
  type BracketView,
  type InlineOptionSet,
  type OptionSetView,
} from '@accord/shared';

export interface NotationRun {
  kind: 'words' | 'bracket' | 'option-label';
  text: string;
}

/** The open brackets and open inline option sets of one paragraph, in the notation. */
export function bracketedText(
  paragraphId: string,
  text: string,
  brackets: readonly BracketView[],
  optionSets: readonly OptionSetView[],
): string {
  const spans = brackets.filter((b) => b.paragraphId === paragraphId).map((b) => b.span);
  const inline: InlineOptionSet[] = optionSets
    .filter((s) => s.scope === 'inline' && s.chosen === null && s.paragraphId === paragraphId)
    .map((s) => {
      const placed = s.options.filter((o) => o.span !== null);
      return { spans: placed.map((o) => o.span!), labels: placed.map((o) => o.label) };
    });
  return renderBracketed(text, spans, inline);
}

// "[Option 2: " opens an option, a lone "[" a bracket, "]" closes either.
const MARKS = /(\[Option \d+: |\[|\])/;

export function notationRuns(notation: string): NotationRun[] {
  return notation
    .split(MARKS)
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '[' || part === ']') return { kind: 'bracket', text: part };
      if (part.startsWith('[Option ')) return { kind: 'option-label', text: part };
      return { kind: 'words', text: part };
    });
}

/** The label of the whole-paragraph option this paragraph is in ("Option 2"), if any is open. */
export function paragraphOptionLabel(
  paragraphId: string,
  optionSets: readonly OptionSetView[],
): string | null {
  for (const set of optionSets) {
    if (set.scope !== 'paragraphs' || set.chosen !== null) continue;
    const option = set.options.find((o) => o.paragraphId === paragraphId);
    if (option) return option.label;
  }
  return null;
}
