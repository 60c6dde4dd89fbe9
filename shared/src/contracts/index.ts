// The REST API's contracts, one table per feature: what each endpoint accepts and answers. The
// server implements them (server/src/http/api-router.ts) and the app calls them
// (client/src/api/call.ts); the OpenAPI document is generated from the same schemas.
import { amendmentContracts } from './amendments.js';
import { authContracts } from './auth.js';
import { authorshipContracts } from './authorship.js';
import { bracketContracts } from './brackets.js';
import { commentContracts } from './comments.js';
import { deskContracts } from './desk.js';
import { documentContracts } from './documents.js';
import type { Endpoint } from './endpoint.js';
import { exportContracts } from './exports.js';
import { importContracts } from './imports.js';
import { negotiationContracts } from './negotiations.js';
import { notificationContracts } from './notifications.js';
import { nextRevisionContracts } from './next-revision.js';
import { positionContracts } from './positions.js';
import { preferenceContracts } from './preferences.js';
import { privateDraftContracts } from './private-drafts.js';
import { processContracts } from './process.js';
import { libraryContracts } from './library.js';
import { recommendationContracts } from './recommendations.js';
import { pledgeContracts } from './pledges.js';
import { consultationContracts } from './consultations.js';
import { translationContracts } from './translations.js';
import { recordContracts } from './record.js';
import { roundtableContracts } from './roundtables.js';
import { segmentContracts } from './segments.js';

export * from './endpoint.js';
export * from './as-of.js';
export * from './common.js';
export * from './auth.js';
export * from './negotiations.js';
export * from './documents.js';
export * from './imports.js';
export * from './next-revision.js';
export * from './amendments.js';
export * from './positions.js';
export * from './comments.js';
export * from './brackets.js';
export * from './record-views.js';
export * from './record.js';
export * from './authorship.js';
export * from './exports.js';
export * from './roundtables.js';
export * from './process.js';
export * from './private-drafts.js';
export * from './translations.js';
export * from './desk.js';
export * from './notifications.js';
export * from './segments.js';
export * from './library.js';
export * from './recommendations.js';
export * from './pledges.js';
export * from './consultations.js';
export * from './preferences.js';

/** Every endpoint of the API, by feature: for checks that each one is implemented and documented. */
export const apiContracts = {
  auth: authContracts,
  preferences: preferenceContracts,
  negotiations: negotiationContracts,
  documents: documentContracts,
  imports: importContracts,
  nextRevision: nextRevisionContracts,
  amendments: amendmentContracts,
  positions: positionContracts,
  comments: commentContracts,
  brackets: bracketContracts,
  record: recordContracts,
  authorship: authorshipContracts,
  exports: exportContracts,
  roundtables: roundtableContracts,
  process: processContracts,
  privateDrafts: privateDraftContracts,
  translations: translationContracts,
  desk: deskContracts,
  notifications: notificationContracts,
  segments: segmentContracts,
  library: libraryContracts,
  recommendations: recommendationContracts,
  pledges: pledgeContracts,
  consultations: consultationContracts,
} satisfies Record<string, Record<string, Endpoint>>;

/** Every endpoint in one list. */
export const allEndpoints = (): Endpoint[] =>
  Object.values<Record<string, Endpoint>>(apiContracts).flatMap((table) =>
    Object.values<Endpoint>(table),
  );
