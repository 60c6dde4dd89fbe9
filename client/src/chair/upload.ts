// Which media type to send a draft file as. The sending itself is the API's one request path
// (api/http.ts: postFile), so an upload gets the same Idempotency-Key, problem details and 401
// handling as every other call.
import { DOCX_CONTENT_TYPE, MARKDOWN_CONTENT_TYPE } from '@accord/shared';

export { postFile } from '../api/http.js';

export const DOCX_TYPE = DOCX_CONTENT_TYPE;
export const MARKDOWN_TYPE = MARKDOWN_CONTENT_TYPE;

/** The content type the server expects for a file, from its name (browsers often leave .md blank). */
export function uploadType(file: Pick<File, 'name' | 'type'>): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return DOCX_TYPE;
  if (name.endsWith('.md') || name.endsWith('.markdown')) return MARKDOWN_TYPE;
  return file.type || 'application/octet-stream';
}
