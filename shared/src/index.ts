// @accord/shared — the pure domain used by the server and the browser alike: vocabulary,
// command and event schemas, deciders, the permission matrix, paragraph numbering, stream names.
export * from './vocabulary.js';
export * from './schema.js';
export * from './email.js';
export * from './ids.js';
export * from './decider.js';
export * from './messages.js';
export * from './roles.js';
export * from './permissions.js';
export * from './numbering.js';
export * from './activity.js';
export * from './i18n/index.js';
export { defineEvent, defineUpcaster } from './event-definition.js';
export type { EventDefinition, EventsOf, Upcaster } from './event-definition.js';
export * from './events.js';
export * from './commands.js';
export * from './aggregates.js';

export * from './negotiation/commands.js';
export * from './negotiation/events.js';
export * from './negotiation/state.js';
export * from './negotiation/decider.js';

export * from './document/commands.js';
export * from './document/events.js';
export * from './document/state.js';
export * from './document/decider.js';
export * from './document/revision-labels.js';
export * from './document/concordance.js';

export * from './amendment/proposal.js';
export * from './amendment/commands.js';
export * from './amendment/events.js';
export * from './amendment/state.js';
export * from './amendment/decider.js';
export * from './amendment/sub-amendments.js';

export * from './positions/commands.js';
export * from './positions/events.js';
export * from './positions/state.js';
export * from './positions/decider.js';

export * from './comments/commands.js';
export * from './comments/events.js';
export * from './comments/state.js';
export * from './comments/decider.js';

export * from './roundtable/paper.js';
export * from './roundtable/commands.js';
export * from './roundtable/events.js';
export * from './roundtable/state.js';
export * from './roundtable/decider.js';

export * from './process/index.js';
export * from './library/index.js';
export * from './consultations/index.js';
export * from './recommendations/index.js';
export * from './pledges/index.js';
export * from './notifications/index.js';
export * from './private-drafts/index.js';
export * from './language-versions/index.js';
export * from './segments/index.js';

export * from './accounts/commands.js';
export * from './accounts/events.js';
export * from './accounts/user.js';
export * from './accounts/email-reservation.js';
export * from './accounts/session.js';
export * from './realtime.js';
export * from './collab/close-codes.js';
export * from './collab/awareness.js';
export * from './negotiation-text/index.js';

export * from './consensus/index.js';
export * from './contracts/index.js';
