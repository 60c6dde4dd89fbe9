/**
 * The demo's brackets and options, placed by the delegations during the first reading through
 * the same bracket service as the API's routes: nested brackets with notes, alternative words
 * inside a paragraph, and alternative paragraphs with "No text". The bracket-text reactor
 * writes each alternative into the text, as it does for a live request.
 */
import { rangeOfWords } from './demo-anchors.js';
import type { DemoOptionSet } from './demo-negotiation.js';
import type { SeedContext } from './seed-context.js';
import type { Step } from './seed-schedule.js';

export function bracketSteps(ctx: SeedContext): Step[] {
  const { demo, documentId } = ctx;
  const steps: Step[] = demo.brackets.map((b, i) => ({
    label: `${b.by} brackets "${b.words}" in ${b.paragraph}`,
    phase: 'amendments',
    async run(now) {
      const person = ctx.delegateOf(b.by);
      const actor = ctx.actingFor(
        ctx.actorOf(person.key, 'bracket.place', true),
        b.by,
        'a bracket',
      );
      const paragraph = await ctx.paragraphNow(b.paragraph);
      const range = rangeOfWords(paragraph.text, b.words, `bracket in ${b.paragraph}`);
      await ctx.core.services.brackets.place(
        {
          documentId,
          bracketId: ctx.idOf(`bracket/${i}`),
          paragraphId: paragraph.id,
          ...range,
          note: b.note,
        },
        ctx.meta(`bracket/${i}`, actor, now),
      );
    },
  }));
  for (const set of demo.optionSets) steps.push(...optionSetSteps(ctx, set));
  return steps;
}

function optionSetSteps(ctx: SeedContext, set: DemoOptionSet): Step[] {
  const { documentId } = ctx;
  const optionSetId = ctx.idOf(`option-set/${set.key}`);
  const optionIds = set.alternatives.map((_, i) => ctx.idOf(`option/${set.key}/${i + 1}`));
  const paragraphIds = set.alternatives.map((_, i) =>
    ctx.idOf(`paragraph/option/${set.key}/${i + 1}`),
  );
  const actorFor = (by: string) =>
    ctx.actingFor(ctx.actorOf(ctx.delegateOf(by).key, 'option.propose', true), by, 'an option');
  const [first, ...more] = set.alternatives;
  if (!first) throw new Error(`Demo option set ${set.key} offers no alternative`);

  const steps: Step[] = [
    {
      label: `${first.by} opens option set ${set.key}`,
      phase: 'amendments',
      async run(now) {
        const paragraph = await ctx.paragraphNow(set.paragraph);
        const span =
          set.scope === 'inline'
            ? rangeOfWords(paragraph.text, set.words ?? '', `option set ${set.key}`)
            : undefined;
        await ctx.core.services.brackets.openOptionSet(
          {
            documentId,
            optionSetId,
            firstOptionId: ctx.idOf(`option/${set.key}/0`),
            optionId: optionIds[0]!,
            newParagraphId: paragraphIds[0]!,
            scope: set.scope,
            paragraphId: paragraph.id,
            span,
            words: first.words,
            noText: first.noText ?? false,
          },
          ctx.meta(`option-set/${set.key}`, actorFor(first.by), now),
        );
      },
    },
  ];
  more.forEach((alternative, n) => {
    const i = n + 1;
    steps.push({
      label: `${alternative.by} adds an option to ${set.key}`,
      phase: 'amendments',
      async run(now) {
        await ctx.core.services.brackets.addOption(
          documentId,
          optionSetId,
          {
            optionId: optionIds[i]!,
            newParagraphId: paragraphIds[i]!,
            words: alternative.words,
            noText: alternative.noText ?? false,
          },
          ctx.meta(`option/${set.key}/${i}`, actorFor(alternative.by), now),
        );
      },
    });
  });
  return steps;
}
