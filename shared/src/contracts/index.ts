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
import { nextRevisionContracts } from './next-revision.js';
import { positionContracts } from './positions.js';
import { processContracts } from './process.js';
import { recordContracts } from './record.js';
import { roundtableContracts } from './roundtables.js';

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
export * from './desk.js';

/** Every endpoint of the API, by feature: for checks that each one is implemented and documented. */
export const apiContracts = {
  auth: authContracts,
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
  desk: deskContracts,
} satisfies Record<string, Record<string, Endpoint>>;

/** Every endpoint in one list. */
export const allEndpoints = (): Endpoint[] =>
  Object.values<Record<string, Endpoint>>(apiContracts).flatMap((table) =>
    Object.values<Endpoint>(table),
  );
