import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { accordLintConfig } from '../.config/eslint.base.js';

// The browser app: browser globals, the rules of hooks, and nothing from the server.
export default [
  ...accordLintConfig(import.meta.dirname, {
    restrictImports: ['@accord/server', '@accord/server/*', '**/server/**', 'node:*'],
  }),
  { languageOptions: { globals: { ...globals.browser } } },
  reactHooks.configs.flat.recommended,
];
