// "Who wrote what": the text now or as of a point, each run credited to the stakeholder whose
// member typed it (see text/authorship.ts). A record read: any member of the negotiation.
//
//   GET /api/documents/:documentId/authorship?asOf=revision:Rev 1
import {
  authorshipContracts,
  parseAsOf,
  recordFrozenNumbering,
  type AsOf,
  type AuthorshipView,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import { authorsNamed, authorshipAt } from '../text/authorship.js';
import { RecordHistory, resolvePoint } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, documentScope } from './request-context.js';

/** asOfSchema has already checked the syntax. */
const asOf = (text: string | undefined): AsOf =>
  text === undefined ? { kind: 'now' } : parseAsOf(text)!;

export function authorshipRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Pick<ApiDeps, 'queries'> & { store: EventStore; history?: RecordHistory },
): void {
  const { store, queries } = deps;
  const timeTravel = { store, history: deps.history ?? new RecordHistory(store) };
  const authorship = authorshipCache(store);

  api.implement(authorshipContracts.authorship, {
    summary: 'The text with every run attributed to the stakeholder and person who typed it',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      // documentScope answers 404 for a document of a negotiation the user is not in.
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'record.read');
      const { state, document, ...point } = await resolvePoint(
        timeTravel,
        params.documentId,
        scope.clamp(asOf(query.asOf)) ?? { kind: 'now' },
      );
      const revision = point.textRevision === null ? undefined : BigInt(point.textRevision);
      const { paragraphs, updates } = await authorship.at(
        params.documentId,
        revision,
        // Revisions only accumulate, so their count names the numbering in force at the point.
        document.revisions.length,
        () => recordFrozenNumbering(document.revisions),
      );
      const { stakeholderIds, userIds } = authorsNamed(paragraphs);
      const known = state.negotiations[document.negotiationId]?.stakeholders ?? {};
      const stakeholders: AuthorshipView['stakeholders'] = {};
      for (const id of stakeholderIds) {
        const s = known[id];
        if (s) stakeholders[id] = { name: s.name, shortCode: s.shortCode, kind: s.kind };
      }
      const people: AuthorshipView['people'] = {};
      for (const id of userIds)
        people[id] = { displayName: queries.getUser(id)?.displayName ?? null };
      const body: AuthorshipView = {
        documentId: params.documentId,
        asOf: point,
        updates,
        paragraphs,
        stakeholders,
        people,
      };
      return { body };
    },
  });
}

/**
 * The attribution of a text at a revision never changes, and computing it replays the document's
 * updates: repeated reads (a page refreshed, many delegates on the same view) are answered from
 * the last few results instead of replaying again on the event loop.
 */
function authorshipCache(store: EventStore, size = 16) {
  const kept = new Map<string, ReturnType<typeof authorshipAt>>();
  return {
    at(
      documentId: string,
      revision: bigint | undefined,
      revisions: number,
      frozen: () => ReadonlyMap<string, string>,
    ) {
      const key = `${documentId}@${revision ?? 'none'}#${revisions}`;
      let found = kept.get(key);
      if (found) {
        kept.delete(key);
      } else {
        found = authorshipAt(store, documentId, revision, frozen());
        // A failed computation is not kept: the next request tries again.
        found.catch(() => kept.delete(key));
      }
      kept.set(key, found);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return found;
    },
  };
}
