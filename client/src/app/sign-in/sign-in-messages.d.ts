// One language's sign-in messages, cut out of its catalogue at build time by the
// `accord-sign-in-messages` plugin of vite.config.ts.
declare module 'virtual:sign-in-messages/*' {
  const messages: Record<string, string>;
  export default messages;
}
