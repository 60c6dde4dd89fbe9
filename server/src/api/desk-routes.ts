// The chair's desk: the decision queue of a negotiation, for the chair and the secretariat only.
import { deskContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { deskOf } from '../application/desk/desk-service.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import type { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, negotiationScope } from './request-context.js';

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
      authorize(scope, 'desk.read');
      const desk = await deskOf({ ...deps, process: deps.services.process }, params.negotiationId);
      return { body: desk };
    },
  });
}
