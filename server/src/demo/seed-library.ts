/**
 * The demo's agreed-language library: two earlier texts the secretariat imported when the
 * negotiation was set up, so a delegate searching for "early warning" or "outdoor workers" finds
 * precedent wording to insert with its citation. Both texts are invented for this demo, in
 * original wording; no real declaration is quoted.
 */
import type { LibraryTextInput } from '@accord/shared';
import type { SeedContext } from './seed-context.js';
import type { Step } from './seed-schedule.js';

export const demoLibraryTexts: readonly (LibraryTextInput & { key: string })[] = [
  {
    key: 'coastal-cities',
    title: 'Ministerial Declaration on Climate-Ready Coastal Cities',
    symbol: 'MCC/2022/3',
    adoptedOn: '2022-11-17',
    language: 'en',
    paragraphs: [
      {
        ref: 'PP 1',
        text: 'Mindful that cities host most of the world’s population and most of its exposure to climate hazards,',
      },
      {
        ref: 'PP 2',
        text: 'Recognizing that timely warnings save lives when they reach people in a language and form they understand,',
      },
      {
        ref: 'OP 1',
        text: 'Commit to ensuring that every city has a multi-hazard early warning system by 2030;',
      },
      {
        ref: 'OP 2',
        text: 'Encourage local authorities to map the neighbourhoods most exposed to climate hazards, with the participation of their residents;',
      },
      {
        ref: 'OP 3',
        text: 'Invite development partners to provide predictable finance and technical support to cities in developing countries;',
      },
    ],
  },
  {
    key: 'decent-work',
    title: 'Joint Statement on Decent Work in a Warming World',
    symbol: 'DWW/2024/1',
    adoptedOn: '2024-06-05',
    language: 'en',
    paragraphs: [
      {
        ref: 'PP 1',
        text: 'Concerned that outdoor workers, including those in informal employment, bear a growing share of heat stress,',
      },
      {
        ref: 'OP 1',
        text: 'Call on employers to adapt working hours, provide shade, water and rest, and consult workers on heat action plans;',
      },
      {
        ref: 'OP 2',
        text: 'Encourage social protection systems to cover income lost to extreme weather, in particular for informal workers;',
      },
    ],
  },
];

export function librarySteps(ctx: SeedContext): Step[] {
  const secretariat = ctx.demo.people.find((p) => p.role === 'secretariat')!;
  return demoLibraryTexts.map(({ key, ...text }) => ({
    label: `import "${text.title}" into the library`,
    phase: 'setup' as const,
    async run(now: string) {
      await ctx.core.services.library.importText(
        ctx.negotiationId,
        ctx.idOf(`library/${key}`),
        text,
        ctx.meta(`library/${key}`, ctx.actorOf(secretariat.key, 'library.add'), now),
      );
    },
  }));
}
