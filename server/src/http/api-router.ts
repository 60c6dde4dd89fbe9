/**
 * One declaration per API route gives its express handler, its input validation and its
 * OpenAPI 3.1 entry, so the documentation cannot drift from what the server accepts. Every route
 * implements a contract from @accord/shared (the schemas the browser is typed from too):
 *
 *   api.implement(documentContracts.changeMode, {
 *     summary: 'Switch between open drafting and formal mode', tags: ['documents'],
 *     handler: async ({ params, body, session }) => ({ body: { position } }),
 *   });
 */
import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import type {
  Endpoint,
  EndpointBody,
  EndpointParams,
  EndpointQuery,
  EndpointResult,
} from '@accord/shared';
import { HttpProblem, problemType } from './problem.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext<P, Q, B, S> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user; always set unless the route is `public`. */
  session: S;
  req: Request;
  res: Response;
}

type AnyObject = z.ZodType<Record<string, unknown>>;

export interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, S> {
  method: HttpMethod;
  /** Express-style path under the router's prefix, e.g. `/documents/:documentId`. */
  path: string;
  summary: string;
  tags?: string[];
  /** `public` routes need no session. */
  access?: 'public' | 'session';
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The body is a file's raw bytes rather than JSON: the media types accepted (others get 415)
   * and the size limit (413 beyond it). The handler's `body` is a Buffer (declare
   * `body: z.instanceof(Buffer)`); an empty request gives an empty Buffer.
   */
  rawBody?: RawBodySpec;
  /** Documented success status and schema (the response body is not validated at run time). */
  responses?: Record<number, { description: string; schema?: z.ZodType }>;
  handler(ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>, S>): Promise<RouteResult | void>;
}

export interface RawBodySpec {
  contentTypes: readonly string[];
  /** Bytes. */
  limit: number;
}

export interface ApiRouterOptions<S> {
  prefix: string;
  /** Resolves the session of a request, or undefined when it has none. */
  authenticate(req: Request): Promise<S | undefined>;
  /**
   * Check every JSON answer of a contract route against its response schema, failing the request
   * when it does not match. For tests only (default: under vitest): it costs a parse per answer.
   */
  checkResponses?: boolean;
}

/** What a contract route's handler answers: the contract's JSON, or nothing for a file or 204. */
export type ContractResult<E extends Endpoint> = [EndpointResult<E>] extends [undefined]
  ? { status?: number; headers?: Record<string, string> } | void
  : { status?: number; body: EndpointResult<E>; headers?: Record<string, string> };

export interface ContractImplementation<E extends Endpoint, S> {
  summary: string;
  tags?: string[];
  /** For an upload contract: the largest body accepted, in bytes (413 beyond it). */
  uploadLimit?: number;
  handler(
    ctx: RouteContext<EndpointParams<E>, EndpointQuery<E>, EndpointBody<E, Buffer>, S>,
  ): Promise<ContractResult<E>>;
}

/** The OpenAPI responses of a contract: its JSON schema, its file, or 204. */
function contractResponses(contract: Endpoint): RouteDoc['responses'] {
  if (contract.file) {
    return {
      [contract.status ?? 200]: { description: contract.file.description },
      ...Object.fromEntries(
        Object.entries(contract.file.otherStatuses ?? {}).map(([status, description]) => [
          status,
          { description },
        ]),
      ),
    };
  }
  if (!contract.response) return { [contract.status ?? 204]: { description: 'Done' } };
  const schema = contract.response;
  return {
    [contract.status ?? 200]: { description: 'OK', schema },
    ...Object.fromEntries(
      Object.entries(contract.alsoAnswers ?? {}).map(([status, description]) => [
        status,
        { description, schema },
      ]),
    ),
  };
}

