// @accord/shared — the pure domain used by the server and the browser alike.
export * from './ids.js';
