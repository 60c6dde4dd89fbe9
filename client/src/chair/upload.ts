// Sends a file as the raw request body (the import route reads the bytes, not a form), with an
// Idempotency-Key like every command, and problem details turned into an ApiError.
import { ApiError, NetworkError, type ProblemDetails } from '../api/http.js';
import { newUuid } from '../lib/ids.js';
import { rememberOwnChange, trackCommand } from '../lib/ownChanges.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const MARKDOWN_TYPE = 'text/markdown';

/** The content type the server expects for a file, from its name (browsers often leave .md blank). */
export function uploadType(file: Pick<File, 'name' | 'type'>): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return DOCX_TYPE;
  if (name.endsWith('.md') || name.endsWith('.markdown')) return MARKDOWN_TYPE;
  return file.type || 'application/octet-stream';
}

export function postFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  return trackCommand(send<T>(path, file, contentType));
}

async function send<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': contentType,
        'idempotency-key': newUuid(),
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const problem = (typeof json === 'object' && json !== null ? json : {}) as ProblemDetails;
    throw new ApiError(response.status, problem);
  }
  if (typeof json === 'object' && json !== null && 'position' in json) {
    const { position } = json as { position?: unknown };
    if (typeof position === 'string') rememberOwnChange(position);
  }
  return json as T;
}
