// NetDesk lint rules. The import restrictions keep the dependency direction:
// renderer → shared, electron → shared; shared/ imports no electron, no node:*, no React, no DOM.
// netdesk/layers (eslint/layers.js) checks the three folders by where an import lands, tests
// included; test/unit/lint-layers.test.ts proves each never fails lint when broken.
// netdesk-features/features (eslint/features.js) keeps a feature out of another feature's
// internals; test/unit/lint-features.test.ts proves it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import netdeskFeatures from './eslint/features.js';
import netdesk from './eslint/layers.js';

const platformModules = [
  'electron',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'react',
  'react-dom',
  'react-dom/*',
  'dexie',
  'dexie-react-hooks',
  'antd',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-output', 'bench/tmp', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx,js,mjs}', 'renderer/**/*.{ts,tsx,js,mjs}', 'electron/**/*.{ts,tsx,js,mjs}'],
    plugins: { netdesk },
    rules: { 'netdesk/layers': ['error', { root: import.meta.dirname }] },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx,js,mjs}'],
    plugins: { 'netdesk-features': netdeskFeatures },
    rules: { 'netdesk-features/features': ['error', { root: import.meta.dirname }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    // Plain JavaScript is linted without type information, so it never joins the default project.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: platformModules,
              message: 'shared/ is pure TypeScript: no electron, node:*, React, Dexie or DOM code here.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ runs without a DOM.' },
        { name: 'document', message: 'shared/ runs without a DOM.' },
        { name: 'localStorage', message: 'shared/ runs without a DOM.' },
        { name: 'indexedDB', message: 'shared/ runs without a DOM.' },
        { name: 'navigator', message: 'shared/ runs without a DOM.' },
        { name: 'process', message: 'shared/ runs without Node.' },
        { name: 'Buffer', message: 'shared/ runs without Node.' },
        { name: 'require', message: 'shared/ runs without Node.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'child_process'],
              message: 'The renderer has no Node: talk to window.netdesk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
