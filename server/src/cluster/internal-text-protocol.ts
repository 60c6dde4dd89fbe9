/**
 * The wire between nodes for text work on a document another node owns: which port methods
 * travel, the runtime schema of each one's arguments and answer, the headers, and how an error
 * thrown on the owner crosses back as the same error class. Both sides use this module: the
 * caller (owner-routed-text.ts) and the owner's endpoint (http/internal-text-routes.ts).
 */
import { paragraphKindSchema, roleSchema } from '@accord/shared';
import { z } from 'zod';
import {
  ApplicationError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InternalError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthenticatedError,
  UnavailableError,
  type ApplicationErrorDetails,
  type ApplicationErrorKind,
} from '../application/errors.js';
import type { DocumentText } from '../application/ports.js';
import { StoreUnavailable } from '../eventstore/errors.js';

/** Where a node answers its peers: never under /api, never with a user session. */
export const INTERNAL_TEXT_PATH = '/internal/text';
/** The shared cluster secret (cluster-secret.ts); without it the endpoint answers 401. */
export const CLUSTER_SECRET_HEADER = 'x-accord-cluster-secret';
/**
 * Requests and answers may carry a whole document (a new text, every paragraph of a live one):
 * as large as the gateway lets a document grow (64 MiB), and no larger.
 */
export const INTERNAL_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

const id = z.string().min(1).max(200);
const text = z.string().max(INTERNAL_BODY_LIMIT_BYTES);
/** A Yjs relative position, base64: a few dozen bytes in practice. */
const position = z.string().max(4096);
const instant = z.string().max(64);
/** A log position: a bigint travels as its decimal string. */
export const logPositionSchema = z.string().regex(/^\d{1,20}$/);

const paragraphSchema = z.object({ id, kind: paragraphKindSchema, text });
const wordsAnchorSchema = z.object({ start: position, end: position });
const resolvedSpanSchema = z.object({
  paragraphId: z.string().max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text,
});
const textEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete-words'), anchor: wordsAnchorSchema }),
  z.object({
    kind: z.literal('insert-words-after'),
    anchor: wordsAnchorSchema,
    paragraphId: id,
    words: text,
  }),
  z.object({
    kind: z.literal('insert-paragraph-after'),
    afterParagraphId: id,
    paragraph: paragraphSchema,
  }),
  z.object({ kind: z.literal('delete-paragraph'), paragraphId: id }),
]);
/** Who acts: ids as the owner's own text accepts them (not only the API's UUIDs). */
const actorSchema = z.object({ userId: id, stakeholderId: id, role: roleSchema });
const done = z.null();

