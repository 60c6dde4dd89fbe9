/**
 * Who is acting, and as what: resolves the signed-in user's membership in the negotiation a
 * request concerns, checks the permission matrix on the server, and builds command meta
 * (the idempotency key comes from the `Idempotency-Key` header when the client sends one).
 */
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import {
  can,
  rolesAllowed,
  sameRevisionLabel,
  type Action,
  type Actor,
  type AsOf,
  type CommandMeta,
  type DocumentMode,
  type UserCommandMeta,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { derivedId } from '../commands/event-ids.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../application/errors.js';
import { segmentGate, type SegmentGate } from '../application/segments/segment-gate.js';
import type { ApiDeps } from './api-deps.js';

const idempotencyKey = z.union([z.uuid(), z.ulid()]);

const commandIds = new WeakMap<Request, string>();

/** The request's command id: the client's Idempotency-Key (a UUID/ULID) or a fresh one, fixed per request. */
export function commandIdOf(req: Request): string {
  let commandId = commandIds.get(req);
  if (commandId === undefined) {
    commandId = parseIdempotencyKey(req) ?? randomUUID();
    commandIds.set(req, commandId);
  }
  return commandId;
}

/**
 * An id for something the request creates (a document, an amendment…), derived from the command
 * id, so a retried request names the same thing and is recognised as a repeat.
 */
export const newId = (req: Request, what: string): string => derivedId(commandIdOf(req), what);

function parseIdempotencyKey(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  if (!idempotencyKey.safeParse(header).success) {
    throw InvalidInputError.field(
      'invalid-input',
      'Invalid Idempotency-Key',
      'header.idempotency-key',
      'must be a UUID or ULID',
      'The Idempotency-Key header must be a UUID or ULID.',
    );
  }
  return header;
}

export const memberMeta = (req: Request, actor: Actor): CommandMeta => ({
  commandId: commandIdOf(req),
  actor,
  now: new Date().toISOString(),
});

export const userMeta = (req: Request, user: SignedInUser): UserCommandMeta => ({
  commandId: commandIdOf(req),
  actor: { userId: user.userId },
  now: new Date().toISOString(),
});

export interface NegotiationScope {
  negotiationId: string;
  actor: Actor;
  /**
   * Set while an unreleased segment excludes the actor's role: everything they read is as of its
   * horizon, and while it runs they may not act (`authorize` refuses). Absent: no restriction.
   */
  segments?: SegmentGate | null;
}

export interface DocumentScope extends NegotiationScope {
  documentId: string;
  mode: DocumentMode;
  adopted: boolean;
  /**
   * The point a read route answers at: `asOf` unchanged for a member who reads everything;
   * otherwise no later than their horizon (an absent `asOf` or `now` becomes the horizon).
   */
  clamp(asOf: AsOf | undefined): AsOf | undefined;
  /** For reads of current state that cannot be answered as of a point: refused past a horizon. */
  assertLive(): void;
}

/** Reads that never change the record; every other action is refused while a segment excludes the role. */
const readActions: ReadonlySet<Action> = new Set([
  'document.read',
  'record.read',
  'document.export',
  'desk.read',
  'library.read',
  'recommendation.read',
  'consultation.read',
  'consultation.synthesis',
]);

/** The user's membership in a negotiation; 404 when they are not a member (nothing leaks). */
export function negotiationScope(
  deps: Pick<ApiDeps, 'queries'>,
  negotiationId: string,
  user: SignedInUser,
): NegotiationScope {
  const membership = deps.queries.getMembership(negotiationId, user.userId);
  if (!membership) {
    throw new NotFoundError('Negotiation not found', {
      detail: 'No negotiation with this id that you take part in.',
    });
  }
  return {
    negotiationId,
    actor: { userId: user.userId, stakeholderId: membership.stakeholderId, role: membership.role },
    segments: segmentGate(deps.queries.listSegments(negotiationId), membership.role),
  };
}

export function documentScope(
  deps: Pick<ApiDeps, 'queries'>,
  documentId: string,
  user: SignedInUser,
): DocumentScope {
  const document = deps.queries.getDocument(documentId);
  if (!document) throw new NotFoundError('Document not found');
  const scope = negotiationScope(deps, document.negotiationId, user);
  const gate = scope.segments;
  const issuedAt = (label: string) =>
    document.revisions.find((r) => sameRevisionLabel(r.label, label))?.issuedAt;
  return {
    ...scope,
    documentId,
    mode: document.mode,
    adopted: document.adopted,
    clamp: (asOf) => (gate ? gate.clamp(asOf, issuedAt) : asOf),
    assertLive: () => {
      if (gate) gate.refuseLiveRead();
    },
  };
}

/** Enforces the permission matrix; the refusal names who may do it. */
export function authorize(scope: NegotiationScope & { mode?: DocumentMode }, action: Action): void {
  if (can(scope.actor.role, action, scope.mode)) {
    // Allowed by role, but not while a segment the role may not follow runs.
    if (!readActions.has(action)) scope.segments?.assertMayAct();
    return;
  }
  const allowed = rolesAllowed(action, scope.mode);
  throw new ForbiddenError('forbidden', 'Not allowed for your role', {
    detail: `A ${scope.actor.role} may not do this${scope.mode ? ` in a ${scope.mode} document` : ''}. Allowed: ${allowed.join(', ') || 'nobody'}.`,
    extensions: { action, role: scope.actor.role },
  });
}

/** Once adopted, a document's record is closed. */
export function assertOpen(scope: DocumentScope): void {
  if (scope.adopted)
    throw new ConflictError('document-adopted', 'The document has been adopted', {
      detail: 'Its record is closed.',
    });
}