/** Reads a raw body of one of the accepted media types, within the limit. */
async function readRawBody(req: Request, res: Response, spec: RawBodySpec): Promise<Buffer> {
  const declared = req.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (declared === undefined || !spec.contentTypes.includes(declared)) {
    throw HttpProblem.of(
      415,
      'unsupported-media-type',
      'Unsupported content type',
      `${declared ? `${declared} is not accepted here` : 'No Content-Type was given'}; send one of: ${spec.contentTypes.join(', ')}.`,
      { accepted: spec.contentTypes },
    );
  }
  if (Buffer.isBuffer(req.body)) return req.body;
  const parser = express.raw({ type: () => true, limit: spec.limit });
  await new Promise<void>((resolve, reject) => {
    parser(req, res, (error?: Error) => (error ? reject(error) : resolve()));
  });
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** Turns zod issues into the 422 problem's `errors` list. */
export function invalidInput(where: string, error: z.ZodError): HttpProblem {
  return new HttpProblem({
    type: problemType('invalid-input'),
    title: 'The request is not valid',
    status: 422,
    detail: `Invalid ${where}: ${error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    errors: error.issues.map((i) => ({
      path: `${where}${i.path.length ? '.' : ''}${i.path.join('.')}`,
      message: i.message,
    })),
  });
}

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
): z.infer<T> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(where, result.error);
  return result.data;
}

/** A route that takes no body accepts none, or `{}`: anything else is a client's mistake. */
function refuseBody(body: unknown): undefined {
  const empty =
    body === undefined ||
    (typeof body === 'object' &&
      body !== null &&
      !Array.isArray(body) &&
      Object.keys(body).length === 0);
  if (!empty) {
    throw new HttpProblem({
      type: problemType('invalid-input'),
      title: 'The request is not valid',
      status: 422,
      detail: 'This request takes no body.',
      errors: [{ path: 'body', message: 'must be empty' }],
    });
  }
  return undefined;
}

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): unknown =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** What the OpenAPI document needs of a route, without its handler's generic types. */
type RouteDoc = Pick<
  RouteSpec<AnyObject, AnyObject, z.ZodType, unknown>,
  | 'method'
  | 'path'
  | 'summary'
  | 'tags'
  | 'access'
  | 'params'
  | 'query'
  | 'body'
  | 'rawBody'
  | 'responses'
>;

export class ApiRouter<S> {
  private readonly routes: RouteDoc[] = [];
  readonly router = express.Router();

  private readonly checkResponses: boolean;

  constructor(private readonly options: ApiRouterOptions<S>) {
    this.checkResponses = options.checkResponses ?? process.env.VITEST !== undefined;
  }

  /** Serves a contract from @accord/shared: its schemas validate the request and document it. */
  implement<E extends Endpoint>(contract: E, implementation: ContractImplementation<E, S>): void {
    const { response } = contract;
    const check = this.checkResponses && response ? response : undefined;
    const where = `${contract.method.toUpperCase()} ${contract.path}`;
    if (contract.upload && implementation.uploadLimit === undefined) {
      throw new Error(`${where} takes an upload: give its uploadLimit`);
    }
    this.route<AnyObject, AnyObject, z.ZodType>({
      method: contract.method,
      path: contract.path,
      summary: implementation.summary,
      tags: implementation.tags,
      access: contract.access,
      params: contract.params,
      query: contract.query,
      body: contract.upload ? z.instanceof(Buffer) : contract.body,
      rawBody: contract.upload
        ? {
            contentTypes: contract.upload.contentTypes,
            limit: implementation.uploadLimit!,
          }
        : undefined,
      responses: contractResponses(contract),
      handler: async (ctx) => {
        const result = await implementation.handler(
          ctx as RouteContext<EndpointParams<E>, EndpointQuery<E>, EndpointBody<E, Buffer>, S>,
        );
        const answer: RouteResult | undefined = result ?? undefined;
        if (check && answer?.body !== undefined) {
          const parsed = check.safeParse(answer.body);
          if (!parsed.success) {
            throw new Error(
              `The answer of ${where} does not match its contract: ${z.prettifyError(parsed.error)}`,
            );
          }
        }
        return { status: contract.status, ...answer };
      },
    });
  }

  private route<
    P extends AnyObject = z.ZodObject,
    Q extends AnyObject = z.ZodObject,
    B extends z.ZodType = z.ZodUndefined,
  >(spec: RouteSpec<P, Q, B, S>): void {
    const { method, path, summary, tags, access, params, query, body, rawBody, responses } = spec;
    this.routes.push({
      method,
      path,
      summary,
      tags,
      access,
      params,
      query,
      body,
      rawBody,
      responses,
    });
    this.router[spec.method](spec.path, async (req, res) => {
      const session = await this.options.authenticate(req);
      if (!session && spec.access !== 'public') {
        throw HttpProblem.of(
          401,
          'unauthenticated',
          'Sign in first',
          'This request needs a signed-in user.',
        );
      }
      const params = parse(spec.params, req.params, 'path') ?? {};
      const query = parse(spec.query, req.query, 'query') ?? {};
      const body = spec.rawBody
        ? await readRawBody(req, res, spec.rawBody)
        : spec.body
          ? parse(spec.body, req.body ?? undefined, 'body')
          : refuseBody(req.body);
      const result = await spec.handler({
        params,
        query,
        body,
        session: session as S,
        req,
        res,
      } as RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>, S>);
      if (res.headersSent) return;
      if (result?.headers) res.set(result.headers);
      const status = result?.status ?? (result?.body === undefined ? 204 : 200);
      if (result?.body === undefined) res.status(status).end();
      else res.status(status).json(result.body);
    });
  }

  mount(app: Express): void {
    app.use(this.options.prefix, this.router);
  }

  /** The OpenAPI 3.1 document for every route declared so far. */
  openApi(info: { title: string; version: string; description?: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of this.routes) {
      const path = `${this.options.prefix}${toOpenApiPath(spec.path)}`;
      const parameters = [
        ...objectParameters(spec.params, 'path'),
        ...objectParameters(spec.query, 'query'),
      ];
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(
        spec.responses ?? { 200: { description: 'OK' } },
      )) {
        responses[status] = {
          description: response.description,
          ...(response.schema
            ? {
                content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } },
              }
            : {}),
        };
      }
      responses.default = {
        description: 'An error',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      };
      paths[path] ??= {};
      paths[path][spec.method] = {
        summary: spec.summary,
        ...(spec.tags ? { tags: spec.tags } : {}),
        ...(spec.access === 'public' ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(spec.rawBody
          ? {
              requestBody: {
                required: true,
                description: `At most ${spec.rawBody.limit} bytes.`,
                content: Object.fromEntries(
                  spec.rawBody.contentTypes.map((type) => [
                    type,
                    { schema: { type: 'string', format: 'binary' } },
                  ]),
                ),
              },
            }
          : spec.body
            ? {
                requestBody: {
                  required: true,
                  content: { 'application/json': { schema: jsonSchema(spec.body) } },
                },
              }
            : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'accord_session' } },
        schemas: {
          Problem: {
            type: 'object',
            description: 'RFC 9457 problem details',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              instance: { type: 'string' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { path: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
            required: ['type', 'title', 'status'],
          },
        },
      },
      security: [{ session: [] }],
    };
  }
}

function objectParameters(schema: z.ZodType | undefined, location: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
