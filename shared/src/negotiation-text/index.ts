export * from './schema.js';
export * from './brackets.js';
export * from './notation.js';
export * from './paragraph-matching.js';
