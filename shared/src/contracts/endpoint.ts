/**
 * A REST endpoint's contract: its method and path, the zod schemas of what it accepts (path
 * parameters, query, JSON body) and of the JSON it answers with. The server implements a contract
 * (validation and its OpenAPI entry come from these schemas) and the browser calls one (its input
 * and answer are typed from them), so the two cannot drift apart.
 *
 *   export const documentContracts = {
 *     changeMode: defineEndpoint({
 *       method: 'put', path: '/documents/:documentId/mode',
 *       params: DocumentParams, body: z.strictObject({ mode: documentModeSchema }),
 *       response: commandDoneSchema,
 *     }),
 *   };
 */
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Path parameters and query strings are objects of named values. */
export type ObjectSchema = z.ZodType<Record<string, unknown>>;

/** An endpoint that answers with a file rather than JSON (an export, an issued paper). */
export interface FileAnswer {
  /** What the file is, for the OpenAPI document. */
  description: string;
  /** Other statuses it may answer with, and what they mean (e.g. 304). */
  otherStatuses?: Record<number, string>;
}

/** An endpoint whose request body is a file's raw bytes (an import), not JSON. */
export interface Upload {
  /** Media types accepted; the server refuses any other with 415. */
  contentTypes: readonly string[];
}

export interface Endpoint<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
  U extends Upload | undefined = Upload | undefined,
> {
  method: HttpMethod;
  /** Express-style path under `/api`, e.g. `/documents/:documentId`. */
  path: string;
  params?: P;
  query?: Q;
  /** The JSON body; endpoints without one accept no body (or `{}`). */
  body?: B;
  /** Set instead of `body` when the body is a file's bytes. */
  upload?: U;
  /** The JSON answered on success; absent for endpoints that answer 204 or a file. */
  response?: R;
  /** The success status (default 200; 204 when there is no response). */
  status?: number;
  /** Other success statuses the same `response` may come with, and when (e.g. 202 while work finishes). */
  alsoAnswers?: Record<number, string>;
  /** Set instead of `response` when the answer is a file. */
  file?: FileAnswer;
  /** `public` endpoints need no session (signing in, invitations). */
  access?: 'public' | 'session';
}

/** Declares an endpoint, keeping the exact schema types for the server and the browser. */
export const defineEndpoint = <
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
  U extends Upload | undefined = undefined,
>(
  endpoint: Endpoint<P, Q, B, R, U>,
): Endpoint<P, Q, B, R, U> => endpoint;

type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** Required unless every field is optional: `{}` is then enough. */
type Field<K extends string, S> = S extends z.ZodType
  ? object extends Input<S>
    ? { [key in K]?: Input<S> }
    : { [key in K]: Input<S> }
  : { [key in K]?: never };

/** What a caller sends: `{ params, query, body }`, each only when the endpoint takes it. */
export type EndpointInput<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType | undefined>
    ? Field<'params', P> & Field<'query', Q> & Field<'body', B>
    : never;

/** The JSON a caller receives; `void` when the endpoint answers 204 or a file. */
export type EndpointResponse<E> =
  E extends Endpoint<
    ObjectSchema | undefined,
    ObjectSchema | undefined,
    z.ZodType | undefined,
    infer R
  >
    ? R extends z.ZodType
      ? Output<R>
      : void
    : never;

/** What a handler returns as the body: the response schema's input (before any defaults). */
export type EndpointResult<E> =
  E extends Endpoint<
    ObjectSchema | undefined,
    ObjectSchema | undefined,
    z.ZodType | undefined,
    infer R
  >
    ? R extends z.ZodType
      ? Input<R>
      : undefined
    : never;

/** Parsed inputs as a handler receives them (after coercions and defaults). */
export type EndpointParams<E> =
  E extends Endpoint<infer P> ? (P extends z.ZodType ? Output<P> : object) : never;
export type EndpointQuery<E> =
  E extends Endpoint<ObjectSchema | undefined, infer Q>
    ? Q extends z.ZodType
      ? Output<Q>
      : object
    : never;
/** The parsed JSON body; for an upload, the file's bytes as the server reads them (`Bytes`). */
export type EndpointBody<E, Bytes = Uint8Array> =
  E extends Endpoint<
    ObjectSchema | undefined,
    ObjectSchema | undefined,
    infer B,
    z.ZodType | undefined,
    infer U
  >
    ? U extends Upload
      ? Bytes
      : B extends z.ZodType
        ? Output<B>
        : undefined
    : never;

/** A path or query value as text; objects (never sent by the app) as JSON rather than '[object Object]'. */
const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
      ? String(value)
      : JSON.stringify(value);

/**
 * The URL path of an endpoint with its parameters filled in (each URI-encoded), plus the query.
 * Query values that are undefined are left out; others are sent as strings.
 */
export function endpointUrl(
  endpoint: Pick<Endpoint, 'path'>,
  params: Record<string, unknown> = {},
  query: Record<string, unknown> = {},
): string {
  const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(asText(value));
  });
  // Built by hand: shared runs where URLSearchParams may not be typed (no DOM library).
  const text = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(asText(value))}`)
    .join('&');
  return text ? `${path}?${text}` : path;
}
