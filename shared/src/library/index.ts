// The agreed-language library: adopted texts to search for precedent wording, and citations of
// the passages taken from them into a draft.
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export {
  LIBRARY_PARAGRAPHS_MAX,
  LIBRARY_PARAGRAPH_CHARS_MAX,
  LIBRARY_QUERY_CHARS_MAX,
  LIBRARY_RESULTS_MAX,
  LIBRARY_TEXT_CHARS_MAX,
} from './limits.js';
export * from './search-query.js';
export * from './state.js';
