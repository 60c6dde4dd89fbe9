// The one way the app talks to the REST API: JSON (or a file's bytes, for an import) in, JSON out,
// the session cookie sent by the browser, an Idempotency-Key on every command so a retried click
// never acts twice, RFC 9457 problem details turned into an ApiError, and a 401 sending the app
// back to sign-in. Every call, uploads included, goes through `send` below.
import { newUuid } from '../lib/ids.js';
import { rememberOwnChange, trackCommand } from '../lib/ownChanges.js';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** Problem types are URNs, `urn:accord:problem:<code>`. */
const PROBLEM_TYPE_SEPARATOR = ':';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The problem's code, the last part of its type: 'invitation-expired'; '' without a type. */
  get code(): string {
    return this.problem.type?.split(PROBLEM_TYPE_SEPARATOR).pop() ?? '';
  }
}

/** The network failed before any answer (offline, server down). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Called on any 401 from a route that needs a session, so the app can return to sign-in. */
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** A request's body: JSON, or a file's raw bytes with their media type. */
export type RequestBody = { json: unknown } | { file: Blob; contentType: string };

/** Sends a JSON request; `path` is under `/api`. Commands are tracked as the app's own changes. */
export function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return sendTracked<T>(method, path, body === undefined ? undefined : { json: body });
}

/** Sends a file as the raw request body (an import), like any other command. */
export function postFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  return sendTracked<T>('POST', path, { file, contentType });
}

function sendTracked<T>(method: Method, path: string, body?: RequestBody): Promise<T> {
  const sent = send<T>(method, path, body);
  return method === 'GET' ? sent : trackCommand(sent);
}

// Signing in and accepting an invitation answer 401 for a wrong password: that is not a lost
// session, so those routes never send the app back to sign-in.
const signInRoutes = ['/session', '/invitations'];

async function send<T>(method: Method, path: string, body?: RequestBody): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body && 'json' in body) headers['content-type'] = 'application/json';
  if (body && 'file' in body) headers['content-type'] = body.contentType;
  if (method !== 'GET') headers['idempotency-key'] = newUuid();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body ? { body: 'json' in body ? JSON.stringify(body.json) : body.file } : {}),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (typeof json === 'object' && json !== null ? json : {}) as ProblemDetails;
    if (response.status === 401 && !signInRoutes.some((route) => path.startsWith(route)))
      onUnauthenticated?.();
    throw new ApiError(response.status, problem);
  }
  if (method !== 'GET' && typeof json === 'object' && json !== null && 'position' in json) {
    const { position } = json as { position?: unknown };
    if (typeof position === 'string') rememberOwnChange(position);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
