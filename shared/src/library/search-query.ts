// Turns what a delegate types into an SQLite FTS5 query. The user's text is never FTS5 syntax:
// every word becomes a quoted term (so AND, NEAR, quotes, stars and colons typed by anyone are
// plain words), terms must all match, and the last word also matches as a prefix, so results
// come as one types. A quoted phrase in the input stays a phrase.
import { LIBRARY_QUERY_CHARS_MAX } from './limits.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** The FTS5 MATCH expression for a search box's text; null when it holds no word. */
export function libraryMatchExpression(input: string): string | null {
  const text = input.slice(0, LIBRARY_QUERY_CHARS_MAX);
  const parts: string[] = [];
  // Phrases first: "common but differentiated" stays together.
  const rest = text.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = phrase.match(WORD);
    if (words) parts.push(`"${words.join(' ')}"`);
    return ' ';
  });
  const words = rest.match(WORD) ?? [];
  words.forEach((word, index) => {
    const last = index === words.length - 1 && !/\s$/.test(rest);
    parts.push(last ? `"${word}"*` : `"${word}"`);
  });
  return parts.length === 0 ? null : parts.join(' AND ');
}
