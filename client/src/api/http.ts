// The one way the app talks to the REST API: JSON in and out, the session cookie sent by the
// browser, an Idempotency-Key on every command so a retried click never acts twice, and RFC 9457
// problem details turned into an ApiError.
import { newUuid } from '../lib/ids.js';
import { rememberOwnChange, trackCommand } from '../lib/ownChanges.js';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The last part of the problem type, e.g. 'invitation-expired'. */
  get code(): string {
    return this.problem.type?.split('/').pop() ?? '';
  }
}

/** The network failed before any answer (offline, server down). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Called on any 401 from a route that needs a session, so the app can return to sign-in. */
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

export function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const sent = send<T>(method, path, body);
  return method === 'GET' ? sent : trackCommand(sent);
}

async function send<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = newUuid();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = (typeof json === 'object' && json !== null ? json : {}) as ProblemDetails;
    if (response.status === 401 && !path.startsWith('/session') && !path.startsWith('/invitations'))
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
