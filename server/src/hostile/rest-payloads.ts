/**
 * Generated hostile REST requests for every endpoint of the contracts (`allEndpoints()`): a
 * path parameter, the query or the body replaced by something the contract does not accept —
 * wrong types, oversize and control-character strings, deep nesting, unknown fields, huge
 * numbers, arrays for objects, prototype-pollution keys, JSON that is not JSON.
 */
import { endpointUrl, type Endpoint } from '@accord/shared';
import fc from 'fast-check';
import { z } from 'zod';

export interface HostileRequest {
  endpoint: Endpoint;
  part: 'params' | 'query' | 'body';
  method: string;
  /** Under `/api`. */
  path: string;
  /** The raw body text (or bytes for an upload); undefined: no body. */
  body?: string | Uint8Array;
  contentType?: string;
  /** The contract itself refuses the input (checked with the endpoint's own schema). */
  invalidByContract: boolean;
}

const control = fc
  .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 12 })
  .map((codes) => `a${String.fromCharCode(...codes)}b\u202e\u0000`);

/** Strings no identifier or field should take; `maxLength` bounds the oversize ones. */
export const hostileStringUpTo = (maxLength: number) =>
  fc.oneof(
    control,
    fc.integer({ min: Math.min(1_000, maxLength), max: maxLength }).map((n) => 'x'.repeat(n)),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      '../../../etc/passwd',
      '%00',
      '%2e%2e%2f',
      ' ',
      '',
      'null',
      'undefined',
      '0',
      '-1',
      '1e309',
      "'; DROP TABLE events; --",
      '<script>alert(1)</script>',
      '\ud800',
      '00000000-0000-0000-0000-000000000000',
    ),
    fc.uuid(),
    fc.string({ maxLength: 30 }),
  );

export const hostileString = hostileStringUpTo(300_000);
/**
 * Node's HTTP parser answers a request line over its 16 KiB header limit with a bare 431
 * before express sees it, so path and query values stay under that.
 */
const hostileUrlString = hostileStringUpTo(6_000);

