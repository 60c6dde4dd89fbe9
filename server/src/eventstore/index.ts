// The event store port, its errors and the adapters.
export * from './port.js';
export * from './errors.js';
