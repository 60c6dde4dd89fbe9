/**
 * How an imported draft's brackets and options become record, pure. The draft's text holds every
 * option's words, but in the record an alternative is proposed (OptionAdded) and the
 * bracket-text reactor writes its words. So the document is created with Option 1 only (inline
 * alternatives and alternative paragraphs left out), the sets are then opened and the reactor
 * writes the alternatives back, and the brackets are placed last, on the words as they stand.
 *
 *   const plan = planImport(draft);
 *   documents.create({ …, paragraphs: plan.create.map((p) => p.paragraph) });
 *   // then plan.paragraphSets, plan.inlineSets and plan.brackets, in that order
 */
import type { ParagraphKind, TextSpan } from '@accord/shared';

/** What the import's draft model carries (`RecognisedDraft` in imports/ fits it). */
export interface DraftWithBrackets {
  paragraphs: readonly {
    kind: ParagraphKind;
    text: string;
    brackets: readonly TextSpan[];
    inlineOptions: readonly { spans: readonly TextSpan[]; labels: readonly string[] }[];
  }[];
  paragraphOptionSets: readonly { options: readonly { paragraph: number | null }[] }[];
}

/** A paragraph of the draft, by its index there. */
export type DraftIndex = number;

export interface ImportPlan {
  /** The paragraphs the document is created with, in order, each with its draft index. */
  create: { index: DraftIndex; paragraph: { kind: ParagraphKind; text: string } }[];
  /** Whole-paragraph sets: Option 1's paragraph, then each alternative (null words: "No text"). */
  paragraphSets: {
    first: DraftIndex;
    alternatives: { index: DraftIndex | null; kind: ParagraphKind; words: string }[];
  }[];
  /** Inline sets: Option 1's span in the created words, then the alternatives' words. */
  inlineSets: { paragraph: DraftIndex; span: TextSpan; alternatives: string[] }[];
  /** Each paragraph's text once every alternative is written back, and its brackets there. */
  brackets: { paragraph: DraftIndex; expectedText: string; spans: TextSpan[] }[];
  /** What the record cannot hold as the draft has it (e.g. inline "No text"), in words. */
  dropped: string[];
}

/** The paragraph's words without its inline alternatives (Option 2, 3, … and the spaces before). */
function withoutAlternatives(
  text: string,
  sets: DraftWithBrackets['paragraphs'][number]['inlineOptions'],
  paragraph: DraftIndex,
  dropped: string[],
): { text: string; inline: ImportPlan['inlineSets']; expectedText: string } {
  const cuts: TextSpan[] = [];
  const kept: { first: TextSpan; alternatives: string[] }[] = [];
  for (const set of sets) {
    const [first, ...rest] = set.spans;
    if (!first || first.end <= first.start) {
      dropped.push(`an inline option set of paragraph ${paragraph + 1} without words in Option 1`);
      continue;
    }
    const alternatives: string[] = [];
    let previousEnd = first.end;
    for (const span of rest) {
      const words = text.slice(span.start, span.end);
      if (words.trim().length === 0) {
        dropped.push(`an inline "No text" option in paragraph ${paragraph + 1}`);
      } else {
        alternatives.push(words);
      }
      cuts.push({ start: previousEnd, end: span.end });
      previousEnd = span.end;
    }
    if (alternatives.length > 0) kept.push({ first, alternatives });
  }
  cuts.sort((a, b) => a.start - b.start);
  // Offsets in the text with the cuts taken out.
  const shift = (offset: number) =>
    offset - cuts.filter((c) => c.end <= offset).reduce((sum, c) => sum + c.end - c.start, 0);
  let created = '';
  let from = 0;
  for (const cut of cuts) {
    created += text.slice(from, cut.start);
    from = cut.end;
  }
  created += text.slice(from);
  // The reactor writes each alternative after the previous one with one space.
  let expectedText = created;
  const inline = kept.map(({ first, alternatives }) => ({
    paragraph,
    span: { start: shift(first.start), end: shift(first.end) },
    alternatives,
  }));
  for (const set of [...inline].sort((a, b) => b.span.end - a.span.end)) {
    const added = set.alternatives.map((w) => ` ${w}`).join('');
    expectedText = expectedText.slice(0, set.span.end) + added + expectedText.slice(set.span.end);
  }
  return { text: created, inline, expectedText };
}

export function planImport(given: DraftWithBrackets): ImportPlan {
  // A draft parsed by a worker built before the model carried brackets lacks them: none then.
  const draft: DraftWithBrackets = {
    paragraphs: given.paragraphs.map((p) => ({
      ...p,
      brackets: p.brackets ?? [],
      inlineOptions: p.inlineOptions ?? [],
    })),
    paragraphOptionSets: given.paragraphOptionSets ?? [],
  };
  const dropped: string[] = [];
  const prepared = draft.paragraphs.map((p, i) =>
    withoutAlternatives(p.text, p.inlineOptions, i, dropped),
  );
  const alternativeParagraphs = new Set<DraftIndex>();
  const paragraphSets: ImportPlan['paragraphSets'] = [];
  for (const set of draft.paragraphOptionSets) {
    const [first, ...rest] = set.options;
    if (first?.paragraph == null || rest.length === 0) {
      // Without Option 1's paragraph there is nothing to open the set on: keep the paragraphs.
      if (set.options.length > 0) dropped.push('a paragraph option set without Option 1');
      continue;
    }
    const firstIndex = first.paragraph;
    paragraphSets.push({
      first: firstIndex,
      alternatives: rest.map((o) => {
        if (o.paragraph === null) {
          return { index: null, kind: draft.paragraphs[firstIndex]!.kind, words: '' };
        }
        alternativeParagraphs.add(o.paragraph);
        return {
          index: o.paragraph,
          kind: draft.paragraphs[o.paragraph]!.kind,
          words: prepared[o.paragraph]!.text,
        };
      }),
    });
  }
  return {
    create: draft.paragraphs.flatMap((p, index) =>
      alternativeParagraphs.has(index)
        ? []
        : [{ index, paragraph: { kind: p.kind, text: prepared[index]!.text } }],
    ),
    paragraphSets,
    inlineSets: prepared.flatMap((p) => p.inline),
    brackets: draft.paragraphs.flatMap((p, index) => {
      if (p.brackets.length === 0) return [];
      // Offsets hold only if writing the alternatives back gives the draft's words exactly.
      if (prepared[index]!.expectedText !== p.text) {
        dropped.push(`the brackets of paragraph ${index + 1}, whose options are spaced unusually`);
        return [];
      }
      return [{ paragraph: index, expectedText: p.text, spans: [...p.brackets] }];
    }),
    dropped,
  };
}
