// The process of a document: deadlines and the silence procedure.
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export * from './decider.js';
