// One lint configuration for every workspace; each workspace's eslint.config.js calls this.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * @param {string} tsconfigRootDir the workspace folder (import.meta.dirname of the caller)
 * @param {{ restrictImports?: string[] }} [options] module patterns the workspace may not import
 */
export function accordLintConfig(tsconfigRootDir, options = {}) {
  const restricted = options.restrictImports ?? [];
  return tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.config.*', 'bench/results/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': 'error',
        '@typescript-eslint/no-floating-promises': 'error',
        'no-restricted-imports': restricted.length
          ? [
              'error',
              {
                patterns: restricted.map((group) => ({
                  group: [group],
                  message: 'shared/ is pure: it may not import from server/ or client/.',
                })),
              },
            ]
          : 'off',
      },
    },
    {
      files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test-support/**'],
      rules: {
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/unbound-method': 'off',
      },
    },
  );
}
