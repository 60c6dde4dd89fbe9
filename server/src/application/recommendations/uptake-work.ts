/**
 * Reactor work: an amendment tabled with a recommendation's id records, on the recommendation,
 * that the sponsoring delegation took it up with that amendment. Once: the command id derives
 * from the amendment and the decider records each amendment once, so work delivered again after
 * a restart appends nothing. A recommendation that does not exist (or refuses the record for
 * good) is logged and passed over rather than retried forever: the amendment stands either way.
 */
import { isDomainError, type Actor } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import type { Logger } from '../../observability/logger.js';
import type { ReactorWork } from '../reactors/reactor.js';

interface Tabled {
  amendmentId: string;
  documentId: string;
  sponsorStakeholderId: string;
  tabledBy: string;
  tabledAt: string;
  recommendationId?: string;
}

export function uptakeWork(deps: { commands: CommandService; logger: Logger }): ReactorWork {
  return {
    name: 'recommendation-uptake',
    filter: { on: 'eventType', prefixes: ['AmendmentTabled'] },
    describe: (event) => ({
      amendmentId: (event.data as { amendmentId?: unknown }).amendmentId,
      recommendationId: (event.data as { recommendationId?: unknown }).recommendationId,
    }),
    async handle(event: RecordedEvent) {
      if (event.type !== 'AmendmentTabled') return;
      const tabled = event.data as unknown as Tabled;
      if (!tabled.recommendationId) return;
      const actor: Actor = {
        userId: tabled.tabledBy,
        stakeholderId: tabled.sponsorStakeholderId,
        role: 'delegate',
      };
      try {
        await deps.commands.execute({
          type: 'RecordRecommendationTakenUp',
          data: {
            recommendationId: tabled.recommendationId,
            amendmentId: tabled.amendmentId,
            documentId: tabled.documentId,
          },
          meta: {
            commandId: derivedId(tabled.amendmentId, 'recommendation-taken-up'),
            actor,
            now: tabled.tabledAt,
          },
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        deps.logger.warn(
          {
            amendmentId: tabled.amendmentId,
            recommendationId: tabled.recommendationId,
            err: error,
          },
          'uptake not recorded: the recommendation refused it',
        );
      }
    },
  };
}
