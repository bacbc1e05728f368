// Lint rules: typescript-eslint's recommended set, plus the house rules that a
// linter can check (no platform library in the core, no console.log outside
// the console adapter and the CLI, no `any`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['grammy', '@grammyjs/*'], message: 'grammY belongs under adapters/telegram only.' },
          { group: ['discord.js', '@discordjs/*'], message: 'discord.js belongs under adapters/discord only.' },
          { group: ['**/adapters/telegram/**', '**/adapters/discord/**'], message: 'The core never imports a platform adapter.' },
        ],
      }],
    },
  },
  {
    files: ['adapters/telegram/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['discord.js', '@discordjs/*'], message: 'discord.js belongs under adapters/discord only.' }] }] },
  },
  {
    files: ['adapters/discord/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['grammy', '@grammyjs/*'], message: 'grammY belongs under adapters/telegram only.' }] }] },
  },
  { files: ['bench/**/*.ts', 'tests/**/*.ts'], rules: { 'no-console': 'off' } },
);
