// Turns a failed request into a sentence from the catalogue; the server's own detail is kept as
// the specific part, since it names what was refused and who may do it.
import { ApiError, NetworkError } from './http.js';

/**
 * The few messages a failure is worded with: the app's `t` is one, and so is the sign-in
 * screen's, which carries only the messages it shows.
 */
export interface ErrorWords {
  (key: 'error.network' | 'error.session' | 'error.notFound'): string;
  (
    key: 'error.forbidden' | 'error.conflict' | 'error.invalid' | 'error.generic',
    params: { detail: string },
  ): string;
}

/** A failure already worded for the user (from the catalogue). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

export function describeError(t: ErrorWords, error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof ApiError) {
    const detail = error.problem.detail ?? error.problem.title ?? error.message;
    switch (error.status) {
      case 401:
        return t('error.session');
      case 403:
        return t('error.forbidden', { detail });
      case 404:
        return t('error.notFound');
      case 409:
      case 410:
        return t('error.conflict', { detail });
      case 422:
        return t('error.invalid', { detail });
      default:
        return t('error.generic', { detail });
    }
  }
  return t('error.generic', { detail: error instanceof Error ? error.message : String(error) });
}
