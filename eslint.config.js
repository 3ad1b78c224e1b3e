// @ts-check
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'data/',
      'test-results/',
      'api/src/database/migrations/',
      'dashboard/build/',
      'dashboard/.svelte-kit/',
      'dashboard/src/lib/graphql/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Metric types get a GraphQL field per measure from the measure catalogue (addMeasureFields) and an
    // interface merged with the class for the TypeScript shape of those fields.
    files: ['api/src/modules/metrics/dto/*.type.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  ...svelte.configs['flat/recommended'],
  {
    files: ['dashboard/**/*.svelte', 'dashboard/**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], projectService: true },
    },
  },
  {
    // The dashboard is served at the root (no paths.base) and its links carry the filters' query string,
    // which resolve() does not take: plain hrefs and goto() are correct here.
    files: ['dashboard/**/*.svelte'],
    rules: { 'svelte/no-navigation-without-resolve': 'off' },
  },
  {
    // Components run in the browser; the dashboard's plain scripts (the build helper) in Node.
    files: ['dashboard/**/*.svelte'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    // Tests read untyped JSON (GraphQL responses, raw rows); their assertions are the type check.
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // k6 runs these: its init-context globals instead of Node's.
    files: ['loadtest/k6/**/*.js'],
    languageOptions: {
      globals: { open: 'readonly', __ENV: 'readonly', __VU: 'readonly', __ITER: 'readonly' },
    },
  },
);
