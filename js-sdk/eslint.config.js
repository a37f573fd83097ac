import js from '@eslint/js';
import globals from 'globals';
import { floorRules } from './test/support/browser-floor.js';

/** The SDK runs in browsers and in Node; its tests and build scripts in Node. */
export default [
  { ignores: ['dist/', 'target/', 'node_modules/', 'test/types/'] },
  js.configs.recommended,
  {
    files: ['src/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_' }],
      // nothing newer than the README's browser floor (test/support/browser-floor.js)
      ...floorRules(),
    },
  },
  {
    files: ['test/**/*.js', 'test/**/*.mjs', 'test/**/*.cjs', '*.config.js', '*.config.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { args: 'none' }] },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
];