/** The port methods that need the live text, so run on the owner: arguments and answer of each. */
export const textCalls = {
  paragraphs: { args: z.object({}), result: z.array(paragraphSchema) },
  anchor: {
    args: z.object({
      paragraphId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
    result: z.object({ start: position, end: position, text }),
  },
  create: {
    args: z.object({
      paragraphs: z.array(paragraphSchema).max(100_000),
      by: actorSchema,
      at: instant.optional(),
    }),
    result: done,
  },
  assertAmendmentApplies: { args: z.object({ amendmentId: id }), result: done },
  applyAmendment: {
    args: z.object({ amendmentId: id, by: actorSchema, at: instant.optional() }),
    result: done,
  },
  resolveAnchors: {
    args: z.object({ anchors: z.array(wordsAnchorSchema).max(100_000) }),
    result: z.array(resolvedSpanSchema.nullable()),
  },
  applyTextWork: {
    args: z.object({
      work: z.object({ workId: id, by: actorSchema, at: instant.optional() }),
      edits: z.array(textEditSchema).max(100_000),
    }),
    result: z.object({ placed: z.array(wordsAnchorSchema.nullable()) }),
  },
} as const;

export type TextCall = keyof typeof textCalls;
export type TextCallArgs<M extends TextCall> = z.infer<(typeof textCalls)[M]['args']>;
export type TextCallResult<M extends TextCall> = z.infer<(typeof textCalls)[M]['result']>;
export const isTextCall = (name: string): name is TextCall => Object.hasOwn(textCalls, name);

/**
 * The methods that read the amendment from the read models: the owner first waits until its
 * read models are at least where the caller's were, so it knows every amendment the caller does.
 */
export const callsReadingReadModels: ReadonlySet<TextCall> = new Set([
  'assertAmendmentApplies',
  'applyAmendment',
]);

export const textRequestSchema = z.object({
  documentId: id,
  args: z.unknown(),
  /** The caller's read-model checkpoint, for the calls above. */
  readModelsAt: logPositionSchema.optional(),
});
export type TextRequest = z.infer<typeof textRequestSchema>;

/** Runs one call on a node's own text (the owner's side of the wire). */
export function runTextCall<M extends TextCall>(
  text: DocumentText,
  method: M,
  documentId: string,
  args: TextCallArgs<M>,
): Promise<TextCallResult<M>>;
export async function runTextCall(
  text: DocumentText,
  method: TextCall,
  documentId: string,
  rawArgs: unknown,
): Promise<unknown> {
  switch (method) {
    case 'paragraphs':
      return text.paragraphs(documentId);
    case 'anchor': {
      const a = rawArgs as TextCallArgs<'anchor'>;
      return text.anchor(documentId, a.paragraphId, a.start, a.end);
    }
    case 'create': {
      const a = rawArgs as TextCallArgs<'create'>;
      await text.create(documentId, a.paragraphs, a.by, a.at);
      return null;
    }
    case 'assertAmendmentApplies': {
      const a = rawArgs as TextCallArgs<'assertAmendmentApplies'>;
      await text.assertAmendmentApplies(documentId, a.amendmentId);
      return null;
    }
    case 'applyAmendment': {
      const a = rawArgs as TextCallArgs<'applyAmendment'>;
      await text.applyAmendment(documentId, a.amendmentId, a.by, a.at);
      return null;
    }
    case 'resolveAnchors': {
      const a = rawArgs as TextCallArgs<'resolveAnchors'>;
      return text.resolveAnchors(documentId, a.anchors);
    }
    case 'applyTextWork': {
      const a = rawArgs as TextCallArgs<'applyTextWork'>;
      const { at, ...work } = a.work;
      return text.applyTextWork(documentId, at === undefined ? work : { ...work, at }, a.edits);
    }
  }
}

// ---- Errors across the wire ----

const applicationErrorKinds = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'gone',
  'too-large',
  'invalid-input',
  'rate-limited',
  'internal',
  'unavailable',
] as const satisfies readonly ApplicationErrorKind[];

/** What an error thrown on the owner says, enough to throw the same class again on the caller. */
export const wireErrorSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('ApplicationError'),
    kind: z.enum(applicationErrorKinds),
    code: z.string().max(200),
    title: z.string().max(2000),
    detail: z.string().max(10_000).optional(),
    errors: z
      .array(z.object({ path: z.string().max(500), message: z.string().max(2000) }))
      .max(100)
      .optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ name: z.literal('StoreUnavailable'), message: z.string().max(10_000) }),
  z.object({ name: z.literal('RangeError'), message: z.string().max(10_000) }),
  z.object({ name: z.literal('Error'), message: z.string().max(10_000) }),
]);
export type WireError = z.infer<typeof wireErrorSchema>;

/** The answer to a failed call: problem+json (as any API error) carrying the error itself. */
export const failedAnswerSchema = z.object({ status: z.number(), error: wireErrorSchema });

export function encodeError(error: unknown): WireError {
  if (error instanceof ApplicationError) {
    return {
      name: 'ApplicationError',
      kind: error.kind,
      code: error.code,
      title: error.title,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      ...(error.errors === undefined ? {} : { errors: error.errors }),
      ...(error.extensions === undefined ? {} : { extensions: error.extensions }),
    };
  }
  if (error instanceof StoreUnavailable)
    return { name: 'StoreUnavailable', message: error.message };
  if (error instanceof RangeError) return { name: 'RangeError', message: error.message };
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The error the owner threw, as the same class, so the caller's API answers as one node would. */
export function decodeError(wire: WireError): Error {
  switch (wire.name) {
    case 'StoreUnavailable':
      return new StoreUnavailable(wire.message);
    case 'RangeError':
      return new RangeError(wire.message);
    case 'Error':
      return new Error(`On the document's owner node: ${wire.message}`);
    case 'ApplicationError': {
      const { kind, code, title } = wire;
      const details: ApplicationErrorDetails = {
        ...(wire.detail === undefined ? {} : { detail: wire.detail }),
        ...(wire.errors === undefined ? {} : { errors: wire.errors }),
        ...(wire.extensions === undefined ? {} : { extensions: wire.extensions }),
      };
      const byKind: Record<ApplicationErrorKind, () => ApplicationError> = {
        'bad-request': () => new BadRequestError(code, title, details),
        unauthenticated: () => new UnauthenticatedError(code, title, details),
        forbidden: () => new ForbiddenError(code, title, details),
        'not-found': () => new NotFoundError(title, { ...details, code }),
        conflict: () => new ConflictError(code, title, details),
        gone: () => new GoneError(code, title, details),
        'too-large': () => new TooLargeError(code, title, details),
        'invalid-input': () => new InvalidInputError(code, title, details),
        'rate-limited': () => new RateLimitedError(code, title, details),
        internal: () => new InternalError(code, title, details),
        unavailable: () => new UnavailableError(code, title, details),
      };
      return byKind[kind]();
    }
  }
}

/** The owner's answer when it no longer holds the document's lease: the caller asks again. */
export const NOT_OWNER_CODE = 'not-document-owner';
