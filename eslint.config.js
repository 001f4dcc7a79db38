// Lint, including the architecture's import boundaries:
//   shared/   pure TypeScript: imports neither electron/ nor renderer/, nor electron, nor Node built-ins, nor React;
//   renderer/ never imports electron/ or Node; only renderer/src/studio/ may touch window.studio;
//   electron/services, electron/host, electron/sync and electron/cli never import `electron` (they run without Electron);
//   nothing in electron/ imports renderer/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'postcss.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is pure: it may not import electron/ or renderer/.' },
            { group: ['electron', 'react', 'react-dom', 'dexie', ...nodeBuiltins], message: 'shared/ is pure TypeScript: no Electron, React, Dexie or Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer reaches the services only through StudioApi (renderer/src/studio/).' },
            { group: ['electron', ...nodeBuiltins], message: 'The renderer runs sandboxed: no Electron or Node modules.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'studio', message: 'Use `studio` from renderer/src/studio/studio.ts: it picks the transport.' },
      ],
    },
  },
  {
    files: ['renderer/src/studio/**/*.{ts,tsx}'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/sync/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'Services and the host run without Electron: inject what you need from electron/main.' },
            { group: ['**/renderer/**'], message: 'electron/ may not import renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/.' }] }],
    },
  },
);
