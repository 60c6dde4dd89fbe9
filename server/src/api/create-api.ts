// Builds the REST API under /api from its feature routes, with its OpenAPI document.
import express, { type Express } from 'express';
import type { SignedInUser } from '../accounts/account-service.js';
import { originCheck } from '../accounts/origin-check.js';
import { sessionTokenOf } from '../accounts/session-cookie.js';
import { ApiRouter } from '../http/api-router.js';
import { publicReadLimit, restWriteLimit } from '../http/rest-limits.js';
import { version } from '../version.js';
import type { EventStore } from '../eventstore/port.js';
import { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { amendmentRoutes } from './amendment-routes.js';
import { authRoutes } from './auth-routes.js';
import { authorshipRoutes } from './authorship-routes.js';
import { bracketRoutes } from './bracket-routes.js';
import { commentRoutes } from './comment-routes.js';
import { deskRoutes } from './desk-routes.js';
import { documentRoutes } from './document-routes.js';
import { exportRoutes } from './export-routes.js';
import { importRoutes } from './import-routes.js';
import { libraryRoutes } from './library-routes.js';
import { recommendationRoutes } from './recommendation-routes.js';
import { pledgeRoutes } from './pledge-routes.js';
import { consultationRoutes } from './consultation-routes.js';
import { negotiationRoutes } from './negotiation-routes.js';
import { notificationRoutes } from './notification-routes.js';
import type { NotificationService } from '../application/notifications/notification-service.js';
import { nextRevisionRoutes } from './next-revision-routes.js';
import { positionRoutes } from './position-routes.js';
import { preferenceRoutes } from './preference-routes.js';
import { privateDraftRoutes } from './private-draft-routes.js';
import { processRoutes } from './process-routes.js';
import { recordRoutes } from './record-routes.js';
import { roundtableRoutes } from './roundtable-routes.js';
import { segmentRoutes } from './segment-routes.js';
import { translationRoutes } from './translation-routes.js';

/** Bodies are small JSON; anything larger is refused with 413 before it is parsed. */
export const API_BODY_LIMIT = '256kb';

export function mountApi(
  app: Express,
  deps: ApiDeps & {
    store: EventStore;
    /** ACCORD_REST_WRITES_PER_MINUTE: the write budget of one user (or address) per minute. */
    restWritesPerMinute: number;
    /** ACCORD_PUBLIC_READS_PER_MINUTE: reads of the public pages' endpoints per address. */
    publicReadsPerMinute: number;
    notifications: NotificationService;
  },
): ApiRouter<SignedInUser> {
  const api = new ApiRouter<SignedInUser>({
    prefix: '/api',
    authenticate: (req) => Promise.resolve(deps.accounts.authenticate(sessionTokenOf(req))),
  });
  api.router.use(express.json({ limit: API_BODY_LIMIT, strict: true }));
  api.router.use(originCheck());
  // Before any route, so a refused write never reaches a handler nor the store.
  api.router.use(
    restWriteLimit({
      perMinute: deps.restWritesPerMinute,
      ...(deps.sharedLimits ? { store: deps.sharedLimits.limiterStore('rest-writes') } : {}),
      userIdOf: (req) => deps.accounts.authenticate(sessionTokenOf(req))?.userId,
    }),
  );
  api.router.use(
    '/public',
    publicReadLimit({
      perMinute: deps.publicReadsPerMinute,
      ...(deps.sharedLimits ? { store: deps.sharedLimits.limiterStore('public-reads') } : {}),
    }),
  );
  // One cache of the folded record for every route that reads the record as of a point.
  const withHistory = { ...deps, history: new RecordHistory(deps.store) };
  authRoutes(api, deps);
  preferenceRoutes(api, deps);
  negotiationRoutes(api, deps);
  documentRoutes(api, withHistory);
  importRoutes(api, deps);
  nextRevisionRoutes(api, deps);
  amendmentRoutes(api, deps);
  positionRoutes(api, deps);
  processRoutes(api, deps);
  privateDraftRoutes(api, deps);
  deskRoutes(api, withHistory);
  recordRoutes(api, withHistory);
  authorshipRoutes(api, withHistory);
  bracketRoutes(api, withHistory);
  exportRoutes(api, withHistory);
  commentRoutes(api, deps);
  libraryRoutes(api, deps);
  recommendationRoutes(api, deps);
  pledgeRoutes(api, deps);
  consultationRoutes(api, deps, deps.sharedLimits ? { publicBudget: deps.sharedLimits.rates } : {});
  notificationRoutes(api, deps);
  roundtableRoutes(api, withHistory);
  segmentRoutes(api, deps);
  translationRoutes(api, withHistory);
  // Built on the first request, not at start-up: turning every contract's schemas into JSON
  // Schema takes tens of milliseconds, which a restarting server should not spend first.
  let openApi: Record<string, unknown> | undefined;
  api.router.get('/openapi.json', (_req, res) => {
    openApi ??= api.openApi({
      title: 'Accord API',
      version,
      description:
        'Negotiations, documents, amendments, positions and comments. Errors are RFC 9457 problem details.',
    });
    res.json(openApi);
  });
  api.mount(app);
  return api;
}
