// The chair's desk: the decision queue of a negotiation, for the chair and the secretariat only.
import { deskContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { deskOf } from '../application/desk/desk-service.js';
import { ForbiddenError } from '../application/errors.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import type { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { negotiationScope } from './request-context.js';

const DESK_ROLES: ReadonlySet<string> = new Set(['chair', 'secretariat']);

export function deskRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps & { store: EventStore; history: RecordHistory },
): void {
  api.implement(deskContracts.getDesk, {
    summary:
      "The chair's decision queue: amendments awaiting a decision, paragraphs ready to gavel, objections to follow up, deadlines and broken silences",
    tags: ['process'],
    handler: async ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      // Not in the shared permission matrix: the desk is a reading aid, not an act on the record.
      if (!DESK_ROLES.has(scope.actor.role)) {
        throw new ForbiddenError('forbidden', 'Not allowed for your role', {
          detail: `The chair's desk is for the chair and the secretariat, not a ${scope.actor.role}.`,
          extensions: { role: scope.actor.role },
        });
      }
      const desk = await deskOf({ ...deps, process: deps.services.process }, params.negotiationId);
      return { body: desk };
    },
  });
}
