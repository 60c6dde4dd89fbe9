export * from './schema.js';
export * from './brackets.js';
