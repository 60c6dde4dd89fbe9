// Downloads a file the API renders (an export, a roundtable paper) with the session cookie. It is
// fetched first rather than followed as a link, so a refusal (problem+json) is shown in the page
// in the catalogue's words instead of leaving the user on a page of JSON.
import { ApiError, NetworkError, type ProblemDetails } from '../api/http.js';
import { downloadName } from './exports.js';

export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let problem: ProblemDetails = {};
    try {
      problem = (await response.json()) as ProblemDetails;
    } catch {
      // not JSON: the status alone says what happened
    }
    throw new ApiError(response.status, problem);
  }
  const name = downloadName(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
