// Bounds on what the library takes in, so that one import cannot make an event, an index row or
// a search response unreasonably large.
// A library text is in one of the six UN languages.
export { unLanguageSchema } from '../language-versions/languages.js';

export const LIBRARY_PARAGRAPHS_MAX = 1_000;
export const LIBRARY_PARAGRAPH_CHARS_MAX = 8_000;
/** The whole text, in characters: a long resolution is ~100k; this leaves room, not abuse. */
export const LIBRARY_TEXT_CHARS_MAX = 1_000_000;
export const LIBRARY_QUERY_CHARS_MAX = 200;
export const LIBRARY_RESULTS_MAX = 50;
