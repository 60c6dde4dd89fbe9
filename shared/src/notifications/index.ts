// Notifications: the kinds of notice, who receives them, and each user's e-mail preferences.
export * from './kinds.js';
export * from './mentions.js';
export * from './recipients.js';
export * from './preferences.js';
export * from './commands.js';
export * from './events.js';
export * from './decider.js';
