/**
 * The demo's notices beyond those its record raises by itself (every revision, decision,
 * silence and mention of the seed already reaches the inbox through the notification reactor):
 * the chair asks Maranu, who signs in to try the demo, and Nahrim for their positions on OP 3,
 * so the demo's delegate finds a request waiting in the bell.
 */
import type { SeedContext } from './seed-context.js';
import { presidingChairOf } from './seed-drafting.js';
import type { Step } from './seed-schedule.js';

export function notificationSteps(ctx: SeedContext): Step[] {
  const chair = presidingChairOf(ctx);
  return [
    {
      label: 'the chair asks MRU and NHR for their positions on OP 3',
      phase: 'decisions',
      async run(now) {
        await ctx.execute({
          type: 'RequestPosition',
          data: {
            documentId: ctx.documentId,
            target: { kind: 'paragraph', id: ctx.paragraphId('op3') },
            stakeholderIds: [ctx.stakeholderId('MRU'), ctx.stakeholderId('NHR')],
            note: 'Please tell the room where you stand on OP 3 before the next reading.',
          },
          meta: ctx.meta(
            'notify/position-request',
            ctx.actorOf(chair.key, 'position.request', true),
            now,
          ),
        });
      },
    },
  ];
}
