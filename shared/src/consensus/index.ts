// The negotiation record folded from the domain events, and what is read from it: consensus,
// position history, milestones, coalitions, and the attributed comparison of two texts.
export type { AppendedList } from './appended-list.js';
export type { KeyedMap } from './keyed-map.js';
export * from './record.js';
export * from './standing.js';
export * from './consensus.js';
export * from './history.js';
export * from './milestones.js';
export * from './coalitions.js';
export * from './comparison.js';
