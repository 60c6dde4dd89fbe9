import { accordLintConfig } from '../.config/eslint.base.js';

// shared/ runs in Node and in the browser: no I/O, and nothing from server/ or client/.
export default accordLintConfig(import.meta.dirname, {
  restrictImports: [
    '@accord/server',
    '@accord/server/*',
    '@accord/client',
    '@accord/client/*',
    '**/server/**',
    '**/client/**',
    'node:*',
    'fs',
    'path',
    'http',
    'net',
  ],
});