/** JSON values of the wrong kind for whatever field they land in. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    2 ** 64,
    -(2 ** 63),
    1e308,
    [],
    {},
    [[]],
  ),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

const short = (value: unknown) => (JSON.stringify(value) ?? '').length < 4_000;

/** Raw JSON texts that no parser-to-schema path should turn into a 500. */
const rawBodyText = fc.oneof(
  fc.integer({ min: 1_000, max: 100_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
  fc.integer({ min: 1_000, max: 50_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
  fc.constantFrom(
    '{"__proto__":{"polluted":true,"isAdmin":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1e309}',
    '{"a":-1e309,"b":123456789012345678901234567890}',
    '{',
    '{"a":',
    'not json',
    '',
    '\u0000',
    '[]',
    '"a string"',
    '12',
    'null',
    'true',
    '{"a":"\\ud800"}',
  ),
  fc.string({ maxLength: 50 }),
);

/** Known field names of an object schema (zod v4), to aim wrong types at them. */
function fieldNames(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const hostileObject = (schema: z.ZodType | undefined) =>
  fc
    .tuple(
      fc.subarray(fieldNames(schema)),
      fc.array(hostileValue, { minLength: 8, maxLength: 8 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), hostileValue, { maxKeys: 3 }),
    )
    .map(([fields, values, unknown]) => {
      const body: Record<string, unknown> = { ...unknown };
      fields.forEach((field, i) => (body[field] = values[i % values.length]));
      return JSON.stringify(body);
    });

const bodyText = (schema: z.ZodType | undefined): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: hostileObject(schema), weight: 4 },
    { arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null'), weight: 2 },
    { arbitrary: rawBodyText, weight: 2 },
  );

/** Whether the contract accepts this JSON text as the endpoint's body. */
function bodyAccepted(endpoint: Endpoint, text: string): boolean {
  if (!endpoint.body) return false;
  // The JSON body parser reads an empty body as `{}`: an endpoint whose fields are all
  // optional rightly accepts it.
  if (text === '') return endpoint.body.safeParse({}).success;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return endpoint.body.safeParse(parsed).success;
}

const LONE = 'LoneSurrogateMarker';

/**
 * `endpointUrl`, except that a lone surrogate (which encodeURIComponent refuses) is sent as
 * the percent-encoded bytes it would have in WTF-8: invalid UTF-8 for the server to decode.
 */
function urlOf(
  endpoint: Endpoint,
  params: Record<string, unknown>,
  query: Record<string, unknown> = {},
): string {
  const mark = (text: string) => text.replace(/[\ud800-\udfff]/g, LONE);
  const marked = (record: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [mark(k), typeof v === 'string' ? mark(v) : v]),
    );
  return endpointUrl(endpoint, marked(params), marked(query)).replaceAll(LONE, '%ED%A0%80');
}

/**
 * The query as the server receives it: what `endpointUrl` leaves out (null, undefined) is not
 * sent, and every value arrives as text. The contract is judged on this, not on what was drawn.
 */
function sentQuery(query: Record<string, unknown>): Record<string, string> {
  const mark = (text: string) => text.replace(/[\ud800-\udfff]/g, LONE);
  const marked = Object.fromEntries(
    Object.entries(query).map(([k, v]) => [mark(k), typeof v === 'string' ? mark(v) : v]),
  );
  const url = endpointUrl({ path: '/' }, {}, marked);
  const at = url.indexOf('?');
  const search = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  const unmark = (text: string) => text.replaceAll(LONE, '\ud800');
  return Object.fromEntries([...search].map(([k, v]) => [unmark(k), unmark(v)]));
}

const paramNames = (endpoint: Endpoint) =>
  [...endpoint.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/**
 * Hostile requests for one endpoint, with `ids` filling the parameters left intact (real ids
 * of the fixture, so that validation of the hostile part is what is reached).
 */
export function hostileRequests(
  endpoint: Endpoint,
  ids: Record<string, string>,
): fc.Arbitrary<HostileRequest> | undefined {
  const method = endpoint.method.toUpperCase();
  const names = paramNames(endpoint);
  const options: fc.Arbitrary<HostileRequest>[] = [];
  if (names.length > 0) {
    options.push(
      fc
        // An empty segment would make the path another endpoint's (`/negotiations/`).
        .tuple(
          fc.constantFrom(...names),
          hostileUrlString.filter((v) => v !== ''),
        )
        .map(([name, value]) => {
          const params = { ...ids, [name]: value };
          const accepted = endpoint.params?.safeParse(params).success ?? false;
          return {
            endpoint,
            part: 'params' as const,
            method,
            path: urlOf(endpoint, params),
            // An empty or valid-looking id may still name nothing: 4xx either way, no event.
            invalidByContract: !accepted || value !== ids[name],
            ...(endpoint.body ? { body: '{}', contentType: 'application/json' } : {}),
          };
        }),
    );
  }
  if (endpoint.query) {
    const known = fieldNames(endpoint.query);
    options.push(
      fc
        .tuple(
          fc.subarray(known.length > 0 ? known : ['q']),
          fc.array(fc.oneof(hostileUrlString, hostileValue.filter(short)), {
            minLength: 6,
            maxLength: 6,
          }),
          fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), hostileUrlString, {
            maxKeys: 2,
          }),
        )
        .map(([fields, values, unknown]) => {
          const query: Record<string, unknown> = { ...unknown };
          fields.forEach((f, i) => (query[f] = values[i % values.length]));
          return {
            endpoint,
            part: 'query' as const,
            method,
            path: urlOf(endpoint, ids, query),
            invalidByContract: !(endpoint.query?.safeParse(sentQuery(query)).success ?? false),
          };
        }),
    );
  }
  if (endpoint.body) {
    options.push(
      bodyText(endpoint.body).map((text) => ({
        endpoint,
        part: 'body' as const,
        method,
        path: urlOf(endpoint, ids),
        body: text,
        contentType: 'application/json',
        invalidByContract: !bodyAccepted(endpoint, text),
      })),
    );
  }
  if (endpoint.upload) {
    options.push(
      fc
        .tuple(
          fc.uint8Array({ maxLength: 4096 }),
          fc.constantFrom(
            ...endpoint.upload.contentTypes,
            'application/json',
            'text/html',
            'application/octet-stream',
          ),
        )
        .map(([bytes, contentType]) => ({
          endpoint,
          part: 'body' as const,
          method,
          path: urlOf(endpoint, ids),
          body: bytes,
          contentType,
          // Random bytes are no document of any accepted kind.
          invalidByContract: true,
        })),
    );
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}
